//! Parameters a request's declaration does not know: Twilio adds parameters and enum values faster
//! than any catalog, and an application must not wait for the crate to send them.
//!
//! The declared parameters keep every check; the extra pairs are written after them, escaped the same
//! way. An extra pair may not send a key the request already sends (one field would be sent twice,
//! and Twilio would read whichever it reads first), but it may replace a field that is left unset:
//! `.extra_param("Region", "in1")` goes out when the declaration's `Region` enum lacks `in1`.

use std::borrow::Cow;
use std::fmt;

use crate::client::Client;
use crate::error::Error;

use crate::endpoint::{Endpoint, Params, encode};
use crate::form::{FormWriter, escape};
use crate::json::{BodyFormat, JsonWriter};
use crate::method::Method;
use crate::path::PathWriter;
use crate::preview::Preview;
use crate::validate::{Rule, ValidationErrors, Violation};
use crate::values::AccountSid;

/// A request with parameters its declaration does not know, made by a request's `extra_param`.
///
/// It validates, encodes and sends as the request does, with the extra pairs written after the
/// declared parameters, in the order they were added; a key given twice is sent twice, as a list is.
///
/// ```
/// # use twilio_endpoint_runtime::__private as twilio;
/// # #[derive(Debug)] struct Request;
/// # impl twilio::Params for Request {
/// #     fn check(&self, _: &mut twilio::ValidationErrors) {}
/// #     fn write_params(&self, out: &mut twilio::FormWriter) { out.pair("To", "+15558675310") }
/// # }
/// # impl twilio::Endpoint for Request {
/// #     const METHOD: twilio::Method = twilio::Method::Post;
/// #     const PATH: &'static str = "/2010-04-01/Accounts/{AccountSid}/Messages.json";
/// #     type Response = ();
/// #     fn write_path(&self, _: &twilio::AccountSid, _: &mut twilio::PathWriter) {}
/// #     fn decode_response(body: &[u8]) -> Result<(), twilio::serde_json::Error> { twilio::decode_empty(body) }
/// # }
/// use twilio_endpoint_runtime::WithExtraParams;
///
/// let request = WithExtraParams::new(Request).extra_param("MessageIntent", "notification");
/// assert_eq!(request.to_form(), "To=%2B15558675310&MessageIntent=notification");
/// ```
#[derive(Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct WithExtraParams<E> {
    request: E,
    extra: Vec<(String, String)>,
}

impl<E> WithExtraParams<E> {
    /// `request` with no extra parameter yet; requests declared with `#[twilio_endpoint]` make one
    /// with their own `extra_param`.
    pub fn new(request: E) -> Self {
        Self { request, extra: Vec::new() }
    }

    /// Adds `key=value`, written after the declared parameters. The key is checked by `validate()`:
    /// not empty, no CR, LF or other control character, no `=` or `&`, no spaces around it, not a key
    /// the request already sends, and not a placeholder of the path (`AccountSid`).
    pub fn extra_param(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.extra.push((key.into(), value.into()));
        self
    }

    /// The request as declared, without the extra parameters.
    pub fn request(&self) -> &E {
        &self.request
    }

    /// The extra parameters, in the order they were added.
    pub fn extra_params(&self) -> impl ExactSizeIterator<Item = (&str, &str)> {
        self.extra.iter().map(|(key, value)| (key.as_str(), value.as_str()))
    }
}

impl<E: Endpoint> WithExtraParams<E> {
    /// Checks every rule of the request and every extra key, reporting all that are broken.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        crate::endpoint::validate(self)
    }

    /// The parameters exactly as they are sent: the declared ones, then the extra pairs.
    #[must_use]
    pub fn to_form(&self) -> String {
        encode(self)
    }

    /// Validates the request, sends it and decodes the reply; nothing is sent when validation fails.
    ///
    /// # Errors
    /// [`Error::Validation`] before sending, otherwise an API, transport or decoding error.
    pub fn send<'r, 'c>(
        &'r self,
        client: &'c Client,
    ) -> impl Future<Output = Result<E::Response, Error>> + use<'r, 'c, E> {
        crate::endpoint::send(client, self)
    }

    /// The exact request `client` would send, extra parameters included, without sending it.
    ///
    /// # Errors
    /// Every rule the request breaks, as [`validate`](Self::validate) reports them.
    pub fn preview(&self, client: &Client) -> Result<Preview, ValidationErrors> {
        crate::endpoint::preview(client, self)
    }
}

