//! The errors a request or a client configuration can end with, and how each is shown.
//!
//! Every text taken from a reply is bounded, made valid UTF-8 and stripped of control characters, so
//! that a misbehaving server (HTML error pages, binary bodies, terminal escapes) cannot flood or forge
//! the messages an application logs. No error ever holds a credential: authentication is a header
//! the client keeps to itself, and reqwest's errors are stored without their URL.

use std::error::Error as StdError;
use std::fmt;

use crate::method::Method;
use crate::redact::excerpt;
use crate::validate::ValidationErrors;

/// How many characters of a body an error keeps when the body is not Twilio's error JSON.
const BODY_EXCERPT_CHARS: usize = 200;
/// A bound on texts Twilio's error JSON carries (`message`, `more_info`), which are normally one line.
const FIELD_CHARS: usize = 300;

/// What Twilio's error JSON says, in whichever of its shapes it came (`reply.rs` reads them).
pub(crate) struct TwilioErrorBody<'a> {
    pub(crate) code: Option<u32>,
    pub(crate) message: Option<&'a str>,
    pub(crate) more_info: Option<&'a str>,
    /// Errors of an `{"errors": [...]}` list beyond the first.
    pub(crate) more_errors: usize,
}

/// Why a request, or building a client, failed.
///
/// `Display` and `source()` are those of the variant's error, so `{}` prints one line and an error
/// reporter that walks `source()` adds the underlying causes once.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The request breaks a documented rule; nothing was sent.
    Validation(ValidationErrors),
    /// The server answered with a status other than 2xx (redirects included: they are never followed).
    Api(ApiError),
    /// No complete answer arrived: connecting, sending, waiting or reading the reply failed.
    Transport(TransportError),
    /// The server answered 2xx with a body that is not the response the endpoint declares.
    Decode(DecodeError),
    /// The client could not be built: missing or invalid credentials, base URL, region, edge or timeout.
    Config(ConfigError),
    /// A `POST` failed in a way that leaves open whether Twilio carried it out (the connection broke
    /// after the request was sent, the answer timed out, or Twilio answered 5xx). It was not retried,
    /// since sending it again could place a second call or message: check before resending.
    OutcomeUnknown(OutcomeUnknownError),
    /// A reply asked for a request this client will not make (a next page on another host: a
    /// `next_page_uri` that is not a path, or an absolute `meta.next_page_url` not on the host the list
    /// was requested from); it was not sent.
    Refused(RefusedError),
    /// The reply's body is larger than the client's limit
    /// ([`ClientBuilder::max_body_size`](crate::ClientBuilder::max_body_size)); reading stopped there.
    BodyTooLarge(BodyTooLargeError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Validation(error) => error.fmt(f),
            Error::Api(error) => error.fmt(f),
            Error::Transport(error) => error.fmt(f),
            Error::Decode(error) => error.fmt(f),
            Error::Config(error) => error.fmt(f),
            Error::Refused(error) => error.fmt(f),
            Error::OutcomeUnknown(error) => error.fmt(f),
            Error::BodyTooLarge(error) => error.fmt(f),
        }
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Validation(error) => error.source(),
            Error::Api(error) => error.source(),
            Error::Transport(error) => error.source(),
            Error::Decode(error) => error.source(),
            Error::Config(error) => error.source(),
            Error::Refused(error) => error.source(),
            Error::OutcomeUnknown(error) => error.source(),
            Error::BodyTooLarge(error) => error.source(),
        }
    }
}

/// A non-2xx answer: the HTTP status, and Twilio's error details when the body is its error JSON.
///
/// Twilio's APIs use three shapes, all read: the 2010 API's `{"code": 21205, "message": "...",
/// "more_info": "https://...", "status": 400}`, RFC 9457 problem details `{"type": "https://...",
/// "title": "...", "status": 400, "code": 20001, "detail": "..."}` (the message is `detail`, else
/// `title`; the link is `type`), and a list `{"errors": [{...}, ...]}` (the first error, with the
/// count of the others).
///
/// When the body is something else (an HTML page from a proxy, an empty body, another JSON shape),
/// [`code`](Self::code) is `None` and [`message`](Self::message) is a short excerpt of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    status: u16,
    code: Option<u32>,
    message: String,
    more_info: Option<String>,
    request_id: Option<String>,
}

