//! The resources the mock holds in memory: every call, conference, participant, message and
//! conference recording a test created, each beside the life that moves it along (`lifecycle/`), so
//! that later requests, and the test driving the mock, act on them.
//!
//! Each resource is kept as the catalog's response type (`Call`, `Participant`, ...), which is what
//! the mock answers with; a status changed here is what the next fetch or list shows. The life
//! decides where a resource is; after each move, the record is made to show it.

use chrono::{DateTime, Utc};
use twilio_endpoint_runtime::values::{AccountSid, CallSid, ConferenceSid, MessageSid, RecordingSid};

use super::lifecycle::{CallLife, ConferenceLife, MessageLife, ParticipantState, Presence};
use crate::api::v2010::webhooks::CallProgressStatus;
use crate::api::v2010::{
    Call, CallStatus, Conference, ConferenceRecording, ConferenceRecordingStatus, ConferenceStatus,
    CreateParticipant, Message, MessageStatus, Participant, ParticipantRef, ParticipantStatus,
};

/// A call: placed by Create Call, or the call of a participant added by Create Participant.
#[derive(Clone, Debug)]
pub(crate) struct CallRecord {
    pub(crate) sid: CallSid,
    /// Its number in the order of creation, which lists and their page tokens follow.
    pub(crate) created: u64,
    pub(crate) account: AccountSid,
    pub(crate) leg: Leg,
    pub(crate) call: Call,
}

/// Where a call's life is kept.
#[derive(Clone, Debug)]
pub(crate) enum Leg {
    /// A call placed by Create Call, with its own life.
    Placed(CallLife),
    /// The call of a participant added by Create Participant: its life is part of its conference's.
    Participant(ConferenceSid),
}

/// A call in a conference, added by Create Participant.
#[derive(Clone, Debug)]
pub(crate) struct ParticipantRecord {
    /// The participant's call, which is also in the calls.
    pub(crate) call_sid: CallSid,
    /// Its number in the order of creation, which lists and their page tokens follow.
    pub(crate) created: u64,
    pub(crate) conference: ConferenceSid,
    pub(crate) account: AccountSid,
    pub(crate) request: CreateParticipant,
    pub(crate) participant: Participant,
}

/// A conference, created by the first participant added under its friendly name.
#[derive(Clone, Debug)]
pub(crate) struct ConferenceRecord {
    pub(crate) sid: ConferenceSid,
    /// Its number in the order of creation, which lists and their page tokens follow.
    pub(crate) created: u64,
    pub(crate) account: AccountSid,
    pub(crate) life: ConferenceLife,
    pub(crate) conference: Conference,
}

/// A message sent by Create Message.
#[derive(Clone, Debug)]
pub(crate) struct MessageRecord {
    pub(crate) sid: MessageSid,
    /// Its number in the order of creation, which lists and their page tokens follow.
    pub(crate) created: u64,
    pub(crate) account: AccountSid,
    pub(crate) life: MessageLife,
    pub(crate) message: Message,
}

/// A recording of a conference created to record from its start.
#[derive(Clone, Debug)]
pub(crate) struct RecordingRecord {
    pub(crate) sid: RecordingSid,
    /// Its number in the order of creation, which lists and their page tokens follow.
    pub(crate) created: u64,
    pub(crate) conference: ConferenceSid,
    pub(crate) account: AccountSid,
    pub(crate) recording: ConferenceRecording,
}

impl CallRecord {
    /// Moves the call to `status` at `now`, with the times Twilio gives such a call: it starts when
    /// it is answered (`in-progress`) and ends with any final status, its duration then counted from
    /// its start (0 for a call never answered).
    pub(crate) fn set_status(&mut self, status: CallStatus, now: DateTime<Utc>) {
        let call = &mut self.call;
        match status {
            CallStatus::InProgress => call.start_time = Some(now),
            CallStatus::Completed
            | CallStatus::Busy
            | CallStatus::Failed
            | CallStatus::NoAnswer
            | CallStatus::Canceled => {
                call.end_time = Some(now);
                let seconds = call.start_time.map_or(0, |start| (now - start).num_seconds().max(0));
                call.duration = Some(seconds.to_string());
            }
            _ => {}
        }
        call.status = Some(status);
        call.date_updated = Some(now);
    }

    /// Shows the call where its life has it at `now`: in `status`, answered at `answered_at` if it
    /// was (a call answered and ended in one move has its start, and its duration counts from it).
    pub(crate) fn follow(
        &mut self,
        status: &CallProgressStatus,
        answered_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) {
        let shown = match status {
            // The Call resource has no `initiated`: a call being dialed is still `queued` there.
            CallProgressStatus::Queued | CallProgressStatus::Initiated => CallStatus::Queued,
            CallProgressStatus::Ringing => CallStatus::Ringing,
            CallProgressStatus::InProgress => CallStatus::InProgress,
            CallProgressStatus::Completed => CallStatus::Completed,
            CallProgressStatus::Busy => CallStatus::Busy,
            CallProgressStatus::Failed => CallStatus::Failed,
            CallProgressStatus::NoAnswer => CallStatus::NoAnswer,
            CallProgressStatus::Canceled => CallStatus::Canceled,
            CallProgressStatus::Unknown(_) => return,
        };
        if self.call.status.as_ref() == Some(&shown) {
            return;
        }
        if let Some(answered) = answered_at {
            self.call.start_time.get_or_insert(answered);
        }
        self.set_status(shown, now);
    }