// The path is the request's: extra parameters are checked against its placeholders, so the bound is
// `Endpoint` rather than `Params`.
impl<E: Endpoint> Params for WithExtraParams<E> {
    fn check(&self, errors: &mut ValidationErrors) {
        self.request.check(errors);
        // The keys the request sends, as the form writes them: a pair starts the form or follows `&`.
        let declared = encode(&self.request);
        // The members a JSON body writes: those of the declared fields that are set.
        let members: Vec<String> = match E::BODY {
            BodyFormat::Form => Vec::new(),
            BodyFormat::Json => crate::endpoint::encode_json(&self.request)
                .ok()
                .and_then(|body| {
                    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&body).ok()
                })
                .map(|members| members.into_iter().map(|(key, _)| key).collect())
                .unwrap_or_default(),
        };
        for (key, _) in &self.extra {
            if let Some(problem) = key_problem(key) {
                errors.push(Violation::new(shown_key(key), Rule::Custom(Cow::Borrowed(problem)), None));
            } else if is_placeholder(E::PATH, key) {
                // `AccountSid=AC…` in the body while the path holds the client's account would run a
                // subaccount's request against the parent account, as a declared field would (a
                // compile error there).
                errors.push(Violation::new(
                    key.clone(),
                    Rule::Custom(Cow::Borrowed(
                        "is a placeholder of the path, which the request's path field (or, for the account, \
                         the client) fills; set that field instead of sending it as a parameter",
                    )),
                    None,
                ));
            } else if sends_key(&declared, key) || members.contains(key) {
                errors.push(Violation::new(
                    key.clone(),
                    Rule::Custom(Cow::Borrowed(
                        "is already sent by a declared parameter; set one or the other (an extra parameter \
                         may only replace a parameter left unset)",
                    )),
                    None,
                ));
            }
        }
    }

    fn write_params(&self, out: &mut FormWriter) {
        self.request.write_params(out);
        for (key, value) in &self.extra {
            out.pair(key, value.as_str());
        }
    }
}

impl<E: Endpoint> Endpoint for WithExtraParams<E> {
    const METHOD: Method = E::METHOD;
    const PATH: &'static str = E::PATH;
    const HOST: &'static str = E::HOST;
    const BODY: BodyFormat = E::BODY;
    type Response = E::Response;

    fn write_path(&self, account: &AccountSid, out: &mut PathWriter) {
        self.request.write_path(account, out);
    }

    /// The request's members, then each extra parameter as a string member.
    fn write_json(&self, out: &mut JsonWriter) {
        self.request.write_json(out);
        for (key, value) in &self.extra {
            out.member(key, value.as_str());
        }
    }

    fn decode_response(body: &[u8]) -> Result<Self::Response, serde_json::Error> {
        E::decode_response(body)
    }
}

/// The values may be personal data or secrets, as a `sensitive` field's are: only the keys are shown.
impl<E: fmt::Debug> fmt::Debug for WithExtraParams<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Keys<'a>(&'a [(String, String)]);
        impl fmt::Debug for Keys<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_map().entries(self.0.iter().map(|(key, _)| (key, crate::redact::Redacted))).finish()
            }
        }
        f.debug_struct("WithExtraParams")
            .field("request", &self.request)
            .field("extra", &Keys(&self.extra))
            .finish()
    }
}

/// Why `key` cannot be a parameter's key, if it cannot: it would be empty on the wire, split the pair
/// it is in (`=`, `&`, which escaping would hide, so the mistake would reach Twilio as an unknown key),
/// or hold a line break or another control character that no Twilio key has.
fn key_problem(key: &str) -> Option<&'static str> {
    if key.trim().is_empty() {
        Some("an extra parameter needs a key; got an empty one")
    } else if key.contains(['=', '&']) {
        Some("an extra parameter's key cannot contain `=` or `&`; give the key alone, and the value apart")
    } else if key.chars().any(char::is_control) {
        Some("an extra parameter's key cannot contain CR, LF or other control characters")
    } else if key.trim() != key {
        // `"Timeout "` would be sent as `Timeout+=`, a key Twilio does not know, beside a set `Timeout`.
        Some("an extra parameter's key cannot start or end with spaces; no Twilio key does")
    } else {
        None
    }
}