impl ApiError {
    /// A non-2xx answer: Twilio's error when `twilio` read one from its body, else an excerpt of `body`.
    pub(crate) fn new(
        status: u16,
        request_id: Option<String>,
        body: &[u8],
        twilio: Option<TwilioErrorBody<'_>>,
    ) -> ApiError {
        let (code, message, more_info) = match twilio {
            Some(twilio) => {
                let mut message =
                    twilio.message.map_or_else(String::new, |text| excerpt(text.as_bytes(), FIELD_CHARS));
                if twilio.more_errors > 0 {
                    message.push_str(&format!(" (and {} more errors)", twilio.more_errors));
                }
                (twilio.code, message, twilio.more_info.map(|url| excerpt(url.as_bytes(), FIELD_CHARS)))
            }
            None => (None, excerpt(body, BODY_EXCERPT_CHARS), None),
        };
        ApiError { status, code, message, more_info, request_id }
    }

    /// The HTTP status, e.g. `400`.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Twilio's error code (e.g. `21205`, documented at `https://www.twilio.com/docs/errors/21205`),
    /// when the body is Twilio's error JSON.
    pub fn code(&self) -> Option<u32> {
        self.code
    }

    /// Twilio's error message, or an excerpt of the body (at most 200 characters, whitespace
    /// collapsed) when it is not Twilio's error JSON; empty when the body is.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The link to the error's documentation, when Twilio gave one.
    pub fn more_info(&self) -> Option<&str> {
        self.more_info.as_deref()
    }

    /// The `Twilio-Request-Id` header of the reply (`RQ…`), which Twilio's support asks for; cut after 64
    /// characters (Twilio's are 34), so that a hostile header cannot flood messages.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Twilio answered {}: ", StatusText(self.status))?;
        match (self.code, self.message.is_empty()) {
            (Some(code), false) => write!(f, "error {code}: {}", self.message)?,
            (Some(code), true) => write!(f, "error {code}")?,
            (None, false) => f.write_str(&self.message)?,
            (None, true) => f.write_str("empty body")?,
        }
        if let Some(more_info) = &self.more_info {
            write!(f, " ({more_info})")?;
        }
        write_request_id(f, self.request_id.as_deref())
    }
}

impl StdError for ApiError {}

/// No complete answer arrived; the underlying [`reqwest::Error`] is the `source()`, except for a
/// request whose deadline passed while it waited for a slot under the client's concurrency limit
/// (nothing was sent; [`is_timeout`](Self::is_timeout) is `true`).
///
/// What matters for a retry is how far the request got: [`is_connect`](Self::is_connect) means the
/// connection was never made, so Twilio received nothing; otherwise the request may have reached
/// Twilio and been acted on, even if no answer came back.
#[derive(Debug)]
pub struct TransportError {
    method: Method,
    path_template: &'static str,
    stage: Stage,
    request_id: Option<String>,
    /// `None` for a request that never left the client (`Stage::Queued`).
    source: Option<reqwest::Error>,
}

/// How far a request got before the transport failed.
#[derive(Clone, Copy, Debug)]
enum Stage {
    /// DNS, TCP or TLS failed, or the request could not be built: nothing was sent.
    Connect,
    /// Connected, then writing the request or waiting for the answer failed.
    Exchange,
    /// The answer's status arrived, then reading its body failed.
    Body { status: u16 },
    /// The deadline passed while the request waited for a slot under the client's concurrency limit
    /// (this many slots): nothing was sent.
    Queued { limit: usize },
}

impl TransportError {
    /// A failure before any answer arrived.
    pub(crate) fn before_answer(method: Method, path_template: &'static str, source: reqwest::Error) -> Self {
        // reqwest reports a failed connection (including its own connect timeout) as `is_connect`, and
        // a request it refused to send (bad URL, scheme) as `is_builder`: in both, nothing was written.
        let stage = if source.is_connect() || source.is_builder() { Stage::Connect } else { Stage::Exchange };
        Self::new(method, path_template, stage, None, source)
    }

    /// A failure while reading the body of an answer whose status was `status`.
    pub(crate) fn reading_body(
        method: Method,
        path_template: &'static str,
        status: u16,
        request_id: Option<String>,
        source: reqwest::Error,
    ) -> Self {
        Self::new(method, path_template, Stage::Body { status }, request_id, source)
    }

    fn new(
        method: Method,
        path_template: &'static str,
        stage: Stage,
        request_id: Option<String>,
        source: reqwest::Error,
    ) -> Self {
        // The URL holds no credential, but it can hold a query string with phone numbers: errors get
        // logged, so the path template identifies the operation instead.
        Self { method, path_template, stage, request_id, source: Some(source.without_url()) }
    }

