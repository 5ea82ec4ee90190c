//! A conference's life and its participants', and the events they bring: a participant's call rings
//! and is answered (it joins), is muted or held, leaves; the conference starts once it has two
//! participants and one that starts it, and ends with its moderator, its last participant, or through
//! the API.

use chrono::{DateTime, Utc};

use super::{CallLife, Callback, CallbackKind, LifecycleError, Subscription, twilio_date};
use crate::api::v2010::webhooks::{CallProgressStatus, ConferenceStatusEvent, ParticipantLeftReason};
use crate::api::v2010::{
    Coaching, ConferenceEndReason, ConferenceEvent, ConferenceStatus, CreateParticipant, ParticipantRef,
    UpdateParticipant,
};
use crate::values::{AccountSid, CallSid, ConferenceSid};

/// How a participant leaves a conference it is in, besides the conference ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Departure {
    /// It hung up; its call completes.
    HungUp,
    /// It was removed through the API (Delete Participant); its call completes.
    Kicked,
    /// Its call was given new TwiML through the API (Update Call); the call goes on outside the
    /// conference.
    Redirected,
}

/// Where a participant is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Presence {
    /// Added: its call is being placed.
    Added,
    /// Its call was answered and it is in the conference.
    Joined,
    /// It left, or its call ended before it joined.
    Gone,
}

#[derive(Clone, Debug)]
struct Participant {
    call: CallLife,
    label: Option<String>,
    muted: bool,
    hold: bool,
    coaching: bool,
    end_conference_on_exit: bool,
    start_conference_on_enter: bool,
    /// The conference callbacks its request asked for; they apply only if it is the first to join.
    requested: Option<Subscription<ConferenceEvent>>,
    presence: Presence,
}

/// A conference and the participants added to it through the API, and the callbacks they bring:
/// each participant's call status callbacks (to its own `StatusCallback`, as for any call), and the
/// conference's events (to `ConferenceStatusCallback`).
///
/// Twilio takes the conference's callback settings from the first participant to join and ignores
/// later participants' (a participant that joins without `ConferenceStatusCallback` leaves the
/// conference without callbacks). Only the `ConferenceStatusCallbackEvent`s it names are reported,
/// `start` and `end` when it names none; `SequenceNumber` counts the conference's callbacks from 0.
///
/// A conference starts once at least two participants are in it and one of them has
/// `StartConferenceOnEnter` (the default); it ends when its last participant leaves, when one with
/// `EndConferenceOnExit` leaves (taking the others with it), or through the API ([`end`](Self::end)).
#[derive(Clone, Debug)]
pub struct ConferenceLife {
    account_sid: AccountSid,
    conference_sid: ConferenceSid,
    friendly_name: String,
    /// Fixed by the first participant to join: `None` until then, `Some(None)` when it asked for no
    /// callbacks.
    subscription: Option<Option<Subscription<ConferenceEvent>>>,
    status: ConferenceStatus,
    /// Why it ended, and the call whose leaving ended it; `None` until it ends.
    ended: Option<(ConferenceEndReason, Option<CallSid>)>,
    sequence: u64,
    participants: Vec<Participant>,
}

/// A participant as the mock's records show it: its call, where it is, and its settings.
#[derive(Clone, Debug)]
pub(crate) struct ParticipantState {
    pub(crate) call_sid: CallSid,
    pub(crate) call_status: CallProgressStatus,
    /// When its call was answered, if it was.
    pub(crate) answered_at: Option<DateTime<Utc>>,
    pub(crate) presence: Presence,
    pub(crate) muted: bool,
    pub(crate) hold: bool,
    pub(crate) end_conference_on_exit: bool,
}

impl ConferenceLife {
    /// A conference of the account `account_sid`, not started (`init`), without participants.
    pub fn new(
        account_sid: AccountSid,
        conference_sid: ConferenceSid,
        friendly_name: impl Into<String>,
    ) -> Self {
        ConferenceLife {
            account_sid,
            conference_sid,
            friendly_name: friendly_name.into(),
            subscription: None,
            status: ConferenceStatus::Init,
            ended: None,
            sequence: 0,
            participants: Vec::new(),
        }
    }