/// A key for a report, its control characters escaped so that a report stays on one line.
fn shown_key(key: &str) -> String {
    if key.chars().any(char::is_control) { key.escape_debug().to_string() } else { key.to_owned() }
}

/// Whether `{key}` is a placeholder of the path template `path`.
fn is_placeholder(path: &str, key: &str) -> bool {
    path.split('{').skip(1).any(|rest| rest.split_once('}').is_some_and(|(name, _)| name == key))
}

/// Whether the encoded `form` has a pair whose key is `key`.
fn sends_key(form: &str, key: &str) -> bool {
    let key = escape(key);
    form.split('&').any(|pair| pair.split_once('=').is_some_and(|(sent, _)| sent == key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Request {
        region: Option<&'static str>,
    }

    impl Params for Request {
        fn check(&self, _: &mut ValidationErrors) {}

        fn write_params(&self, out: &mut FormWriter) {
            out.pair("To", "+15558675310");
            if let Some(region) = self.region {
                out.pair("Region", region);
            }
        }
    }

    impl Endpoint for Request {
        const METHOD: Method = Method::Post;
        const PATH: &'static str =
            "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json";
        type Response = ();

        fn write_path(&self, _: &AccountSid, _: &mut PathWriter) {}

        fn decode_response(body: &[u8]) -> Result<(), serde_json::Error> {
            crate::endpoint::decode_empty(body)
        }
    }

    fn messages(request: &WithExtraParams<Request>) -> Vec<String> {
        match request.validate() {
            Ok(()) => Vec::new(),
            Err(errors) => errors.violations().iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn extra_pairs_follow_the_declared_ones_escaped_the_same_way() {
        let request = WithExtraParams::new(Request { region: None })
            .extra_param("Region", "in1")
            .extra_param("Tag", "a b*")
            .extra_param("Tag", "c");
        assert_eq!(request.to_form(), "To=%2B15558675310&Region=in1&Tag=a+b%2A&Tag=c");
        assert_eq!(messages(&request), Vec::<String>::new());
    }

    #[test]
    fn a_key_the_request_sends_is_refused_only_when_its_field_is_set() {
        let unset = WithExtraParams::new(Request { region: None }).extra_param("Region", "in1");
        assert!(unset.validate().is_ok());
        let set = WithExtraParams::new(Request { region: Some("ie1") }).extra_param("Region", "in1");
        assert_eq!(
            messages(&set),
            [
                "Region: is already sent by a declared parameter; set one or the other (an extra parameter may \
              only replace a parameter left unset)"
            ]
        );
        // A key is matched whole, not as a prefix of another.
        let other = WithExtraParams::new(Request { region: None }).extra_param("T", "x");
        assert!(other.validate().is_ok());
    }

    #[test]
    fn a_placeholder_of_the_path_is_refused() {
        for key in ["AccountSid", "ConferenceSid"] {
            let request = WithExtraParams::new(Request { region: None }).extra_param(key, "AC0123");
            let found = messages(&request);
            assert_eq!(found.len(), 1, "{key}: {found:?}");
            assert!(found[0].starts_with(&format!("{key}: is a placeholder of the path")), "{found:?}");
        }
        // Only whole placeholders: `Accounts` is a literal piece, `Sid` no placeholder of this path.
        for key in ["Accounts", "Sid", "Participants.json"] {
            assert!(WithExtraParams::new(Request { region: None }).extra_param(key, "x").validate().is_ok());
        }
    }

    #[test]
    fn keys_that_would_break_the_form_are_refused() {
        for key in ["", " ", "A=B", "A&B", "Key\r\nX-Injected: 1", "Tab\t", "Region ", " Region"] {
            let request = WithExtraParams::new(Request { region: None }).extra_param(key, "v");
            let found = messages(&request);
            assert_eq!(found.len(), 1, "{key:?}: {found:?}");
            assert!(!found[0].contains('\n'), "{found:?}");
        }
    }

    #[test]
    fn debug_shows_keys_not_values() {
        let request = WithExtraParams::new(Request { region: None }).extra_param("Secret", "hunter2");
        let shown = format!("{request:?}");
        assert!(shown.contains("Secret") && !shown.contains("hunter2"), "{shown}");
    }
}
