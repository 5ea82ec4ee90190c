//! The resources the mock holds in memory: every call, conference, participant, message and
//! conference recording a test created, each with the typed request that created it, so that later
//! requests (and the lifecycle that moves a resource along) act on them.
//!
//! Each resource is kept as the catalog's response type (`Call`, `Participant`, ...), which is what
//! the mock answers with; a status changed here is what the next fetch or list shows.

use chrono::{DateTime, Utc};
use twilio_endpoint_runtime::values::{AccountSid, CallSid, ConferenceSid, MessageSid, RecordingSid};

use crate::api::v2010::{
    Call, CallStatus, Conference, ConferenceRecording, ConferenceRecordingStatus, ConferenceStatus,
    CreateCall, CreateMessage, CreateParticipant, Message, MessageStatus, Participant, ParticipantRef,
    ParticipantStatus,
};

/// A call: placed by Create Call, or the call of a participant added by Create Participant.
#[derive(Clone, Debug)]
pub(crate) struct CallRecord {
    pub(crate) sid: CallSid,
    /// Its number in the order of creation, which lists and their page tokens follow.
    pub(crate) created: u64,
    pub(crate) account: AccountSid,
    /// The request that placed the call; `None` for a participant's call, whose request is its
    /// [`ParticipantRecord::request`].
    #[expect(
        dead_code,
        reason = "the callbacks of a resource's life (`lifecycle.rs`) read it; wired once they land"
    )]
    pub(crate) request: Option<CreateCall>,
    pub(crate) call: Call,
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
    pub(crate) conference: Conference,
}

/// A message sent by Create Message.
#[derive(Clone, Debug)]
pub(crate) struct MessageRecord {
    pub(crate) sid: MessageSid,
    /// Its number in the order of creation, which lists and their page tokens follow.
    pub(crate) created: u64,
    pub(crate) account: AccountSid,
    #[expect(
        dead_code,
        reason = "the callbacks of a resource's life (`lifecycle.rs`) read it; wired once they land"
    )]
    pub(crate) request: CreateMessage,
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
    #[expect(
        dead_code,
        reason = "the callbacks of a resource's life (`lifecycle.rs`) read it; wired once they land"
    )]
    pub(crate) fn set_status(&mut self, status: ParticipantStatus, now: DateTime<Utc>) {
        self.participant.status = Some(status);
        self.participant.date_updated = Some(now);
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

    /// Removes what `keep` refuses from `records`; whether anything was removed.
    pub(crate) fn remove<T>(records: &mut Vec<T>, keep: impl FnMut(&T) -> bool) -> bool {
        let before = records.len();
        records.retain(keep);
        records.len() < before
    }
}
