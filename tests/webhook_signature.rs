//! Webhook signatures against tampering: one correctly signed form request and one JSON request, each
//! changed in one way at a time, with the exact verdict expected for each change.
//!
//! The verdicts are those of Twilio's Python SDK (twilio 9.13.0), which also computed the signatures
//! written out below; `scripts/webhook_differential.sh` compares the two on random requests. Some
//! changes are accepted on purpose, as the SDK accepts them: values sent twice count once, parameters
//! are sorted, any port is taken off the URL and the default one put on, the scheme's case is ignored
//! and an empty `?` disappears.

use twilio_endpoint::{SignatureAlgorithm, SignatureError, WebhookValidator};

const TOKEN: &str = "0123456789abcdef0123456789abcdef";
const URL: &str = "https://example.com/twilio/voice?tenant=7";
const BODY: &str = "CallSid=CA0123456789abcdef0123456789abcdef&From=%2B15558675310&To=%2B15551234567\
                    &Digits=1234&SpeechResult=caf%C3%A9+%26+cr%C3%A8me";
/// The SDK's HMAC-SHA1 and HMAC-SHA256 signatures of `URL` and `BODY` under `TOKEN`.
const SHA1: &str = "/Mt1pOYlKdlSdL9TRgWdQQnEvow=";
const SHA256: &str = "Zg4rz+Rwm37uSeOR203Ur1TwnAOF1rz0al4ky/E8PjQ=";
const SHA256_SETTINGS: &str = "key=webhooks_sharedkey_0123,algorithm=HMAC_SHA256";

const JSON: &str = r#"{"CallSid":"CA0123456789abcdef0123456789abcdef","Digits":"1234"}"#;
const JSON_URL: &str = "https://example.com/twilio/voice?tenant=7\
                        &bodySHA256=9cb0f80f83cee5ce655aec3cfd41c289cc7fdaeb62e4c536c08bca4d964c5a12";
/// The SDK's signature of `JSON_URL` (the body is covered by its hash in the URL).
const JSON_SHA1: &str = "yT91XPzyT08/WcCefMCyQk9F1R0=";

const MISMATCH: Result<(), SignatureError> =
    Err(SignatureError::Mismatch { algorithm: SignatureAlgorithm::HmacSha1 });

/// One request as the validator sees it, and the verdict expected.
struct Case {
    name: &'static str,
    json: bool,
    url: String,
    body: String,
    signature: Option<String>,
    settings: Option<&'static str>,
    expected: Result<(), SignatureError>,
}

fn form(name: &'static str, expected: Result<(), SignatureError>) -> Case {
    Case {
        name,
        json: false,
        url: URL.into(),
        body: BODY.into(),
        signature: Some(SHA1.into()),
        settings: None,
        expected,
    }
}

fn json(name: &'static str, expected: Result<(), SignatureError>) -> Case {
    Case {
        json: true,
        url: JSON_URL.into(),
        body: JSON.into(),
        signature: Some(JSON_SHA1.into()),
        ..form(name, expected)
    }
}

fn malformed(algorithm: SignatureAlgorithm, length: usize) -> Result<(), SignatureError> {
    Err(SignatureError::MalformedSignature { algorithm, length })
}

