//! Calls: create, fetch, update, delete and list, and the call resource Twilio answers with.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{CallEvent, MachineDetection, RecordingChannels, RecordingTrack, Trim};
use crate::api::v2010::webhooks::RecordingStatus;
use crate::values::{
    AccountSid, Address, AddressRole, ApplicationSid, ByocTrunkSid, CallSid, CallbackMethod, InvalidValue,
    PhoneNumberSid, Url, check_call_addresses,
};
use crate::{
    FormValue, FromFormValue, Page, Params, Rule, ValidationErrors, ValueWriter, Violation, twilio_endpoint,
    wire_enum,
};

/// Places an outgoing call to a phone number, SIP address, client or TwiML App; what happens once it
/// connects is given by [`CallInstructions`].
///
/// Fields are declared in the order of Twilio's description, which is the order the official SDKs send
/// them in; the instructions come last, as they do there.
#[twilio_endpoint(
    POST,
    "/2010-04-01/Accounts/{AccountSid}/Calls.json",
    response = Call,
    validate_with = check_create_call,
)]
#[derive(Clone, PartialEq, Eq)]
pub struct CreateCall {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// Who to call: a phone number, `client:`, `sip:` or `app:` address.
    pub to: Address,
    /// The caller ID: a Twilio number or verified caller ID of the account, or a client; a phone number
    /// whenever `To` is one, and, when `To` is a SIP address, possibly a bare SIP user name (`alice`).
    pub from: Address,
    /// The method for `Url`; ignored with an `ApplicationSid`.
    pub method: Option<CallbackMethod>,
    /// The URL Twilio calls when fetching or running the TwiML of `Url` fails; ignored with an
    /// `ApplicationSid`.
    pub fallback_url: Option<Url>,
    /// The method for `FallbackUrl`; ignored with an `ApplicationSid`.
    pub fallback_method: Option<CallbackMethod>,
    /// The URL Twilio calls at each event of `StatusCallbackEvent` (`completed` alone when none is
    /// given); ignored with an `ApplicationSid`.
    pub status_callback: Option<Url>,
    /// The call events to report to `StatusCallback`; ignored with an `ApplicationSid`.
    pub status_callback_event: Vec<CallEvent>,
    /// The method for `StatusCallback`; ignored with an `ApplicationSid`.
    pub status_callback_method: Option<CallbackMethod>,
    /// Keys to dial once the call connects, such as an extension. When set, Twilio ignores
    /// `MachineDetection` (this is not an error).
    pub send_digits: Option<SendDigits>,
    /// Seconds to let the call ring before giving up, at most 600 (default 60); Twilio may add 5
    /// seconds.
    // The description states only the maximum, and no documented Twilio error refuses 0, so neither
    // does this bound.
    #[twilio(range = 0..=600)]
    pub timeout: Option<u32>,
    /// Whether to record the call (default `false`).
    pub record: Option<bool>,
    /// Whether the recording has one channel or one per leg (default `mono`).
    pub recording_channels: Option<RecordingChannels>,
    /// The URL Twilio calls when the recording changes state.
    pub recording_status_callback: Option<Url>,
    /// The method for `RecordingStatusCallback`.
    pub recording_status_callback_method: Option<CallbackMethod>,
    /// The user name for SIP authentication, when `To` is a SIP address.
    pub sip_auth_username: Option<String>,
    /// The password for SIP authentication; never shown by `Debug`.
    #[twilio(sensitive)]
    pub sip_auth_password: Option<String>,
    /// Whether to detect an answering machine; ignored by Twilio when `SendDigits` is set.
    pub machine_detection: Option<MachineDetection>,
    /// Seconds to spend on answering machine detection, 3 to 59 (default 30).
    #[twilio(range = 3..=59)]
    pub machine_detection_timeout: Option<u32>,
    /// The recording events to report to `RecordingStatusCallback` (default `completed`).
    pub recording_status_callback_event: Vec<CallRecordingEvent>,
    /// Whether silence is trimmed from the recording (default `trim-silence`).
    pub trim: Option<Trim>,
    /// The caller ID shown to the callee: a phone number, a client, a SIP address (`sip:alice@example.com`
    /// or, as the description writes it, `alice@example.com`), or a bare SIP user name when `To` is a
    /// SIP address.
    pub caller_id: Option<Address>,
    /// Milliseconds of speech after which a machine is assumed, 1000 to 6000 (default 2400).
    #[twilio(range = 1000..=6000)]
    pub machine_detection_speech_threshold: Option<u32>,
    /// Milliseconds of silence that end speech, 500 to 5000 (default 1200).
    #[twilio(range = 500..=5000)]
    pub machine_detection_speech_end_threshold: Option<u32>,
    /// Milliseconds of initial silence after which `unknown` is reported, 2000 to 10000 (default 5000).
    #[twilio(range = 2000..=10000)]
    pub machine_detection_silence_timeout: Option<u32>,
    /// Whether answering machine detection runs in the background instead of holding the call until it
    /// ends (default `false`).
    pub async_amd: Option<bool>,
    /// The URL Twilio calls with the result of a background answering machine detection.
    pub async_amd_status_callback: Option<Url>,
    /// The method for `AsyncAmdStatusCallback`.
    pub async_amd_status_callback_method: Option<CallbackMethod>,
    /// The BYOC trunk to call through; Twilio ignores it unless `To` is a phone number (beta).
    pub byoc: Option<ByocTrunkSid>,
    /// Why the call is made, shown on the callee's device (beta).
    pub call_reason: Option<String>,
    /// The token of an incoming call, so that forwarding it keeps its caller ID; never shown by `Debug`.
    #[twilio(sensitive)]
    pub call_token: Option<String>,
    /// Which audio of the call is recorded (default `both`).
    pub recording_track: Option<RecordingTrack>,
    /// The most seconds the call may last; the bounds depend on the account.
    pub time_limit: Option<u32>,
    /// The URL Twilio calls to deliver a push notification of the call.
    pub client_notification_url: Option<Url>,
    /// What the call does once it connects: `Url`, `Twiml` or `ApplicationSid`, exactly one.
    #[twilio(flatten)]
    pub instructions: CallInstructions,
}

