//! The conference status callback (`StatusCallback` of `<Conference>`, `ConferenceStatusCallback` of a
//! participant created through the API).

use chrono::{DateTime, Utc};

use super::CallProgressStatus;
use crate::api::v2010::{ConferenceEndReason, ConferenceEvent};
use crate::values::{AccountSid, CallSid, ConferenceSid};
use crate::{OtherParams, Webhook, wire_enum};

wire_enum! {
    /// What happened in a conference, as its status callback says (`StatusCallbackEvent`).
    #[open]
    pub enum ConferenceStatusEvent {
        ConferenceStart = "conference-start",
        ConferenceEnd = "conference-end",
        ParticipantJoin = "participant-join",
        ParticipantLeave = "participant-leave",
        ParticipantMute = "participant-mute",
        ParticipantUnmute = "participant-unmute",
        ParticipantHold = "participant-hold",
        ParticipantUnhold = "participant-unhold",
        /// One of a participant's settings changed (`Coaching`, `EndConferenceOnExit`, ...).
        ParticipantModify = "participant-modify",
        ParticipantSpeechStart = "participant-speech-start",
        ParticipantSpeechStop = "participant-speech-stop",
        /// An announcement to the conference or to one participant finished playing.
        AnnouncementEnd = "announcement-end",
        /// An announcement could not be played; `ReasonAnnouncementFailed` says why.
        AnnouncementFail = "announcement-fail",
    }
}

impl ConferenceStatusEvent {
    /// The subscription (`ConferenceStatusCallbackEvent`, `statusCallbackEvent` of `<Conference>`)
    /// that brings this event; `None` for an event this crate does not know.
    pub fn subscription(&self) -> Option<ConferenceEvent> {
        Some(match self {
            Self::ConferenceStart => ConferenceEvent::Start,
            Self::ConferenceEnd => ConferenceEvent::End,
            Self::ParticipantJoin => ConferenceEvent::Join,
            Self::ParticipantLeave => ConferenceEvent::Leave,
            Self::ParticipantMute | Self::ParticipantUnmute => ConferenceEvent::Mute,
            Self::ParticipantHold | Self::ParticipantUnhold => ConferenceEvent::Hold,
            Self::ParticipantModify => ConferenceEvent::Modify,
            Self::ParticipantSpeechStart | Self::ParticipantSpeechStop => ConferenceEvent::Speaker,
            Self::AnnouncementEnd | Self::AnnouncementFail => ConferenceEvent::Announcement,
            Self::Unknown(_) => return None,
        })
    }
}

wire_enum! {
    /// Why a participant left a conference (`ReasonParticipantLeft`); unlike most of Twilio's values
    /// these are written with underscores.
    #[open]
    pub enum ParticipantLeftReason {
        /// The conference was ended through the API, taking the participant with it.
        ConferenceEndedViaApi = "conference_ended_via_api",
        /// A participant with `EndConferenceOnExit` left, ending the conference for everyone.
        ModeratorEndedConference = "moderator_ended_conference",
        /// The participant was removed, or its call redirected, through the API.
        ParticipantUpdatedViaApi = "participant_updated_via_api",
        ParticipantHungUp = "participant_hung_up",
        /// The participant could not be added.
        ParticipantAddFailed = "participant_add_failed",
    }
}

/// A conference status callback: one event of a conference, or of one of its participants.
///
/// The conference's fields come with every event; the participant's (`call_sid`, `muted`, ...) with
/// the participant events and with announcements played to one participant; the reasons with the
/// events they explain. Two deliveries of one event share [`dedup_key`](Self::dedup_key);
/// `sequence_number` orders the events of one conference.
#[derive(Clone, PartialEq, Webhook)]
pub struct ConferenceStatusCallback {
    pub conference_sid: ConferenceSid,
    /// The conference's name, as given in `<Conference>` or when adding a participant.
    pub friendly_name: String,
    pub account_sid: AccountSid,
    /// The position of this event among the conference's events, counting from 0.
    pub sequence_number: u64,
    /// When the event happened, to the second.
    pub timestamp: DateTime<Utc>,
    pub status_callback_event: ConferenceStatusEvent,
    /// The participant's call.
    pub call_sid: Option<CallSid>,
    pub muted: Option<bool>,
    pub hold: Option<bool>,
    pub coaching: Option<bool>,
    pub end_conference_on_exit: Option<bool>,
    pub start_conference_on_enter: Option<bool>,
    /// The participant's label, when it was given one.
    pub participant_label: Option<String>,
    /// On `conference-end`: the call whose leaving ended the conference, if one did.
    pub call_sid_ending_conference: Option<CallSid>,
    /// On `conference-end`: the label of the participant whose leaving ended the conference.
    pub participant_label_ending_conference: Option<String>,
    /// On `conference-end`.
    pub reason_conference_ended: Option<ConferenceEndReason>,
    /// On `conference-end`: why the conference ended, in words.
    pub reason: Option<String>,
    /// On `announcement-fail`: why, in words.
    pub reason_announcement_failed: Option<String>,
    /// On announcement events: the URL of what was played, as the application gave it.
    pub announce_url: Option<String>,
    /// On `participant-leave`: the status of the participant's call.
    pub participant_call_status: Option<CallProgressStatus>,
    /// On `participant-leave`.
    pub reason_participant_left: Option<ParticipantLeftReason>,
    /// Parameters not declared above.
    #[twilio(other)]
    pub other: OtherParams,
}

impl ConferenceStatusCallback {
    /// What two deliveries of the same event share: the conference, and the event's position among
    /// its events.
    pub fn dedup_key(&self) -> (ConferenceSid, u64) {
        (self.conference_sid, self.sequence_number)
    }
}