    /// The deadline passed while the request waited for one of the client's `limit` slots.
    pub(crate) fn queued(method: Method, path_template: &'static str, limit: usize) -> Self {
        Self { method, path_template, stage: Stage::Queued { limit }, request_id: None, source: None }
    }

    /// The `Twilio-Request-Id` of the answer whose body could not be read, when it had one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// `true` when the connection to the server could not be made (DNS, TCP, TLS): the request was
    /// not sent, so sending it again cannot duplicate it.
    pub fn is_connect(&self) -> bool {
        matches!(self.stage, Stage::Connect)
    }

    /// `true` when a timeout (connect or request) expired, or the deadline passed while the request
    /// waited for a slot under the client's concurrency limit (then nothing was sent).
    pub fn is_timeout(&self) -> bool {
        match (&self.stage, &self.source) {
            (Stage::Queued { .. }, _) => true,
            (_, Some(source)) => source.is_timeout(),
            (_, None) => false,
        }
    }

    /// The status of the answer whose body could not be read, when the failure happened there.
    pub fn status(&self) -> Option<u16> {
        match self.stage {
            Stage::Body { status } => Some(status),
            Stage::Connect | Stage::Exchange | Stage::Queued { .. } => None,
        }
    }

    /// The request's HTTP method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The operation's path template, e.g. `/2010-04-01/Accounts/{AccountSid}/Calls.json`.
    pub fn path_template(&self) -> &'static str {
        self.path_template
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let operation = format_args!("`{} {}`", self.method.as_str(), self.path_template);
        let timeout = self.is_timeout();
        match (self.stage, timeout) {
            (Stage::Connect, true) => {
                write!(f, "timed out connecting to Twilio for {operation}; nothing was sent")
            }
            (Stage::Connect, false) => {
                write!(f, "could not connect to Twilio for {operation}; nothing was sent")
            }
            (Stage::Exchange, true) => write!(
                f,
                "timed out waiting for Twilio's answer to {operation}; Twilio may have received the request"
            ),
            (Stage::Exchange, false) => write!(
                f,
                "the connection to Twilio failed during {operation}; Twilio may have received the request"
            ),
            (Stage::Body { status }, true) => {
                write!(f, "timed out reading Twilio's {} answer to {operation}", StatusText(status))?;
                write_request_id(f, self.request_id.as_deref())
            }
            (Stage::Body { status }, false) => {
                write!(f, "could not read Twilio's {} answer to {operation}", StatusText(status))?;
                write_request_id(f, self.request_id.as_deref())
            }
            (Stage::Queued { limit }, _) => write!(
                f,
                "the deadline passed before {operation} got one of the client's {limit} slots for requests \
                 in flight (its adaptive concurrency limit, which Twilio's 429 answers lower); nothing was sent"
            ),
        }
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source.as_ref().map(|source| source as &(dyn StdError + 'static))
    }
}

/// A 2xx answer whose body is not the response the endpoint declares.
///
/// The decoder's message is kept as a short, redacted [`reason`](Self::reason), not as the
/// `serde_json::Error` itself: its message quotes the offending value in full, which may be a
/// phone number or a message body, and error chains end up in logs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    status: u16,
    request_id: Option<String>,
    body_excerpt: String,
    reason: String,
}

impl DecodeError {
    /// A 2xx answer with `status` whose `body` the decoder refused with `source`.
    pub(crate) fn new(
        status: u16,
        request_id: Option<String>,
        body: &[u8],
        source: &serde_json::Error,
    ) -> Self {
        Self {
            status,
            request_id,
            body_excerpt: excerpt(body, BODY_EXCERPT_CHARS),
            reason: excerpt(source.to_string().as_bytes(), BODY_EXCERPT_CHARS),
        }
    }

    /// The HTTP status of the answer, e.g. `201`.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The `Twilio-Request-Id` header of the reply, when present.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The start of the body (at most 200 characters, whitespace collapsed).
    pub fn body_excerpt(&self) -> &str {
        &self.body_excerpt
    }

    /// Why the body did not decode, as the JSON decoder said, with its line and column (at most 200
    /// characters, phone numbers redacted).
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not decode Twilio's {} answer: {}", StatusText(self.status), self.reason)?;
        if self.body_excerpt.is_empty() {
            f.write_str(" (empty body)")?;
        } else {
            write!(f, " (body: {})", self.body_excerpt)?;
        }
        write_request_id(f, self.request_id.as_deref())
    }
}

impl StdError for DecodeError {}

