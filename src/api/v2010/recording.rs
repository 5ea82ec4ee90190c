//! Conference recordings: list, fetch, pause, resume or stop, and delete, and the recording resource
//! Twilio answers with.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::Page;
use crate::values::{AccountSid, CallSid, ConferenceSid, InvalidValue, RecordingSid};
use crate::{FromFormValue, Params, twilio_endpoint, wire_enum};

/// Lists the recordings of a conference, optionally filtered by creation day.
///
/// `DateCreated<` and `DateCreated>` are sent as these keys; Twilio reads them with the `=` that
/// follows as `<=` and `>=`.
#[twilio_endpoint(
    GET,
    "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings.json",
    response = Page<ConferenceRecording>,
)]
#[derive(Clone, PartialEq, Eq)]
pub struct ListConferenceRecordings {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference whose recordings to list.
    #[twilio(path)]
    pub conference_sid: ConferenceSid,
    /// Only recordings created on this day (UTC).
    pub date_created: Option<NaiveDate>,
    /// Only recordings created on or before this day (UTC).
    #[twilio(rename = "DateCreated<")]
    pub date_created_before: Option<NaiveDate>,
    /// Only recordings created on or after this day (UTC).
    #[twilio(rename = "DateCreated>")]
    pub date_created_after: Option<NaiveDate>,
    // Paging goes last, token first, as the official SDKs send it.
    /// The paging token from a previous page's URIs.
    pub page_token: Option<String>,
    /// The page's index, from 0, as Twilio's page URIs carry it; the token, not this, picks the page.
    pub page: Option<u32>,
    /// How many recordings a page holds, 1 to 1000 (Twilio's default is 50).
    #[twilio(range = 1..=1000)]
    pub page_size: Option<u32>,
}

/// Fetches one recording of a conference.
#[twilio_endpoint(
    GET,
    "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings/{Sid}.json",
    response = ConferenceRecording,
)]
#[derive(Clone, PartialEq, Eq)]
pub struct FetchConferenceRecording {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference the recording belongs to.
    #[twilio(path)]
    pub conference_sid: ConferenceSid,
    /// The recording to fetch.
    #[twilio(path)]
    pub sid: RecordingSid,
}

/// Pauses, resumes or stops a conference recording in progress.
#[twilio_endpoint(
    POST,
    "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings/{Sid}.json",
    response = ConferenceRecording,
)]
#[derive(Clone, PartialEq, Eq)]
pub struct UpdateConferenceRecording {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference the recording belongs to.
    #[twilio(path)]
    pub conference_sid: ConferenceSid,
    /// The recording to change: its SID, or [`RecordingRef::Current`] for the one in progress.
    #[twilio(path)]
    pub sid: RecordingRef,
    /// The new status (`Status`), with what a pause records (`PauseBehavior`).
    #[twilio(flatten)]
    pub status: RecordingStatusChange,
}

/// Deletes a recording of a conference.
#[twilio_endpoint(
    DELETE,
    "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Recordings/{Sid}.json",
    response = (),
)]
#[derive(Clone, PartialEq, Eq)]
pub struct DeleteConferenceRecording {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The conference the recording belongs to.
    #[twilio(path)]
    pub conference_sid: ConferenceSid,
    /// The recording to delete.
    #[twilio(path)]
    pub sid: RecordingSid,
}

/// The status an update gives a recording.
///
/// Twilio documents `PauseBehavior` as applying only to a pause; the variants make a pause the only
/// place to write it. Of the statuses a recording can have, only these three can be set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Params)]
pub enum RecordingStatusChange {
    /// `Status=in-progress`: resumes a paused recording.
    #[twilio(with(Status = "in-progress"))]
    Resume,
    /// `Status=paused`, with `PauseBehavior` when set.
    #[twilio(with(Status = "paused"))]
    Pause {
        /// What the recording holds during the pause; Twilio's default is `silence`.
        pause_behavior: Option<PauseBehavior>,
    },
    /// `Status=stopped`: ends the recording.
    #[twilio(with(Status = "stopped"))]
    Stop,
}

