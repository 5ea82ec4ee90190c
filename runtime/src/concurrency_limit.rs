//! The adaptive limit on a client's requests in flight, shared by all of them.
//!
//! Twilio caps how many requests an account may have in flight and answers the others 429 with code
//! 20429 ("too many concurrent requests", not processed). Sending more than the cap only buys
//! refusals and retries; this limit keeps a client near the cap instead, learning it from Twilio's
//! answers as TCP learns a path's capacity:
//!
//! - Slow start: until the first 20429, each success raises the limit by one (so it doubles every
//!   round trip while the requests fill it). The first 20429 clamps the limit to the requests then in
//!   flight that were not refused: the number the server was admitting.
//! - Then additive increase, multiplicative decrease: one more slot after a limit's worth of
//!   successes (about one round trip), and ×0.9 on a 20429, at most once per round trip: only a
//!   refusal of a request that started after the last decrease backs off again. A refusal of a
//!   request that was in flight at the last decrease takes one slot back instead: the decrease
//!   counted it among the requests admitted, and it was not.
//!
//! The limit only grows while at least half of it is in use, so a client that sends one request at
//! a time does not build up a limit no server ever confirmed. It never falls below 1.
//!
//! Requests over the limit wait for a slot, first come first served (tokio's fair semaphore). The
//! wait is cancellation safe: a request dropped while waiting takes no slot, and a slot is given back
//! when the attempt holding it ends however it ends, future dropped included.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use tokio::sync::{Semaphore, SemaphorePermit};

/// The ceiling the limit never grows past, far above any account's cap; it keeps the semaphore's
/// arithmetic away from its own maximum.
const MAX_LIMIT: usize = 100_000;
/// The factor a 20429 multiplies the limit by after slow start. Twilio's cap is a count, not a
/// queue that loses more as it fills: overshooting by one costs one refused request, so a gentle
/// backoff keeps the client near the cap (TCP's ×0.5 would leave a quarter of it idle on average).
/// Netflix's concurrency-limits library uses the same default for its AIMD limit.
const BACKOFF: f64 = 0.9;

/// A client's adaptive concurrency limit.
#[derive(Debug)]
pub(crate) struct ConcurrencyLimit {
    /// One permit per free slot. Lowering the limit forgets permits: the free ones at once, the
    /// others (`debt`) as the requests holding them end.
    permits: Semaphore,
    state: Mutex<State>,
    /// Slots taken: requests in flight.
    in_flight: AtomicUsize,
    /// Bumped by each decrease; a slot remembers the epoch it was taken in.
    epoch: AtomicU64,
    /// Permits still to forget, read without the lock when a slot is given back.
    debt: AtomicUsize,
}

#[derive(Debug)]
struct State {
    limit: usize,
    slow_start: bool,
    /// Successes since the limit last grew, after slow start.
    successes: usize,
}

/// One request's slot, held for one attempt; given back when dropped.
#[derive(Debug)]
pub(crate) struct Slot<'a> {
    limit: &'a ConcurrencyLimit,
    permit: Option<SemaphorePermit<'a>>,
    epoch: u64,
}

impl ConcurrencyLimit {
    /// A limit of `initial` slots, in slow start. `initial` is at least 1 (the builder checks it).
    pub(crate) fn new(initial: usize) -> Self {
        let initial = initial.clamp(1, MAX_LIMIT);
        Self {
            permits: Semaphore::new(initial),
            state: Mutex::new(State { limit: initial, slow_start: true, successes: 0 }),
            in_flight: AtomicUsize::new(0),
            epoch: AtomicU64::new(0),
            debt: AtomicUsize::new(0),
        }
    }

    /// The current limit.
    pub(crate) fn current(&self) -> usize {
        self.state().limit
    }

