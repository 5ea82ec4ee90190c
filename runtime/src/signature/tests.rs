//! The published vectors of Twilio's Python SDK (`tests/unit/test_request_validator.py`: token `12345`,
//! the `myapp.php` URL and a call's parameters), and what the validator says about each part.

use super::*;

const TOKEN: &str = "12345";
const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";
/// The SDK's parameters (`CallSid`, `Digits`, `From`, `To`, `Caller`) as Twilio posts them, in another
/// order than the signed one.
const BODY: &[u8] =
    b"CallSid=CA1234567890ABCDE&Digits=1234&From=%2B14158675309&To=%2B18005551212&Caller=%2B14158675309";
/// The SDK's signature of `URL` and `BODY`.
const SIGNATURE: &str = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
/// The SDK's JSON body and its SHA-256.
const JSON: &[u8] = br#"{"property": "value", "boolean": true}"#;
const JSON_HASH: &str = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
const SHA256_SETTINGS: Option<&str> = Some("key=webhooks_sharedkey_0123,algorithm=HMAC_SHA256");

fn validator() -> WebhookValidator {
    WebhookValidator::new(TOKEN).unwrap()
}

#[test]
fn the_sdks_form_vector() {
    let v = validator();
    assert_eq!(v.sign_form(SignatureAlgorithm::HmacSha1, URL, BODY), SIGNATURE);
    assert_eq!(v.validate_form(URL, BODY, Some(SIGNATURE), None), Ok(()));
}

#[test]
fn the_sdks_port_vectors() {
    let v = validator();
    let with_port = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
    // Twilio may have signed the URL with `:443` written out: both forms are tried.
    assert_eq!(v.sign_form(SignatureAlgorithm::HmacSha1, with_port, BODY), "kvajT1Ptam85bY51eRf/AJRuM3w=");
    assert_eq!(v.validate_form(URL, BODY, Some("kvajT1Ptam85bY51eRf/AJRuM3w="), None), Ok(()));
    assert_eq!(v.validate_form(with_port, BODY, Some(SIGNATURE), None), Ok(()));
    // Any port is taken off, not only the default one.
    assert_eq!(
        v.validate_form("https://mycompany.com:1234/myapp.php?foo=1&bar=2", BODY, Some(SIGNATURE), None),
        Ok(())
    );
    let http = "http://mycompany.com/myapp.php?foo=1&bar=2";
    assert_eq!(v.validate_form(http, BODY, Some("0ZXoZLH/DfblKGATFgpif+LLRf4="), None), Ok(()));
    let http_1234 = "http://mycompany.com:1234/myapp.php?foo=1&bar=2";
    assert_eq!(v.sign_form(SignatureAlgorithm::HmacSha1, http_1234, BODY), "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=");
    assert_eq!(v.validate_form(http_1234, BODY, Some("Zmvh+3yNM1Phv2jhDCwEM3q5ebU="), None), Ok(()));
}

#[test]
fn the_sdks_repeated_key_vector() {
    let v = validator();
    let expected = "IK+Dwps556ElfBT0I3Rgjkr1wJU=";
    assert_eq!(
        v.sign_form(SignatureAlgorithm::HmacSha1, URL, b"Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234"),
        expected
    );
    // Each distinct value once, sorted: the order and a repeated pair do not matter.
    let repeated = b"Digits=1234&Sid=CA123&Digits=5678&SidAccount=AC123&Digits=1234";
    assert_eq!(v.validate_form(URL, repeated, Some(expected), None), Ok(()));
    assert_eq!(
        v.validate_form(URL, b"Sid=CA123&SidAccount=AC123&Digits=5678", Some(expected), None),
        Err(SignatureError::Mismatch { algorithm: SignatureAlgorithm::HmacSha1 })
    );
}

#[test]
fn the_sdks_json_vector() {
    let v = validator();
    let url = format!("{URL}&bodySHA256={JSON_HASH}");
    assert_eq!(body_hash(JSON), JSON_HASH);
    assert_eq!(v.validate_json(&url, JSON, Some("a9nBmqA0ju/hNViExpshrM61xv4="), None), Ok(()));
    let signed = v.sign_json(SignatureAlgorithm::HmacSha1, URL, JSON).unwrap();
    assert_eq!(signed, JsonSignature { url: url.clone(), signature: "a9nBmqA0ju/hNViExpshrM61xv4=".into() });
    assert_eq!(
        v.validate_json(&url, b"{}", Some("a9nBmqA0ju/hNViExpshrM61xv4="), None),
        Err(SignatureError::BodyHashMismatch)
    );
    assert_eq!(
        v.validate_json(URL, JSON, Some("a9nBmqA0ju/hNViExpshrM61xv4="), None),
        Err(SignatureError::MissingBodyHash)
    );
}