    /// Whether the call has been answered and has not ended.
    pub(crate) fn is_in_progress(&self) -> bool {
        self.call.status == Some(CallStatus::InProgress)
    }

    /// Whether the call has ended, with any final status.
    pub(crate) fn has_ended(&self) -> bool {
        matches!(
            self.call.status,
            Some(
                CallStatus::Completed
                    | CallStatus::Busy
                    | CallStatus::Failed
                    | CallStatus::NoAnswer
                    | CallStatus::Canceled
            )
        )
    }
}

impl ParticipantRecord {
    pub(crate) fn set_status(&mut self, status: ParticipantStatus, now: DateTime<Utc>) {
        self.participant.status = Some(status);
        self.participant.date_updated = Some(now);
    }

    /// Shows the participant as its conference's life has it at `now`: its status from its call's
    /// (`connecting` while dialed, `connected` once in), and its settings.
    fn follow(&mut self, state: &ParticipantState, now: DateTime<Utc>) {
        let status = match (state.presence, &state.call_status) {
            (Presence::Joined, _) => ParticipantStatus::Connected,
            (_, CallProgressStatus::Initiated) => ParticipantStatus::Connecting,
            (_, CallProgressStatus::Ringing) => ParticipantStatus::Ringing,
            _ => ParticipantStatus::Queued,
        };
        let participant = &self.participant;
        let settings = (Some(state.muted), Some(state.hold), Some(state.end_conference_on_exit));
        let changed = participant.status.as_ref() != Some(&status)
            || (participant.muted, participant.hold, participant.end_conference_on_exit) != settings;
        if changed {
            (self.participant.muted, self.participant.hold, self.participant.end_conference_on_exit) =
                settings;
            self.set_status(status, now);
        }
    }

    /// Whether `reference` names this participant: its call's SID, or its label.
    fn is(&self, reference: &ParticipantRef) -> bool {
        match reference {
            ParticipantRef::CallSid(sid) => self.call_sid == *sid,
            ParticipantRef::Label(label) => self.request.label.as_deref() == Some(label.as_str()),
        }
    }
}

impl ConferenceRecord {
    pub(crate) fn set_status(&mut self, status: ConferenceStatus, now: DateTime<Utc>) {
        self.conference.status = Some(status);
        self.conference.date_updated = Some(now);
    }

    pub(crate) fn has_ended(&self) -> bool {
        self.conference.status == Some(ConferenceStatus::Completed)
    }
}

impl MessageRecord {
    /// Shows the message's status where its life has it, at `now`.
    pub(crate) fn follow(&mut self, now: DateTime<Utc>) {
        let status = self.life.status().clone();
        if self.message.status.as_ref() != Some(&status) {
            self.set_status(status, now);
        }
    }

    /// Moves the message to `status` at `now`; it is sent (`date_sent`) when it leaves the queue.
    pub(crate) fn set_status(&mut self, status: MessageStatus, now: DateTime<Utc>) {
        if matches!(status, MessageStatus::Sending | MessageStatus::Sent) && self.message.date_sent.is_none()
        {
            self.message.date_sent = Some(now);
        }
        self.message.status = Some(status);
        self.message.date_updated = Some(now);
    }
}

impl RecordingRecord {
    pub(crate) fn set_status(&mut self, status: ConferenceRecordingStatus, now: DateTime<Utc>) {
        self.recording.status = Some(status);
        self.recording.date_updated = Some(now);
    }

    /// Ends the recording at `now`: `completed`, its duration counted from its start.
    pub(crate) fn finish(&mut self, now: DateTime<Utc>) {
        let seconds = self.recording.start_time.map_or(0, |start| (now - start).num_seconds().max(0));
        self.recording.duration = Some(seconds.to_string());
        self.set_status(ConferenceRecordingStatus::Completed, now);
    }

    /// Whether the recording is the conference's current one, which `Twilio.CURRENT` names.
    pub(crate) fn is_current(&self) -> bool {
        matches!(
            self.recording.status,
            Some(ConferenceRecordingStatus::InProgress | ConferenceRecordingStatus::Paused)
        )
    }
}

/// Every resource the mock holds, each list in the order created.
#[derive(Default)]
pub(crate) struct State {
    pub(crate) calls: Vec<CallRecord>,
    pub(crate) conferences: Vec<ConferenceRecord>,
    pub(crate) participants: Vec<ParticipantRecord>,
    pub(crate) messages: Vec<MessageRecord>,
    pub(crate) recordings: Vec<RecordingRecord>,
    /// How many resources were created.
    created: u64,
}

