//! Conference participants: adding a call to a conference, fetching, updating, removing and listing
//! its participants, and the participant resource Twilio answers with.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{CallEvent, MachineDetection, RecordingChannels, RecordingEvent, RecordingTrack, Region, Trim};
use crate::api::v2010::webhooks::{ConferenceStatusEvent, RecordingStatus};
use crate::values::{
    AccountSid, Address, AddressRole, ByocTrunkSid, CallSid, CallbackMethod, ConferenceRef, ConferenceSid,
    InvalidValue, OrEmpty, Url, check_call_addresses,
};
use crate::{FromFormValue, Page, Params, Rule, ValidationErrors, Violation, twilio_endpoint, wire_enum};

/// Dials a number, client, SIP address or TwiML App and adds the call to a conference, creating the
/// conference when `ConferenceSid` is a friendly name that is not in use.
///
/// Fields are declared in the order of Twilio's description, which is the order the official SDKs send
/// them in.
#[twilio_endpoint(
    POST,
    "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json",
    response = Participant,
    validate_with = check_create_participant,
)]
#[derive(Clone, PartialEq, Eq)]
pub struct CreateParticipant {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference: its SID, or a friendly name (a new conference is created when none is in progress).
    #[twilio(path)]
    pub conference_sid: ConferenceRef,
    /// Who the call comes from: a phone number (one of your Twilio numbers or verified caller IDs,
    /// and a phone number whenever `To` is one), a `client:` address, or, when `To` is a SIP address,
    /// a bare SIP user name (`alice`).
    pub from: Address,
    /// Who to call: a phone number, `client:`, `sip:` or `app:` address.
    pub to: Address,
    /// The URL Twilio calls at each event of `StatusCallbackEvent`.
    pub status_callback: Option<Url>,
    /// The method for `StatusCallback`.
    pub status_callback_method: Option<CallbackMethod>,
    /// The call events to report to `StatusCallback`.
    pub status_callback_event: Vec<CallEvent>,
    /// A label for this participant, usable in place of its call SID.
    pub label: Option<String>,
    /// Seconds to let the call ring before giving up, 5 to 600.
    #[twilio(range = 5..=600)]
    pub timeout: Option<u32>,
    /// Whether to record the participant and their conferences.
    pub record: Option<bool>,
    /// Whether the participant joins muted.
    pub muted: Option<bool>,
    /// Whether a beep plays when the participant joins, leaves, both or neither.
    pub beep: Option<Beep>,
    /// Whether the conference starts when this participant joins.
    pub start_conference_on_enter: Option<bool>,
    /// Whether the conference ends when this participant leaves.
    pub end_conference_on_exit: Option<bool>,
    /// Hold music until the conference starts: a URL, or [`OrEmpty::Empty`] for silence.
    pub wait_url: Option<OrEmpty<Url>>,
    /// The method for `WaitUrl`.
    pub wait_method: Option<CallbackMethod>,
    /// Whether early media (ringing) is allowed.
    pub early_media: Option<bool>,
    /// The most participants the conference may have, 2 to 250.
    #[twilio(range = 2..=250)]
    pub max_participants: Option<u32>,
    /// Whether and when the conference is recorded.
    pub conference_record: Option<ConferenceRecord>,
    /// Whether silence is trimmed from the conference recording.
    pub conference_trim: Option<Trim>,
    /// The URL Twilio calls at each event of `ConferenceStatusCallbackEvent`.
    pub conference_status_callback: Option<Url>,
    /// The method for `ConferenceStatusCallback`.
    pub conference_status_callback_method: Option<CallbackMethod>,
    /// The conference events to report to `ConferenceStatusCallback`.
    pub conference_status_callback_event: Vec<ConferenceEvent>,
    /// Whether the participant's recording has one channel or two.
    pub recording_channels: Option<RecordingChannels>,
    /// The URL Twilio calls when the participant's recording changes state.
    pub recording_status_callback: Option<Url>,
    /// The method for `RecordingStatusCallback`.
    pub recording_status_callback_method: Option<CallbackMethod>,
    /// The user name for SIP authentication, when `To` is a SIP address.
    pub sip_auth_username: Option<String>,
    /// The password for SIP authentication; never shown by `Debug`.
    #[twilio(sensitive)]
    pub sip_auth_password: Option<String>,
    /// The region where the conference's media is mixed.
    pub region: Option<Region>,
    /// The URL Twilio calls when the conference recording changes state.
    pub conference_recording_status_callback: Option<Url>,
    /// The method for `ConferenceRecordingStatusCallback`.
    pub conference_recording_status_callback_method: Option<CallbackMethod>,
    /// The recording events to report to `RecordingStatusCallback`.
    pub recording_status_callback_event: Vec<RecordingEvent>,
    /// The conference recording events to report to `ConferenceRecordingStatusCallback`.
    pub conference_recording_status_callback_event: Vec<ConferenceRecordingEvent>,
    /// Whether this participant coaches another call (`Coaching`, `CallSidToCoach`).
    #[twilio(flatten)]
    pub coaching: Option<Coaching>,
    /// The jitter buffer size for this participant's audio.
    pub jitter_buffer_size: Option<JitterBufferSize>,
    /// The BYOC trunk to call through, when `To` is a phone number.
    pub byoc: Option<ByocTrunkSid>,
    /// The caller ID shown to the callee, in the forms of `From`; a phone number when `To` is one.
    pub caller_id: Option<Address>,
    /// Why the call is made, shown on the callee's device (beta).
    pub call_reason: Option<String>,
    /// Which audio of the participant is recorded.
    pub recording_track: Option<RecordingTrack>,
    /// The most seconds the participant's call may last.
    pub time_limit: Option<u32>,
    /// Whether to detect an answering machine.
    pub machine_detection: Option<MachineDetection>,
    /// Seconds to spend on answering machine detection, 3 to 59.
    #[twilio(range = 3..=59)]
    pub machine_detection_timeout: Option<u32>,
    /// Milliseconds of speech after which a machine is assumed, 1000 to 6000.
    #[twilio(range = 1000..=6000)]
    pub machine_detection_speech_threshold: Option<u32>,
    /// Milliseconds of silence that end speech, 500 to 5000.
    #[twilio(range = 500..=5000)]
    pub machine_detection_speech_end_threshold: Option<u32>,
    /// Milliseconds of initial silence after which `unknown` is reported, 2000 to 10000.
    #[twilio(range = 2000..=10000)]
    pub machine_detection_silence_timeout: Option<u32>,
    /// The URL Twilio calls with the answering machine detection result.
    pub amd_status_callback: Option<Url>,
    /// The method for `AmdStatusCallback`.
    pub amd_status_callback_method: Option<CallbackMethod>,
    /// Whether silence is trimmed from the participant's recording.
    pub trim: Option<Trim>,
    /// A token from an incoming call, to forward its caller ID; never shown by `Debug`.
    #[twilio(sensitive)]
    pub call_token: Option<String>,
    /// The URL Twilio calls to notify a client participant of the incoming call.
    pub client_notification_url: Option<Url>,
    /// The name shown to a SIP callee, 2 to 255 characters.
    #[twilio(len = 2..=255)]
    pub caller_display_name: Option<String>,
}

