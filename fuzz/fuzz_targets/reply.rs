//! The reply decoder: an answer's status, headers and body read as an attempt reads them, a 2xx body
//! decoded as `send` decodes it, and the retry decision.
//!
//! The input is an answer written as in HTTP: the status on the first line, `Name: value` header
//! lines, an empty line, then the body (lines end with `\n` or `\r\n`). The last two digits of a 2xx
//! status choose the response type, so that each input costs one decoding: 200 a call, 201 a page
//! of calls, 202 a message, 203 a page of messages, 204 no content, then a participant, a
//! conference and a conference recording, each followed by its page (`scripts/fuzz.sh` seeds the
//! corpus with the embedded mock's replies under the status of their type).
//!
//! Beyond "no panic", it checks that every error keeps the status and the `Twilio-Request-Id`, that
//! its message is one bounded line, and that no answer makes a `POST` be resent except a 429 with
//! Twilio's code 20429.

#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use twilio_endpoint::api::v2010::{
    DeleteCall, FetchCall, FetchConference, FetchConferenceRecording, FetchMessage, FetchParticipant,
    ListCalls, ListConferenceRecordings, ListConferences, ListMessages, ListParticipants,
};
use twilio_endpoint::{Endpoint, Error, Method, RetryPolicy};
use twilio_endpoint_runtime::__fuzz::{HeaderMap, HeaderName, HeaderValue, read_answer, retry_delay};

/// Longer than any message the client writes for a reply, however large the reply.
const MAX_MESSAGE_CHARS: usize = 1_000;

fuzz_target!(|data: &[u8]| {
    let Some((status, headers, body)) = parse(data) else { return };
    match status % 100 % 11 {
        0 => check::<FetchCall>(status, &headers, body),
        1 => check::<ListCalls>(status, &headers, body),
        2 => check::<FetchMessage>(status, &headers, body),
        3 => check::<ListMessages>(status, &headers, body),
        4 => check::<DeleteCall>(status, &headers, body),
        5 => check::<FetchParticipant>(status, &headers, body),
        6 => check::<ListParticipants>(status, &headers, body),
        7 => check::<FetchConference>(status, &headers, body),
        8 => check::<ListConferences>(status, &headers, body),
        9 => check::<FetchConferenceRecording>(status, &headers, body),
        _ => check::<ListConferenceRecordings>(status, &headers, body),
    }
});

/// The status (100 to 999, as an HTTP client delivers it), the headers an HTTP client would accept,
/// and the body.
fn parse(data: &[u8]) -> Option<(u16, HeaderMap, &[u8])> {
    let mut rest = data;
    let mut next_line = || {
        let end = rest.iter().position(|&b| b == b'\n')?;
        let line = &rest[..end];
        rest = &rest[end + 1..];
        Some(line.strip_suffix(b"\r").unwrap_or(line))
    };
    let status = std::str::from_utf8(next_line()?).ok()?.trim().parse::<u16>().ok()?;
    if !(100..=999).contains(&status) {
        return None;
    }
    let mut headers = HeaderMap::new();
    loop {
        let line = next_line()?;
        if line.is_empty() {
            break;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else { continue };
        let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(line[..colon].trim_ascii()),
            HeaderValue::from_bytes(line[colon + 1..].trim_ascii()),
        ) else {
            continue;
        };
        headers.append(name, value);
    }
    Some((status, headers, rest))
}

fn check<E: Endpoint>(status: u16, headers: &HeaderMap, body: &[u8]) {
    let now = chrono::DateTime::from_timestamp(1_445_412_480, 0).unwrap();
    let answer = read_answer(status, headers, body.to_vec(), now, E::decode_response);
    let success = (200..300).contains(&status);
    // Kept as sent, or cut after 64 characters.
    let request_id = headers.get("twilio-request-id").and_then(|value| value.to_str().ok()).map(|id| {
        let kept: String = id.chars().take(64).collect();
        if kept.len() < id.len() { kept + "…" } else { kept }
    });
    let request_id = request_id.as_deref();

    let code = match answer.result() {
        Ok(_) => {
            assert!(success, "{status} decoded as a success");
            None
        }
        Err(Error::Decode(error)) => {
            assert!(success, "{status} decoded as a 2xx body");
            assert_eq!(error.status(), status);
            assert_eq!(error.request_id(), request_id);
            None
        }
        Err(Error::Api(error)) => {
            assert!(!success, "{status} is an API error");
            assert_eq!(error.status(), status);
            assert_eq!(error.request_id(), request_id);
            error.code()
        }
        Err(other) => panic!("{status} gave an error no answer can give: {other:?}"),
    };
    if let Err(error) = answer.result() {
        let message = error.to_string();
        assert!(message.chars().count() <= MAX_MESSAGE_CHARS, "{} chars: {message}", message.len());
        assert!(!message.chars().any(|c| c.is_control() && c != '\t'), "control character in {message:?}");
    }

    // Only an answer that says Twilio did not process the request lets a `POST` be sent again.
    if answer.resent(Method::Post) {
        assert_eq!((status, code), (429, Some(20429)), "a POST would be resent");
    }
    if success || (400..500).contains(&status) && status != 429 {
        for method in [Method::Get, Method::Post, Method::Delete] {
            assert!(!answer.resent(method), "{method:?} resent after {status}");
        }
    }
    if let Some(asked) = answer.retry_after() {
        // At least what the server asked for, clamped to 30 s, or the jittered backoff if longer.
        let delay = retry_delay(&RetryPolicy::default(), 1, Some(asked));
        let clamped = asked.min(Duration::from_secs(30));
        assert!(
            clamped <= delay && delay <= clamped.max(Duration::from_millis(100)),
            "{asked:?} gave {delay:?}"
        );
    }
}