impl State {
    /// The creation number of a new resource: each one's is greater than those before.
    pub(crate) fn next_number(&mut self) -> u64 {
        self.created += 1;
        self.created
    }

    pub(crate) fn call_mut(&mut self, account: AccountSid, sid: CallSid) -> Option<&mut CallRecord> {
        self.calls.iter_mut().find(|record| record.account == account && record.sid == sid)
    }

    pub(crate) fn conference_mut(
        &mut self,
        account: AccountSid,
        sid: ConferenceSid,
    ) -> Option<&mut ConferenceRecord> {
        self.conferences.iter_mut().find(|record| record.account == account && record.sid == sid)
    }

    /// The conference of `account` in progress (or waiting to start) under `friendly_name`.
    pub(crate) fn open_conference_named(
        &mut self,
        account: AccountSid,
        friendly_name: &str,
    ) -> Option<&mut ConferenceRecord> {
        self.conferences.iter_mut().find(|record| {
            record.account == account
                && !record.has_ended()
                && record.conference.friendly_name.as_deref() == Some(friendly_name)
        })
    }

    pub(crate) fn participant_mut(
        &mut self,
        account: AccountSid,
        conference: ConferenceSid,
        participant: &ParticipantRef,
    ) -> Option<&mut ParticipantRecord> {
        self.participants.iter_mut().find(|record| {
            record.account == account && record.conference == conference && record.is(participant)
        })
    }

    pub(crate) fn message_mut(&mut self, account: AccountSid, sid: MessageSid) -> Option<&mut MessageRecord> {
        self.messages.iter_mut().find(|record| record.account == account && record.sid == sid)
    }

    pub(crate) fn recording_mut(
        &mut self,
        account: AccountSid,
        conference: ConferenceSid,
        sid: RecordingSid,
    ) -> Option<&mut RecordingRecord> {
        self.recordings
            .iter_mut()
            .find(|record| record.account == account && record.conference == conference && record.sid == sid)
    }

    /// The conference's recording in progress or paused, the one `Twilio.CURRENT` names.
    pub(crate) fn current_recording_mut(
        &mut self,
        account: AccountSid,
        conference: ConferenceSid,
    ) -> Option<&mut RecordingRecord> {
        self.recordings.iter_mut().rev().find(|record| {
            record.account == account && record.conference == conference && record.is_current()
        })
    }

    /// The account of the call `sid`, whichever it is: SIDs are unique across accounts.
    pub(crate) fn account_of_call(&self, sid: CallSid) -> Option<AccountSid> {
        self.calls.iter().find(|record| record.sid == sid).map(|record| record.account)
    }

    pub(crate) fn account_of_conference(&self, sid: ConferenceSid) -> Option<AccountSid> {
        self.conferences.iter().find(|record| record.sid == sid).map(|record| record.account)
    }

    pub(crate) fn account_of_message(&self, sid: MessageSid) -> Option<AccountSid> {
        self.messages.iter().find(|record| record.sid == sid).map(|record| record.account)
    }

    /// Makes the records of a conference, its participants and their calls show what its life says
    /// at `now`: a participant that left is no longer listed, nor is anyone in a conference that
    /// ended (whose recording in progress ends too), and each call shows its status.
    pub(crate) fn sync_conference(
        &mut self,
        account: AccountSid,
        conference: ConferenceSid,
        now: DateTime<Utc>,
    ) {
        let Some(record) = self.conference_mut(account, conference) else { return };
        let life = &record.life;
        let participants: Vec<ParticipantState> = life.participants().collect();
        let status = life.status().clone();
        let ended = life.ended().cloned();
        if record.conference.status.as_ref() != Some(&status) {
            record.set_status(status, now);
        }
        let over = ended.is_some();
        if let Some((reason, ending)) = ended {
            record.conference.reason_conference_ended = Some(reason);
            record.conference.call_sid_ending_conference = ending;
            for recording in &mut self.recordings {
                if (recording.account, recording.conference) == (account, conference)
                    && recording.is_current()
                {
                    recording.finish(now);
                }
            }
        }
        for state in &participants {
            if let Some(call) = self.call_mut(account, state.call_sid) {
                call.follow(&state.call_status, state.answered_at, now);
            }
        }
        self.participants.retain_mut(|record| {
            if (record.account, record.conference) != (account, conference) {
                return true;
            }
            let Some(state) = participants.iter().find(|state| state.call_sid == record.call_sid) else {
                return true;
            };
            if over || state.presence == Presence::Gone {
                return false;
            }
            record.follow(state, now);
            true
        });
    }

    /// Removes what `keep` refuses from `records`; whether anything was removed.
    pub(crate) fn remove<T>(records: &mut Vec<T>, keep: impl FnMut(&T) -> bool) -> bool {
        let before = records.len();
        records.retain(keep);
        records.len() < before
    }
}
