//! A request as it goes out: method, full URL and body. The client prepares one for every request it
//! sends (`Client::prepare`), and a preview is that same value, shown instead of sent.

use std::fmt;

use url::Url;

use crate::json::BodyFormat;
use crate::method::Method;

/// The exact request a client would send for an endpoint, without sending it: the method, the full URL
/// (scheme, host, the base URL's path, the request's path and, for `GET` and `DELETE`, its query) and,
/// for `POST` and `PUT`, the body (a form, or the JSON object of an endpoint declared with
/// `body = json`) with its `Content-Type`. Never the credentials or other headers.
///
/// Made by [`Endpoint::preview`](crate::Endpoint::preview) (or a declared request's own `preview`),
/// with the same code that prepares a request for sending, so that what it shows is what is sent.
///
/// `Display` prints the method and URL on one line and the body, if any, on the next:
///
/// ```text
/// POST https://api.twilio.com/2010-04-01/Accounts/AC…/Calls/CA….json
/// Status=completed
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub(crate) method: Method,
    /// The operation's path template, which logs and errors name instead of the URL.
    pub(crate) path_template: &'static str,
    pub(crate) url: Url,
    /// The body of a `POST` or `PUT` (possibly empty); `None` for `GET` and `DELETE`.
    pub(crate) body: Option<String>,
    /// What the body is; for `GET` and `DELETE`, the query's format (always a form).
    pub(crate) format: BodyFormat,
}

impl Preview {
    /// The HTTP method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The full URL, e.g. `https://api.twilio.com/2010-04-01/Accounts/AC…/Calls.json?Status=busy`.
    pub fn url(&self) -> &str {
        self.url.as_str()
    }

    /// The body of a `POST` or `PUT`: `application/x-www-form-urlencoded` (empty when no parameter
    /// is set), or for an endpoint declared with `body = json` the JSON object, exactly as sent;
    /// `None` for a `GET` or `DELETE`, whose parameters are the URL's query.
    pub fn body(&self) -> Option<&str> {
        self.body.as_deref()
    }

    /// The `Content-Type` the body is sent with (`application/x-www-form-urlencoded` or
    /// `application/json`); `None` when there is no body.
    pub fn content_type(&self) -> Option<&'static str> {
        self.body.as_ref().map(|_| self.format.content_type())
    }
}

impl fmt::Display for Preview {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method.as_str(), self.url)?;
        match self.body.as_deref() {
            Some(body) if !body.is_empty() => write!(f, "\n{body}"),
            _ => Ok(()),
        }
    }
}