// The rules between parameters that Twilio documents in prose and the types cannot carry (an address's
// form is known only at run time): the forms each of `To`, `From` and `CallerId` takes, among them a
// phone number as `From` when `To` is one. Unlike Create Participant's, the description of this
// `CallerId` sets no rule for a call to a phone number.
fn check_create_call(request: &CreateCall, errors: &mut ValidationErrors) {
    check_call_addresses(
        errors,
        &request.to,
        &[(AddressRole::From, Some(&request.from)), (AddressRole::CallerId, request.caller_id.as_ref())],
    );
}

/// What a new call does once it connects; Twilio needs exactly one of the three, and an enum cannot
/// hold none or two.
#[derive(Clone, Debug, PartialEq, Eq, Params)]
pub enum CallInstructions {
    /// `Url=…`: fetch the TwiML from this URL, with `Method`.
    Url(Url),
    /// `Twiml=…`: run this TwiML document, at most 4000 characters.
    // The description states only the maximum; an empty document is Twilio's to judge.
    Twiml(#[twilio(len = 0..=4000)] String),
    /// `ApplicationSid=AP…`: let this TwiML App handle the call, with its own URLs and methods.
    ApplicationSid(ApplicationSid),
}

impl From<Url> for CallInstructions {
    fn from(url: Url) -> Self {
        Self::Url(url)
    }
}

impl From<ApplicationSid> for CallInstructions {
    fn from(application: ApplicationSid) -> Self {
        Self::ApplicationSid(application)
    }
}

/// The keys of `SendDigits`: at most 32 of `0`–`9`, `A`–`D`, `#` and `*`, where `w` pauses half a
/// second and `W` a second (`W1234#` waits, then dials extension 1234 and `#`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SendDigits(String);

impl SendDigits {
    const MAX_KEYS: usize = 32;

