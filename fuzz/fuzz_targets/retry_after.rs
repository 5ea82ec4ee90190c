//! `Retry-After` parsing, and the waits a retry policy derives from it and from its backoff.
//!
//! The input is a clock reading (8 bytes), the policy's base and maximum delays and `Retry-After` cap
//! (8 bytes each, in milliseconds), the retry number (4 bytes), a jitter seed (8 bytes), then the
//! header's text.

#![no_main]

use std::time::Duration;

use chrono::Timelike as _;
use libfuzzer_sys::fuzz_target;
use twilio_endpoint::RetryPolicy;
use twilio_endpoint_runtime::__fuzz::{parse_retry_after, retry_delay};

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    // Any second from year -262143 to 262142, as far as chrono's dates go.
    let now = input.u64() as i64 % 8_210_298_412_799;
    let Some(now) = chrono::DateTime::from_timestamp(now, 0) else { return };
    let base = Duration::from_millis(input.u64());
    let max = Duration::from_millis(input.u64());
    let cap = Duration::from_millis(input.u64());
    let retry = input.u32();
    fastrand::seed(input.u64());
    let text = String::from_utf8_lossy(input.0);

    let asked = parse_retry_after(&text, now);
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        // Whole seconds; too many digits for a u64 is a very long wait (the policy clamps it).
        let seconds = trimmed.parse::<u64>().map_or(Duration::MAX, Duration::from_secs);
        assert_eq!(asked, Some(seconds), "{text:?}");
    } else if let Some(wait) = asked {
        // An HTTP date in the future: the wait ends on it (on a leap second, `:60`, within a second).
        let date = chrono::DateTime::parse_from_rfc2822(trimmed).expect("a wait from a date").to_utc();
        let end = now + chrono::TimeDelta::from_std(wait).unwrap();
        let leap = date.nanosecond() >= 1_000_000_000;
        let off = (end - date).abs();
        assert!(
            off.is_zero() || leap && off <= chrono::TimeDelta::seconds(1),
            "{text:?} at {now}: ends at {end}"
        );
    }

    let policy = RetryPolicy::default().base_delay(base).max_delay(max).max_retry_after(cap);
    let delay = retry_delay(&policy, retry, asked);
    match asked {
        Some(asked) => assert_eq!(delay.max(asked.min(cap)), delay, "{delay:?} shorter than asked"),
        None => assert!(delay <= max, "{delay:?} beyond the maximum {max:?}"),
    }
    assert!(delay <= max.max(cap), "{delay:?} beyond both limits");
});

struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        let n = N.min(self.0.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        out
    }

    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.bytes())
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.bytes())
    }
}
