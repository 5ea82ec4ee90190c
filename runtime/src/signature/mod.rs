//! Webhook signatures: checking that a request came from Twilio (`X-Twilio-Signature`), and signing
//! one the way Twilio does, for tests and mocks.
//!
//! Every verdict is the one Twilio's official Python SDK (`twilio` 9.13.0, `RequestValidator`) gives for
//! the same request; `scripts/webhook_differential.sh` compares the two on thousands of random requests.
//! The rules, in the SDK's terms:
//!
//! - The signed text is the URL followed by each form parameter's name and value. Names are sorted by
//!   code point and each appears once; a name sent more than once contributes each of its distinct
//!   values once, sorted (the SDK sorts `set(values)`).
//! - The URL is tried in two forms, both rebuilt from its parsed parts (see `python_url`): with its
//!   port taken off, and with the scheme's default port (`:443` for `https`, `:80` otherwise) put on
//!   when it has none.
//! - The signature is the base64 of an HMAC-SHA1 keyed with the auth token, or an HMAC-SHA256 when
//!   `X-Twilio-Webhooks-Signature-Settings` says `algorithm=HMAC_SHA256`. It is compared as text, so
//!   only the exact base64 Twilio sends matches.
//! - A JSON body is not in the signed text: the URL carries its SHA-256 in hex as `bodySHA256`, and
//!   the body must hash to it.

mod python_url;

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ring::{digest, hmac};
use subtle::{Choice, ConstantTimeEq};

use python_url::{PythonUrl, first_query_value};

/// The header Twilio's signature comes in.
const SIGNATURE_HEADER: &str = "X-Twilio-Signature";
/// The header that names the signature's algorithm, when it is not HMAC-SHA1.
const SETTINGS_HEADER: &str = "X-Twilio-Webhooks-Signature-Settings";
/// The query parameter that carries a JSON body's SHA-256.
const BODY_HASH_PARAM: &str = "bodySHA256";
/// How much of an unknown algorithm's name an error repeats.
const MAX_NAME_CHARS: usize = 40;

/// The HMAC a signature is made with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignatureAlgorithm {
    /// The signature of Auth Token webhooks, and the default when no settings header is sent.
    HmacSha1,
    /// Named by `X-Twilio-Webhooks-Signature-Settings: key=…,algorithm=HMAC_SHA256`.
    HmacSha256,
}

impl SignatureAlgorithm {
    /// The algorithm's name in `X-Twilio-Webhooks-Signature-Settings`: `HMAC_SHA1` or `HMAC_SHA256`.
    pub fn as_str(self) -> &'static str {
        match self {
            SignatureAlgorithm::HmacSha1 => "HMAC_SHA1",
            SignatureAlgorithm::HmacSha256 => "HMAC_SHA256",
        }
    }

    /// The algorithm `X-Twilio-Webhooks-Signature-Settings` names, read as the SDK's
    /// `get_signature_algorithm` reads it: the first comma-separated `algorithm=<name>` with a
    /// non-blank name, spaces around either side ignored, the name in any case; HMAC-SHA1 when the
    /// header is absent or names none.
    fn from_settings(settings: Option<&str>) -> Result<Self, SignatureError> {
        let named = settings.unwrap_or_default().split(',').find_map(|part| {
            let (key, value) = part.split_once('=')?;
            let value = python_strip(value);
            (python_strip(key) == "algorithm" && !value.is_empty()).then_some(value)
        });
        let Some(name) = named else { return Ok(SignatureAlgorithm::HmacSha1) };
        // `str.upper()` and `to_uppercase` both apply Unicode's full mappings (`ſ` becomes `S`).
        match name.to_uppercase().as_str() {
            "HMAC_SHA1" => Ok(SignatureAlgorithm::HmacSha1),
            "HMAC_SHA256" => Ok(SignatureAlgorithm::HmacSha256),
            _ => Err(SignatureError::UnsupportedAlgorithm {
                name: name.chars().take(MAX_NAME_CHARS).collect(),
            }),
        }
    }

    /// How many characters the base64 of this algorithm's HMAC has: 20 bytes make 28, 32 make 44.
    fn signature_len(self) -> usize {
        match self {
            SignatureAlgorithm::HmacSha1 => 28,
            SignatureAlgorithm::HmacSha256 => 44,
        }
    }

    fn digest_len(self) -> usize {
        match self {
            SignatureAlgorithm::HmacSha1 => 20,
            SignatureAlgorithm::HmacSha256 => 32,
        }
    }

    fn label(self) -> &'static str {
        match self {
            SignatureAlgorithm::HmacSha1 => "HMAC-SHA1",
            SignatureAlgorithm::HmacSha256 => "HMAC-SHA256",
        }
    }
}

