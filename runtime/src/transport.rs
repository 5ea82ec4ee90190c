//! One attempt: the HTTP exchange with its headers and timeout, the reply read whole (up to the body
//! cap) and what the retry decision needs to know of how it ended.

use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use url::Url;

use crate::error::{BodyTooLargeError, Error, TransportError};
use crate::idempotency::{IDEMPOTENCY_HEADER, IdempotencyKey};
use crate::json::BodyFormat;
use crate::method::Method;
use crate::reply::{BodyError, Reply, read_body, read_headers};
use crate::retry::Outcome;

const JSON: &str = "application/json";

/// The connection pool and what every attempt sends or obeys, whatever the request.
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    /// `Basic …`, marked sensitive: HTTP/2 never indexes it and `Debug` hides it.
    pub(crate) authorization: HeaderValue,
    /// The longest one attempt may take.
    pub(crate) timeout: Duration,
    /// The most bytes of a reply's body that are read.
    pub(crate) max_body_size: usize,
}

/// What every attempt of one request sends.
pub(crate) struct Outgoing<'a> {
    pub(crate) method: Method,
    /// Named in errors instead of the URL, whose query can hold phone numbers.
    pub(crate) path_template: &'static str,
    pub(crate) url: Url,
    /// Shared by the attempts: cloning it only counts a reference.
    pub(crate) body: Option<Bytes>,
    /// What the body is, which its `Content-Type` says.
    pub(crate) format: BodyFormat,
    pub(crate) idempotency_key: Option<&'a IdempotencyKey>,
}

/// How one attempt ended: its result, what the retry decision needs to know of it, and the wait the
/// server asked for.
pub(crate) struct Attempt {
    pub(crate) result: Result<Reply, Error>,
    pub(crate) outcome: Outcome,
    pub(crate) retry_after: Option<Duration>,
}

impl Transport {
    /// Sends `request` once and reads the whole reply, taking at most `remaining`.
    pub(crate) async fn attempt(&self, request: &Outgoing<'_>, remaining: Duration) -> Attempt {
        let Outgoing { method, path_template, .. } = *request;
        let mut builder = self
            .http
            .request(method.to_reqwest(), request.url.clone())
            .timeout(self.timeout.min(remaining))
            .header(AUTHORIZATION, self.authorization.clone())
            .header(ACCEPT, HeaderValue::from_static(JSON));
        if let Some(key) = request.idempotency_key {
            builder = builder.header(IDEMPOTENCY_HEADER, key.header_value());
        }
        if let Some(body) = &request.body {
            builder = builder
                .header(CONTENT_TYPE, HeaderValue::from_static(request.format.content_type()))
                .body(body.clone());
        }
        let mut response = match builder.send().await {
            Ok(response) => response,
            Err(error) => {
                let error = TransportError::before_answer(method, path_template, error);
                let outcome = if error.is_connect() { Outcome::NotSent } else { Outcome::MaybeSent };
                return Attempt { result: Err(Error::Transport(error)), outcome, retry_after: None };
            }
        };
        let status = response.status().as_u16();
        let (request_id, retry_after) = read_headers(response.headers(), chrono::Utc::now);
        let (result, outcome) = match read_body(&mut response, self.max_body_size).await {
            Ok(body) => judge(Reply::new(status, request_id, body)),
            Err(BodyError::TooLarge) => {
                let error =
                    BodyTooLargeError::new(method, path_template, status, request_id, self.max_body_size);
                (Err(Error::BodyTooLarge(error)), Outcome::Answer { status, code: None })
            }
            Err(BodyError::Broken(error)) => {
                let error = TransportError::reading_body(method, path_template, status, request_id, error);
                (Err(Error::Transport(error)), Outcome::BodyBroken { status })
            }
        };
        Attempt { result, outcome, retry_after }
    }
}

/// A complete reply as an attempt's result: the reply itself for a 2xx status, else the API error its
/// body describes; and the outcome the retry decision needs (the status, and Twilio's error code).
pub(crate) fn judge(reply: Reply) -> (Result<Reply, Error>, Outcome) {
    let status = reply.status();
    let result = reply.into_result();
    let code = match &result {
        Err(Error::Api(error)) => error.code(),
        _ => None,
    };
    (result, Outcome::Answer { status, code })
}
