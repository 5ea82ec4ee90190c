//! A call's life, from `queued` to its end, and the status callbacks it brings: those of a call
//! placed with Create Call, and those of a participant's call placed with Create Participant.

use chrono::{DateTime, Utc};

use super::{
    API_VERSION, Callback, CallbackKind, LifecycleError, Subscription, reachable, twilio_date, walk,
};
use crate::api::v2010::webhooks::{CallProgressStatus, CallbackSource};
use crate::api::v2010::{CallDirection, CallEvent, CallInstructions, CreateCall, CreateParticipant};
use crate::values::{AccountSid, Address, CallSid};

/// The order of a call status callback's parameters on the wire, as Twilio's requests show it (two
/// captures years apart agree); the parameters a callback lacks are skipped.
const WIRE_ORDER: &[&str] = &[
    "Called",
    "ToState",
    "CallerCountry",
    "Direction",
    "Timestamp",
    "CallbackSource",
    "SipResponseCode",
    "CallerState",
    "ToZip",
    "SequenceNumber",
    "CallSid",
    "To",
    "CallerZip",
    "ToCountry",
    "CalledZip",
    "ApiVersion",
    "CalledCity",
    "CallStatus",
    "Duration",
    "From",
    "CallDuration",
    "AccountSid",
    "CalledCountry",
    "CallerCity",
    "ToCity",
    "FromCountry",
    "Caller",
    "FromCity",
    "CalledState",
    "FromZip",
    "FromState",
];

/// Where Twilio's geographic lookup of a phone number goes: the called party's under both its old
/// (`Called…`) and its new (`To…`) names, the caller's likewise. The mock looks nothing up, so these
/// are sent empty, as Twilio sends a lookup that found nothing.
const TO_GEOGRAPHY: &[&str] =
    &["CalledCity", "CalledState", "CalledZip", "CalledCountry", "ToCity", "ToState", "ToZip", "ToCountry"];
const FROM_GEOGRAPHY: &[&str] = &[
    "CallerCity",
    "CallerState",
    "CallerZip",
    "CallerCountry",
    "FromCity",
    "FromState",
    "FromZip",
    "FromCountry",
];

/// An outgoing call placed through the API, from `queued` to its end, and the status callbacks its
/// request subscribed to.
///
/// What is reported follows the request: the `StatusCallbackEvent`s it names, `completed` alone when
/// it names none; `POST` unless `StatusCallbackMethod` says `GET`; nothing without a
/// `StatusCallback`, nor for a call handled by a TwiML App (Twilio then uses the app's settings,
/// which the request does not carry). `SequenceNumber` counts the callbacks of this call from 0.
#[derive(Clone, Debug)]
pub struct CallLife {
    account_sid: AccountSid,
    call_sid: CallSid,
    from: Address,
    to: Address,
    subscription: Option<Subscription<CallEvent>>,
    status: CallProgressStatus,
    answered_at: Option<DateTime<Utc>>,
    sequence: u64,
}

impl CallLife {
    /// The life of a call placed by `request`, which the account `account_sid` created as `call_sid`.
    pub fn for_call(account_sid: AccountSid, call_sid: CallSid, request: &CreateCall) -> Self {
        let subscription = match request.instructions {
            CallInstructions::ApplicationSid(_) => None,
            CallInstructions::Url(_) | CallInstructions::Twiml(_) => Subscription::from_request(
                request.status_callback.as_ref(),
                request.status_callback_method,
                &request.status_callback_event,
                &[CallEvent::Completed],
            ),
        };
        Self::new(account_sid, call_sid, &request.from, &request.to, subscription)
    }

    /// The life of the call that `request` places to add a participant to a conference, created as
    /// `call_sid`; its own `StatusCallback` reports it as for any call.
    pub fn for_participant(account_sid: AccountSid, call_sid: CallSid, request: &CreateParticipant) -> Self {
        let subscription = Subscription::from_request(
            request.status_callback.as_ref(),
            request.status_callback_method,
            &request.status_callback_event,
            &[CallEvent::Completed],
        );
        Self::new(account_sid, call_sid, &request.from, &request.to, subscription)
    }

    fn new(
        account_sid: AccountSid,
        call_sid: CallSid,
        from: &Address,
        to: &Address,
        subscription: Option<Subscription<CallEvent>>,
    ) -> Self {
        CallLife {
            account_sid,
            call_sid,
            from: from.clone(),
            to: to.clone(),
            subscription,
            status: CallProgressStatus::Queued,
            answered_at: None,
            sequence: 0,
        }
    }

    pub fn call_sid(&self) -> CallSid {
        self.call_sid
    }

    /// Where the call is: `queued` until it first moves.
    pub fn status(&self) -> &CallProgressStatus {
        &self.status
    }

    /// When the call was answered, if it was.
    pub(crate) fn answered_at(&self) -> Option<DateTime<Utc>> {
        self.answered_at
    }