    /// The keys as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for SendDigits {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        let keys = text.chars().count();
        let dialable = text.chars().all(|c| c.is_ascii_digit() || "ABCD#*wW".contains(c));
        // The description states a maximum length and no minimum.
        if keys <= Self::MAX_KEYS && dialable {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidValue::new("at most 32 of `0`-`9`, `A`-`D`, `#`, `*`, `w` and `W`", text))
        }
    }
}

impl fmt::Display for SendDigits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl FormValue for SendDigits {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        out.text(&self.0);
    }
}

/// Read back as [`FromStr`] reads it.
impl FromFormValue for SendDigits {
    type Err = InvalidValue;

    fn from_form_value(text: &str) -> Result<Self, InvalidValue> {
        text.parse()
    }
}

wire_enum! {
    /// A recording event of a call to be told about at `RecordingStatusCallback`; for calls Twilio
    /// documents these three, fewer than for conference participants.
    pub enum CallRecordingEvent {
        InProgress = "in-progress",
        Completed = "completed",
        Absent = "absent",
    }
}

impl CallRecordingEvent {
    /// The status a recording status callback carries when this event is subscribed to: the one of the
    /// same name.
    pub fn statuses(self) -> &'static [RecordingStatus] {
        const IN_PROGRESS: &[RecordingStatus] = &[RecordingStatus::InProgress];
        const COMPLETED: &[RecordingStatus] = &[RecordingStatus::Completed];
        const ABSENT: &[RecordingStatus] = &[RecordingStatus::Absent];
        match self {
            Self::InProgress => IN_PROGRESS,
            Self::Completed => COMPLETED,
            Self::Absent => ABSENT,
        }
    }
}

/// Fetches a call.
#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json", response = Call)]
#[derive(Clone, PartialEq, Eq)]
pub struct FetchCall {
    /// The account the call belongs to; the client's account when unset.
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The call.
    #[twilio(path)]
    pub sid: CallSid,
}

/// Changes a call in progress: redirects it to new TwiML, or ends it.
///
/// Fields are declared in the order of Twilio's description, except `Twiml`: it shares the
/// [`CallRedirect`] group with `Url`, so it is sent first, where `Url` is, rather than after
/// `StatusCallbackMethod` as the official SDKs send it. Twilio does not depend on the order.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json", response = Call)]
#[derive(Clone, PartialEq, Eq)]
pub struct UpdateCall {
    /// The account the call belongs to; the client's account when unset.
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The call.
    #[twilio(path)]
    pub sid: CallSid,
    /// New instructions for the call: `Url` or `Twiml`, at most one.
    #[twilio(flatten)]
    pub redirect: Option<CallRedirect>,
    /// The method for `Url` (default `POST`).
    pub method: Option<CallbackMethod>,
    /// Ends the call: `canceled` if it is still queued or ringing, `completed` if it is in progress.
    pub status: Option<CallUpdateStatus>,
    /// The URL Twilio calls when fetching or running the TwiML of `Url` fails.
    pub fallback_url: Option<Url>,
    /// The method for `FallbackUrl` (default `POST`).
    pub fallback_method: Option<CallbackMethod>,
    /// The URL Twilio calls when the call ends.
    pub status_callback: Option<Url>,
    /// The method for `StatusCallback` (default `POST`).
    pub status_callback_method: Option<CallbackMethod>,
    /// The most seconds the call may last; the bounds depend on the account.
    pub time_limit: Option<u32>,
}

