//! Twilio's webhooks in an [axum](https://docs.rs/axum) application (feature `axum`): an extractor that
//! checks `X-Twilio-Signature` before anything reads the body, then decodes it into a typed payload,
//! and a TwiML reply.
//!
//! ```no_run
//! use axum::Router;
//! use axum::routing::post;
//! use twilio_endpoint::WebhookValidator;
//! use twilio_endpoint::api::v2010::webhooks::ConferenceStatusCallback;
//! use twilio_endpoint::axum::{TwilioWebhook, Twiml, WebhookConfig};
//!
//! async fn conference_events(TwilioWebhook(event): TwilioWebhook<ConferenceStatusCallback>) -> Twiml {
//!     println!("{} in {}", event.status_callback_event, event.conference_sid);
//!     Twiml::empty()
//! }
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let config = WebhookConfig::new(WebhookValidator::new(std::env::var("TWILIO_AUTH_TOKEN")?)?)
//!     // The URL Twilio calls, when a proxy or load balancer stands in front of the application.
//!     .public_url("https://hooks.example.com")?;
//! let app: Router = Router::new().route("/conference-events", post(conference_events)).with_state(config);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
//! axum::serve(listener, app).await?;
//! # Ok(()) }
//! ```
//!
//! What a request that is not a signed, well-formed webhook gets, before the handler runs:
//!
//! | Status | When |
//! |---|---|
//! | 403 Forbidden | `X-Twilio-Signature` is missing, malformed, or not the one Twilio makes for this URL and body; the body is neither decoded nor logged |
//! | 413 Payload Too Large | the body is longer than the limit (64 KiB unless set otherwise) |
//! | 415 Unsupported Media Type | the body of a `POST` is not a form (`application/x-www-form-urlencoded`) |
//! | 400 Bad Request | the form does not decode into the payload: the message names the key |
//!
//! A callback whose method is `GET` (`StatusCallbackMethod=GET`) is read from the query string, which
//! the signature covers as part of the URL.
//!
//! The URL the signature is checked against is the one Twilio requested. Behind a proxy or TLS
//! termination the application sees another one, so it either names its public base URL
//! ([`WebhookConfig::public_url`]) or trusts the proxy's `X-Forwarded-Proto` and `X-Forwarded-Host`
//! ([`WebhookConfig::trust_forwarded_headers`]); by default the URL is rebuilt from the request itself
//! (`http`, unless the request names its scheme, and its `Host`).

use std::fmt;
use std::sync::Arc;

use ::axum::body::{Body, to_bytes};
use ::axum::extract::{FromRef, FromRequest, Request};
use ::axum::http::request::Parts;
use ::axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use ::axum::response::{IntoResponse, Response};

use crate::values::InvalidValue;
use crate::{FormDecodeError, SignatureError, Webhook, WebhookValidator};

/// The most bytes of a webhook's body read unless [`WebhookConfig::body_limit`] says otherwise: Twilio's
/// largest payloads (an incoming message with ten media items) are a few kilobytes.
const DEFAULT_BODY_LIMIT: usize = 64 * 1024;

/// How [`TwilioWebhook`] checks requests: the validator with the auth token, and where the URL Twilio
/// signed comes from. An axum state, or a part of one through [`FromRef`]; cheap to clone.
#[derive(Clone, Debug)]
pub struct WebhookConfig {
    inner: Arc<Settings>,
}

#[derive(Clone, Debug)]
struct Settings {
    validator: WebhookValidator,
    /// `scheme://host[:port][/prefix]`, without a trailing `/`.
    public_url: Option<String>,
    trust_forwarded: bool,
    body_limit: usize,
}

impl WebhookConfig {
    /// Checks signatures with `validator`, rebuilding the URL from each request.
    pub fn new(validator: WebhookValidator) -> Self {
        let settings =
            Settings { validator, public_url: None, trust_forwarded: false, body_limit: DEFAULT_BODY_LIMIT };
        Self { inner: Arc::new(settings) }
    }

