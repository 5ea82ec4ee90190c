//! Fresh resources as Twilio answers a create: the description's example reply for the operation
//! (`examples/*.json`), with what the request and the moment say written over it: new SIDs, the
//! account, the addresses and body sent, `queued`, the dates, and URIs that name the new resource.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use twilio_endpoint_runtime::values::{AccountSid, CallSid, ConferenceSid, MessageSid, RecordingSid};

use crate::api::v2010::{
    Call, CallDirection, CallStatus, Coaching, Conference, ConferenceRecord, ConferenceRecording,
    ConferenceRecordingStatus, ConferenceStatus, CreateCall, CreateMessage, CreateParticipant, Message,
    MessageContent, MessageDirection, MessageSender, MessageStatus, Participant, ParticipantStatus,
    RecordingSource,
};
use crate::values::Address;

/// The SIDs the description's examples use, replaced in the examples' URIs by the new resource's.
const EXAMPLE_ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const EXAMPLE_CALL: &str = "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const EXAMPLE_CONFERENCE: &str = "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const EXAMPLE_MESSAGE: &str = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const EXAMPLE_RECORDING: &str = "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// The example `json`, decoded once into the response type and cloned for each new resource.
fn example<T: DeserializeOwned + Clone>(cell: &'static OnceLock<T>, json: &str) -> T {
    cell.get_or_init(|| {
        serde_json::from_str(json)
            .unwrap_or_else(|error| panic!("the mock's example reply does not decode: {error}"))
    })
    .clone()
}

/// `text` with each example SID of `sids` replaced by the new one.
fn rebind(text: &str, sids: &[(&str, &str)]) -> String {
    sids.iter().fold(text.to_owned(), |text, (example, new)| text.replace(example, new))
}

fn rebind_all(
    uris: Option<HashMap<String, String>>,
    sids: &[(&str, &str)],
) -> Option<HashMap<String, String>> {
    uris.map(|uris| uris.into_iter().map(|(name, uri)| (name, rebind(&uri, sids))).collect())
}

/// A call just placed, `queued`: by Create Call, or for a participant by Create Participant.
pub(crate) fn new_call(
    sid: CallSid,
    account: AccountSid,
    to: &Address,
    from: &Address,
    now: DateTime<Utc>,
) -> Call {
    static EXAMPLE: OnceLock<Call> = OnceLock::new();
    let example = example(&EXAMPLE, include_str!("examples/CreateCall.json"));
    let sids = [(EXAMPLE_ACCOUNT, account.as_str()), (EXAMPLE_CALL, sid.as_str())];
    Call {
        sid: Some(sid),
        account_sid: Some(account),
        date_created: Some(now),
        date_updated: Some(now),
        to: Some(to.to_string()),
        to_formatted: Some(to.to_string()),
        from: Some(from.to_string()),
        from_formatted: Some(from.to_string()),
        status: Some(CallStatus::Queued),
        direction: Some(CallDirection::OutboundApi),
        // Nothing of these is known before the call is dialed and answered.
        parent_call_sid: None,
        phone_number_sid: None,
        start_time: None,
        end_time: None,
        duration: None,
        price: None,
        answered_by: None,
        forwarded_from: None,
        group_sid: None,
        caller_name: None,
        trunk_sid: None,
        annotation: None,
        queue_time: Some("0".to_owned()),
        uri: example.uri.map(|uri| rebind(&uri, &sids)),
        subresource_uris: rebind_all(example.subresource_uris, &sids),
        ..example
    }
}

/// The call placed by Create Call.
pub(crate) fn call_for(request: &CreateCall, sid: CallSid, account: AccountSid, now: DateTime<Utc>) -> Call {
    new_call(sid, account, &request.to, &request.from, now)
}

/// A conference created by the first participant added under its friendly name: `init` until a
/// participant starts it.
pub(crate) fn new_conference(
    sid: ConferenceSid,
    account: AccountSid,
    friendly_name: &str,
    request: &CreateParticipant,
    now: DateTime<Utc>,
) -> Conference {
    static EXAMPLE: OnceLock<Conference> = OnceLock::new();
    let example = example(&EXAMPLE, include_str!("examples/FetchConference.json"));
    let sids = [(EXAMPLE_ACCOUNT, account.as_str()), (EXAMPLE_CONFERENCE, sid.as_str())];
    let region = match &request.region {
        Some(region) => region.as_str().parse().unwrap_or_else(|never| match never {}),
        None => {
            example.region.clone().unwrap_or_else(|| "us1".parse().unwrap_or_else(|never| match never {}))
        }
    };
    Conference {
        sid: Some(sid),
        account_sid: Some(account),
        date_created: Some(now),
        date_updated: Some(now),
        friendly_name: Some(friendly_name.to_owned()),
        region: Some(region),
        status: Some(ConferenceStatus::Init),
        reason_conference_ended: None,
        call_sid_ending_conference: None,
        uri: example.uri.map(|uri| rebind(&uri, &sids)),
        subresource_uris: rebind_all(example.subresource_uris, &sids),
        ..example
    }
}