// The rules between parameters that Twilio documents in prose and the types cannot carry (an address's
// form is known only at run time): the forms each of `To`, `From` and `CallerId` takes (`app:` only
// as `To`, a bare SIP user name only as a caller of a SIP address, ...), and, from the description of
// `CallerId`, a phone number as `CallerId` when `To` is one.
fn check_create_participant(request: &CreateParticipant, errors: &mut ValidationErrors) {
    let caller_id = request.caller_id.as_ref();
    check_call_addresses(
        errors,
        &request.to,
        &[(AddressRole::From, Some(&request.from)), (AddressRole::CallerId, caller_id)],
    );
    if let Some(caller_id) = caller_id
        && request.to.is_phone_number()
        && !caller_id.is_phone_number()
        && caller_id.role_violation(AddressRole::CallerId, &request.to).is_none()
    {
        errors.push(Violation::new(
            "CallerId",
            Rule::Custom("must be a phone number when `To` is a phone number".into()),
            Some(caller_id.to_string()),
        ));
    }
}

/// Whether a participant coaches another call: the coached call alone hears it.
///
/// Twilio documents that `Coaching=true` needs `CallSidToCoach`; the variants make that the only way
/// to write it, and `Coaching=false` with a call to coach cannot be written at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Params)]
pub enum Coaching {
    /// `Coaching=false`.
    #[twilio(with(Coaching = false))]
    Off,
    /// `Coaching=true&CallSidToCoach=CA…`: coach this call.
    #[twilio(with(Coaching = true))]
    Coach { call_sid_to_coach: CallSid },
    /// Only `CallSidToCoach=CA…`, the form of Twilio's own example request; Twilio then coaches too.
    CallSidToCoach(CallSid),
}