/// `text` without the characters Python's `str.strip()` removes at either end: Unicode's white space
/// and also the four ASCII separators U+001C to U+001F.
fn python_strip(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
}

/// Checks the signatures of Twilio's webhook requests, and signs requests as Twilio does.
///
/// It holds the secret the webhooks are signed with: the account's Auth Token, or the SharedKey secret
/// when requests come with `X-Twilio-Webhooks-Signature-Settings`. `Debug` does not show it.
///
/// ```
/// use twilio_endpoint_runtime::{SignatureError, WebhookValidator};
///
/// let validator = WebhookValidator::new("12345")?;
/// let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
/// let body = b"CallSid=CA1234567890ABCDE&Digits=1234&From=%2B14158675309&To=%2B18005551212";
/// let signature = "54XKNnZPAt5f65Po3o7s3WLIpKk="; // from Twilio's Python SDK
/// validator.validate_form(url, body, Some(signature), None)?;
///
/// let forged = b"CallSid=CA1234567890ABCDE&Digits=9999&From=%2B14158675309&To=%2B18005551212";
/// let error = validator.validate_form(url, forged, Some(signature), None).unwrap_err();
/// assert!(matches!(error, SignatureError::Mismatch { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct WebhookValidator {
    auth_token: Box<str>,
}

impl fmt::Debug for WebhookValidator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookValidator").field("auth_token", &format_args!("<redacted>")).finish()
    }
}

impl WebhookValidator {
    /// A validator for webhooks signed with `auth_token`, which is used exactly as given.
    ///
    /// # Errors
    ///
    /// [`BlankTokenError`] when the token is empty or only white space: every signature made with
    /// such a key would be one anyone can compute.
    pub fn new(auth_token: impl Into<String>) -> Result<Self, BlankTokenError> {
        let auth_token = auth_token.into();
        if auth_token.trim().is_empty() {
            return Err(BlankTokenError);
        }
        Ok(Self { auth_token: auth_token.into_boxed_str() })
    }

    /// Checks a request whose body is a form (`application/x-www-form-urlencoded`, as Twilio sends most
    /// webhooks).
    ///
    /// `url` is the full URL Twilio requested, query included, as Twilio wrote it: behind a proxy, the
    /// public scheme, host and port, not the ones the proxy forwarded to. `body` is the body as
    /// received; it is decoded with `form_urlencoded`. `signature` and `settings` are the values of
    /// `X-Twilio-Signature` and `X-Twilio-Webhooks-Signature-Settings`, `None` when absent.
    ///
    /// # Errors
    ///
    /// The [`SignatureError`] that says why the request is not one Twilio signed with this token.
    pub fn validate_form(
        &self,
        url: &str,
        body: &[u8],
        signature: Option<&str>,
        settings: Option<&str>,
    ) -> Result<(), SignatureError> {
        let algorithm = SignatureAlgorithm::from_settings(settings)?;
        let signature = check_shape(signature, algorithm)?;
        let urls =
            PythonUrl::parse(url).and_then(|url| url.signed_urls()).map_err(SignatureError::invalid_url)?;
        let params = FormParams::decode(body);
        self.check_any(algorithm, &urls, &params, signature)
    }