    /// `init` until it starts, `in-progress`, then `completed`.
    pub fn status(&self) -> &ConferenceStatus {
        &self.status
    }

    /// Where a participant added to the conference is, by its call SID or label.
    pub(crate) fn presence(&self, participant: &ParticipantRef) -> Option<Presence> {
        let index = self.find(participant).ok()?;
        Some(self.participants[index].presence)
    }

    /// Every participant added, in the order added.
    pub(crate) fn participants(&self) -> impl Iterator<Item = ParticipantState> + '_ {
        self.participants.iter().map(|participant| ParticipantState {
            call_sid: participant.call.call_sid(),
            call_status: participant.call.status().clone(),
            answered_at: participant.call.answered_at(),
            presence: participant.presence,
            muted: participant.muted,
            hold: participant.hold,
            end_conference_on_exit: participant.end_conference_on_exit,
        })
    }

    /// Why the conference ended, and the call whose leaving ended it (none when it was ended
    /// through the API); `None` while it goes on.
    pub(crate) fn ended(&self) -> Option<&(ConferenceEndReason, Option<CallSid>)> {
        self.ended.as_ref()
    }

    /// Adds the participant `request` creates, whose call is `call_sid` (`queued`, nothing reported
    /// yet). It joins once its call is answered ([`advance`](Self::advance) to `in-progress`).
    ///
    /// # Errors
    ///
    /// [`LifecycleError::ConferenceEnded`] once the conference has ended, and
    /// [`LifecycleError::AlreadyAdded`] for a call already added.
    pub fn add(&mut self, call_sid: CallSid, request: &CreateParticipant) -> Result<(), LifecycleError> {
        self.check_not_ended()?;
        if self.participants.iter().any(|participant| participant.call.call_sid() == call_sid) {
            return Err(LifecycleError::AlreadyAdded {
                conference: self.conference_sid.to_string(),
                participant: call_sid.to_string(),
            });
        }
        self.participants.push(Participant {
            call: CallLife::for_participant(self.account_sid, call_sid, request),
            label: request.label.clone(),
            muted: request.muted.unwrap_or(false),
            hold: false,
            coaching: matches!(request.coaching, Some(Coaching::Coach { .. } | Coaching::CallSidToCoach(_))),
            end_conference_on_exit: request.end_conference_on_exit.unwrap_or(false),
            start_conference_on_enter: request.start_conference_on_enter.unwrap_or(true),
            requested: Subscription::from_request(
                request.conference_status_callback.as_ref(),
                request.conference_status_callback_method,
                &request.conference_status_callback_event,
                &[ConferenceEvent::Start, ConferenceEvent::End],
            ),
            presence: Presence::Added,
        });
        Ok(())
    }

    /// Moves a participant's call to `status` at `now`, with what that does to the conference:
    ///
    /// - `initiated`, `ringing`: the call's callbacks only;
    /// - `in-progress`: the call is answered and the participant joins (`participant-join`), which
    ///   may start the conference (`conference-start`);
    /// - `completed`: the participant hangs up, as [`leave`](Self::leave) with
    ///   [`Departure::HungUp`] (joining first if it had not);
    /// - `busy`, `no-answer`, `failed`, `canceled`: the call ends unanswered, and the participant
    ///   leaves without having joined (`participant-leave`, `ReasonParticipantLeft` of
    ///   `participant_add_failed`, unless the conference has ended meanwhile).
    ///
    /// A participant that left while its call went on (redirected) moves as any call.
    ///
    /// # Errors
    ///
    /// [`LifecycleError::UnknownParticipant`], the call's [`LifecycleError::Transition`], and
    /// [`LifecycleError::ConferenceEnded`] for a call answered after the conference ended; nothing
    /// changes then.
    pub fn advance(
        &mut self,
        participant: impl Into<ParticipantRef>,
        status: CallProgressStatus,
        now: DateTime<Utc>,
    ) -> Result<Vec<Callback>, LifecycleError> {
        let index = self.find(&participant.into())?;
        let mut callbacks = Vec::new();
        let presence = self.participants[index].presence;
        match status {
            _ if presence == Presence::Gone => {
                callbacks.extend(self.participants[index].call.advance(status, now)?);
            }
            CallProgressStatus::InProgress => self.join(index, now, &mut callbacks)?,
            CallProgressStatus::Completed => {
                if presence == Presence::Added {
                    self.join(index, now, &mut callbacks)?;
                }
                self.leave_at(index, Departure::HungUp, now, &mut callbacks)?;
            }
            _ if status.is_final() => {
                let participant = &mut self.participants[index];
                callbacks.extend(participant.call.advance(status.clone(), now)?);
                participant.presence = Presence::Gone;
                // A conference that has ended reports nothing more.
                if self.status != ConferenceStatus::Completed {
                    let extra = vec![
                        ("ParticipantCallStatus", status.to_string()),
                        ("ReasonParticipantLeft", ParticipantLeftReason::ParticipantAddFailed.to_string()),
                    ];
                    self.event(
                        ConferenceStatusEvent::ParticipantLeave,
                        Some(index),
                        extra,
                        now,
                        &mut callbacks,
                    );
                }
            }
            _ => callbacks.extend(self.participants[index].call.advance(status, now)?),
        }
        Ok(callbacks)
    }

    /// Applies an Update Participant request at `now`: `Muted` brings `participant-mute` or
    /// `participant-unmute`, `Hold` `participant-hold` or `participant-unhold`, and a change of
    /// `EndConferenceOnExit` or of coaching `participant-modify`; a value the participant already has
    /// brings nothing.
    ///
    /// A participant whose call has not been answered yet takes the new values without an event: it
    /// is not in the conference, and its `participant-join` shows them.
    ///
    /// # Errors
    ///
    /// [`LifecycleError::UnknownParticipant`], and [`LifecycleError::NotInConference`] for a
    /// participant that has left; nothing changes then.
    pub fn update(
        &mut self,
        request: &UpdateParticipant,
        now: DateTime<Utc>,
    ) -> Result<Vec<Callback>, LifecycleError> {
        let index = self.find(&request.call_sid)?;
        let participant = &self.participants[index];
        if participant.presence == Presence::Gone {
            return Err(self.not_in_conference(&request.call_sid));
        }
        let reported = participant.presence == Presence::Joined;
        let muted = request.muted.filter(|&muted| muted != participant.muted);
        let hold = request.hold.filter(|&hold| hold != participant.hold);
        let end_conference_on_exit =
            request.end_conference_on_exit.filter(|&end| end != participant.end_conference_on_exit);
        let coaching = request
            .coaching
            .map(|coaching| coaching != Coaching::Off)
            .filter(|&coaching| coaching != participant.coaching);
        // One change after the other, each event showing the participant as that change left it.
        let mut callbacks = Vec::new();
        if let Some(muted) = muted {
            self.participants[index].muted = muted;
            let event = if muted {
                ConferenceStatusEvent::ParticipantMute
            } else {
                ConferenceStatusEvent::ParticipantUnmute
            };
            if reported {
                self.event(event, Some(index), Vec::new(), now, &mut callbacks);
            }
        }
        if let Some(hold) = hold {
            self.participants[index].hold = hold;
            let event = if hold {
                ConferenceStatusEvent::ParticipantHold
            } else {
                ConferenceStatusEvent::ParticipantUnhold
            };
            if reported {
                self.event(event, Some(index), Vec::new(), now, &mut callbacks);
            }
        }
        if end_conference_on_exit.is_some() || coaching.is_some() {
            let participant = &mut self.participants[index];
            participant.end_conference_on_exit =
                end_conference_on_exit.unwrap_or(participant.end_conference_on_exit);
            participant.coaching = coaching.unwrap_or(participant.coaching);
            if reported {
                self.event(
                    ConferenceStatusEvent::ParticipantModify,
                    Some(index),
                    Vec::new(),
                    now,
                    &mut callbacks,
                );
            }
        }
        Ok(callbacks)
    }

    /// A participant in the conference leaves at `now`: its call completes (unless it was
    /// redirected), `participant-leave` says why, and the conference ends if the participant had
    /// `EndConferenceOnExit` (every other participant leaving with it) or was the last one in it.
    ///
    /// # Errors
    ///
    /// [`LifecycleError::UnknownParticipant`], and [`LifecycleError::NotInConference`] for a
    /// participant that has not joined or has left; nothing changes then.
    pub fn leave(
        &mut self,
        participant: impl Into<ParticipantRef>,
        departure: Departure,
        now: DateTime<Utc>,
    ) -> Result<Vec<Callback>, LifecycleError> {
        let index = self.find(&participant.into())?;
        let mut callbacks = Vec::new();
        self.leave_at(index, departure, now, &mut callbacks)?;
        Ok(callbacks)
    }

    /// Hangs up a participant's call through the API at `now` (Delete Participant, or Update Call
    /// with `Status=completed`): a participant in the conference leaves as one removed through the
    /// API ([`Departure::Kicked`]); one whose call is still being placed never joins, its call ending
    /// `completed` unanswered and `participant-leave` saying it was removed through the API (unless
    /// the conference has ended); the call of one that left while the call went on (redirected) ends
    /// as any call; an ended call stays as it ended.
    ///
    /// # Errors
    ///
    /// [`LifecycleError::UnknownParticipant`]; nothing changes then.
    pub(crate) fn hang_up(
        &mut self,
        participant: &ParticipantRef,
        now: DateTime<Utc>,
    ) -> Result<Vec<Callback>, LifecycleError> {
        let index = self.find(participant)?;
        let mut callbacks = Vec::new();
        match self.participants[index].presence {
            Presence::Joined => self.leave_at(index, Departure::Kicked, now, &mut callbacks)?,
            Presence::Gone => callbacks.extend(self.participants[index].call.hang_up(now)),
            Presence::Added => {
                callbacks.extend(self.participants[index].call.hang_up(now));
                if self.status == ConferenceStatus::Completed {
                    // A conference that has ended reports nothing more.
                    self.participants[index].presence = Presence::Gone;
                } else {
                    let reason = ParticipantLeftReason::ParticipantUpdatedViaApi;
                    self.depart(index, reason, false, now, &mut callbacks)?;
                }
            }
        }
        Ok(callbacks)
    }

    /// Ends the conference through the API (Update Conference with `Status=completed`) at `now`:
    /// every participant in it leaves and its call completes, then `conference-end`.
    ///
    /// # Errors
    ///
    /// [`LifecycleError::ConferenceEnded`] when it has already ended.
    pub fn end(&mut self, now: DateTime<Utc>) -> Result<Vec<Callback>, LifecycleError> {
        self.check_not_ended()?;
        let mut callbacks = Vec::new();
        for index in self.joined() {
            self.depart(index, ParticipantLeftReason::ConferenceEndedViaApi, true, now, &mut callbacks)?;
        }
        self.finish(ConferenceEndReason::ConferenceEndedViaApi, None, now, &mut callbacks);
        Ok(callbacks)
    }

    fn find(&self, participant: &ParticipantRef) -> Result<usize, LifecycleError> {
        // The latest first: a label may be given again once its first holder has left.
        self.participants
            .iter()
            .rposition(|candidate| match participant {
                ParticipantRef::CallSid(sid) => candidate.call.call_sid() == *sid,
                ParticipantRef::Label(label) => candidate.label.as_deref() == Some(label.as_str()),
            })
            .ok_or_else(|| LifecycleError::UnknownParticipant {
                conference: self.conference_sid.to_string(),
                participant: participant.to_string(),
            })
    }

    fn check_not_ended(&self) -> Result<(), LifecycleError> {
        if self.status == ConferenceStatus::Completed {
            return Err(LifecycleError::ConferenceEnded { conference: self.conference_sid.to_string() });
        }
        Ok(())
    }

    fn check_joined(&self, index: usize, participant: &ParticipantRef) -> Result<(), LifecycleError> {
        if self.participants[index].presence != Presence::Joined {
            return Err(self.not_in_conference(participant));
        }
        Ok(())
    }

    fn not_in_conference(&self, participant: &ParticipantRef) -> LifecycleError {
        LifecycleError::NotInConference {
            conference: self.conference_sid.to_string(),
            participant: participant.to_string(),
        }
    }

    fn joined(&self) -> Vec<usize> {
        (0..self.participants.len())
            .filter(|&index| self.participants[index].presence == Presence::Joined)
            .collect()
    }

    fn join(
        &mut self,
        index: usize,
        now: DateTime<Utc>,
        callbacks: &mut Vec<Callback>,
    ) -> Result<(), LifecycleError> {
        self.check_not_ended()?;
        let participant = &mut self.participants[index];
        callbacks.extend(participant.call.advance(CallProgressStatus::InProgress, now)?);
        participant.presence = Presence::Joined;
        if self.subscription.is_none() {
            self.subscription = Some(participant.requested.clone());
        }
        self.event(ConferenceStatusEvent::ParticipantJoin, Some(index), Vec::new(), now, callbacks);
        let joined = self.joined();
        let starter = joined.iter().any(|&index| self.participants[index].start_conference_on_enter);
        if self.status == ConferenceStatus::Init && joined.len() >= 2 && starter {
            self.status = ConferenceStatus::InProgress;
            self.event(ConferenceStatusEvent::ConferenceStart, None, Vec::new(), now, callbacks);
        }
        Ok(())
    }

    fn leave_at(
        &mut self,
        index: usize,
        departure: Departure,
        now: DateTime<Utc>,
        callbacks: &mut Vec<Callback>,
    ) -> Result<(), LifecycleError> {
        self.check_joined(index, &ParticipantRef::CallSid(self.participants[index].call.call_sid()))?;
        let reason = match departure {
            Departure::HungUp => ParticipantLeftReason::ParticipantHungUp,
            Departure::Kicked | Departure::Redirected => ParticipantLeftReason::ParticipantUpdatedViaApi,
        };
        self.depart(index, reason, departure != Departure::Redirected, now, callbacks)?;
        let kicked = departure == Departure::Kicked;
        if self.participants[index].end_conference_on_exit {
            for other in self.joined() {
                self.depart(other, ParticipantLeftReason::ModeratorEndedConference, true, now, callbacks)?;
            }
            let reason = if kicked {
                ConferenceEndReason::ParticipantWithEndConferenceOnExitKicked
            } else {
                ConferenceEndReason::ParticipantWithEndConferenceOnExitLeft
            };
            self.finish(reason, Some(index), now, callbacks);
        } else if self.joined().is_empty() {
            let reason = if kicked {
                ConferenceEndReason::LastParticipantKicked
            } else {
                ConferenceEndReason::LastParticipantLeft
            };
            self.finish(reason, Some(index), now, callbacks);
        }
        Ok(())
    }

    /// A participant in the conference leaves for `reason`; its call completes first when
    /// `call_ends`, so that `ParticipantCallStatus` reports the call as it is once the participant
    /// is gone.
    fn depart(
        &mut self,
        index: usize,
        reason: ParticipantLeftReason,
        call_ends: bool,
        now: DateTime<Utc>,
        callbacks: &mut Vec<Callback>,
    ) -> Result<(), LifecycleError> {
        let participant = &mut self.participants[index];
        if call_ends {
            callbacks.extend(participant.call.advance(CallProgressStatus::Completed, now)?);
        }
        participant.presence = Presence::Gone;
        let extra = vec![
            ("ParticipantCallStatus", participant.call.status().to_string()),
            ("ReasonParticipantLeft", reason.to_string()),
        ];
        self.event(ConferenceStatusEvent::ParticipantLeave, Some(index), extra, now, callbacks);
        Ok(())
    }

    /// The conference ends for `reason`; `ending` is the participant whose leaving ended it.
    fn finish(
        &mut self,
        reason: ConferenceEndReason,
        ending: Option<usize>,
        now: DateTime<Utc>,
        callbacks: &mut Vec<Callback>,
    ) {
        self.status = ConferenceStatus::Completed;
        let mut extra = Vec::new();
        let ending_call = ending.map(|index| self.participants[index].call.call_sid());
        self.ended = Some((reason.clone(), ending_call));
        if let Some(index) = ending {
            extra.push(("CallSidEndingConference", self.participants[index].call.call_sid().to_string()));
            if let Some(label) = &self.participants[index].label {
                extra.push(("ParticipantLabelEndingConference", label.clone()));
            }
        }
        extra.push(("ReasonConferenceEnded", reason.to_string()));
        extra.push(("Reason", reason_text(&reason, ending_call)));
        self.event(ConferenceStatusEvent::ConferenceEnd, None, extra, now, callbacks);
    }

    /// The callback of `event`, with the participant's fields when it is about one, when the
    /// conference's subscription asks for it.
    fn event(
        &mut self,
        event: ConferenceStatusEvent,
        participant: Option<usize>,
        extra: Vec<(&'static str, String)>,
        now: DateTime<Utc>,
        callbacks: &mut Vec<Callback>,
    ) {
        let Some(Some(subscription)) = &self.subscription else { return };
        if !event.subscription().is_some_and(|subscribed| subscription.wants(&subscribed)) {
            return;
        }
        let mut params = vec![
            ("ConferenceSid", self.conference_sid.to_string()),
            ("FriendlyName", self.friendly_name.clone()),
            ("AccountSid", self.account_sid.to_string()),
            ("SequenceNumber", self.sequence.to_string()),
            ("Timestamp", twilio_date(now)),
            ("StatusCallbackEvent", event.to_string()),
        ];
        if let Some(index) = participant {
            let participant = &self.participants[index];
            params.extend([
                ("CallSid", participant.call.call_sid().to_string()),
                ("Muted", participant.muted.to_string()),
                ("Hold", participant.hold.to_string()),
                ("Coaching", participant.coaching.to_string()),
                ("EndConferenceOnExit", participant.end_conference_on_exit.to_string()),
                ("StartConferenceOnEnter", participant.start_conference_on_enter.to_string()),
            ]);
            if let Some(label) = &participant.label {
                params.push(("ParticipantLabel", label.clone()));
            }
        }
        params.extend(extra);
        callbacks.push(subscription.callback(CallbackKind::ConferenceStatus, params));
        self.sequence += 1;
    }
}

/// `Reason`: why the conference ended, in words. Twilio documents the parameter but not its wording,
/// so these sentences are the mock's own.
fn reason_text(reason: &ConferenceEndReason, ending: Option<CallSid>) -> String {
    let ending = ending.map_or_else(String::new, |call| format!(" {call}"));
    match reason {
        ConferenceEndReason::ConferenceEndedViaApi => "The conference was ended through the API".to_owned(),
        ConferenceEndReason::ParticipantWithEndConferenceOnExitLeft => {
            format!("Participant{ending} with EndConferenceOnExit left the conference")
        }
        ConferenceEndReason::ParticipantWithEndConferenceOnExitKicked => {
            format!("Participant{ending} with EndConferenceOnExit was removed from the conference")
        }
        ConferenceEndReason::LastParticipantLeft => {
            format!("Participant{ending}, the last one, left the conference")
        }
        ConferenceEndReason::LastParticipantKicked => {
            format!("Participant{ending}, the last one, was removed from the conference")
        }
        ConferenceEndReason::Unknown(reason) => reason.clone(),
    }
}
