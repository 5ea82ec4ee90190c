//! Scripted answers: an error status with a Twilio code, a delay, a dropped connection, or `429` with
//! `Retry-After`, for the next requests of one endpoint or of any, a given number of times.

use std::any::TypeId;
use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use hyper::StatusCode;

use super::reply::{Answer, Outcome, Reply};

/// A scripted answer that replaces, delays or cuts the mock's own, for testing how an application
/// handles failures: retries, [`Error::OutcomeUnknown`](crate::Error::OutcomeUnknown), usage limits.
///
/// Script one with [`MockTwilio::script`](super::MockTwilio::script) (for one endpoint) or
/// [`MockTwilio::script_next`](super::MockTwilio::script_next) (for the next requests, whatever their
/// endpoint). A fault applies to requests that reach an endpoint: authenticated, routed, decoded and
/// valid; a refused request never uses one up. Such a request is recorded among the endpoint's
/// [`requests`](super::MockTwilio::requests) whatever the fault does, since the application sent it.
///
/// ```
/// use std::time::Duration;
/// use twilio_endpoint::mock::Fault;
///
/// // Two `503`s, then the mock's own answer.
/// let outage = Fault::status(503).code(20503).times(2);
/// // Twilio's "too many requests", to be retried after a second.
/// let throttled = Fault::too_many_requests().retry_after(Duration::from_secs(1));
/// // The request is carried out, but its answer is lost with the connection.
/// let lost = Fault::drop_connection().after_processing();
/// # let _ = (outage, throttled, lost);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    kind: Kind,
    delay: Option<Duration>,
    times: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    /// The mock's own answer, delayed.
    Delay,
    /// This status, in Twilio's error JSON, instead of carrying the request out.
    Status { status: u16, code: Option<u32>, message: Option<String>, retry_after: Option<Duration> },
    /// The connection closed without an answer, the request carried out first or not.
    Drop { processed: bool },
}

impl Fault {
    /// Answers `status` in Twilio's error JSON, without carrying the request out; the message is the
    /// status's reason phrase unless [`message`](Self::message) sets one, the code `null` unless
    /// [`code`](Self::code) sets one.
    ///
    /// # Panics
    /// When `status` is not an error status (400 to 599).
    pub fn status(status: u16) -> Fault {
        assert!((400..=599).contains(&status), "a scripted status is an error, 400 to 599; got {status}");
        Fault::new(Kind::Status { status, code: None, message: None, retry_after: None })
    }

    /// `429 Too Many Requests` with Twilio's code 20429, which Twilio documents as never processed
    /// and safe to retry (docs/api/errors/20429).
    pub fn too_many_requests() -> Fault {
        Fault::status(429).code(20429).message("Too Many Requests")
    }

    /// Closes the connection without an answer, without carrying the request out (unless
    /// [`after_processing`](Self::after_processing)).
    pub fn drop_connection() -> Fault {
        Fault::new(Kind::Drop { processed: false })
    }

    /// The mock's own answer, after `delay`. The request is carried out at once, so a client that
    /// gives up waiting leaves behind what Twilio would have done.
    pub fn delay(delay: Duration) -> Fault {
        Fault::new(Kind::Delay).after(delay)
    }

    fn new(kind: Kind) -> Fault {
        Fault { kind, delay: None, times: 1 }
    }

    /// The Twilio error code of a [`status`](Self::status) answer.
    ///
    /// # Panics
    /// When the fault is not a status answer.
    pub fn code(mut self, code: u32) -> Fault {
        self.status_fields("code").0.replace(code);
        self
    }

    /// The message of a [`status`](Self::status) answer.
    ///
    /// # Panics
    /// When the fault is not a status answer.
    pub fn message(mut self, message: impl Into<String>) -> Fault {
        self.status_fields("message").1.replace(message.into());
        self
    }

    /// Sends a `Retry-After` header of `delay` (in whole seconds, rounded up) with a
    /// [`status`](Self::status) answer.
    ///
    /// # Panics
    /// When the fault is not a status answer.
    pub fn retry_after(mut self, delay: Duration) -> Fault {
        self.status_fields("retry_after").2.replace(delay);
        self
    }

    /// Carries the request out before the connection is dropped, as when Twilio acted on a request
    /// whose answer was lost: the call or message exists, the application cannot know it.
    ///
    /// # Panics
    /// When the fault is not [`drop_connection`](Self::drop_connection).
    pub fn after_processing(mut self) -> Fault {
        match &mut self.kind {
            Kind::Drop { processed } => *processed = true,
            other => panic!("`after_processing` applies to `Fault::drop_connection()`, not to {other:?}"),
        }
        self
    }

    /// Waits `delay` before answering (or dropping the connection).
    pub fn after(mut self, delay: Duration) -> Fault {
        self.delay = Some(delay);
        self
    }

    /// Applies to the next `times` requests instead of the next one; `0` is refused.
    ///
    /// # Panics
    /// When `times` is 0: such a fault would never apply, which is a mistake in the test.
    pub fn times(mut self, times: u32) -> Fault {
        assert!(times > 0, "a fault scripted 0 times would never apply");
        self.times = times;
        self
    }

    fn status_fields(
        &mut self,
        setter: &str,
    ) -> (&mut Option<u32>, &mut Option<String>, &mut Option<Duration>) {
        match &mut self.kind {
            Kind::Status { code, message, retry_after, .. } => (code, message, retry_after),
            other => panic!("`{setter}` applies to `Fault::status`, not to {other:?}"),
        }
    }
}

/// What a fault does to one request.
pub(crate) struct Applied {
    delay: Option<Duration>,
    action: Action,
}