    /// The public base URL of the application, as Twilio calls it (`https://hooks.example.com`, or with
    /// the path prefix a proxy removes, `https://example.com/twilio`): a request's path and query are
    /// appended to it. Takes precedence over forwarded headers.
    ///
    /// # Errors
    ///
    /// When `base` is not an absolute `http` or `https` URL with a host and without a query or fragment.
    pub fn public_url(mut self, base: &str) -> Result<Self, InvalidValue> {
        let invalid =
            || InvalidValue::new("an absolute http(s) URL with a host, without query or fragment", base);
        let parsed = url::Url::parse(base).map_err(|_| invalid())?;
        if !matches!(parsed.scheme(), "http" | "https")
            || !parsed.has_host()
            || parsed.query().is_some()
            || parsed.fragment().is_some()
            || !parsed.username().is_empty()
        {
            return Err(invalid());
        }
        // As written, not as `url` normalizes it: Twilio signs the URL as configured in its console,
        // and the validator tries the forms with and without the default port itself.
        let base = base.trim_end_matches('/').to_owned();
        Arc::make_mut(&mut self.inner).public_url = Some(base);
        Ok(self)
    }

    /// Trusts `X-Forwarded-Proto` and `X-Forwarded-Host` (their first values) for the URL Twilio
    /// requested. Only for an application every request reaches through a proxy that sets them:
    /// otherwise a client chooses the URL the signature is checked against.
    pub fn trust_forwarded_headers(mut self) -> Self {
        Arc::make_mut(&mut self.inner).trust_forwarded = true;
        self
    }

    /// The most bytes of body read; a longer body is refused with 413 before it is checked.
    pub fn body_limit(mut self, bytes: usize) -> Self {
        Arc::make_mut(&mut self.inner).body_limit = bytes;
        self
    }

    /// The URL Twilio signed for a request with these parts, or `None` when it cannot be told (no host).
    fn signed_url(&self, parts: &Parts) -> Option<String> {
        let path = parts.uri.path_and_query().map_or("/", |path| path.as_str());
        if let Some(base) = &self.inner.public_url {
            return Some(format!("{base}{path}"));
        }
        let headers = &parts.headers;
        let forwarded = |name: &str| self.inner.trust_forwarded.then(|| first_value(headers, name)).flatten();
        let scheme = forwarded("x-forwarded-proto").or(parts.uri.scheme_str()).unwrap_or("http");
        let host = forwarded("x-forwarded-host")
            .or(parts.uri.authority().map(|authority| authority.as_str()))
            .or_else(|| headers.get(header::HOST).and_then(|host| host.to_str().ok()))?;
        Some(format!("{scheme}://{host}{path}"))
    }
}

/// The first comma-separated value of a header, trimmed; `None` when absent, empty or not text.
fn first_value<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    let value = headers.get(name)?.to_str().ok()?;
    Some(value.split(',').next()?.trim()).filter(|value| !value.is_empty())
}

/// A webhook payload whose signature was checked before its body was decoded.
///
/// The handler's state must give a [`WebhookConfig`] (`FromRef`). A request that is not a signed,
/// well-formed webhook is answered with a [`WebhookRejection`] and never reaches the handler.
#[derive(Clone, Debug)]
pub struct TwilioWebhook<T>(pub T);

impl<S, T> FromRequest<S> for TwilioWebhook<T>
where
    S: Send + Sync,
    T: Webhook,
    WebhookConfig: FromRef<S>,
{
    type Rejection = WebhookRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, WebhookRejection> {
        let config = WebhookConfig::from_ref(state);
        let (parts, body) = request.into_parts();
        let form = signed_form(&config, &parts, body).await?;
        T::from_form(&form).map(TwilioWebhook).map_err(WebhookRejection::Decode)
    }
}