/// Fetches one participant of a conference.
#[twilio_endpoint(
    GET,
    "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json",
    response = Participant,
)]
#[derive(Clone, PartialEq, Eq)]
pub struct FetchParticipant {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference the participant is in.
    #[twilio(path)]
    pub conference_sid: ConferenceSid,
    /// The participant: its call's SID, or its label.
    #[twilio(path)]
    pub call_sid: ParticipantRef,
}

/// Changes a participant while it is in a conference: mute, hold, an announcement, coaching.
///
/// Fields are declared in the order of Twilio's description, which is the order the official SDKs send
/// them in.
#[twilio_endpoint(
    POST,
    "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json",
    response = Participant,
)]
#[derive(Clone, PartialEq, Eq)]
pub struct UpdateParticipant {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference the participant is in.
    #[twilio(path)]
    pub conference_sid: ConferenceSid,
    /// The participant: its call's SID, or its label.
    #[twilio(path)]
    pub call_sid: ParticipantRef,
    /// Whether the participant is muted (`false` unmutes).
    pub muted: Option<bool>,
    /// `true` puts the participant on hold, `false` lets it rejoin the conference.
    pub hold: Option<bool>,
    /// What plays while the participant is on hold: an MP3 or WAV file, or TwiML with `<Play>`,
    /// `<Say>`, `<Pause>` or `<Redirect>`. Twilio's description ties it to no value of `Hold`, so it
    /// can also change the music of a participant already on hold.
    pub hold_url: Option<Url>,
    /// The method for `HoldUrl`; Twilio's default is `GET`.
    pub hold_method: Option<CallbackMethod>,
    /// The URL Twilio calls for an announcement played to the participant: an MP3 or WAV file, or
    /// TwiML with `<Play>`, `<Say>`, `<Pause>` or `<Redirect>`.
    pub announce_url: Option<Url>,
    /// The method for `AnnounceUrl`; Twilio's default is `POST`.
    pub announce_method: Option<CallbackMethod>,
    /// Music until the conference starts: a URL, or [`OrEmpty::Empty`] for silence; Twilio's standard
    /// hold music when unset.
    pub wait_url: Option<OrEmpty<Url>>,
    /// The method for `WaitUrl`; Twilio's default is `POST` (use `GET` for a static file, so that it
    /// is cached).
    pub wait_method: Option<CallbackMethod>,
    /// Whether a beep plays to the conference when the participant leaves.
    pub beep_on_exit: Option<bool>,
    /// Whether the conference ends when the participant leaves; Twilio's default is `false`.
    pub end_conference_on_exit: Option<bool>,
    /// Whether this participant coaches another call (`Coaching`, `CallSidToCoach`).
    #[twilio(flatten)]
    pub coaching: Option<Coaching>,
}