enum Action {
    /// Carry the request out and answer it.
    Serve,
    /// Carry the request out, then drop the connection.
    ServeThenDrop,
    /// Answer this instead.
    Replace(Outcome),
}

impl Applied {
    /// What becomes of a request with no fault scripted.
    pub(crate) fn none() -> Applied {
        Applied { delay: None, action: Action::Serve }
    }

    /// The answer: `serve` carries the request out and makes the mock's own reply, and is called
    /// only when the fault lets the request through.
    pub(crate) fn answer(self, serve: impl FnOnce() -> Reply) -> Answer {
        let outcome = match self.action {
            Action::Serve => Outcome::Reply(serve()),
            Action::ServeThenDrop => {
                serve();
                Outcome::Drop
            }
            Action::Replace(outcome) => outcome,
        };
        Answer { delay: self.delay, outcome }
    }
}

impl Fault {
    fn apply(&self) -> Applied {
        let action = match &self.kind {
            Kind::Delay => Action::Serve,
            Kind::Drop { processed: true } => Action::ServeThenDrop,
            Kind::Drop { processed: false } => Action::Replace(Outcome::Drop),
            Kind::Status { status, code, message, retry_after } => {
                let reason = StatusCode::from_u16(*status).ok().and_then(|status| status.canonical_reason());
                let message = message.as_deref().or(reason).unwrap_or("Error");
                let reply = Reply::twilio_error(*status, *code, message);
                let reply = match retry_after {
                    Some(delay) => reply.with_retry_after(*delay),
                    None => reply,
                };
                Action::Replace(Outcome::Reply(reply))
            }
        };
        Applied { delay: self.delay, action }
    }
}

/// The faults waiting for requests: those for any endpoint first, then those of each endpoint type,
/// each queue in the order scripted.
#[derive(Default)]
pub(crate) struct Scripts {
    next: VecDeque<Fault>,
    by_endpoint: HashMap<TypeId, VecDeque<Fault>>,
}

impl Scripts {
    pub(crate) fn script_next(&mut self, fault: Fault) {
        self.next.push_back(fault);
    }

    pub(crate) fn script(&mut self, endpoint: TypeId, fault: Fault) {
        self.by_endpoint.entry(endpoint).or_default().push_back(fault);
    }

    /// Uses up one application of the fault that applies to a request of `endpoint`.
    pub(crate) fn take(&mut self, endpoint: TypeId) -> Applied {
        let queue =
            if self.next.is_empty() { self.by_endpoint.get_mut(&endpoint) } else { Some(&mut self.next) };
        let Some(queue) = queue else { return Applied::none() };
        let Some(fault) = queue.front_mut() else { return Applied::none() };
        let applied = fault.apply();
        fault.times -= 1;
        if fault.times == 0 {
            queue.pop_front();
        }
        applied
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct A;
    struct B;

    fn status_of(applied: Applied) -> Option<u16> {
        match applied.answer(Reply::no_content).outcome {
            Outcome::Reply(reply) => Some(reply.status()),
            Outcome::Drop => None,
        }
    }

    #[test]
    fn faults_apply_in_order_the_given_number_of_times() {
        let mut scripts = Scripts::default();
        scripts.script(TypeId::of::<A>(), Fault::status(503).times(2));
        scripts.script(TypeId::of::<A>(), Fault::drop_connection());
        assert_eq!(status_of(scripts.take(TypeId::of::<B>())), Some(204));
        assert_eq!(status_of(scripts.take(TypeId::of::<A>())), Some(503));
        assert_eq!(status_of(scripts.take(TypeId::of::<A>())), Some(503));
        assert_eq!(status_of(scripts.take(TypeId::of::<A>())), None);
        assert_eq!(status_of(scripts.take(TypeId::of::<A>())), Some(204));
    }

    #[test]
    fn a_fault_for_the_next_request_comes_first() {
        let mut scripts = Scripts::default();
        scripts.script(TypeId::of::<A>(), Fault::status(500));
        scripts.script_next(Fault::status(429));
        assert_eq!(status_of(scripts.take(TypeId::of::<A>())), Some(429));
        assert_eq!(status_of(scripts.take(TypeId::of::<A>())), Some(500));
    }

    #[test]
    fn only_a_delay_or_a_drop_after_processing_carries_the_request_out() {
        let serves = |fault: Fault| {
            let mut served = false;
            let _ = fault.apply().answer(|| {
                served = true;
                Reply::no_content()
            });
            served
        };
        assert!(serves(Fault::delay(Duration::from_millis(1))));
        assert!(serves(Fault::drop_connection().after_processing()));
        assert!(!serves(Fault::drop_connection()));
        assert!(!serves(Fault::too_many_requests()));
    }

    #[test]
    fn a_status_answer_is_twilio_s_error_json_with_its_reason_phrase() {
        let Outcome::Reply(reply) = Fault::status(503).code(20503).apply().answer(Reply::no_content).outcome
        else {
            panic!("a status fault answers")
        };
        let body: serde_json::Value = serde_json::from_str(reply.body().unwrap()).unwrap();
        assert_eq!(body["code"], 20503);
        assert_eq!(body["message"], "Service Unavailable");
        assert_eq!(body["more_info"], "https://www.twilio.com/docs/errors/20503");
        let throttled = Fault::too_many_requests().retry_after(Duration::from_millis(1500)).apply();
        let Outcome::Reply(reply) = throttled.answer(Reply::no_content).outcome else {
            panic!("a status fault answers")
        };
        assert_eq!((reply.status(), reply.retry_after_seconds()), (429, Some(2)));
    }

    #[test]
    #[should_panic(expected = "`code` applies to `Fault::status`")]
    fn a_code_on_a_dropped_connection_is_a_mistake() {
        let _ = Fault::drop_connection().code(20500);
    }
}
