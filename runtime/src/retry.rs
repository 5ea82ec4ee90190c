//! When a failed attempt is sent again, and how long the client waits first.
//!
//! The rule that matters most: a request that may have reached Twilio is only resent when resending
//! cannot repeat its effect. `GET` and `DELETE` are idempotent; a `POST` (a call, a message) is resent
//! only when Twilio cannot have acted on it: the connection was never made, or Twilio answered 429
//! with code 20429, which it documents as "request not processed". A `PUT` is treated as a `POST`:
//! HTTP calls it idempotent, but Twilio does not promise that of its operations (see
//! `Method::is_idempotent`).

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::method::Method;

/// Twilio's "too many requests, not processed" code: safe to resend whatever the method.
const NOT_PROCESSED: u32 = 20429;
/// Usage limits (queue full, daily or account limits): resending only hits the same limit.
const USAGE_LIMITS: [u32; 4] = [60202, 60203, 60308, 60310];

/// How a client retries failed requests: at most `max_attempts` attempts in all, with exponential
/// backoff and full jitter, `Retry-After` honoured, and a retry budget shared by every request of
/// the client so that an outage does not multiply the load.
///
/// The default makes at most 3 attempts, waits between 0 and 100 ms × 2ⁿ (at most 5 s) or the
/// server's `Retry-After` (at most 30 s), and spends at most 10 retries beyond one per 10 successes.
///
/// ```
/// use std::time::Duration;
/// use twilio_endpoint_runtime::RetryPolicy;
///
/// let patient = RetryPolicy::default().max_attempts(5).max_delay(Duration::from_secs(10));
/// let never = RetryPolicy::none();
/// # let _ = (patient, never);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_retry_after: Duration,
    budget: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(30),
            budget: 10,
        }
    }
}

impl RetryPolicy {
    /// Every request is sent once.
    pub fn none() -> Self {
        Self { max_attempts: 1, ..Self::default() }
    }

    /// Attempts per request, the first included; `1` turns retries off. At least 1.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The backoff before the first retry, doubled for each further one (before jitter).
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The longest backoff, before jitter.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The longest wait a server's `Retry-After` can ask for; longer values are cut to it.
    pub fn max_retry_after(mut self, delay: Duration) -> Self {
        self.max_retry_after = delay;
        self
    }

    /// How many retries the client may make beyond those its successes pay for: each success adds a
    /// tenth of a retry, up to this many. With every request failing, the budget runs out and
    /// requests are sent once each.
    pub fn budget(mut self, retries: u32) -> Self {
        self.budget = retries;
        self
    }

    pub(crate) fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before retry number `retry` (1 for the first), given the server's `Retry-After`.
    pub(crate) fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        let exponential =
            self.base_delay.saturating_mul(1 << retry.saturating_sub(1).min(16)).min(self.max_delay);
        // Full jitter: spreading retries uniformly avoids a thundering herd after an outage.
        let jittered = exponential.mul_f64(fastrand::f64());
        match retry_after {
            Some(asked) => asked.min(self.max_retry_after).max(jittered),
            None => jittered,
        }
    }

    pub(crate) fn new_budget(&self) -> RetryBudget {
        RetryBudget::new(self.budget)
    }
}

/// A token bucket of retries, in thousandths of a retry.
#[derive(Debug)]
pub(crate) struct RetryBudget {
    tokens: AtomicU32,
    capacity: u32,
}

const RETRY_COST: u32 = 1000;
const SUCCESS_REFUND: u32 = 100;

impl RetryBudget {
    fn new(retries: u32) -> Self {
        let capacity = retries.saturating_mul(RETRY_COST);
        Self { tokens: AtomicU32::new(capacity), capacity }
    }

    /// Takes one retry from the budget, or says there is none left.
    pub(crate) fn try_withdraw(&self) -> bool {
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |tokens| tokens.checked_sub(RETRY_COST))
            .is_ok()
    }

    /// A success pays back a tenth of a retry.
    pub(crate) fn deposit(&self) {
        // A full budget, the usual case, is only read: writing it back on every success would bounce
        // its cache line between the threads that send.
        if self.tokens.load(Ordering::Acquire) >= self.capacity {
            return;
        }
        let _ = self.tokens.fetch_update(Ordering::AcqRel, Ordering::Acquire, |tokens| {
            Some(tokens.saturating_add(SUCCESS_REFUND).min(self.capacity))
        });
    }
}

/// What one attempt's outcome means for the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// A 2xx answer.
    Success,
    /// Sending again is safe and may succeed.
    Retry,
    /// The answer is final (a 4xx, a usage limit, a non-idempotent request Twilio refused).
    Final,
    /// A `POST` that may have been carried out, with no answer that says so: never resent.
    OutcomeUnknown,
}

/// How an attempt ended, as far as the retry decision cares.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Outcome {
    /// An answer with this status and, when the body is Twilio's error JSON, this code.
    Answer { status: u16, code: Option<u32> },
    /// No connection was made: nothing was sent.
    NotSent,
    /// The connection failed or timed out after the request may have been written.
    MaybeSent,
    /// An answer with this status arrived, then its body broke off or timed out.
    BodyBroken { status: u16 },
}

/// Whether the outcome is Twilio refusing a request as one too many in flight, which the client's
/// concurrency limit learns from: a 429 other than a usage limit (those are not about concurrency).
pub(crate) fn is_throttled(outcome: Outcome) -> bool {
    matches!(outcome, Outcome::Answer { status: 429, code } if !code.is_some_and(|code| USAGE_LIMITS.contains(&code)))
}

