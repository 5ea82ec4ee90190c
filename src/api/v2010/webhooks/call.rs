//! The call status callback (`StatusCallback` of a call), the asynchronous answering machine detection
//! callback (`AsyncAmdStatusCallback`), and the webhook of an incoming or answered call (`Url`, or the
//! voice URL of a phone number).

use chrono::{DateTime, Utc};

use crate::api::v2010::{AnsweredBy, CallDirection, CallEvent};
use crate::values::{AccountSid, CallSid, RecordingSid, Url};
use crate::{OtherParams, Webhook, wire_enum};

wire_enum! {
    /// A call's status as its callbacks and webhooks report it (`CallStatus`). Unlike the Call
    /// resource's [`CallStatus`](crate::api::v2010::CallStatus), callbacks also report `initiated`.
    #[open]
    pub enum CallProgressStatus {
        Queued = "queued",
        /// Dialing started.
        Initiated = "initiated",
        Ringing = "ringing",
        /// Answered, and connected.
        InProgress = "in-progress",
        /// Answered, then ended normally.
        Completed = "completed",
        Busy = "busy",
        Failed = "failed",
        NoAnswer = "no-answer",
        /// Ended before it was answered, through the API.
        Canceled = "canceled",
    }
}

impl CallProgressStatus {
    /// Whether the call is over: `completed`, `busy`, `failed`, `no-answer` or `canceled`.
    pub fn is_final(&self) -> bool {
        matches!(self, Self::Completed | Self::Busy | Self::Failed | Self::NoAnswer | Self::Canceled)
    }

    /// The subscription (`StatusCallbackEvent`) that brings a status callback with this status;
    /// `None` for a status this crate does not know.
    ///
    /// `queued` is counted with `initiated`: Twilio lists it among a status callback's values, and it
    /// can only come before dialing starts.
    pub fn subscription(&self) -> Option<CallEvent> {
        Some(match self {
            Self::Queued | Self::Initiated => CallEvent::Initiated,
            Self::Ringing => CallEvent::Ringing,
            Self::InProgress => CallEvent::Answered,
            Self::Completed | Self::Busy | Self::Failed | Self::NoAnswer | Self::Canceled => {
                CallEvent::Completed
            }
            Self::Unknown(_) => return None,
        })
    }
}

wire_enum! {
    /// Why a call callback was sent (`CallbackSource`).
    #[open]
    pub enum CallbackSource {
        /// A call status callback.
        CallProgressEvents = "call-progress-events",
    }
}

/// A call status callback: the call reached the status in `call_status`.
///
/// Which statuses are reported is chosen with `StatusCallbackEvent` (only the final one by default);
/// the durations, the SIP response code and the recording's fields come with the final status.
/// `sequence_number` orders the callbacks of one call; two deliveries of one callback share
/// [`dedup_key`](Self::dedup_key).
#[derive(Clone, PartialEq, Webhook)]
pub struct CallStatusCallback {
    pub account_sid: AccountSid,
    pub call_sid: CallSid,
    /// The caller, as Twilio writes it: a phone number, `client:name`, a SIP URI, or a text such as
    /// `Anonymous` for a hidden caller ID. Kept as text, so that no caller can make decoding fail.
    pub from: String,
    /// The called party, as text for the same reason as `from`.
    pub to: String,
    pub call_status: CallProgressStatus,
    /// The API version that handled the call, e.g. `2010-04-01`.
    pub api_version: String,
    pub direction: CallDirection,
    /// The number the call was forwarded from, when the carrier says.
    pub forwarded_from: Option<String>,
    /// The caller's name, when caller name lookup is on for the number called.
    pub caller_name: Option<String>,
    /// The call that created this one, for a leg dialed by another call.
    pub parent_call_sid: Option<CallSid>,
    pub from_city: Option<String>,
    pub from_state: Option<String>,
    pub from_zip: Option<String>,
    pub from_country: Option<String>,
    pub to_city: Option<String>,
    pub to_state: Option<String>,
    pub to_zip: Option<String>,
    pub to_country: Option<String>,
    /// When the status was reached, to the second.
    pub timestamp: DateTime<Utc>,
    pub callback_source: CallbackSource,
    /// The position of this callback among the call's, counting from 0.
    pub sequence_number: u64,
    /// With the final status: the call's length in seconds.
    pub call_duration: Option<u32>,
    /// With `completed`: the call's length in whole minutes, as billed.
    pub duration: Option<u32>,
    /// With the final status: the SIP response code the call ended with (e.g. `487` when nobody
    /// answered in time).
    pub sip_response_code: Option<u16>,
    /// With `completed`, when the call was created with `Record=true`: the recording, which may not be
    /// ready yet (its own callback says when it is).
    pub recording_url: Option<Url>,
    pub recording_sid: Option<RecordingSid>,
    /// The recording's length in seconds, before any silence is trimmed.
    pub recording_duration: Option<u32>,
    /// The STIR/SHAKEN attestation of the call (`A`, `B` or `C`), when Twilio has one.
    pub stir_status: Option<String>,
    /// Who answered, when answering machine detection ran without a callback of its own.
    pub answered_by: Option<AnsweredBy>,
    /// Parameters not declared above.
    #[twilio(other)]
    pub other: OtherParams,
}

