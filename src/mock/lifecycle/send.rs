//! Posting a callback to the application as Twilio posts it: signed with the account's auth token,
//! with Twilio's headers, to a URL on this machine only; and what became of it.

use std::net::IpAddr;
use std::sync::OnceLock;
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

/// A callback the mock made, or would have made, and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentCallback {
    callback: Callback,
    delivery: Delivery,
}

/// What became of a callback.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Delivery {
    /// The application answered, with this HTTP status (Twilio does not act on it either way).
    Answered(u16),
    /// Not made: the URL's host is not this machine. The mock posts to loopback hosts only
    /// (`127.0.0.1`, `::1`, `localhost`), so that a test never reaches a real server with a URL a
    /// request carried.
    NotLocal,
    /// Made, but no answer came: the connection was refused or failed, or 15 seconds passed. The
    /// reason, as the HTTP client gave it.
    NoAnswer(String),
}

impl SentCallback {
    /// The request: where, how, with which parameters.
    pub fn callback(&self) -> &Callback {
        &self.callback
    }

    pub fn delivery(&self) -> &Delivery {
        &self.delivery
    }

    /// The HTTP status the application answered with; `None` when it did not answer or the callback
    /// was not made.
    pub fn status(&self) -> Option<u16> {
        match self.delivery {
            Delivery::Answered(status) => Some(status),
            Delivery::NotLocal | Delivery::NoAnswer(_) => None,
        }
    }
}

/// A callback ready to go, with the validator of its account's auth token to sign it.
pub(crate) struct Outgoing {
    pub(crate) callback: Callback,
    pub(crate) validator: WebhookValidator,
}

/// Posts callbacks with one HTTP client, made when the first callback goes out: most tests send
/// none, and the mock starts faster without loading a TLS configuration.
#[derive(Default)]
pub(crate) struct Poster {
    http: OnceLock<Result<reqwest::Client, String>>,
}

impl Poster {
    /// Makes the request `outgoing` describes, as Twilio makes it: `POST` with the form as body, or
    /// `GET` with the form in the query; `X-Twilio-Signature` over the URL requested (and the body),
    /// and Twilio's `User-Agent`.
    pub(crate) async fn post(&self, outgoing: Outgoing) -> SentCallback {
        let Outgoing { callback, validator } = outgoing;
        let url = callback.request_url();
        if !is_loopback(&url) {
            return SentCallback { callback, delivery: Delivery::NotLocal };
        }
        let http = self.http.get_or_init(|| {
            reqwest::Client::builder().timeout(TIMEOUT).build().map_err(|error| error.to_string())
        });
        let http = match http {
            Ok(http) => http,
            Err(error) => {
                let reason = format!("the HTTP client for callbacks could not be set up: {error}");
                return SentCallback { callback, delivery: Delivery::NoAnswer(reason) };
            }
        };
        let request = match callback.method() {
            CallbackMethod::Get => http.get(&url),
            CallbackMethod::Post => http.post(&url).header(CONTENT_TYPE, FORM).body(callback.body()),
        };
        let answer = request
            .header(USER_AGENT, TWILIO_USER_AGENT)
            .header("X-Twilio-Signature", callback.signature(&validator))
            .send()
            .await;
        let delivery = match answer {
            Ok(response) => Delivery::Answered(response.status().as_u16()),
            Err(error) => Delivery::NoAnswer(error_chain(&error)),
        };
        SentCallback { callback, delivery }
    }
}

/// Whether `url` names this machine: a loopback address, or `localhost`.
fn is_loopback(url: &str) -> bool {
    let Ok(url) = reqwest::Url::parse(url) else { return false };
    url.host_str().is_some_and(|host| {
        host.eq_ignore_ascii_case("localhost")
            || host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    })
}

/// An error and its sources, `: `-separated: reqwest's own message alone says only "error sending
/// request".
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_hosts_are_this_machine() {
        for local in
            ["http://127.0.0.1:8080/calls", "http://127.1.2.3/x", "http://[::1]:9/x", "http://LocalHost/x"]
        {
            assert!(is_loopback(local), "{local}");
        }
        for remote in ["https://example.com/calls", "http://10.0.0.1/x", "http://[::2]/x", "not a url"] {
            assert!(!is_loopback(remote), "{remote}");
        }
    }
}