/// A participant just added, its call `queued`.
pub(crate) fn new_participant(
    request: &CreateParticipant,
    account: AccountSid,
    conference: ConferenceSid,
    call: CallSid,
    now: DateTime<Utc>,
) -> Participant {
    static EXAMPLE: OnceLock<Participant> = OnceLock::new();
    let example = example(&EXAMPLE, include_str!("examples/CreateParticipant.json"));
    let sids = [
        (EXAMPLE_ACCOUNT, account.as_str()),
        (EXAMPLE_CONFERENCE, conference.as_str()),
        (EXAMPLE_CALL, call.as_str()),
    ];
    let (coaching, call_sid_to_coach) = coaching_fields(request.coaching);
    Participant {
        account_sid: Some(account),
        call_sid: Some(call),
        conference_sid: Some(conference),
        label: request.label.clone(),
        coaching: Some(coaching),
        call_sid_to_coach,
        date_created: Some(now),
        date_updated: Some(now),
        // Twilio's defaults for what the request leaves out.
        end_conference_on_exit: Some(request.end_conference_on_exit.unwrap_or(false)),
        muted: Some(request.muted.unwrap_or(false)),
        hold: Some(false),
        start_conference_on_enter: Some(request.start_conference_on_enter.unwrap_or(true)),
        status: Some(ParticipantStatus::Queued),
        queue_time: Some("0".to_owned()),
        uri: example.uri.map(|uri| rebind(&uri, &sids)),
    }
}

/// A participant's `coaching` and `call_sid_to_coach`, from the request's `Coaching` group.
pub(crate) fn coaching_fields(coaching: Option<Coaching>) -> (bool, Option<CallSid>) {
    match coaching {
        None | Some(Coaching::Off) => (false, None),
        Some(Coaching::Coach { call_sid_to_coach } | Coaching::CallSidToCoach(call_sid_to_coach)) => {
            (true, Some(call_sid_to_coach))
        }
    }
}

/// Whether a conference created by `request` records from its start.
pub(crate) fn records_conference(request: &CreateParticipant) -> bool {
    matches!(request.conference_record, Some(ConferenceRecord::True | ConferenceRecord::RecordFromStart))
}

/// The recording of a conference created with `ConferenceRecord=true` (or `record-from-start`), in
/// progress from the moment the conference is created.
pub(crate) fn new_recording(
    sid: RecordingSid,
    account: AccountSid,
    conference: ConferenceSid,
    call: CallSid,
    now: DateTime<Utc>,
) -> ConferenceRecording {
    static EXAMPLE: OnceLock<ConferenceRecording> = OnceLock::new();
    let example = example(&EXAMPLE, include_str!("examples/FetchConferenceRecording.json"));
    let sids = [
        (EXAMPLE_ACCOUNT, account.as_str()),
        (EXAMPLE_CONFERENCE, conference.as_str()),
        (EXAMPLE_RECORDING, sid.as_str()),
    ];
    ConferenceRecording {
        sid: Some(sid),
        account_sid: Some(account),
        conference_sid: Some(conference),
        call_sid: Some(call),
        date_created: Some(now),
        date_updated: Some(now),
        start_time: Some(now),
        status: Some(ConferenceRecordingStatus::InProgress),
        source: Some(RecordingSource::Conference),
        channels: Some(1),
        // Known once the recording ends.
        duration: None,
        price: None,
        error_code: None,
        encryption_details: None,
        uri: example.uri.map(|uri| rebind(&uri, &sids)),
        ..example
    }
}

/// A message just sent, in the status its life starts in (`queued`, `accepted` through a messaging
/// service, `scheduled` to be sent later).
pub(crate) fn new_message(
    request: &CreateMessage,
    sid: MessageSid,
    account: AccountSid,
    status: &MessageStatus,
    now: DateTime<Utc>,
) -> Message {
    static EXAMPLE: OnceLock<Message> = OnceLock::new();
    let example = example(&EXAMPLE, include_str!("examples/CreateMessage.json"));
    let sids = [(EXAMPLE_ACCOUNT, account.as_str()), (EXAMPLE_MESSAGE, sid.as_str())];
    let (from, service) = match &request.sender {
        MessageSender::From(from) => (Some(from), None),
        MessageSender::MessagingService { from, messaging_service_sid, .. } => {
            (from.as_ref(), Some(*messaging_service_sid))
        }
    };
    let (body, media) = message_content(&request.content);
    Message {
        sid: Some(sid),
        account_sid: Some(account),
        date_created: Some(now),
        date_updated: Some(now),
        date_sent: None,
        to: Some(request.to.to_string()),
        from: from.map(ToString::to_string),
        messaging_service_sid: service,
        body: Some(body.to_owned()),
        num_media: Some(media.to_string()),
        num_segments: Some("1".to_owned()),
        direction: Some(MessageDirection::OutboundApi),
        status: Some(status.clone()),
        // Known once the message is sent, or fails.
        price: None,
        error_code: None,
        error_message: None,
        tags: None,
        uri: example.uri.map(|uri| rebind(&uri, &sids)),
        subresource_uris: rebind_all(example.subresource_uris, &sids),
        ..example
    }
}

/// The text of a message's content (empty without one) and how many media files it has.
pub(crate) fn message_content(content: &MessageContent) -> (&str, usize) {
    match content {
        MessageContent::Body(body) => (body, 0),
        MessageContent::Media(media) => ("", media.len()),
        MessageContent::BodyAndMedia { body, media_url } => (body, media_url.len()),
        MessageContent::Template { body, media_url, .. } => {
            (body.as_deref().unwrap_or_default(), media_url.len())
        }
    }
}