/// Removes (kicks) a participant from a conference.
#[twilio_endpoint(
    DELETE,
    "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json",
    response = (),
)]
#[derive(Clone, PartialEq, Eq)]
pub struct DeleteParticipant {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference the participant is in.
    #[twilio(path)]
    pub conference_sid: ConferenceSid,
    /// The participant: its call's SID, or its label.
    #[twilio(path)]
    pub call_sid: ParticipantRef,
}

/// Lists the participants of a conference, a page at a time; walk every page with
/// [`Client::stream`](crate::Client::stream).
#[twilio_endpoint(
    GET,
    "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json",
    response = Page<Participant>,
)]
#[derive(Clone, PartialEq, Eq)]
pub struct ListParticipants {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference whose participants are listed.
    #[twilio(path)]
    pub conference_sid: ConferenceSid,
    /// Only participants that are muted (`true`) or not (`false`).
    pub muted: Option<bool>,
    /// Only participants that are on hold (`true`) or not (`false`).
    pub hold: Option<bool>,
    /// Only participants that are coaching (`true`) or not (`false`).
    pub coaching: Option<bool>,
    // Paging goes last, token first, as the official SDKs send it.
    /// The token Twilio gives in its page links, to fetch the page after a given one.
    pub page_token: Option<String>,
    /// The page to fetch, from 0.
    pub page: Option<u32>,
    /// How many participants a page holds, 1 to 1000; Twilio's default is 50.
    #[twilio(range = 1..=1000)]
    pub page_size: Option<u32>,
}

/// The participant named in a path: the SID of its call, or the label it was given when it was added.
///
/// A label is sent escaped as one path segment, as Twilio's description asks (`agent #1` becomes
/// `agent%20%231`); a label that cannot be one segment (with `/`, or `.` and `..`) is rejected by
/// `validate()`, so nothing is sent: address such a participant by its call SID.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ParticipantRef {
    /// The participant's call.
    CallSid(CallSid),
    /// The participant's label.
    Label(String),
}

impl FromStr for ParticipantRef {
    type Err = InvalidValue;

    /// A valid `CA…` SID is taken as a call SID; any other text that is not empty and has no control
    /// characters is a label.
    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        if let Ok(sid) = text.parse() {
            Ok(Self::CallSid(sid))
        } else if text.is_empty() || text.chars().any(char::is_control) {
            Err(InvalidValue::new(
                "a call SID or participant label (not empty, without control characters)",
                text,
            ))
        } else {
            Ok(Self::Label(text.to_owned()))
        }
    }
}

/// Read back from a path segment as [`FromStr`] reads it.
impl FromFormValue for ParticipantRef {
    type Err = InvalidValue;

    fn from_form_value(text: &str) -> Result<Self, InvalidValue> {
        text.parse()
    }
}

impl From<CallSid> for ParticipantRef {
    fn from(sid: CallSid) -> Self {
        Self::CallSid(sid)
    }
}

impl fmt::Display for ParticipantRef {
    /// Writes the SID or the label unescaped: the path writer escapes it as one segment.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::CallSid(sid) => f.write_str(sid.as_str()),
            Self::Label(label) => f.write_str(label),
        }
    }
}

wire_enum! {
    /// When a beep plays for this participant.
    pub enum Beep {
        True = "true",
        False = "false",
        OnEnter = "onEnter",
        OnExit = "onExit",
    }
}

wire_enum! {
    /// Whether the conference is recorded.
    pub enum ConferenceRecord {
        True = "true",
        False = "false",
        RecordFromStart = "record-from-start",
        DoNotRecord = "do-not-record",
    }
}

wire_enum! {
    /// A conference event to be told about at `ConferenceStatusCallback`.
    pub enum ConferenceEvent {
        Start = "start",
        End = "end",
        Join = "join",
        Leave = "leave",
        Mute = "mute",
        Hold = "hold",
        Modify = "modify",
        Speaker = "speaker",
        Announcement = "announcement",
    }
}

