//! A complete reply and what it says: the `Twilio-Request-Id` and `Retry-After` headers, the body read
//! up to a cap, and a non-2xx body read as Twilio's error JSON.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, RETRY_AFTER};

use crate::error::{ApiError, DecodeError, Error, TwilioErrorBody};

const REQUEST_ID: HeaderName = HeaderName::from_static("twilio-request-id");
/// The longest `Twilio-Request-Id` kept whole. Twilio's have 34 characters (`RQ` and 32 hex digits);
/// a longer value, from a proxy or a misbehaving server, is cut so that errors and logs stay short.
const MAX_REQUEST_ID: usize = 64;

/// A complete reply: status, `Twilio-Request-Id` and body.
pub(crate) struct Reply {
    status: u16,
    request_id: Option<String>,
    body: Bytes,
}

impl Reply {
    pub(crate) fn new(status: u16, request_id: Option<String>, body: Bytes) -> Self {
        Self { status, request_id, body }
    }

    pub(crate) fn status(&self) -> u16 {
        self.status
    }

    pub(crate) fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The reply itself for a 2xx status, else the API error its body describes.
    pub(crate) fn into_result(self) -> Result<Reply, Error> {
        if (200..300).contains(&self.status) {
            return Ok(self);
        }
        // A body nested deeper than serde_json's recursion limit, truncated or not UTF-8 is not JSON
        // here: it is shown as an excerpt like any other body.
        let json = serde_json::from_slice::<serde_json::Value>(&self.body).ok();
        let twilio = json.as_ref().and_then(read_twilio_error);
        Err(Error::Api(ApiError::new(self.status, self.request_id, &self.body, twilio)))
    }

    pub(crate) fn body(&self) -> &[u8] {
        &self.body
    }

    /// The error for a 2xx reply whose body the decoder refused with `source`. Not generic, unlike the
    /// decoding that calls it, so that it is compiled once rather than once per response type.
    pub(crate) fn decode_error(self, source: serde_json::Error) -> Error {
        Error::Decode(DecodeError::new(self.status, self.request_id, &self.body, &source))
    }
}

/// The `Twilio-Request-Id` of a reply, and the wait its `Retry-After` asks for; `now` tells the time,
/// read only when there is a `Retry-After` to read it for.
pub(crate) fn read_headers(
    headers: &HeaderMap,
    now: impl FnOnce() -> chrono::DateTime<chrono::Utc>,
) -> (Option<String>, Option<Duration>) {
    let header = |name| headers.get(name).and_then(|value: &HeaderValue| value.to_str().ok());
    // `to_str` only accepts visible ASCII (and tabs), so cutting at a byte index is cutting at a character.
    let request_id = header(REQUEST_ID).map(|id| {
        if id.len() > MAX_REQUEST_ID { format!("{}…", &id[..MAX_REQUEST_ID]) } else { id.to_owned() }
    });
    let retry_after = header(RETRY_AFTER).and_then(|value| parse_retry_after(value, now()));
    (request_id, retry_after)
}

/// The wait a `Retry-After` value asks for: whole seconds, or an HTTP date (RFC 9110); anything
/// else, and dates in the past, ask for nothing.
pub(crate) fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse::<u64>().ok().map(Duration::from_secs).or(Some(Duration::MAX));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    (date.with_timezone(&chrono::Utc) - now).to_std().ok()
}

/// Why a body was not read whole.
pub(crate) enum BodyError {
    /// It is longer than the limit (declared so, or found so while reading); it was dropped.
    TooLarge,
    /// The connection broke off or timed out while reading it.
    Broken(reqwest::Error),
}