/// The SDK's tests have no HMAC-SHA256 vector; these are what `RequestValidator.compute_signature` of
/// twilio 9.13.0 returns for the same inputs with `algorithm="HMAC_SHA256"`.
#[test]
fn the_sha256_vectors() {
    let v = validator();
    let form = "033hgUJA9M/hXIZsYjwkerEP/DBm35nEri5FhCYjA5s=";
    assert_eq!(v.sign_form(SignatureAlgorithm::HmacSha256, URL, BODY), form);
    assert_eq!(v.validate_form(URL, BODY, Some(form), SHA256_SETTINGS), Ok(()));
    let with_port = "grxRoa/VNtXxd524NGLxIdev83nh23xhrRUVm50Umq4=";
    assert_eq!(v.validate_form(URL, BODY, Some(with_port), SHA256_SETTINGS), Ok(()));
    let json = "+UOCWf84gdgo/5Hpg4m5/EgKnJA2/TbOw5sPNVr3bPk=";
    assert_eq!(v.sign_json(SignatureAlgorithm::HmacSha256, URL, JSON).unwrap().signature, json);
    assert_eq!(
        v.validate_json(&format!("{URL}&bodySHA256={JSON_HASH}"), JSON, Some(json), SHA256_SETTINGS),
        Ok(())
    );
    // The HMAC-SHA1 signature is refused when the settings ask for HMAC-SHA256, and the reverse.
    assert_eq!(
        v.validate_form(URL, BODY, Some(SIGNATURE), SHA256_SETTINGS),
        Err(SignatureError::MalformedSignature { algorithm: SignatureAlgorithm::HmacSha256, length: 28 })
    );
    assert_eq!(
        v.validate_form(URL, BODY, Some(form), None),
        Err(SignatureError::MalformedSignature { algorithm: SignatureAlgorithm::HmacSha1, length: 44 })
    );
}

#[test]
fn the_settings_header_is_read_as_the_sdk_reads_it() {
    use SignatureAlgorithm::{HmacSha1, HmacSha256};
    for (header, expected) in [
        (None, HmacSha1),
        (Some(""), HmacSha1),
        (Some("key=webhooks_sharedkey_0123"), HmacSha1),
        (Some("algorithm="), HmacSha1),
        (Some("algorithm= ,algorithm=HMAC_SHA256"), HmacSha256),
        (Some(" algorithm \u{1f}= hmac_sha256\u{3000}"), HmacSha256),
        (Some("algorithm=hmac_\u{17f}ha256"), HmacSha256),
        (Some("Algorithm=HMAC_SHA256"), HmacSha1),
        (Some("algorithm=HMAC_SHA1,algorithm=HMAC_SHA256"), HmacSha1),
    ] {
        assert_eq!(SignatureAlgorithm::from_settings(header), Ok(expected), "{header:?}");
    }
    assert_eq!(
        SignatureAlgorithm::from_settings(Some("key=k,algorithm=HMAC_SHA512")),
        Err(SignatureError::UnsupportedAlgorithm { name: "HMAC_SHA512".into() })
    );
}

#[test]
fn signatures_that_cannot_match_say_why() {
    let v = validator();
    let check = |signature: Option<&str>| v.validate_form(URL, BODY, signature, None).unwrap_err();
    assert_eq!(check(None), SignatureError::MissingSignature);
    assert_eq!(check(Some("")), SignatureError::MissingSignature);
    let malformed =
        |length| SignatureError::MalformedSignature { algorithm: SignatureAlgorithm::HmacSha1, length };
    assert_eq!(check(Some(&SIGNATURE[..27])), malformed(27));
    assert_eq!(check(Some(&format!(" {SIGNATURE}"))), malformed(29));
    assert_eq!(check(Some("RSOYDt4T1cUTdK1PDd93/VVr8B8!")), malformed(28));
    // The same bytes in base64 that is not canonical (the unused low bits set): Python compares the
    // text, so it is refused.
    assert_eq!(check(Some("RSOYDt4T1cUTdK1PDd93/VVr8B9=")), malformed(28));
    assert_eq!(check(Some("RSOYDt4T1cUTdK1PDd93/VVr8B8é")), malformed(28));
    assert_eq!(
        check(Some("RSOYDt4T1cUTdK1PDd93/VVr8B4=")),
        SignatureError::Mismatch { algorithm: SignatureAlgorithm::HmacSha1 }
    );
}

#[test]
fn a_blank_token_is_refused_and_a_token_never_shown() {
    assert_eq!(WebhookValidator::new("").unwrap_err(), BlankTokenError);
    assert_eq!(WebhookValidator::new(" \t\n").unwrap_err(), BlankTokenError);
    let debug = format!("{:?}", WebhookValidator::new("secret-token-0123").unwrap());
    assert_eq!(debug, "WebhookValidator { auth_token: <redacted> }");
}