/// The form of a request whose signature is Twilio's: the body of a `POST`, read up to the limit, or
/// the query string of a `GET` (a callback whose method is `GET` carries its parameters in the URL,
/// which is all its signature covers). Nothing of it is looked at before the signature is checked.
async fn signed_form(config: &WebhookConfig, parts: &Parts, body: Body) -> Result<Vec<u8>, WebhookRejection> {
    let headers = &parts.headers;
    let signature = match headers.get("x-twilio-signature") {
        None => return Err(WebhookRejection::Signature(SignatureError::MissingSignature)),
        // A value that is not text cannot be base64; the validator says so.
        Some(value) => value.to_str().unwrap_or("\u{fffd}"),
    };
    let settings = headers.get("x-twilio-webhooks-signature-settings").and_then(|value| value.to_str().ok());
    let url = config.signed_url(parts).ok_or(WebhookRejection::NoHost)?;
    if parts.method == Method::GET {
        config
            .inner
            .validator
            .validate_form(&url, b"", Some(signature), settings)
            .map_err(WebhookRejection::Signature)?;
        return Ok(parts.uri.query().unwrap_or_default().as_bytes().to_vec());
    }
    if !is_form(headers.get(header::CONTENT_TYPE)) {
        return Err(WebhookRejection::NotAForm);
    }
    let limit = config.inner.body_limit;
    let declared =
        headers.get(header::CONTENT_LENGTH).and_then(|length| length.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(WebhookRejection::TooLarge { limit });
    }
    // `to_bytes` fails past the limit, or when the connection fails mid-body; either way there is no
    // whole body to check, and a body cut short is refused like one too long.
    let body = to_bytes(body, limit).await.map_err(|_| WebhookRejection::TooLarge { limit })?;
    config
        .inner
        .validator
        .validate_form(&url, &body, Some(signature), settings)
        .map_err(WebhookRejection::Signature)?;
    Ok(body.into())
}

/// Whether a `Content-Type` is a form's; an absent one is taken as a form, as Twilio always sends one.
fn is_form(content_type: Option<&HeaderValue>) -> bool {
    let Some(content_type) = content_type else { return true };
    let Ok(content_type) = content_type.to_str() else { return false };
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/x-www-form-urlencoded")
}

/// Why [`TwilioWebhook`] refused a request; the response it becomes names the reason and nothing of
/// the body.
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// 403: the signature is missing or is not Twilio's for this URL and body.
    Signature(SignatureError),
    /// 403: the request has no host, so the URL Twilio signed cannot be rebuilt.
    NoHost,
    /// 415: the body of a `POST` is not `application/x-www-form-urlencoded`.
    NotAForm,
    /// 413: the body is longer than `limit` bytes.
    TooLarge { limit: usize },
    /// 400: the form is signed but does not decode into the payload.
    Decode(FormDecodeError),
}

impl WebhookRejection {
    /// The status the rejection is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Signature(_) | Self::NoHost => StatusCode::FORBIDDEN,
            Self::NotAForm => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Decode(_) => StatusCode::BAD_REQUEST,
        }
    }
}

impl fmt::Display for WebhookRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Signature(error) => write!(f, "not a request signed by Twilio: {error}"),
            Self::NoHost => {
                f.write_str("not a request signed by Twilio: no `Host` to rebuild the signed URL with")
            }
            Self::NotAForm => f.write_str("expected a form body (`application/x-www-form-urlencoded`)"),
            Self::TooLarge { limit } => write!(f, "the body is longer than {limit} bytes"),
            Self::Decode(error) => write!(f, "the webhook does not decode: {error}"),
        }
    }
}

impl std::error::Error for WebhookRejection {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Signature(error) => Some(error),
            Self::Decode(error) => Some(error),
            Self::NoHost | Self::NotAForm | Self::TooLarge { .. } => None,
        }
    }
}

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        (self.status(), self.to_string()).into_response()
    }
}

/// A TwiML document answering a call or a message, sent as `text/xml`.
///
/// Only the simplest replies are built here; anything else is written as XML and passed to
/// [`Twiml::from_xml`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Twiml(String);

const XML_DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

impl Twiml {
    /// `<Response/>`: nothing to do (a callback's answer, or a call hung up on, a message left
    /// unanswered).
    pub fn empty() -> Self {
        Self(format!("{XML_DECLARATION}<Response/>"))
    }

    /// Reads `text` to the caller with `<Say>`.
    pub fn say(text: &str) -> Self {
        Self::with_verb("Say", text)
    }

    /// Replies to an incoming message with `<Message>`.
    pub fn message(text: &str) -> Self {
        Self::with_verb("Message", text)
    }

    /// A document written by hand, sent as it is.
    pub fn from_xml(xml: impl Into<String>) -> Self {
        Self(xml.into())
    }

    /// The document's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn with_verb(verb: &str, text: &str) -> Self {
        Self(format!(
            "{XML_DECLARATION}<Response><{verb}>{}</{verb}></Response>",
            quick_xml::escape::escape(text)
        ))
    }
}

impl IntoResponse for Twiml {
    fn into_response(self) -> Response {
        ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], self.0).into_response()
    }
}
