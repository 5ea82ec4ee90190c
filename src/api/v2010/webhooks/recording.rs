//! The recording status callbacks: of a call's recording (`RecordingStatusCallback`) and of a
//! conference's (`ConferenceRecordingStatusCallback`).

use chrono::{DateTime, Utc};

use crate::api::v2010::{CallRecordingEvent, ConferenceRecordingEvent, RecordingEvent, RecordingSource};
use crate::values::{AccountSid, CallSid, ConferenceSid, RecordingSid, Url};
use crate::{OtherParams, Webhook, wire_enum};

wire_enum! {
    /// A recording's status as its callback reports it (`RecordingStatus`). Twilio names each status
    /// after the subscription that reports it (`RecordingStatusCallbackEvent=absent` brings
    /// `RecordingStatus=absent`).
    #[open]
    pub enum RecordingStatus {
        Started = "started",
        InProgress = "in-progress",
        Paused = "paused",
        Resumed = "resumed",
        Stopped = "stopped",
        /// The file is ready at `RecordingUrl`.
        Completed = "completed",
        Failed = "failed",
        /// Nothing was recorded, e.g. the call ended before recording started; `ErrorCode` may say why.
        Absent = "absent",
    }
}

impl RecordingStatus {
    /// The subscription (`RecordingStatusCallbackEvent`) that brings this status; `None` for a status
    /// this crate does not know.
    pub fn subscription(&self) -> Option<RecordingEvent> {
        Some(match self {
            Self::Started => RecordingEvent::Started,
            Self::InProgress => RecordingEvent::InProgress,
            Self::Paused => RecordingEvent::Paused,
            Self::Resumed => RecordingEvent::Resumed,
            Self::Stopped => RecordingEvent::Stopped,
            Self::Completed => RecordingEvent::Completed,
            Self::Failed => RecordingEvent::Failed,
            Self::Absent => RecordingEvent::Absent,
            Self::Unknown(_) => return None,
        })
    }

    /// The subscription of a conference's recording (`ConferenceRecordingStatusCallbackEvent`) that
    /// brings this status; `None` for one a conference recording does not report.
    pub fn conference_subscription(&self) -> Option<ConferenceRecordingEvent> {
        match self {
            Self::InProgress => Some(ConferenceRecordingEvent::InProgress),
            Self::Completed => Some(ConferenceRecordingEvent::Completed),
            Self::Failed => Some(ConferenceRecordingEvent::Failed),
            Self::Absent => Some(ConferenceRecordingEvent::Absent),
            _ => None,
        }
    }

    /// The subscription of a call's recording (`RecordingStatusCallbackEvent` of Create Call) that
    /// brings this status; `None` for one a call's recording does not report.
    pub fn call_subscription(&self) -> Option<CallRecordingEvent> {
        match self {
            Self::InProgress => Some(CallRecordingEvent::InProgress),
            Self::Completed => Some(CallRecordingEvent::Completed),
            Self::Absent => Some(CallRecordingEvent::Absent),
            _ => None,
        }
    }
}

/// A call recording's status callback.
///
/// Each status is reported once per recording (retries aside), so a recording and a status identify
/// a callback: [`dedup_key`](Self::dedup_key). Twilio numbers nothing here; a recording's statuses
/// happen in the order `in-progress`, then `completed`, `absent` or `failed`.
#[derive(Clone, PartialEq, Webhook)]
pub struct RecordingStatusCallback {
    pub account_sid: AccountSid,
    /// The call recorded; for a call of two legs, the parent leg.
    pub call_sid: CallSid,
    pub recording_sid: RecordingSid,
    /// Where the file is (add `.mp3` or `.wav` to choose its format); complete once the status is
    /// `completed`.
    pub recording_url: Url,
    pub recording_status: RecordingStatus,
    /// The recording's length in seconds, once known; the Recording resource writes `-1` until then,
    /// so a negative value is kept rather than refused.
    pub recording_duration: Option<i64>,
    /// How many channels the file has: `1` or `2`.
    pub recording_channels: Option<u8>,
    pub recording_start_time: Option<DateTime<Utc>>,
    /// What started the recording (`OutboundAPI` for `Record=true` on Create Call).
    pub recording_source: Option<RecordingSource>,
    /// The audio recorded: `inbound`, `outbound` or `both`.
    pub recording_track: Option<String>,
    /// Twilio's error code, when the recording failed or is absent.
    pub error_code: Option<u32>,
    /// Parameters not declared above.
    #[twilio(other)]
    pub other: OtherParams,
}

impl RecordingStatusCallback {
    /// What two deliveries of the same callback share: the recording and its status.
    pub fn dedup_key(&self) -> (RecordingSid, RecordingStatus) {
        (self.recording_sid, self.recording_status.clone())
    }
}

/// A conference recording's status callback; as [`RecordingStatusCallback`], for a conference.
#[derive(Clone, PartialEq, Webhook)]
pub struct ConferenceRecordingStatusCallback {
    pub account_sid: AccountSid,
    pub conference_sid: ConferenceSid,
    pub recording_sid: RecordingSid,
    pub recording_url: Url,
    pub recording_status: RecordingStatus,
    /// The recording's length in seconds, once known (see [`RecordingStatusCallback`]).
    pub recording_duration: Option<i64>,
    /// How many channels the file has; a conference recording has one.
    pub recording_channels: Option<u8>,
    pub recording_start_time: Option<DateTime<Utc>>,
    /// `Conference` for a conference's recording.
    pub recording_source: Option<RecordingSource>,
    pub error_code: Option<u32>,
    /// Parameters not declared above.
    #[twilio(other)]
    pub other: OtherParams,
}

impl ConferenceRecordingStatusCallback {
    /// What two deliveries of the same callback share: the recording and its status.
    pub fn dedup_key(&self) -> (RecordingSid, RecordingStatus) {
        (self.recording_sid, self.recording_status.clone())
    }
}
