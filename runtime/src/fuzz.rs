//! Entry points for the fuzz targets in `fuzz/`: the steps that turn what a server or a caller
//! supplies into values, run as the client runs them. Built only with the `fuzzing` feature.

use std::time::Duration;

pub use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::error::Error;
use crate::method::Method;
use crate::reply::{self, Reply, read_headers};
use crate::retry::{self, Outcome, RetryPolicy, Verdict};
use crate::transport::judge;

/// What the client makes of a complete answer.
pub struct Answer<T> {
    result: Result<T, Error>,
    retry_after: Option<Duration>,
    outcome: Outcome,
}

impl<T> Answer<T> {
    /// The request's result had this answer been the last attempt's.
    pub fn result(&self) -> &Result<T, Error> {
        &self.result
    }

    /// The wait the answer's `Retry-After` asks for.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// Whether a request sent with `method` would be sent again after this answer (attempts, budget
    /// and deadline permitting).
    pub fn resent(&self, method: Method) -> bool {
        retry::verdict(method, self.outcome) == Verdict::Retry
    }
}

/// Reads an answer with `status`, `headers` and a complete `body` as an attempt does, then decodes a
/// 2xx body with `decode` (an endpoint's `decode_response`) as `send` does.
pub fn read_answer<T>(
    status: u16,
    headers: &HeaderMap,
    body: Vec<u8>,
    now: chrono::DateTime<chrono::Utc>,
    decode: impl FnOnce(&[u8]) -> Result<T, serde_json::Error>,
) -> Answer<T> {
    let (request_id, retry_after) = read_headers(headers, || now);
    let (result, outcome) = judge(Reply::new(status, request_id, body.into()));
    let result = result.and_then(|reply| decode(reply.body()).map_err(|source| reply.decode_error(source)));
    Answer { result, retry_after, outcome }
}

/// The wait a `Retry-After` value asks for at `now`.
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    reply::parse_retry_after(value, now)
}

/// The wait `policy` makes before retry number `retry` (1 for the first).
pub fn retry_delay(policy: &RetryPolicy, retry: u32, retry_after: Option<Duration>) -> Duration {
    policy.delay(retry, retry_after)
}