    /// A slot if one is free now.
    pub(crate) fn try_acquire(&self) -> Option<Slot<'_>> {
        self.permits.try_acquire().ok().map(|permit| self.slot(permit))
    }

    /// A slot, at once if one is free, else when one is.
    pub(crate) async fn acquire(&self) -> Slot<'_> {
        // The semaphore is never closed, so waiting always ends with a permit.
        let permit = self.permits.acquire().await.expect("the limit's semaphore is never closed");
        self.slot(permit)
    }

    fn slot<'a>(&'a self, permit: SemaphorePermit<'a>) -> Slot<'a> {
        self.in_flight.fetch_add(1, Ordering::AcqRel);
        Slot { limit: self, permit: Some(permit), epoch: self.epoch.load(Ordering::Acquire) }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // The state is a few integers always left consistent: a panic elsewhere cannot corrupt it.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn grow(&self, state: &mut State) {
        if state.limit < MAX_LIMIT {
            state.limit += 1;
            // A permit owed to an earlier decrease is cancelled rather than a new one made.
            let repaid =
                self.debt.fetch_update(Ordering::AcqRel, Ordering::Acquire, |debt| debt.checked_sub(1));
            if repaid.is_err() {
                self.permits.add_permits(1);
            }
        }
    }

    /// Lowers the limit to `limit` (at least 1); `new_epoch` makes it a decrease later refusals of
    /// requests already in flight do not repeat.
    fn shrink_to(&self, state: &mut State, limit: usize, new_epoch: bool) {
        let limit = limit.clamp(1, state.limit);
        let excess = state.limit - limit;
        state.limit = limit;
        state.successes = 0;
        let forgotten = self.permits.forget_permits(excess);
        self.debt.fetch_add(excess - forgotten, Ordering::AcqRel);
        if new_epoch {
            self.epoch.fetch_add(1, Ordering::AcqRel);
        }
    }
}