/// A client that cannot be built as configured; the message names the setting and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    message: String,
}

impl ConfigError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self { message: message.into() }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for ConfigError {}

impl From<ConfigError> for Error {
    fn from(error: ConfigError) -> Self {
        Error::Config(error)
    }
}

/// A `POST` that may or may not have been carried out.
///
/// `Display` says which request and what became of it; the failure that left the outcome open (a
/// timeout, a 5xx answer, ...) is the `source()`, so that a reporter walking the chain shows it once.
#[derive(Debug)]
pub struct OutcomeUnknownError {
    method: Method,
    path_template: &'static str,
    cause: Box<Error>,
}

impl OutcomeUnknownError {
    pub(crate) fn new(method: Method, path_template: &'static str, cause: Error) -> Self {
        Self { method, path_template, cause: Box::new(cause) }
    }

    /// The request's HTTP method (`POST`).
    pub fn method(&self) -> Method {
        self.method
    }

    /// The operation's path template, e.g. `/2010-04-01/Accounts/{AccountSid}/Calls.json`.
    pub fn path_template(&self) -> &'static str {
        self.path_template
    }

    /// The `Twilio-Request-Id` of the answer, when one arrived (a 5xx, or a reply whose body broke
    /// off), for Twilio's support.
    pub fn request_id(&self) -> Option<&str> {
        match &*self.cause {
            Error::Api(error) => error.request_id(),
            Error::Transport(error) => error.request_id(),
            Error::BodyTooLarge(error) => error.request_id(),
            _ => None,
        }
    }

    /// The HTTP status of the answer, when one arrived.
    pub fn status(&self) -> Option<u16> {
        match &*self.cause {
            Error::Api(error) => Some(error.status()),
            Error::Transport(error) => error.status(),
            Error::BodyTooLarge(error) => Some(error.status()),
            _ => None,
        }
    }
}

impl fmt::Display for OutcomeUnknownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The cause is not repeated here: it is the `source()`, which error reporters print after this.
        write!(
            f,
            "`{} {}` may or may not have been carried out by Twilio, and was not retried so as not to repeat it",
            self.method.as_str(),
            self.path_template,
        )
    }
}

impl StdError for OutcomeUnknownError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.cause)
    }
}

/// A request a reply asked for and this client refused to send, e.g. a `next_page_uri` that is not a
/// path on the client's host (following it would send the credentials elsewhere).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedError {
    uri_excerpt: String,
}

impl RefusedError {
    pub(crate) fn next_page_uri(uri: &str) -> Self {
        Self { uri_excerpt: excerpt(uri.as_bytes(), BODY_EXCERPT_CHARS) }
    }
}

impl fmt::Display for RefusedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "refused to follow next_page_uri `{}`: it is not a path on the client's host",
            self.uri_excerpt
        )
    }
}

impl StdError for RefusedError {}

/// A reply whose body is larger than the client accepts; it was read up to the limit, then dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyTooLargeError {
    method: Method,
    path_template: &'static str,
    status: u16,
    request_id: Option<String>,
    limit: usize,
}

impl BodyTooLargeError {
    pub(crate) fn new(
        method: Method,
        path_template: &'static str,
        status: u16,
        request_id: Option<String>,
        limit: usize,
    ) -> Self {
        Self { method, path_template, status, request_id, limit }
    }

    /// The HTTP status of the answer.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The `Twilio-Request-Id` header of the reply, when present.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The limit the body went past, in bytes.
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// The request's HTTP method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The operation's path template, e.g. `/2010-04-01/Accounts/{AccountSid}/Calls.json`.
    pub fn path_template(&self) -> &'static str {
        self.path_template
    }
}

impl fmt::Display for BodyTooLargeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Twilio's {} answer to `{} {}` is larger than the {} byte limit; it was not read",
            StatusText(self.status),
            self.method.as_str(),
            self.path_template,
            self.limit
        )?;
        write_request_id(f, self.request_id.as_deref())
    }
}

impl StdError for BodyTooLargeError {}

/// `400 Bad Request`, or the bare number for a status without a standard reason.
struct StatusText(u16);

impl fmt::Display for StatusText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = reqwest::StatusCode::from_u16(self.0).ok().and_then(|status| status.canonical_reason());
        match reason {
            Some(reason) => write!(f, "{} {reason}", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

fn write_request_id(f: &mut fmt::Formatter<'_>, request_id: Option<&str>) -> fmt::Result {
    match request_id {
        Some(id) => write!(f, " [request {id}]"),
        None => Ok(()),
    }
}