    /// Checks a request whose body is not a form (JSON, as Twilio sends some webhooks): the signature
    /// covers the URL alone, and the URL's `bodySHA256` query parameter must be the body's SHA-256 in
    /// lowercase hex. An empty body needs no `bodySHA256`, as in the SDK: there is nothing to protect.
    ///
    /// The arguments are those of [`validate_form`](Self::validate_form).
    ///
    /// # Errors
    ///
    /// The [`SignatureError`] that says why the request is not one Twilio signed with this token.
    pub fn validate_json(
        &self,
        url: &str,
        body: &[u8],
        signature: Option<&str>,
        settings: Option<&str>,
    ) -> Result<(), SignatureError> {
        let algorithm = SignatureAlgorithm::from_settings(settings)?;
        let signature = check_shape(signature, algorithm)?;
        let parsed = PythonUrl::parse(url).map_err(SignatureError::invalid_url)?;
        let urls = parsed.signed_urls().map_err(SignatureError::invalid_url)?;
        let body_matches = match first_query_value(parsed.query(), BODY_HASH_PARAM) {
            Some(expected) => body_hash(body).as_bytes().ct_eq(expected.as_bytes()),
            None if body.is_empty() => Choice::from(1),
            None => return Err(SignatureError::MissingBodyHash),
        };
        self.check_any(algorithm, &urls, &FormParams::default(), signature)?;
        if bool::from(body_matches) { Ok(()) } else { Err(SignatureError::BodyHashMismatch) }
    }

    /// The `X-Twilio-Signature` Twilio sends with a form `body` posted to `url`: the base64 of the HMAC
    /// of `url`, exactly as given, and the body's parameters (the SDK's `compute_signature`).
    ///
    /// Validators compare with the URL rebuilt from its parts, so a URL they write another way (scheme
    /// in capitals, an empty `?` or `#`, a tab or a leading space) gets a signature that none of them
    /// accepts, this one included.
    pub fn sign_form(&self, algorithm: SignatureAlgorithm, url: &str, body: &[u8]) -> String {
        self.sign(algorithm, url, &FormParams::decode(body))
    }

    /// What Twilio sends with a JSON `body` posted to `url`: the URL with the body's SHA-256 added to
    /// its query as `bodySHA256` (before any `#fragment`), and the signature of that URL.
    ///
    /// # Errors
    ///
    /// [`SignatureError::InvalidUrl`] when the URL is one no request can be validated against, or
    /// already has a `bodySHA256` parameter (the validator reads the first one).
    pub fn sign_json(
        &self,
        algorithm: SignatureAlgorithm,
        url: &str,
        body: &[u8],
    ) -> Result<JsonSignature, SignatureError> {
        let parsed = PythonUrl::parse(url).map_err(SignatureError::invalid_url)?;
        if first_query_value(parsed.query(), BODY_HASH_PARAM).is_some() {
            return Err(SignatureError::InvalidUrl {
                reason: "it already has a `bodySHA256` query parameter",
            });
        }
        let hash = body_hash(body);
        let (before_fragment, fragment) = url.split_once('#').map_or((url, None), |(url, f)| (url, Some(f)));
        let separator = match before_fragment.find('?') {
            None => "?",
            Some(_) if before_fragment.ends_with(['?', '&']) => "",
            Some(_) => "&",
        };
        let mut signed_url = format!("{before_fragment}{separator}{BODY_HASH_PARAM}={hash}");
        if let Some(fragment) = fragment {
            signed_url.push('#');
            signed_url.push_str(fragment);
        }
        let parsed = PythonUrl::parse(&signed_url).map_err(SignatureError::invalid_url)?;
        parsed.signed_urls().map_err(SignatureError::invalid_url)?;
        // The query is what follows the first `?` up to the first `#`, so the parameter added there is the
        // first `bodySHA256` of the query; this holds for any URL that parses, and is checked all the same.
        if first_query_value(parsed.query(), BODY_HASH_PARAM).as_deref() != Some(hash.as_str()) {
            return Err(SignatureError::InvalidUrl { reason: "its query cannot carry `bodySHA256`" });
        }
        let signature = self.sign(algorithm, &signed_url, &FormParams::default());
        Ok(JsonSignature { url: signed_url, signature })
    }

    /// The two signatures a request is compared with (see `check_any`), or none when its URL or its
    /// settings header is refused: the fuzz target's oracle. Only with the `fuzzing` feature; not a
    /// public API.
    #[cfg(feature = "fuzzing")]
    #[doc(hidden)]
    pub fn __expected_signatures(
        &self,
        url: &str,
        body: &[u8],
        json: bool,
        settings: Option<&str>,
    ) -> Option<[String; 2]> {
        let algorithm = SignatureAlgorithm::from_settings(settings).ok()?;
        let urls = PythonUrl::parse(url).and_then(|url| url.signed_urls()).ok()?;
        let params = if json { FormParams::default() } else { FormParams::decode(body) };
        Some(urls.map(|url| self.sign(algorithm, &url, &params)))
    }

