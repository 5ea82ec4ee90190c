//! The HTTP method of a request.

/// The HTTP methods Twilio's REST API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    /// Used by newer products (Lookups v2's rate limits and overrides), with a JSON body.
    Put,
    Delete,
}

impl Method {
    /// The method as a request line writes it, e.g. `POST`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    /// Whether the method's parameters travel in a body (`POST`, `PUT`) rather than the query.
    pub const fn has_body(self) -> bool {
        matches!(self, Method::Post | Method::Put)
    }

    /// Whether the retry policy may send the request again when its outcome is unknown (`GET`,
    /// `DELETE`).
    ///
    /// Not `PUT`: HTTP calls it idempotent, but Twilio does not promise that of its operations, and
    /// nothing documents that sending one twice is harmless (whether resetting a rate limit restarts
    /// its window, say). So a `PUT` that may have reached Twilio is treated as a `POST` is: sent again
    /// only when nothing was sent, or when Twilio answers that it did not process it (`429` with code
    /// 20429); a `5xx` or a connection lost after writing is `OutcomeUnknown` (`retry.rs`).
    pub(crate) fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Delete)
    }

    pub(crate) fn to_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
        }
    }
}