#[test]
fn messages_name_the_header_and_what_is_allowed_but_no_secret() {
    let v = validator();
    let wrong_hash = format!("{URL}&bodySHA256=00");
    let errors = [
        v.validate_form(URL, BODY, None, None),
        v.validate_form(URL, BODY, Some("abc"), None),
        v.validate_form(URL, BODY, Some("RSOYDt4T1cUTdK1PDd93/VVr8B8!"), None),
        v.validate_form(URL, BODY, Some("RSOYDt4T1cUTdK1PDd93/VVr8B4="), None),
        v.validate_form(URL, BODY, Some(SIGNATURE), Some("algorithm=\"\n")),
        v.validate_form("https://host:99999/", BODY, Some(SIGNATURE), None),
        v.validate_json(URL, JSON, Some(SIGNATURE), None),
        v.validate_json(
            &wrong_hash,
            JSON,
            Some(&v.sign_form(SignatureAlgorithm::HmacSha1, &wrong_hash, b"")),
            None,
        ),
    ];
    let messages: Vec<String> = errors.iter().map(|error| error.as_ref().unwrap_err().to_string()).collect();
    assert_eq!(
        messages,
        [
            "the request has no `X-Twilio-Signature` header, or an empty one; Twilio signs every webhook \
             request, so this one did not come from Twilio or the header was dropped on the way",
            "`X-Twilio-Signature` is not an HMAC-SHA1 signature: it has 3 characters; one is 28 characters: \
             27 of `A`-`Z`, `a`-`z`, `0`-`9`, `+` and `/`, then `=`",
            "`X-Twilio-Signature` is not an HMAC-SHA1 signature: it is not canonical base64; one is 28 \
             characters: 27 of `A`-`Z`, `a`-`z`, `0`-`9`, `+` and `/`, then `=`",
            "`X-Twilio-Signature` does not match the request: it is not the HMAC-SHA1 of the URL (with and \
             without its port) and the parameters under this auth token; if the request is genuine, check \
             the URL (scheme, host, port, path and query as Twilio requested them, not as a proxy \
             forwarded them) and the token",
            "`X-Twilio-Webhooks-Signature-Settings` names the algorithm \"\\\"\"; the algorithms Twilio \
             signs with are `HMAC_SHA1` and `HMAC_SHA256`",
            "the request URL cannot be checked: its port is greater than 65535; Twilio's SDKs refuse such a \
             URL too, so pass the URL exactly as Twilio requested it",
            "the URL has no `bodySHA256` query parameter, which a request with a JSON body must have; \
             Twilio adds it to the URL it signs, so pass the URL with the whole query Twilio requested",
            "the body is not the one Twilio signed: its SHA-256 differs from the URL's `bodySHA256` (64 \
             lowercase hex digits); pass the body exactly as received, before any parsing",
        ]
    );
    for message in &messages {
        assert!(!message.contains(TOKEN) && !message.contains(SIGNATURE), "{message}");
    }
}

#[test]
fn a_json_body_needs_a_hash_unless_it_is_empty() {
    let v = validator();
    let url_only = v.sign_form(SignatureAlgorithm::HmacSha1, URL, b"");
    // As in the SDK: an empty body has nothing to protect, and the URL's signature decides.
    assert_eq!(v.validate_json(URL, b"", Some(&url_only), None), Ok(()));
    assert_eq!(v.validate_json(URL, b" ", Some(&url_only), None), Err(SignatureError::MissingBodyHash));
    // A blank `bodySHA256=` is no parameter for `parse_qs`.
    let blank = format!("{URL}&bodySHA256=");
    let signature = v.sign_form(SignatureAlgorithm::HmacSha1, &blank, b"");
    assert_eq!(v.validate_json(&blank, JSON, Some(&signature), None), Err(SignatureError::MissingBodyHash));
    // Uppercase hex is another text than the one `hexdigest()` gives.
    let upper = format!("{URL}&bodySHA256={}", JSON_HASH.to_uppercase());
    let signature = v.sign_form(SignatureAlgorithm::HmacSha1, &upper, b"");
    assert_eq!(v.validate_json(&upper, JSON, Some(&signature), None), Err(SignatureError::BodyHashMismatch));
}

#[test]
fn sign_json_puts_the_hash_before_the_fragment_and_refuses_a_second_one() {
    let v = validator();
    let sign = |url: &str| v.sign_json(SignatureAlgorithm::HmacSha1, url, JSON).map(|signed| signed.url);
    assert_eq!(sign("https://h/a").unwrap(), format!("https://h/a?bodySHA256={JSON_HASH}"));
    assert_eq!(sign("https://h/a?").unwrap(), format!("https://h/a?bodySHA256={JSON_HASH}"));
    assert_eq!(sign("https://h/a?x=1#f?g").unwrap(), format!("https://h/a?x=1&bodySHA256={JSON_HASH}#f?g"));
    assert!(matches!(
        sign(&format!("https://h/a?bodySHA256={JSON_HASH}")),
        Err(SignatureError::InvalidUrl { .. })
    ));
    assert!(matches!(sign("https://h:x/a"), Err(SignatureError::InvalidUrl { .. })));
    for url in ["https://h/a", "https://h/a?x=1#f", "http://[::1]:8080/a?x=&y"] {
        let signed = v.sign_json(SignatureAlgorithm::HmacSha256, url, JSON).unwrap();
        assert_eq!(
            v.validate_json(&signed.url, JSON, Some(&signed.signature), SHA256_SETTINGS),
            Ok(()),
            "{url}"
        );
    }
}