    /// Moves the call to `status` at `now`, through the statuses it implies on the way (`in-progress`
    /// from `queued` passes `initiated` and `ringing`; `no-answer` passes `ringing`; `busy`
    /// `initiated`), and returns the callbacks of each status reached that the request subscribed
    /// to, in order.
    ///
    /// An answered call ends `completed`, with `CallDuration` counted from its answer; one never
    /// answered ends `busy`, `no-answer`, `failed` or `canceled`, with a duration of 0.
    ///
    /// # Errors
    ///
    /// [`LifecycleError::Transition`] when the call cannot reach `status`: it has ended, it is
    /// already there or past it, or `status` is not one a call reaches (`queued`, an unknown one).
    /// The call is then left as it was.
    pub fn advance(
        &mut self,
        status: CallProgressStatus,
        now: DateTime<Utc>,
    ) -> Result<Vec<Callback>, LifecycleError> {
        let path = walk(&self.status, &status, next_statuses).ok_or_else(|| LifecycleError::Transition {
            resource: format!("call `{}`", self.call_sid),
            from: self.status.to_string(),
            to: status.to_string(),
            reachable: reachable(&self.status, next_statuses),
        })?;
        let mut callbacks = Vec::new();
        for step in path {
            if step == CallProgressStatus::InProgress {
                self.answered_at = Some(now);
            }
            if let Some(callback) = self.callback(&step, now) {
                callbacks.push(callback);
                self.sequence += 1;
            }
            self.status = step;
        }
        Ok(callbacks)
    }

    /// Hangs the call up through the API at `now` (Update Call with `Status=completed`, or its
    /// participant removed): an answered call completes as [`advance`](Self::advance) completes it;
    /// one not answered yet ends `completed` at once, with a duration of 0, as the Call resource shows
    /// it; one that has ended stays as it ended. Returns the callback of its end, if subscribed to.
    pub(crate) fn hang_up(&mut self, now: DateTime<Utc>) -> Vec<Callback> {
        if self.status.is_final() {
            return Vec::new();
        }
        let callback = self.callback(&CallProgressStatus::Completed, now);
        if callback.is_some() {
            self.sequence += 1;
        }
        self.status = CallProgressStatus::Completed;
        callback.into_iter().collect()
    }

    /// The callback of reaching `status`, when the request subscribed to it.
    fn callback(&self, status: &CallProgressStatus, now: DateTime<Utc>) -> Option<Callback> {
        let subscription = self.subscription.as_ref()?;
        if !subscription.wants(&status.subscription()?) {
            return None;
        }
        let mut params: Vec<(&'static str, String)> = vec![
            ("Called", self.to.to_string()),
            ("Direction", CallDirection::OutboundApi.to_string()),
            ("Timestamp", twilio_date(now)),
            ("CallbackSource", CallbackSource::CallProgressEvents.to_string()),
            ("SequenceNumber", self.sequence.to_string()),
            ("CallSid", self.call_sid.to_string()),
            ("To", self.to.to_string()),
            ("ApiVersion", API_VERSION.to_owned()),
            ("CallStatus", status.to_string()),
            ("From", self.from.to_string()),
            ("AccountSid", self.account_sid.to_string()),
            ("Caller", self.from.to_string()),
        ];
        if status.is_final() {
            // Seconds from the answer to the end (0 for a call never answered), and the same in
            // minutes rounded up, as billed.
            let seconds = self.answered_at.map_or(0, |answered| (now - answered).num_seconds().max(0));
            params.push(("CallDuration", seconds.to_string()));
            params.push(("Duration", ((seconds + 59) / 60).to_string()));
            // A call hung up before it was answered was never accepted: 487 Request Terminated.
            let code = match status {
                CallProgressStatus::Completed if self.answered_at.is_none() => Some(487),
                status => sip_response_code(status),
            };
            if let Some(code) = code {
                params.push(("SipResponseCode", code.to_string()));
            }
        }
        let mut geography = Vec::new();
        if self.to.is_phone_number() {
            geography.extend_from_slice(TO_GEOGRAPHY);
        }
        if self.from.is_phone_number() {
            geography.extend_from_slice(FROM_GEOGRAPHY);
        }
        params.extend(geography.into_iter().map(|key| (key, String::new())));
        params.sort_by_key(|(key, _)| WIRE_ORDER.iter().position(|wire| wire == key));
        Some(subscription.callback(CallbackKind::CallStatus, params))
    }
}

/// The statuses a call moves to from `status`, the usual next one first (so that a walk passes
/// through it): an outgoing call is dialed, rings, is answered, then completes; until it is answered
/// it can instead end busy, unanswered, failed or canceled.
fn next_statuses(status: &CallProgressStatus) -> &'static [CallProgressStatus] {
    use CallProgressStatus as S;
    const QUEUED: &[S] = &[S::Initiated, S::Failed, S::Canceled];
    const INITIATED: &[S] = &[S::Ringing, S::Busy, S::Failed, S::Canceled];
    const RINGING: &[S] = &[S::InProgress, S::NoAnswer, S::Busy, S::Failed, S::Canceled];
    const IN_PROGRESS: &[S] = &[S::Completed];
    match status {
        S::Queued => QUEUED,
        S::Initiated => INITIATED,
        S::Ringing => RINGING,
        S::InProgress => IN_PROGRESS,
        S::Completed | S::Busy | S::Failed | S::NoAnswer | S::Canceled | S::Unknown(_) => &[],
    }
}

/// The SIP response a call ends with (RFC 3261: 200 OK, 486 Busy Here, 487 Request Terminated for a
/// call nobody answered or that was canceled). A failed call's code depends on why it failed, which
/// the mock does not model, so it sends none.
fn sip_response_code(status: &CallProgressStatus) -> Option<u16> {
    match status {
        CallProgressStatus::Completed => Some(200),
        CallProgressStatus::Busy => Some(486),
        CallProgressStatus::NoAnswer | CallProgressStatus::Canceled => Some(487),
        _ => None,
    }
}
