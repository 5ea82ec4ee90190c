//! What the mock answers: a reply (status, JSON body, headers), or a connection closed without one,
//! either after a delay.

use std::time::Duration;

use chrono::{DateTime, Utc};

/// An answer the mock sends: a status and, unless it is `204 No Content`, a JSON body.
///
/// A responder of an endpoint registered with [`MockTwilio::register`](super::MockTwilio::register)
/// returns one:
///
/// ```
/// use twilio_endpoint::mock::Reply;
///
/// let created = Reply::created(serde_json::json!({"sid": "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}));
/// assert_eq!(created.status(), 201);
/// let refused = Reply::error(400, 21211, "The 'To' number is not a valid phone number");
/// assert_eq!(refused.status(), 400);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    status: u16,
    body: Option<String>,
    retry_after: Option<Duration>,
    authenticate: bool,
}

impl Reply {
    /// `200 OK` with `json` as the body.
    pub fn ok(json: serde_json::Value) -> Reply {
        Reply::json(200, json)
    }

    /// `201 Created` with `json` as the body, as Twilio answers a create.
    pub fn created(json: serde_json::Value) -> Reply {
        Reply::json(201, json)
    }

    /// `204 No Content`, as Twilio answers a delete.
    pub fn no_content() -> Reply {
        Reply { status: 204, body: None, retry_after: None, authenticate: false }
    }

    /// Any status with `json` as the body.
    pub fn json(status: u16, json: serde_json::Value) -> Reply {
        Reply { status, body: Some(json.to_string()), retry_after: None, authenticate: false }
    }

    /// Twilio's error JSON, `{"code", "message", "more_info", "status"}`, with `status` as the HTTP
    /// status and `code` linked to its page of Twilio's error dictionary.
    pub fn error(status: u16, code: u32, message: &str) -> Reply {
        Reply::twilio_error(status, Some(code), message)
    }

    /// Twilio's error JSON with or without a code (`"code": null` and no link when `None`).
    pub(crate) fn twilio_error(status: u16, code: Option<u32>, message: &str) -> Reply {
        let more_info = code.map(|code| format!("https://www.twilio.com/docs/errors/{code}"));
        Reply::json(
            status,
            serde_json::json!({
                "code": code,
                "message": message,
                "more_info": more_info,
                "status": status,
            }),
        )
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The body as sent; `None` for `204 No Content`.
    pub fn body(&self) -> Option<&str> {
        self.body.as_deref()
    }

    /// Adds a `Retry-After` header of `delay`, in whole seconds rounded up.
    pub(crate) fn with_retry_after(mut self, delay: Duration) -> Reply {
        self.retry_after = Some(delay);
        self
    }

    /// Adds the `WWW-Authenticate` challenge of a `401`, as Twilio sends it.
    pub(crate) fn with_authenticate(mut self) -> Reply {
        self.authenticate = true;
        self
    }

    /// The `Retry-After` header's value, in whole seconds.
    pub(crate) fn retry_after_seconds(&self) -> Option<u64> {
        self.retry_after.map(|delay| delay.as_secs() + u64::from(delay.subsec_nanos() > 0))
    }

    pub(crate) fn authenticates(&self) -> bool {
        self.authenticate
    }
}

/// How the mock ends one exchange: after `delay`, a reply, or the connection closed without one.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) delay: Option<Duration>,
    pub(crate) outcome: Outcome,
}

#[derive(Debug)]
pub(crate) enum Outcome {
    Reply(Reply),
    /// The connection is closed without an answer: the client cannot tell whether the request was
    /// carried out.
    Drop,
}

impl Answer {
    pub(crate) fn now(reply: Reply) -> Answer {
        Answer { delay: None, outcome: Outcome::Reply(reply) }
    }
}

/// A date as Twilio writes one in the 2010 API's replies and callbacks: RFC 2822 in UTC with a
/// two-digit day (`Sat, 07 May 2022 14:30:14 +0000`), to the second.
pub(crate) fn twilio_date(time: DateTime<Utc>) -> String {
    time.format("%a, %d %b %Y %H:%M:%S +0000").to_string()
}