/// New instructions for a call in progress; Twilio documents `Url` and `Twiml` as mutually exclusive,
/// and an enum holds one.
#[derive(Clone, Debug, PartialEq, Eq, Params)]
pub enum CallRedirect {
    /// `Url=…`: fetch the TwiML from this URL, with `Method`.
    Url(Url),
    /// `Twiml=…`: run this TwiML document, at most 4000 characters.
    // The maximum is the one Create Call's description states for the same parameter; this operation's
    // description states none.
    Twiml(#[twilio(len = 0..=4000)] String),
}

impl From<Url> for CallRedirect {
    fn from(url: Url) -> Self {
        Self::Url(url)
    }
}

wire_enum! {
    /// How Update Call ends a call.
    pub enum CallUpdateStatus {
        /// Hang up a call that is queued or ringing.
        Canceled = "canceled",
        /// Hang up a call in progress.
        Completed = "completed",
    }
}

/// Deletes a call's record from the account's logs.
#[twilio_endpoint(DELETE, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json", response = ())]
#[derive(Clone, PartialEq, Eq)]
pub struct DeleteCall {
    /// The account the call belongs to; the client's account when unset.
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The call.
    #[twilio(path)]
    pub sid: CallSid,
}

/// Lists the account's calls, optionally filtered, one page at a time (or every call with
/// [`Client::stream`](crate::Client::stream)).
///
/// Twilio's description speaks of dates (`YYYY-MM-DD`) for the time filters but types them as
/// date-times, and the official SDKs send an instant (`2009-07-06T00:00:00Z`); so do these fields.
#[twilio_endpoint(
    GET,
    "/2010-04-01/Accounts/{AccountSid}/Calls.json",
    response = Page<Call>,
    validate_with = check_list_calls,
)]
#[derive(Clone, PartialEq, Eq)]
pub struct ListCalls {
    /// The account whose calls to list; the client's account when unset.
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// Only calls to this phone number, SIP address or client.
    pub to: Option<Address>,
    /// Only calls from this phone number, SIP address or client.
    pub from: Option<Address>,
    /// Only the calls this call started.
    pub parent_call_sid: Option<CallSid>,
    /// Only calls in this status; one of the statuses Twilio documents.
    pub status: Option<CallStatus>,
    /// Only calls that started on this date (UTC).
    pub start_time: Option<DateTime<Utc>>,
    /// Only calls that started before this date (UTC).
    #[twilio(rename = "StartTime<")]
    pub start_time_before: Option<DateTime<Utc>>,
    /// Only calls that started on or after this date (UTC).
    #[twilio(rename = "StartTime>")]
    pub start_time_after: Option<DateTime<Utc>>,
    /// Only calls that ended on this date (UTC).
    pub end_time: Option<DateTime<Utc>>,
    /// Only calls that ended before this date (UTC).
    #[twilio(rename = "EndTime<")]
    pub end_time_before: Option<DateTime<Utc>>,
    /// Only calls that ended on or after this date (UTC).
    #[twilio(rename = "EndTime>")]
    pub end_time_after: Option<DateTime<Utc>>,
    // Paging goes last, token first, as the official SDKs send it.
    /// The token of the page to read, as found in a `next_page_uri`.
    pub page_token: Option<String>,
    /// The page's number, from 0; only kept for the client's own bookkeeping.
    pub page: Option<u32>,
    /// How many calls a page holds, 1 to 1000 (default 50).
    #[twilio(range = 1..=1000)]
    pub page_size: Option<u32>,
}

// `CallStatus` is open so that a reply with a status this crate does not know still decodes; as a
// filter, only the statuses Twilio documents may be sent.
fn check_list_calls(request: &ListCalls, errors: &mut ValidationErrors) {
    if let Some(CallStatus::Unknown(status)) = &request.status {
        errors.push(Violation::new(
            "Status",
            Rule::Custom(
                "must be one of `queued`, `ringing`, `in-progress`, `completed`, `busy`, `failed`, \
                 `no-answer`, `canceled`"
                    .into(),
            ),
            Some(status.clone()),
        ));
    }
}

wire_enum! {
    /// The state of a call.
    #[open]
    pub enum CallStatus {
        Queued = "queued",
        Ringing = "ringing",
        InProgress = "in-progress",
        Completed = "completed",
        Busy = "busy",
        Failed = "failed",
        NoAnswer = "no-answer",
        Canceled = "canceled",
    }
}