impl CallStatusCallback {
    /// What two deliveries of the same callback share: the call, and the callback's position among
    /// its callbacks.
    pub fn dedup_key(&self) -> (CallSid, u64) {
        (self.call_sid, self.sequence_number)
    }
}

/// The result of answering machine detection, sent to `AsyncAmdStatusCallback` once it concludes
/// while the call goes on.
#[derive(Clone, PartialEq, Webhook)]
pub struct MachineDetectionCallback {
    pub account_sid: AccountSid,
    pub call_sid: CallSid,
    pub answered_by: AnsweredBy,
    /// How long detection took, in milliseconds.
    pub machine_detection_duration: u32,
    /// Parameters not declared above.
    #[twilio(other)]
    pub other: OtherParams,
}

impl MachineDetectionCallback {
    /// What two deliveries of the result share: detection reports once per call.
    pub fn dedup_key(&self) -> CallSid {
        self.call_sid
    }
}

/// The webhook of a call that needs instructions: an incoming call to one of the account's numbers,
/// or an outgoing call once answered. The application answers it with TwiML.
///
/// Answer every delivery, a retry included, with the TwiML: the call waits for it. Use
/// [`dedup_key`](Self::dedup_key) only to avoid starting the same work twice.
#[derive(Clone, PartialEq, Webhook)]
pub struct IncomingCall {
    pub account_sid: AccountSid,
    pub call_sid: CallSid,
    /// The caller, as text: see [`CallStatusCallback::from`].
    pub from: String,
    pub to: String,
    pub call_status: CallProgressStatus,
    pub api_version: String,
    pub direction: CallDirection,
    pub forwarded_from: Option<String>,
    pub caller_name: Option<String>,
    pub parent_call_sid: Option<CallSid>,
    /// A token that lets the application place a new call with this call's caller ID; a credential,
    /// hidden from `Debug`.
    #[twilio(sensitive)]
    pub call_token: Option<String>,
    pub from_city: Option<String>,
    pub from_state: Option<String>,
    pub from_zip: Option<String>,
    pub from_country: Option<String>,
    pub to_city: Option<String>,
    pub to_state: Option<String>,
    pub to_zip: Option<String>,
    pub to_country: Option<String>,
    /// The STIR/SHAKEN verification of the caller ID of an incoming call, when Twilio has one.
    pub stir_verstat: Option<String>,
    /// Who answered, when the call was placed with answering machine detection and waits for it.
    pub answered_by: Option<AnsweredBy>,
    /// With `answered_by`: how long detection took, in milliseconds.
    pub machine_detection_duration: Option<u32>,
    /// Parameters not declared above.
    #[twilio(other)]
    pub other: OtherParams,
}

impl IncomingCall {
    /// What two deliveries of the webhook share: the call.
    pub fn dedup_key(&self) -> CallSid {
        self.call_sid
    }
}