impl ConferenceEvent {
    /// The events a conference status callback carries when this event is subscribed to: `mute`
    /// brings muting and unmuting, `hold` holding and unholding, `speaker` the start and end of
    /// speech, `announcement` its end or failure.
    pub fn events(self) -> &'static [ConferenceStatusEvent] {
        use ConferenceStatusEvent as E;
        // Named constants: an open enum owns a `String` in one variant, so a slice of it is only
        // `'static` as a constant.
        const START: &[E] = &[E::ConferenceStart];
        const END: &[E] = &[E::ConferenceEnd];
        const JOIN: &[E] = &[E::ParticipantJoin];
        const LEAVE: &[E] = &[E::ParticipantLeave];
        const MUTE: &[E] = &[E::ParticipantMute, E::ParticipantUnmute];
        const HOLD: &[E] = &[E::ParticipantHold, E::ParticipantUnhold];
        const MODIFY: &[E] = &[E::ParticipantModify];
        const SPEAKER: &[E] = &[E::ParticipantSpeechStart, E::ParticipantSpeechStop];
        const ANNOUNCEMENT: &[E] = &[E::AnnouncementEnd, E::AnnouncementFail];
        match self {
            Self::Start => START,
            Self::End => END,
            Self::Join => JOIN,
            Self::Leave => LEAVE,
            Self::Mute => MUTE,
            Self::Hold => HOLD,
            Self::Modify => MODIFY,
            Self::Speaker => SPEAKER,
            Self::Announcement => ANNOUNCEMENT,
        }
    }
}

wire_enum! {
    /// A conference recording event to be told about at `ConferenceRecordingStatusCallback`.
    pub enum ConferenceRecordingEvent {
        InProgress = "in-progress",
        Completed = "completed",
        Failed = "failed",
        Absent = "absent",
    }
}

impl ConferenceRecordingEvent {
    /// The status a conference recording's status callback carries when this event is subscribed to:
    /// the one of the same name.
    pub fn statuses(self) -> &'static [RecordingStatus] {
        const IN_PROGRESS: &[RecordingStatus] = &[RecordingStatus::InProgress];
        const COMPLETED: &[RecordingStatus] = &[RecordingStatus::Completed];
        const FAILED: &[RecordingStatus] = &[RecordingStatus::Failed];
        const ABSENT: &[RecordingStatus] = &[RecordingStatus::Absent];
        match self {
            Self::InProgress => IN_PROGRESS,
            Self::Completed => COMPLETED,
            Self::Failed => FAILED,
            Self::Absent => ABSENT,
        }
    }
}

wire_enum! {
    /// How much audio is buffered to smooth network jitter.
    pub enum JitterBufferSize {
        Off = "off",
        Small = "small",
        Medium = "medium",
        Large = "large",
    }
}

wire_enum! {
    /// The state of a participant's call.
    #[open]
    pub enum ParticipantStatus {
        Queued = "queued",
        Connecting = "connecting",
        Ringing = "ringing",
        Connected = "connected",
        Complete = "complete",
        Failed = "failed",
    }
}

/// A call in a conference, as Twilio describes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub account_sid: Option<AccountSid>,
    pub call_sid: Option<CallSid>,
    /// The label given at creation, if any.
    pub label: Option<String>,
    /// The call this participant coaches, if any.
    pub call_sid_to_coach: Option<CallSid>,
    pub coaching: Option<bool>,
    pub conference_sid: Option<ConferenceSid>,
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_created: Option<DateTime<Utc>>,
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_updated: Option<DateTime<Utc>>,
    pub end_conference_on_exit: Option<bool>,
    pub muted: Option<bool>,
    pub hold: Option<bool>,
    pub start_conference_on_enter: Option<bool>,
    pub status: Option<ParticipantStatus>,
    /// Milliseconds the call waited before being placed; only in the reply to a create.
    pub queue_time: Option<String>,
    /// The resource's path, relative to `https://api.twilio.com`.
    pub uri: Option<String>,
}