/// The whole body of `response`, if it is at most `limit` bytes.
///
/// The body is read chunk by chunk and dropped once past the limit, so that a huge or endless reply
/// cannot fill the memory; a declared length past it is refused before reading.
pub(crate) async fn read_body(response: &mut reqwest::Response, limit: usize) -> Result<Bytes, BodyError> {
    let declared = response.content_length();
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(BodyError::TooLarge);
    }
    // A reply that arrives in one chunk, as most do, is kept as it came. Further chunks are gathered
    // after it in one buffer, sized the first time from the declared length (already within the
    // limit) so that it does not regrow chunk after chunk; the buffer is unique, so turning it back
    // into `BytesMut` for the next chunk copies nothing.
    let mut body = Bytes::new();
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Broken)? {
        if body.len() + chunk.len() > limit {
            return Err(BodyError::TooLarge);
        }
        if body.is_empty() {
            body = chunk;
        } else {
            let mut joined = BytesMut::from(std::mem::take(&mut body));
            joined.reserve(declared.map_or(0, |length| length as usize).saturating_sub(joined.len()));
            joined.extend_from_slice(&chunk);
            body = joined.freeze();
        }
    }
    Ok(body)
}

/// The error `json` describes, or `None` when it is not one of Twilio's error shapes: the 2010 API's
/// `{"code", "message", "more_info"}`, RFC 9457 problem details (`detail` or `title`, `type`), or a
/// list `{"errors": [...]}` of either (the first, with the count of the others).
fn read_twilio_error(json: &serde_json::Value) -> Option<TwilioErrorBody<'_>> {
    if let Some(errors) = json.get("errors").and_then(serde_json::Value::as_array) {
        let mut first = read_one_error(errors.first()?)?;
        first.more_errors = errors.len() - 1;
        return Some(first);
    }
    read_one_error(json)
}

fn read_one_error(json: &serde_json::Value) -> Option<TwilioErrorBody<'_>> {
    let text =
        |name: &str| json.get(name).and_then(serde_json::Value::as_str).filter(|text| !text.is_empty());
    let code = json.get("code").and_then(|code| match code {
        serde_json::Value::Number(number) => number.as_u64(),
        serde_json::Value::String(text) => text.parse().ok(),
        _ => None,
    });
    let code = code.and_then(|code| u32::try_from(code).ok());
    let message = text("message").or_else(|| text("detail")).or_else(|| text("title"));
    // `about:blank` is RFC 9457's "no further information".
    let more_info = text("more_info").or_else(|| text("type").filter(|url| *url != "about:blank"));
    // Twilio always sends a code or a message; JSON with neither is some other server's.
    (code.is_some() || message.is_some()).then_some(TwilioErrorBody {
        code,
        message,
        more_info,
        more_errors: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_id_longer_than_twilio_s_is_cut() {
        let now = chrono::Utc::now();
        let mut headers = HeaderMap::new();
        headers.insert(REQUEST_ID, HeaderValue::from_static("RQ0123456789abcdef0123456789abcdef"));
        let (request_id, _) = read_headers(&headers, || now);
        assert_eq!(request_id.as_deref(), Some("RQ0123456789abcdef0123456789abcdef"));

        // Found by the `reply` fuzz target: a 1,500-character id made every error message as long.
        let long = format!("RQ{}", "a".repeat(1_500));
        headers.insert(REQUEST_ID, HeaderValue::try_from(long.as_str()).unwrap());
        let (request_id, _) = read_headers(&headers, || now);
        assert_eq!(request_id, Some(format!("{}…", &long[..MAX_REQUEST_ID])));
        let reply = Reply::new(400, request_id, Bytes::from_static(b"{\"code\": 21205}"));
        assert!(reply.into_result().err().unwrap().to_string().len() < 200);
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates_and_ignores_garbage() {
        let now = chrono::DateTime::parse_from_rfc3339("2015-10-21T07:28:00Z").unwrap().to_utc();
        assert_eq!(parse_retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:30 GMT", now), Some(Duration::from_secs(30)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now), None);
        // Too many digits for a u64: a very long wait, which the policy then clamps.
        assert_eq!(parse_retry_after("99999999999999999999999", now), Some(Duration::MAX));
        for garbage in ["", "soon", "-5", "1.5", "12 s", "Wed, 99 Oct 2015"] {
            assert_eq!(parse_retry_after(garbage, now), None, "{garbage:?}");
        }
    }
}