pub(crate) fn verdict(method: Method, outcome: Outcome) -> Verdict {
    let idempotent = method.is_idempotent();
    match outcome {
        Outcome::Answer { status: 200..=299, .. } => Verdict::Success,
        Outcome::Answer { status: 429, code: Some(NOT_PROCESSED) } => Verdict::Retry,
        Outcome::Answer { status: 429, code: Some(code) } if USAGE_LIMITS.contains(&code) => Verdict::Final,
        Outcome::Answer { status: 429, .. } if idempotent => Verdict::Retry,
        Outcome::Answer { status: 500..=599, .. } if idempotent => Verdict::Retry,
        Outcome::Answer { status: 500..=599, .. } => Verdict::OutcomeUnknown,
        Outcome::Answer { .. } => Verdict::Final,
        Outcome::NotSent => Verdict::Retry,
        Outcome::MaybeSent if idempotent => Verdict::Retry,
        Outcome::MaybeSent => Verdict::OutcomeUnknown,
        Outcome::BodyBroken { .. } if idempotent => Verdict::Retry,
        // The status says what became of a `POST` (a 201 was carried out, a 4xx was not) even when
        // its body is lost.
        Outcome::BodyBroken { status } => verdict(method, Outcome::Answer { status, code: None }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GET: Method = Method::Get;
    const POST: Method = Method::Post;
    const DELETE: Method = Method::Delete;

    fn answer(status: u16, code: Option<u32>) -> Outcome {
        Outcome::Answer { status, code }
    }

    #[test]
    fn idempotent_requests_retry_on_5xx_429_and_transport_failures() {
        for method in [GET, DELETE] {
            for outcome in
                [answer(500, None), answer(503, Some(20503)), answer(429, None), Outcome::MaybeSent]
            {
                assert_eq!(verdict(method, outcome), Verdict::Retry, "{method:?} {outcome:?}");
            }
        }
    }

    #[test]
    fn a_post_is_resent_only_when_twilio_cannot_have_acted_on_it() {
        assert_eq!(verdict(POST, answer(429, Some(20429))), Verdict::Retry);
        assert_eq!(verdict(POST, Outcome::NotSent), Verdict::Retry);
        assert_eq!(verdict(POST, answer(429, None)), Verdict::Final);
        assert_eq!(verdict(POST, answer(500, None)), Verdict::OutcomeUnknown);
        assert_eq!(verdict(POST, answer(502, None)), Verdict::OutcomeUnknown);
        assert_eq!(verdict(POST, Outcome::MaybeSent), Verdict::OutcomeUnknown);
    }

    #[test]
    fn a_put_is_resent_only_when_twilio_cannot_have_acted_on_it_as_a_post_is() {
        const PUT: Method = Method::Put;
        for outcome in [
            answer(429, Some(20429)),
            Outcome::NotSent,
            answer(429, None),
            answer(500, None),
            answer(503, Some(20503)),
            Outcome::MaybeSent,
            Outcome::BodyBroken { status: 200 },
            Outcome::BodyBroken { status: 502 },
        ] {
            assert_eq!(verdict(PUT, outcome), verdict(POST, outcome), "{outcome:?}");
        }
        assert_eq!(verdict(PUT, answer(500, None)), Verdict::OutcomeUnknown);
        assert_eq!(verdict(PUT, Outcome::MaybeSent), Verdict::OutcomeUnknown);
    }

    #[test]
    fn a_broken_body_is_retried_when_idempotent_and_judged_by_its_status_for_a_post() {
        assert_eq!(verdict(GET, Outcome::BodyBroken { status: 200 }), Verdict::Retry);
        assert_eq!(verdict(DELETE, Outcome::BodyBroken { status: 503 }), Verdict::Retry);
        assert_eq!(verdict(POST, Outcome::BodyBroken { status: 201 }), Verdict::Success);
        assert_eq!(verdict(POST, Outcome::BodyBroken { status: 400 }), Verdict::Final);
        assert_eq!(verdict(POST, Outcome::BodyBroken { status: 502 }), Verdict::OutcomeUnknown);
    }

    #[test]
    fn client_errors_and_usage_limits_are_final() {
        for method in [GET, POST, Method::Put, DELETE] {
            for code in USAGE_LIMITS {
                assert_eq!(verdict(method, answer(429, Some(code))), Verdict::Final);
            }
            for status in [400, 401, 403, 404, 409, 301, 302] {
                assert_eq!(verdict(method, answer(status, Some(21205))), Verdict::Final);
            }
            assert_eq!(verdict(method, answer(201, None)), Verdict::Success);
        }
    }

    #[test]
    fn backoff_is_jittered_below_the_exponential_and_retry_after_is_clamped() {
        let policy = RetryPolicy::default();
        for _ in 0..100 {
            assert!(policy.delay(1, None) <= Duration::from_millis(100));
            assert!(policy.delay(3, None) <= Duration::from_millis(400));
            assert!(policy.delay(30, None) <= Duration::from_secs(5));
        }
        assert_eq!(policy.delay(1, Some(Duration::from_secs(2))), Duration::from_secs(2));
        assert_eq!(policy.delay(1, Some(Duration::MAX)), Duration::from_secs(30));
    }

    #[test]
    fn the_budget_runs_out_and_successes_refill_it() {
        let budget = RetryPolicy::default().budget(2).new_budget();
        assert!(budget.try_withdraw());
        assert!(budget.try_withdraw());
        assert!(!budget.try_withdraw());
        for _ in 0..10 {
            budget.deposit();
        }
        assert!(budget.try_withdraw());
        assert!(!budget.try_withdraw());
        // Never more than the capacity.
        for _ in 0..1000 {
            budget.deposit();
        }
        assert!(budget.try_withdraw() && budget.try_withdraw() && !budget.try_withdraw());
    }
}