wire_enum! {
    /// What a paused recording holds for the time of the pause.
    pub enum PauseBehavior {
        /// Nothing: the pause is cut out of the recording.
        Skip = "skip",
        /// Silence in place of the call's audio.
        Silence = "silence",
    }
}

/// The recording an update names: a SID, or `Twilio.CURRENT`, the conference's recording in progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordingRef {
    /// This recording.
    Sid(RecordingSid),
    /// `Twilio.CURRENT`: the recording in progress, whatever its SID.
    Current,
}

impl RecordingRef {
    const CURRENT: &str = "Twilio.CURRENT";
}

impl FromStr for RecordingRef {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        if text == Self::CURRENT {
            Ok(Self::Current)
        } else {
            text.parse().map(Self::Sid).map_err(|_| {
                InvalidValue::new(
                    "a recording SID (`RE` followed by 32 hex digits) or `Twilio.CURRENT`",
                    text,
                )
            })
        }
    }
}

/// Read back from a path segment as [`FromStr`] reads it.
impl FromFormValue for RecordingRef {
    type Err = InvalidValue;

    fn from_form_value(text: &str) -> Result<Self, InvalidValue> {
        text.parse()
    }
}

impl From<RecordingSid> for RecordingRef {
    fn from(sid: RecordingSid) -> Self {
        Self::Sid(sid)
    }
}

impl fmt::Display for RecordingRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Sid(sid) => sid.as_str(),
            Self::Current => Self::CURRENT,
        })
    }
}

wire_enum! {
    /// The state of a conference recording.
    #[open]
    pub enum ConferenceRecordingStatus {
        InProgress = "in-progress",
        Paused = "paused",
        Stopped = "stopped",
        /// Finished, the file being prepared.
        Processing = "processing",
        /// The file is available.
        Completed = "completed",
        /// Nothing was recorded; `error_code` says why.
        Absent = "absent",
    }
}

wire_enum! {
    /// How a recording was started.
    #[open]
    pub enum RecordingSource {
        DialVerb = "DialVerb",
        Conference = "Conference",
        OutboundApi = "OutboundAPI",
        Trunking = "Trunking",
        RecordVerb = "RecordVerb",
        StartCallRecordingApi = "StartCallRecordingAPI",
        StartConferenceRecordingApi = "StartConferenceRecordingAPI",
    }
}

/// A recording of a conference, as Twilio describes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConferenceRecording {
    /// The account that created the recording.
    pub account_sid: Option<AccountSid>,
    /// The API version that created the recording.
    pub api_version: Option<String>,
    /// The call the recording is associated with.
    pub call_sid: Option<CallSid>,
    /// The conference recorded.
    pub conference_sid: Option<ConferenceSid>,
    /// When the recording resource was created.
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_created: Option<DateTime<Utc>>,
    /// When the recording resource was last updated.
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_updated: Option<DateTime<Utc>>,
    /// When the recording started.
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub start_time: Option<DateTime<Utc>>,
    /// The recording's length in seconds, as Twilio writes it (a decimal string); `None` until it ends.
    pub duration: Option<String>,
    /// The recording's SID.
    pub sid: Option<RecordingSid>,
    /// What the recording cost, in `price_unit`, as Twilio writes it (e.g. `-0.0025`).
    pub price: Option<String>,
    /// The currency of `price`, e.g. `USD`.
    pub price_unit: Option<String>,
    /// The recording's state.
    pub status: Option<ConferenceRecordingStatus>,
    /// The number of audio channels in the file: 1 or 2. An integer on the wire, hence not an enum.
    pub channels: Option<u32>,
    /// How the recording was started.
    pub source: Option<RecordingSource>,
    /// The Twilio error code saying why the recording is `absent`; `None` otherwise.
    pub error_code: Option<u32>,
    /// How to decrypt the recording, when it is encrypted: free-form JSON whose keys Twilio does not
    /// describe (`encryption_public_key_sid`, `encryption_cek`, `encryption_iv` in its examples).
    pub encryption_details: Option<serde_json::Value>,
    /// The resource's path, relative to `https://api.twilio.com`.
    pub uri: Option<String>,
}