    /// Whether `signature` is the signature of either URL with `params`. Each comparison takes the same
    /// time whichever byte differs. The second form is computed only when the first does not match: the
    /// time then tells which form a valid signature was made for, which its sender knows anyway, and a
    /// request signed for the URL as received (nearly all) costs one HMAC.
    fn check_any(
        &self,
        algorithm: SignatureAlgorithm,
        urls: &[String; 2],
        params: &FormParams<'_>,
        signature: &str,
    ) -> Result<(), SignatureError> {
        let matches = |url: &String| {
            bool::from(self.sign(algorithm, url, params).as_bytes().ct_eq(signature.as_bytes()))
        };
        if urls.iter().any(matches) { Ok(()) } else { Err(SignatureError::Mismatch { algorithm }) }
    }

    fn sign(&self, algorithm: SignatureAlgorithm, url: &str, params: &FormParams<'_>) -> String {
        match algorithm {
            SignatureAlgorithm::HmacSha1 => self.mac(hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, url, params),
            SignatureAlgorithm::HmacSha256 => self.mac(hmac::HMAC_SHA256, url, params),
        }
    }

    /// The HMAC of the signed text, base64. ring's, the cryptography already built for TLS (with the
    /// default `tls-ring`), rather than a second set of hash crates; SHA-1 is what Twilio signs with.
    fn mac(&self, algorithm: hmac::Algorithm, url: &str, params: &FormParams<'_>) -> String {
        let mut mac = hmac::Context::with_key(&hmac::Key::new(algorithm, self.auth_token.as_bytes()));
        mac.update(url.as_bytes());
        for (name, value) in &params.0 {
            mac.update(name.as_bytes());
            mac.update(value.as_bytes());
        }
        BASE64.encode(mac.sign())
    }
}

/// A form's parameters as the SDK signs them: names sorted, each once, with its distinct values
/// sorted. Sorting the pairs and dropping repeated ones gives exactly that order, as a pair compares
/// by its name first; `str`'s order is UTF-8's byte order, which is the code point order Python sorts
/// by.
#[derive(Default)]
struct FormParams<'a>(Vec<(Cow<'a, str>, Cow<'a, str>)>);

impl<'a> FormParams<'a> {
    fn decode(body: &'a [u8]) -> Self {
        let mut pairs: Vec<_> = form_urlencoded::parse(body).collect();
        pairs.sort_unstable();
        pairs.dedup();
        Self(pairs)
    }
}

/// The lowercase hex SHA-256 of `body`, as `bodySHA256` carries it.
fn body_hash(body: &[u8]) -> String {
    base16ct::lower::encode_string(digest::digest(&digest::SHA256, body).as_ref())
}

/// The signature header's value, when it can be a signature of `algorithm` at all: the canonical
/// base64 of a digest of the right size. Anything else would fail the comparison anyway (Python
/// compares the text); this only lets the error say what is wrong with it.
fn check_shape(signature: Option<&str>, algorithm: SignatureAlgorithm) -> Result<&str, SignatureError> {
    let signature =
        signature.filter(|signature| !signature.is_empty()).ok_or(SignatureError::MissingSignature)?;
    let malformed = SignatureError::MalformedSignature { algorithm, length: signature.chars().count() };
    if signature.len() != algorithm.signature_len() {
        return Err(malformed);
    }
    match BASE64.decode(signature) {
        Ok(digest) if digest.len() == algorithm.digest_len() => Ok(signature),
        _ => Err(malformed),
    }
}

/// What [`WebhookValidator::sign_json`] makes: the URL Twilio requests and the signature it sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonSignature {
    /// The URL with `bodySHA256=<hex>` added to its query.
    pub url: String,
    /// The value of `X-Twilio-Signature`.
    pub signature: String,
}

/// An auth token that is empty or only white space, given to [`WebhookValidator::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlankTokenError;