fn check(validator: &WebhookValidator, cases: Vec<Case>) {
    let mut failures = Vec::new();
    for case in &cases {
        let validate =
            if case.json { WebhookValidator::validate_json } else { WebhookValidator::validate_form };
        let verdict =
            validate(validator, &case.url, case.body.as_bytes(), case.signature.as_deref(), case.settings);
        if verdict != case.expected {
            failures.push(format!("{}: expected {:?}, got {verdict:?}", case.name, case.expected));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn the_form_request_against_each_change() {
    let validator = WebhookValidator::new(TOKEN).unwrap();
    let replaced = |from: &str, to: &str| BODY.replacen(from, to, 1);
    let sha256 = |name, expected| Case {
        signature: Some(SHA256.into()),
        settings: Some(SHA256_SETTINGS),
        ..form(name, expected)
    };
    check(
        &validator,
        vec![
            form("as signed", Ok(())),
            Case { body: replaced("Digits=1234", "Digits=1235"), ..form("a changed value", MISMATCH) },
            Case { body: format!("{BODY}&Extra=1"), ..form("an added key", MISMATCH) },
            Case { body: format!("{BODY}&Extra="), ..form("an added key with an empty value", MISMATCH) },
            Case { body: replaced("&Digits=1234", ""), ..form("a removed key", MISMATCH) },
            Case { body: replaced("&Digits=1234", "&Digits="), ..form("an emptied value", MISMATCH) },
            Case { body: format!("{BODY}&Digits=9"), ..form("a repeated key with another value", MISMATCH) },
            Case {
                body: format!("{BODY}&Digits=1234"),
                ..form("a repeated key with the same value", Ok(()))
            },
            Case { body: replaced("Digits=", "digits="), ..form("a key in another case", MISMATCH) },
            Case {
                body: replaced("Digits=1234&", "").replace("CallSid", "Digits=1234&CallSid"),
                ..form("reordered keys", Ok(()))
            },
            Case {
                body: replaced("caf%C3%A9+", "caf%C3%A9%20"),
                ..form("a space escaped another way", Ok(()))
            },
            Case { body: replaced("caf%C3%A9", "cafe"), ..form("an accent dropped", MISMATCH) },
            Case { url: URL.replace("https:", "http:"), ..form("http instead of https", MISMATCH) },
            Case { url: URL.replace(".com", ".com:443"), ..form("the default port added", Ok(())) },
            Case {
                url: URL.replace(".com", ".com:8443"),
                ..form("another port added (the SDK takes any off)", Ok(()))
            },
            Case { url: URL.replace("https:", "HTTPS:"), ..form("the scheme in capitals", Ok(())) },
            Case { url: URL.replace("example", "EXAMPLE"), ..form("the host in capitals", MISMATCH) },
            Case { url: URL.replace("voice", "Voice"), ..form("the path in capitals", MISMATCH) },
            Case { url: URL.replace("tenant=7", "tenant=8"), ..form("a changed query", MISMATCH) },
            Case { url: URL.replace("?tenant=7", ""), ..form("the query removed", MISMATCH) },
            Case { url: format!("{URL}#top"), ..form("a fragment added", MISMATCH) },
            Case { url: format!("{URL}#"), ..form("an empty fragment added", Ok(())) },
            Case {
                url: URL.replace(".com", ".com:99999"),
                ..form("a port out of range", invalid_url("its port is greater than 65535"))
            },
            Case {
                signature: Some(SHA1[..27].into()),
                ..form("a truncated signature", malformed(SignatureAlgorithm::HmacSha1, 27))
            },
            Case {
                signature: Some(String::new()),
                ..form("an empty signature", Err(SignatureError::MissingSignature))
            },
            Case { signature: None, ..form("no signature", Err(SignatureError::MissingSignature)) },
            Case {
                signature: Some(SHA1.replace('/', "_")),
                ..form("base64url instead of base64", malformed(SignatureAlgorithm::HmacSha1, 28))
            },
            Case {
                signature: Some(format!("{SHA1}\n")),
                ..form("a line break after the signature", malformed(SignatureAlgorithm::HmacSha1, 29))
            },
            Case { signature: Some(SHA1.to_lowercase()), ..form("the signature in lowercase", MISMATCH) },
            Case {
                settings: Some(SHA256_SETTINGS),
                ..form(
                    "an HMAC-SHA1 signature, HMAC-SHA256 announced",
                    malformed(SignatureAlgorithm::HmacSha256, 28),
                )
            },
            sha256("an HMAC-SHA256 signature", Ok(())),
            Case {
                settings: None,
                ..sha256(
                    "an HMAC-SHA256 signature, none announced",
                    malformed(SignatureAlgorithm::HmacSha1, 44),
                )
            },
            Case {
                body: format!("{BODY}&Extra=1"),
                ..sha256(
                    "an HMAC-SHA256 signature, a key added",
                    Err(SignatureError::Mismatch { algorithm: SignatureAlgorithm::HmacSha256 }),
                )
            },
            Case {
                settings: Some("algorithm=HMAC_SHA512"),
                ..form(
                    "an unknown algorithm",
                    Err(SignatureError::UnsupportedAlgorithm { name: "HMAC_SHA512".into() }),
                )
            },
            Case { json: true, ..form("a form checked as JSON", Err(SignatureError::MissingBodyHash)) },
        ],
    );
}

#[test]
fn the_form_request_with_ports_signed_in() {
    let validator = WebhookValidator::new(TOKEN).unwrap();
    let signed = |url: &str| Some(validator.sign_form(SignatureAlgorithm::HmacSha1, url, BODY.as_bytes()));
    let with_443 = URL.replace(".com", ".com:443");
    let with_8443 = URL.replace(".com", ".com:8443");
    let http = URL.replace("https:", "http:");
    check(
        &validator,
        vec![
            Case { signature: signed(&with_443), ..form("signed with :443, received without", Ok(())) },
            Case {
                url: with_443.clone(),
                signature: signed(&with_443),
                ..form("signed and received with :443", Ok(()))
            },
            Case { signature: signed(&with_8443), ..form("signed with :8443, received without", MISMATCH) },
            Case {
                url: URL.replace(".com", ".com:9443"),
                signature: signed(&with_8443),
                ..form("signed with :8443, received with :9443", MISMATCH)
            },
            Case {
                url: with_8443.clone(),
                signature: signed(&with_8443),
                ..form("signed and received with :8443", Ok(()))
            },
            Case {
                url: http.clone(),
                signature: signed(&http.replace(".com", ".com:80")),
                ..form("http signed with :80", Ok(()))
            },
            Case {
                url: http.clone(),
                signature: signed(&http.replace(".com", ".com:443")),
                ..form("http signed with :443", MISMATCH)
            },
            Case {
                signature: signed(&URL.replace(".com", ".com:80")),
                ..form("https signed with :80", MISMATCH)
            },
        ],
    );
}

#[test]
fn the_json_request_against_each_change() {
    let validator = WebhookValidator::new(TOKEN).unwrap();
    let other_body = JSON.replace("1234", "1235");
    let hash = &JSON_URL[JSON_URL.len() - 64..];
    // The SHA-256 of `other_body`.
    let other_hash = "a87b86ede88d3336144993df055cfccd2ff6bcddc1f53e7d9421e3856051ac58";
    check(
        &validator,
        vec![
            json("as signed", Ok(())),
            Case {
                body: other_body.clone(),
                ..json("a changed body", Err(SignatureError::BodyHashMismatch))
            },
            Case {
                body: format!("{JSON} "),
                ..json("a space added to the body", Err(SignatureError::BodyHashMismatch))
            },
            Case { body: String::new(), ..json("the body removed", Err(SignatureError::BodyHashMismatch)) },
            Case {
                body: other_body.clone(),
                url: JSON_URL.replace(hash, other_hash),
                ..json("body and bodySHA256 both changed", MISMATCH)
            },
            Case {
                url: JSON_URL.replace(hash, &hash.to_uppercase()),
                ..json("bodySHA256 in capitals", MISMATCH)
            },
            Case { url: URL.into(), ..json("bodySHA256 removed", Err(SignatureError::MissingBodyHash)) },
            Case { url: JSON_URL.replace(".com", ".com:443"), ..json("the default port added", Ok(())) },
            Case { url: JSON_URL.replace("https:", "http:"), ..json("http instead of https", MISMATCH) },
            Case {
                signature: Some(JSON_SHA1[..20].into()),
                ..json("a truncated signature", malformed(SignatureAlgorithm::HmacSha1, 20))
            },
            Case { json: false, ..json("JSON checked as a form", MISMATCH) },
        ],
    );
}

#[test]
fn another_accounts_token_matches_nothing() {
    let other = WebhookValidator::new("fedcba9876543210fedcba9876543210").unwrap();
    check(&other, vec![form("the form request", MISMATCH), json("the JSON request", MISMATCH)]);
}

#[test]
fn signing_gives_what_the_sdk_computed() {
    let validator = WebhookValidator::new(TOKEN).unwrap();
    assert_eq!(validator.sign_form(SignatureAlgorithm::HmacSha1, URL, BODY.as_bytes()), SHA1);
    assert_eq!(validator.sign_form(SignatureAlgorithm::HmacSha256, URL, BODY.as_bytes()), SHA256);
    let signed = validator.sign_json(SignatureAlgorithm::HmacSha1, URL, JSON.as_bytes()).unwrap();
    assert_eq!((signed.url.as_str(), signed.signature.as_str()), (JSON_URL, JSON_SHA1));
}

fn invalid_url(reason: &'static str) -> Result<(), SignatureError> {
    Err(SignatureError::InvalidUrl { reason })
}