impl Slot<'_> {
    /// The attempt was answered 2xx: the limit may grow.
    pub(crate) fn succeeded(self) {
        let limit = self.limit;
        let in_flight = limit.in_flight.load(Ordering::Acquire);
        let mut state = limit.state();
        // Only a limit in use has been confirmed by the server.
        if in_flight.saturating_mul(2) >= state.limit {
            if state.slow_start {
                limit.grow(&mut state);
            } else {
                state.successes += 1;
                if state.successes >= state.limit {
                    state.successes = 0;
                    limit.grow(&mut state);
                }
            }
        }
    }

    /// Twilio refused the attempt as one too many in flight: the limit comes down, by a step if
    /// no refusal lowered it since this attempt started, else by one.
    pub(crate) fn throttled(self) {
        let limit = self.limit;
        let mut state = limit.state();
        // Checked under the lock: another refusal may have lowered the limit meanwhile.
        if self.epoch != limit.epoch.load(Ordering::Acquire) {
            // Sent before the last decrease, which counted it among the requests in flight, as if
            // admitted: one slot too many. Taking it back (rather than ignoring the refusal) makes
            // the limit converge on the requests the server admits even when the client lags in
            // reading answers, so that its count of requests in flight holds some already refused.
            let lower = state.limit - 1;
            limit.shrink_to(&mut state, lower, false);
            return;
        }
        let in_flight = limit.in_flight.load(Ordering::Acquire);
        // The requests in flight other than this one are what the server was admitting, as far as
        // this client can tell (refusals come back at once, so few of them are refusals too).
        let admitted = in_flight.saturating_sub(1);
        let target = if state.slow_start {
            state.slow_start = false;
            admitted
        } else {
            // Truncating: a limit of 1 backs off to 0, clamped to the floor of 1.
            (state.limit as f64 * BACKOFF) as usize
        };
        limit.shrink_to(&mut state, target.min(admitted), true);
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let limit = self.limit;
        limit.in_flight.fetch_sub(1, Ordering::AcqRel);
        let Some(permit) = self.permit.take() else { return };
        // A slot owed to a decrease is not given back, which is how the limit comes down while its
        // slots are taken.
        if limit.debt.load(Ordering::Acquire) > 0
            && limit
                .debt
                .fetch_update(Ordering::AcqRel, Ordering::Acquire, |debt| debt.checked_sub(1))
                .is_ok()
        {
            permit.forget();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::time::Duration;

    /// Takes `n` slots at once (they are free).
    async fn take(limit: &ConcurrencyLimit, n: usize) -> Vec<Slot<'_>> {
        let mut slots = Vec::new();
        for _ in 0..n {
            slots.push(limit.acquire().await);
        }
        slots
    }

    fn free(limit: &ConcurrencyLimit) -> usize {
        limit.permits.available_permits()
    }

    #[tokio::test(start_paused = true)]
    async fn requests_over_the_limit_wait_for_a_slot() {
        let limit = ConcurrencyLimit::new(2);
        let slots = take(&limit, 2).await;
        let waiting = tokio::time::timeout(Duration::from_secs(1), limit.acquire()).await;
        assert!(waiting.is_err(), "a third slot was handed out with a limit of 2");
        drop(slots);
        let third = tokio::time::timeout(Duration::from_secs(1), limit.acquire()).await;
        assert!(third.is_ok(), "a freed slot was not handed out");
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_dropped_while_waiting_takes_no_slot() {
        let limit = ConcurrencyLimit::new(1);
        let slot = limit.acquire().await;
        // Waits, then is dropped by the timeout.
        assert!(tokio::time::timeout(Duration::from_millis(10), limit.acquire()).await.is_err());
        drop(slot);
        assert_eq!(free(&limit), 1);
        assert_eq!(limit.in_flight.load(Ordering::Acquire), 0);
    }

    #[tokio::test]
    async fn slow_start_grows_by_one_per_success_while_the_limit_is_in_use() {
        let limit = ConcurrencyLimit::new(4);
        for slot in take(&limit, 4).await {
            slot.succeeded();
        }
        // 4 in flight under a limit of 4, then 3 under 5, grow it; 2 under 6 is not half of it.
        assert_eq!(limit.current(), 6);
        // One at a time never uses half of the limit: it does not grow.
        for _ in 0..100 {
            limit.acquire().await.succeeded();
        }
        assert_eq!(limit.current(), 6);
        assert_eq!(free(&limit), 6);
    }

    #[tokio::test]
    async fn the_first_refusal_clamps_the_limit_to_what_the_server_admitted() {
        let limit = ConcurrencyLimit::new(50);
        let mut slots = take(&limit, 50).await;
        let refused = slots.pop().unwrap();
        // 50 in flight, this one refused: the server admitted 49.
        refused.throttled();
        assert_eq!(limit.current(), 49);
        // The other refusals of the same overshoot were counted as admitted: each takes one back,
        // rather than backing off again.
        for slot in slots.drain(40..) {
            slot.throttled();
        }
        assert_eq!(limit.current(), 40);
        // Slots held when the limit came down are not given back until the count fits it.
        drop(slots);
        assert_eq!(free(&limit), 40);
    }

    #[tokio::test]
    async fn after_slow_start_a_limit_grows_by_one_per_window_and_backs_off_by_a_tenth() {
        let limit = ConcurrencyLimit::new(10);
        take(&limit, 10).await.pop().unwrap().throttled();
        assert_eq!(limit.current(), 9);
        // A window is one limit's worth of successes, with the limit in use.
        for slot in take(&limit, 9).await {
            slot.succeeded();
        }
        for slot in take(&limit, 9).await {
            slot.succeeded();
        }
        assert_eq!(limit.current(), 10, "one slot more per window of 9 successes, with half of it in use");
        let mut slots = take(&limit, 10).await;
        slots.pop().unwrap().throttled();
        assert_eq!(limit.current(), 9);
        drop(slots);
        assert_eq!(free(&limit), 9);
    }

    #[tokio::test]
    async fn the_limit_never_falls_below_one() {
        let limit = ConcurrencyLimit::new(1);
        for _ in 0..5 {
            limit.acquire().await.throttled();
        }
        assert_eq!(limit.current(), 1);
        assert_eq!(free(&limit), 1);
    }

    #[tokio::test]
    async fn a_decrease_keeps_the_slots_given_back_until_the_count_fits() {
        let limit = ConcurrencyLimit::new(4);
        let mut slots = take(&limit, 4).await;
        slots.pop().unwrap().throttled();
        // 3 in flight, limit 3, nothing owed: the refused slot's permit was forgotten on the way.
        assert_eq!(limit.current(), 3);
        assert_eq!(free(&limit) + slots.len(), 3);
        drop(slots);
        assert_eq!(free(&limit), 3);
    }
}