impl fmt::Display for BlankTokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "the webhook auth token is empty; pass the account's Auth Token (`TWILIO_AUTH_TOKEN`), or the \
             secret of the SharedKey the webhooks are signed with",
        )
    }
}

impl StdError for BlankTokenError {}

/// Why a webhook request is not one Twilio signed with the validator's token.
///
/// No message shows the token, the signature the request should have had, or the URL (which may hold
/// credentials or phone numbers).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureError {
    /// No `X-Twilio-Signature` header, or an empty one.
    MissingSignature,
    /// `X-Twilio-Signature` is not the base64 of a digest of the algorithm in use.
    MalformedSignature {
        /// The algorithm the signature was expected from.
        algorithm: SignatureAlgorithm,
        /// The header's length in characters.
        length: usize,
    },
    /// `X-Twilio-Webhooks-Signature-Settings` names an algorithm other than `HMAC_SHA1` and
    /// `HMAC_SHA256`.
    UnsupportedAlgorithm {
        /// The name, cut to its first 40 characters.
        name: String,
    },
    /// The URL is one Twilio's SDK cannot parse (a port that is not a number, a bracketed host that is
    /// not an IPv6 address, ...), so no signature can be checked against it.
    InvalidUrl {
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A JSON body came with a URL that has no `bodySHA256` parameter.
    MissingBodyHash,
    /// The body's SHA-256 is not the URL's `bodySHA256` (the URL itself is correctly signed).
    BodyHashMismatch,
    /// The signature is well formed but is not the one of this request under this token.
    Mismatch {
        /// The algorithm the signature was checked with.
        algorithm: SignatureAlgorithm,
    },
}

impl SignatureError {
    fn invalid_url(problem: python_url::UrlProblem) -> Self {
        SignatureError::InvalidUrl { reason: problem.describe() }
    }
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureError::MissingSignature => write!(
                f,
                "the request has no `{SIGNATURE_HEADER}` header, or an empty one; Twilio signs every webhook \
                 request, so this one did not come from Twilio or the header was dropped on the way"
            ),
            SignatureError::MalformedSignature { algorithm, length } => {
                let expected = algorithm.signature_len();
                write!(f, "`{SIGNATURE_HEADER}` is not an {} signature: ", algorithm.label())?;
                if *length == expected {
                    f.write_str("it is not canonical base64")?;
                } else {
                    write!(f, "it has {length} characters")?;
                }
                write!(
                    f,
                    "; one is {expected} characters: {} of `A`-`Z`, `a`-`z`, `0`-`9`, `+` and `/`, then `=`",
                    expected - 1
                )
            }
            SignatureError::UnsupportedAlgorithm { name } => write!(
                f,
                "`{SETTINGS_HEADER}` names the algorithm \"{}\"; the algorithms Twilio signs with are \
                 `HMAC_SHA1` and `HMAC_SHA256`",
                name.escape_debug()
            ),
            SignatureError::InvalidUrl { reason } => write!(
                f,
                "the request URL cannot be checked: {reason}; Twilio's SDKs refuse such a URL too, so pass \
                 the URL exactly as Twilio requested it"
            ),
            SignatureError::MissingBodyHash => write!(
                f,
                "the URL has no `{BODY_HASH_PARAM}` query parameter, which a request with a JSON body must \
                 have; Twilio adds it to the URL it signs, so pass the URL with the whole query Twilio \
                 requested"
            ),
            SignatureError::BodyHashMismatch => write!(
                f,
                "the body is not the one Twilio signed: its SHA-256 differs from the URL's \
                 `{BODY_HASH_PARAM}` (64 lowercase hex digits); pass the body exactly as received, before \
                 any parsing"
            ),
            SignatureError::Mismatch { algorithm } => write!(
                f,
                "`{SIGNATURE_HEADER}` does not match the request: it is not the {} of the URL (with and \
                 without its port) and the parameters under this auth token; if the request is genuine, \
                 check the URL (scheme, host, port, path and query as Twilio requested them, not as a \
                 proxy forwarded them) and the token",
                algorithm.label()
            ),
        }
    }
}

impl StdError for SignatureError {}

#[cfg(test)]
mod tests;
