//! Posting a callback to the application as Twilio posts it: signed with the account's auth token,
//! with Twilio's headers.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use reqwest::header::{CONTENT_TYPE, USER_AGENT};

use super::Callback;
use crate::WebhookValidator;
use crate::values::CallbackMethod;

/// The `User-Agent` of Twilio's webhook requests.
const TWILIO_USER_AGENT: &str = "TwilioProxy/1.1";
/// The `Content-Type` of a form Twilio posts, charset included, as its requests carry it.
const FORM: &str = "application/x-www-form-urlencoded; charset=utf-8";
/// How long a callback may take, connection and answer: a test should not hang on an application
/// that never answers.
const TIMEOUT: Duration = Duration::from_secs(15);

/// Makes the request `callback` describes: `POST` with the form as body, or `GET` with the form in the
/// query; `X-Twilio-Signature` made with `validator` over the URL requested (and the body), and
/// Twilio's `User-Agent`. The status the application answered with is returned whatever it is:
/// Twilio does not act on it either.
pub(crate) async fn send(
    http: &reqwest::Client,
    validator: &WebhookValidator,
    callback: &Callback,
) -> Result<reqwest::StatusCode, SendError> {
    let url = callback.request_url();
    let request = match callback.method() {
        CallbackMethod::Get => http.get(&url),
        CallbackMethod::Post => http.post(&url).header(CONTENT_TYPE, FORM).body(callback.body()),
    };
    let response = request
        .header(USER_AGENT, TWILIO_USER_AGENT)
        .header("X-Twilio-Signature", callback.signature(validator))
        .send()
        .await
        .map_err(|source| SendError { url: Some(url), source })?;
    Ok(response.status())
}

/// Sends callbacks to the application, signed with the auth token of the account they are about.
#[derive(Clone, Debug)]
pub struct CallbackSender {
    http: reqwest::Client,
    validator: WebhookValidator,
}

impl CallbackSender {
    /// A sender signing with `validator`'s token: the one the application checks signatures with.
    ///
    /// # Errors
    ///
    /// When the HTTP client cannot be set up (its TLS configuration failed to load).
    pub fn new(validator: WebhookValidator) -> Result<Self, SendError> {
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .map_err(|source| SendError { url: None, source })?;
        Ok(CallbackSender { http, validator })
    }

    /// Makes the request `callback` describes, as Twilio makes it (see [`Callback`]), and returns the
    /// HTTP status the application answered with, whichever it is.
    ///
    /// # Errors
    ///
    /// When no answer came: the URL cannot be reached, the connection failed, or 15 seconds passed.
    pub async fn send(&self, callback: &Callback) -> Result<u16, SendError> {
        let status = send(&self.http, &self.validator, callback).await?;
        Ok(status.as_u16())
    }
}

/// A callback that got no answer, or a sender that could not be set up.
#[derive(Debug)]
pub struct SendError {
    /// The URL requested; `None` when the client could not be built.
    url: Option<String>,
    source: reqwest::Error,
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.url {
            Some(url) => write!(f, "the callback to `{url}` got no answer: {}", self.source),
            None => write!(f, "the HTTP client for callbacks could not be set up: {}", self.source),
        }
    }
}

impl StdError for SendError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.source)
    }
}