wire_enum! {
    /// Where a call came from or went to.
    #[open]
    pub enum CallDirection {
        /// A call to one of the account's numbers.
        Inbound = "inbound",
        /// A call placed with the REST API.
        OutboundApi = "outbound-api",
        /// A call placed by a `<Dial>` verb.
        OutboundDial = "outbound-dial",
        /// An Elastic SIP Trunking call from the customer's infrastructure to the phone network.
        TrunkingTerminating = "trunking-terminating",
        /// An Elastic SIP Trunking call from the phone network to the customer's infrastructure.
        TrunkingOriginating = "trunking-originating",
    }
}

wire_enum! {
    /// Who answered, as answering machine detection found.
    #[open]
    pub enum AnsweredBy {
        Human = "human",
        /// A machine, reported as soon as it is recognised (`MachineDetection=Enable`).
        MachineStart = "machine_start",
        /// A machine whose greeting ended with a beep (`DetectMessageEnd`).
        MachineEndBeep = "machine_end_beep",
        /// A machine whose greeting ended in silence (`DetectMessageEnd`).
        MachineEndSilence = "machine_end_silence",
        /// A machine whose greeting ended otherwise (`DetectMessageEnd`).
        MachineEndOther = "machine_end_other",
        Fax = "fax",
        /// Detection did not conclude.
        Undetermined = "unknown",
    }
}

/// A call, as Twilio describes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Call {
    pub sid: Option<CallSid>,
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_created: Option<DateTime<Utc>>,
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub date_updated: Option<DateTime<Utc>>,
    /// The call that started this one, for a leg dialed by another call.
    pub parent_call_sid: Option<CallSid>,
    pub account_sid: Option<AccountSid>,
    /// Who was called: a phone number, SIP address, client (`client:name`) or SIM (`sim:HS…`).
    pub to: Option<String>,
    /// `to`, formatted for display.
    pub to_formatted: Option<String>,
    /// Who called: a phone number, SIP address, client (`client:name`) or SIM (`sim:HS…`).
    pub from: Option<String>,
    /// `from`, formatted for display.
    pub from_formatted: Option<String>,
    /// The number that received an inbound call, or the caller ID that placed an outbound one.
    pub phone_number_sid: Option<PhoneNumberSid>,
    pub status: Option<CallStatus>,
    /// When the call was dialed; `None` before.
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub start_time: Option<DateTime<Utc>>,
    /// When the call ended; `None` if it did not complete.
    #[serde(default, with = "crate::time::rfc2822::option")]
    pub end_time: Option<DateTime<Utc>>,
    /// The call's length in seconds, as text; `None` for calls unanswered or in progress.
    pub duration: Option<String>,
    /// The connectivity charge, as text in `price_unit` (negative, e.g. `-0.03000`); set some time after
    /// the call ends.
    pub price: Option<String>,
    /// The currency of `price`, ISO 4217 (e.g. `USD`).
    pub price_unit: Option<String>,
    pub direction: Option<CallDirection>,
    /// Who answered, when the call was placed with answering machine detection.
    pub answered_by: Option<AnsweredBy>,
    /// The API version the call was created with.
    pub api_version: Option<String>,
    /// The number an inbound call was forwarded from, when the carrier tells.
    pub forwarded_from: Option<String>,
    /// The group of the call (`GP…`).
    // Text: the runtime has no SID type for this prefix.
    pub group_sid: Option<String>,
    /// The caller's name, for an inbound call to a number with caller ID lookup.
    pub caller_name: Option<String>,
    /// Milliseconds the call waited before being placed, as text.
    pub queue_time: Option<String>,
    /// The SIP trunk the call went through (`TK…`).
    // Text: the runtime has no SID type for this prefix.
    pub trunk_sid: Option<String>,
    /// The resource's path, relative to `https://api.twilio.com`.
    pub uri: Option<String>,
    /// The paths of the call's subresources (`recordings`, `notifications`, ...), by name.
    pub subresource_uris: Option<HashMap<String, String>>,
    /// A label of the call, such as a billing reference tag.
    // Not in the description's schema, but in the example replies of the description the contract
    // tests pin (`@twilio-alpha/mcp` 0.7.0): a string or null.
    pub annotation: Option<String>,
}
