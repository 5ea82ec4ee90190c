//! Every callback a life produces is checked the way an application would receive it: its signature
//! validates with the application's validator, and it decodes with the catalog's payload type into
//! the values expected.

use chrono::{DateTime, Duration, TimeZone as _, Utc};

use super::*;
use crate::Webhook as _;
use crate::api::v2010::webhooks::{
    CallProgressStatus, CallStatusCallback, CallbackSource, ConferenceStatusCallback, ConferenceStatusEvent,
    MessageStatusCallback, ParticipantLeftReason,
};
use crate::api::v2010::{
    CallDirection, CallEvent, ConferenceEndReason, ConferenceEvent, ConferenceStatus, CreateCall,
    CreateMessage, CreateParticipant, MessageAddress, MessageSchedule, MessageStatus, ParticipantRef,
    UpdateParticipant,
};
use crate::values::{
    AccountSid, Address, ApplicationSid, CallSid, ConferenceRef, ConferenceSid, MessageSid,
    MessagingServiceSid,
};

const ACCOUNT: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const CALL: CallSid = CallSid::from_static("CA11111111111111111111111111111111");
const OTHER_CALL: CallSid = CallSid::from_static("CA22222222222222222222222222222222");
const THIRD_CALL: CallSid = CallSid::from_static("CA33333333333333333333333333333333");
const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const MESSAGE: MessageSid = MessageSid::from_static("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const SERVICE: MessagingServiceSid = MessagingServiceSid::from_static("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const TOKEN: &str = "0123456789abcdef0123456789abcdef";

const CALLS_URL: &str = "https://app.example.com/calls";
const CONFERENCE_URL: &str = "https://app.example.com/conference";
const MESSAGES_URL: &str = "https://app.example.com/messages";

/// `seconds` after 09:00:00 UTC on 1 June 2026.
fn at(seconds: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap() + Duration::seconds(seconds)
}

fn url(text: &str) -> Url {
    text.parse().unwrap()
}

fn address(text: &str) -> Address {
    text.parse().unwrap()
}

fn validator() -> WebhookValidator {
    WebhookValidator::new(TOKEN).unwrap()
}

/// The form the application reads, once the signature it received has been checked: the body of a
/// `POST`, the query of a `GET` (which then carries the URL's own query too).
fn received(callback: &Callback) -> Vec<u8> {
    let validator = validator();
    let url = callback.request_url();
    let body = callback.body();
    let signature = callback.signature(&validator);
    validator.validate_form(&url, body.as_bytes(), Some(&signature), None).unwrap();
    match callback.method() {
        CallbackMethod::Post => body.into_bytes(),
        CallbackMethod::Get => url.split_once('?').unwrap().1.as_bytes().to_vec(),
    }
}

fn call_payload(callback: &Callback) -> CallStatusCallback {
    assert_eq!(callback.kind(), CallbackKind::CallStatus);
    CallStatusCallback::from_form(&received(callback)).unwrap()
}

fn conference_payload(callback: &Callback) -> ConferenceStatusCallback {
    assert_eq!(callback.kind(), CallbackKind::ConferenceStatus);
    ConferenceStatusCallback::from_form(&received(callback)).unwrap()
}

fn message_payload(callback: &Callback) -> MessageStatusCallback {
    assert_eq!(callback.kind(), CallbackKind::MessageStatus);
    MessageStatusCallback::from_form(&received(callback)).unwrap()
}

fn statuses(callbacks: &[Callback]) -> Vec<(String, u64)> {
    callbacks
        .iter()
        .map(|callback| {
            let call = call_payload(callback);
            (call.call_status.to_string(), call.sequence_number)
        })
        .collect()
}

fn events(callbacks: &[Callback]) -> Vec<(String, u64)> {
    callbacks
        .iter()
        .map(|callback| {
            let event = conference_payload(callback);
            (event.status_callback_event.to_string(), event.sequence_number)
        })
        .collect()
}

fn pairs<const N: usize>(expected: [(&str, u64); N]) -> Vec<(String, u64)> {
    expected.iter().map(|(name, number)| ((*name).to_owned(), *number)).collect()
}

fn create_call() -> CreateCall {
    CreateCall::new(address("+15558675310"), address("+15017122661"), url("https://example.com/twiml"))
        .status_callback(url(CALLS_URL))
}

#[test]
fn a_timestamp_is_rfc_2822_in_utc_with_a_two_digit_day() {
    assert_eq!(
        twilio_date(Utc.with_ymd_and_hms(2017, 6, 1, 20, 48, 32).unwrap()),
        "Thu, 01 Jun 2017 20:48:32 +0000"
    );
}

#[test]
fn a_call_reports_only_its_end_when_no_event_is_named() {
    let mut call = CallLife::for_call(ACCOUNT, CALL, &create_call());
    assert!(call.advance(CallProgressStatus::Initiated, at(0)).unwrap().is_empty());
    assert!(call.advance(CallProgressStatus::Ringing, at(2)).unwrap().is_empty());
    assert!(call.advance(CallProgressStatus::InProgress, at(10)).unwrap().is_empty());
    let ended = call.advance(CallProgressStatus::Completed, at(141)).unwrap();
    assert_eq!(ended.len(), 1);
    let callback = &ended[0];
    assert_eq!((callback.url().as_str(), callback.method()), (CALLS_URL, CallbackMethod::Post));
    let payload = call_payload(callback);
    assert_eq!(payload.account_sid, ACCOUNT);
    assert_eq!(payload.call_sid, CALL);
    assert_eq!((payload.from.as_str(), payload.to.as_str()), ("+15017122661", "+15558675310"));
    assert_eq!(payload.call_status, CallProgressStatus::Completed);
    assert_eq!(payload.api_version, "2010-04-01");
    assert_eq!(payload.direction, CallDirection::OutboundApi);
    assert_eq!(payload.timestamp, at(141));
    assert_eq!(payload.callback_source, CallbackSource::CallProgressEvents);
    assert_eq!(payload.sequence_number, 0);
    // 131 seconds from the answer: 3 minutes as billed.
    assert_eq!(
        (payload.call_duration, payload.duration, payload.sip_response_code),
        (Some(131), Some(3), Some(200))
    );
    // The mock looks nothing up: the geographic parameters of phone numbers come empty.
    assert_eq!((payload.from_country.as_deref(), payload.to_city.as_deref()), (Some(""), Some("")));
    assert_eq!(payload.other.get("Caller"), Some("+15017122661"));
    assert_eq!(payload.other.get("Called"), Some("+15558675310"));
    assert_eq!(call.status(), &CallProgressStatus::Completed);
}

#[test]
fn every_event_subscribed_to_is_reported_and_numbered_from_zero() {
    let request = create_call().status_callback_event(CallEvent::ALL.iter().copied());
    let mut call = CallLife::for_call(ACCOUNT, CALL, &request);
    // Completing a queued call passes through each status on the way, all at once.
    let callbacks = call.advance(CallProgressStatus::Completed, at(5)).unwrap();
    assert_eq!(
        statuses(&callbacks),
        pairs([("initiated", 0), ("ringing", 1), ("in-progress", 2), ("completed", 3)])
    );
    for callback in &callbacks[..3] {
        let payload = call_payload(callback);
        assert_eq!((payload.call_duration, payload.duration, payload.sip_response_code), (None, None, None));
        assert_eq!(payload.timestamp, at(5));
    }
    assert_eq!(call_payload(&callbacks[3]).call_duration, Some(0));
}

#[test]
fn only_the_events_named_are_reported() {
    let request = create_call().status_callback_event([CallEvent::Ringing, CallEvent::Completed]);
    let mut call = CallLife::for_call(ACCOUNT, CALL, &request);
    let callbacks = call.advance(CallProgressStatus::InProgress, at(0)).unwrap();
    assert_eq!(statuses(&callbacks), pairs([("ringing", 0)]));
    let callbacks = call.advance(CallProgressStatus::Completed, at(61)).unwrap();
    assert_eq!(statuses(&callbacks), pairs([("completed", 1)]));
    assert_eq!(call_payload(&callbacks[0]).duration, Some(2));
}

#[test]
fn sequence_numbers_count_each_calls_own_callbacks() {
    let request = create_call().status_callback_event(CallEvent::ALL.iter().copied());
    let mut first = CallLife::for_call(ACCOUNT, CALL, &request);
    let mut second = CallLife::for_call(ACCOUNT, OTHER_CALL, &request);
    first.advance(CallProgressStatus::Ringing, at(0)).unwrap();
    let callbacks = second.advance(CallProgressStatus::Initiated, at(1)).unwrap();
    assert_eq!(statuses(&callbacks), pairs([("initiated", 0)]));
    assert_eq!(call_payload(&callbacks[0]).call_sid, OTHER_CALL);
    let callbacks = first.advance(CallProgressStatus::InProgress, at(2)).unwrap();
    assert_eq!(statuses(&callbacks), pairs([("in-progress", 2)]));
}

#[test]
fn a_call_never_answered_ends_with_no_duration_and_its_sip_code() {
    let request = create_call().status_callback_event(CallEvent::ALL.iter().copied());
    let cases = [
        // Busy before ringing; no answer after it.
        (CallProgressStatus::Busy, vec![("initiated", 0), ("busy", 1)], Some(486)),
        (CallProgressStatus::NoAnswer, vec![("initiated", 0), ("ringing", 1), ("no-answer", 2)], Some(487)),
        (CallProgressStatus::Canceled, vec![("canceled", 0)], Some(487)),
        (CallProgressStatus::Failed, vec![("failed", 0)], None),
    ];
    for (end, expected, code) in cases {
        let mut call = CallLife::for_call(ACCOUNT, CALL, &request);
        let callbacks = call.advance(end.clone(), at(30)).unwrap();
        let expected: Vec<(String, u64)> =
            expected.iter().map(|(name, n)| ((*name).to_owned(), *n)).collect();
        assert_eq!(statuses(&callbacks), expected, "{end}");
        let last = call_payload(callbacks.last().unwrap());
        assert_eq!(
            (last.call_duration, last.duration, last.sip_response_code),
            (Some(0), Some(0), code),
            "{end}"
        );
    }
}

#[test]
fn impossible_moves_are_refused_and_leave_the_call_as_it_was() {
    let request = create_call().status_callback_event(CallEvent::ALL.iter().copied());
    let mut call = CallLife::for_call(ACCOUNT, CALL, &request);
    call.advance(CallProgressStatus::InProgress, at(0)).unwrap();
    let error = call.advance(CallProgressStatus::Busy, at(1)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "call `CA11111111111111111111111111111111` cannot go from `in-progress` to `busy`; from `in-progress` it \
         can go to `completed`"
    );
    let error = call.advance(CallProgressStatus::Ringing, at(1)).unwrap_err();
    assert!(
        matches!(&error, LifecycleError::Transition { from, to, .. } if from == "in-progress" && to == "ringing")
    );
    let error = call.advance(CallProgressStatus::Unknown("answering".into()), at(1)).unwrap_err();
    assert!(error.to_string().contains("to `answering`"), "{error}");
    assert_eq!(call.status(), &CallProgressStatus::InProgress);
    // The refusals sent nothing, so the numbering goes on where it was.
    let callbacks = call.advance(CallProgressStatus::Completed, at(9)).unwrap();
    assert_eq!(statuses(&callbacks), pairs([("completed", 3)]));
    let error = call.advance(CallProgressStatus::Ringing, at(10)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "call `CA11111111111111111111111111111111` cannot go from `completed` to `ringing`: `completed` is final"
    );

    let mut queued = CallLife::for_call(ACCOUNT, CALL, &request);
    let error = queued.advance(CallProgressStatus::Queued, at(0)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "call `CA11111111111111111111111111111111` cannot go from `queued` to `queued`; from `queued` it can go \
         to `initiated`, `failed`, `canceled`, `ringing`, `busy`, `in-progress`, `no-answer` or `completed`"
    );
}

#[test]
fn no_callback_goes_out_without_a_url_nor_for_a_call_a_twiml_app_handles() {
    let bare =
        CreateCall::new(address("+15558675310"), address("+15017122661"), url("https://example.com/twiml"))
            .status_callback_event(CallEvent::ALL.iter().copied());
    let app = ApplicationSid::from_static("APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let through_app = CreateCall::new(address("+15558675310"), address("+15017122661"), app)
        .status_callback(url(CALLS_URL))
        .status_callback_event(CallEvent::ALL.iter().copied());
    for request in [bare, through_app] {
        let mut call = CallLife::for_call(ACCOUNT, CALL, &request);
        assert!(call.advance(CallProgressStatus::Completed, at(0)).unwrap().is_empty());
        assert_eq!(call.status(), &CallProgressStatus::Completed);
    }
}

#[test]
fn a_get_callback_carries_its_parameters_in_the_query_after_the_urls_own() {
    let request = create_call()
        .status_callback(url("https://app.example.com/calls?tenant=7"))
        .status_callback_method(CallbackMethod::Get);
    let mut call = CallLife::for_call(ACCOUNT, CALL, &request);
    let callbacks = call.advance(CallProgressStatus::Completed, at(0)).unwrap();
    let callback = &callbacks[0];
    assert_eq!(callback.method(), CallbackMethod::Get);
    assert!(callback.body().is_empty());
    assert!(
        callback.request_url().starts_with("https://app.example.com/calls?tenant=7&Called=%2B15558675310&")
    );
    let payload = call_payload(callback);
    assert_eq!(payload.call_status, CallProgressStatus::Completed);
    assert_eq!(payload.other.get("tenant"), Some("7"));
}

#[test]
fn the_form_is_the_crates_encoding_in_twilios_order() {
    // Clients, so no geographic parameters: the whole form fits here.
    let request =
        CreateCall::new(address("client:bob"), address("client:alice"), url("https://example.com/twiml"))
            .status_callback(url(CALLS_URL));
    let mut call = CallLife::for_call(ACCOUNT, CALL, &request);
    call.advance(CallProgressStatus::InProgress, at(0)).unwrap();
    let callbacks = call.advance(CallProgressStatus::Completed, at(75)).unwrap();
    assert_eq!(
        callbacks[0].body(),
        "Called=client%3Abob&Direction=outbound-api&Timestamp=Mon%2C+01+Jun+2026+09%3A01%3A15+%2B0000\
         &CallbackSource=call-progress-events&SipResponseCode=200&SequenceNumber=0\
         &CallSid=CA11111111111111111111111111111111&To=client%3Abob&ApiVersion=2010-04-01&CallStatus=completed\
         &Duration=2&From=client%3Aalice&CallDuration=75&AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\
         &Caller=client%3Aalice"
    );
    assert_eq!(callbacks[0].param("CallStatus"), Some("completed"));
    assert_eq!(callbacks[0].param("ToCity"), None);
}

#[test]
fn a_participants_call_follows_its_own_status_callback() {
    let request = create_participant("+15558675310").status_callback(url(CALLS_URL));
    let mut call = CallLife::for_participant(ACCOUNT, CALL, &request);
    assert!(call.advance(CallProgressStatus::InProgress, at(0)).unwrap().is_empty());
    let callbacks = call.advance(CallProgressStatus::Completed, at(30)).unwrap();
    assert_eq!(statuses(&callbacks), pairs([("completed", 0)]));
    let payload = call_payload(&callbacks[0]);
    assert_eq!((payload.from.as_str(), payload.to.as_str()), ("+15017122661", "+15558675310"));
}

fn create_participant(to: &str) -> CreateParticipant {
    CreateParticipant::new("standup".parse::<ConferenceRef>().unwrap(), address("+15017122661"), address(to))
}

/// A participant that subscribes to every conference event.
fn moderator_request() -> CreateParticipant {
    create_participant("+15558675310")
        .label("agent")
        .conference_status_callback(url(CONFERENCE_URL))
        .conference_status_callback_event(ConferenceEvent::ALL.iter().copied())
        .status_callback(url(CALLS_URL))
        .status_callback_event(CallEvent::ALL.iter().copied())
}

/// Where the call of the participant `call` is.
fn call_status(conference: &ConferenceLife, call: CallSid) -> CallProgressStatus {
    conference.participants().find(|participant| participant.call_sid == call).unwrap().call_status
}

fn conference() -> ConferenceLife {
    ConferenceLife::new(ACCOUNT, CONFERENCE, "standup")
}

#[test]
fn a_conference_reports_its_start_and_end_when_no_event_is_named() {
    let mut conference = conference();
    conference
        .add(CALL, &create_participant("+15558675310").conference_status_callback(url(CONFERENCE_URL)))
        .unwrap();
    conference.add(OTHER_CALL, &create_participant("+15558675311")).unwrap();
    assert!(conference.advance(CALL, CallProgressStatus::InProgress, at(0)).unwrap().is_empty());
    assert_eq!(conference.status(), &ConferenceStatus::Init);
    let callbacks = conference.advance(OTHER_CALL, CallProgressStatus::InProgress, at(5)).unwrap();
    assert_eq!(events(&callbacks), pairs([("conference-start", 0)]));
    assert_eq!(conference.status(), &ConferenceStatus::InProgress);
    let start = conference_payload(&callbacks[0]);
    assert_eq!(
        (start.conference_sid, start.friendly_name.as_str(), start.account_sid, start.timestamp),
        (CONFERENCE, "standup", ACCOUNT, at(5))
    );
    assert_eq!((start.call_sid, start.muted), (None, None));

    let callbacks = conference.end(at(60)).unwrap();
    assert_eq!(events(&callbacks), pairs([("conference-end", 1)]));
    let end = conference_payload(&callbacks[0]);
    assert_eq!(end.reason_conference_ended, Some(ConferenceEndReason::ConferenceEndedViaApi));
    assert_eq!(end.call_sid_ending_conference, None);
    assert!(end.reason.is_some_and(|reason| !reason.is_empty()));
    assert_eq!(conference.status(), &ConferenceStatus::Completed);
    assert_eq!(call_status(&conference, CALL), CallProgressStatus::Completed);
    assert_eq!(call_status(&conference, OTHER_CALL), CallProgressStatus::Completed);
}

#[test]
fn every_event_subscribed_to_is_reported_in_order_with_the_participants_fields() {
    let mut conference = conference();
    conference.add(CALL, &moderator_request()).unwrap();
    conference.add(OTHER_CALL, &create_participant("+15558675311").muted(true)).unwrap();

    // The call's own callbacks go to its StatusCallback; the conference hears of nothing yet.
    let callbacks = conference.advance(CALL, CallProgressStatus::Ringing, at(0)).unwrap();
    assert_eq!(statuses(&callbacks), pairs([("initiated", 0), ("ringing", 1)]));
    assert!(callbacks.iter().all(|callback| callback.url().as_str() == CALLS_URL));

    let callbacks = conference.advance(CALL, CallProgressStatus::InProgress, at(3)).unwrap();
    assert_eq!(statuses(&callbacks[..1]), pairs([("in-progress", 2)]));
    assert_eq!(events(&callbacks[1..]), pairs([("participant-join", 0)]));
    let join = conference_payload(&callbacks[1]);
    assert_eq!(join.call_sid, Some(CALL));
    assert_eq!(join.participant_label.as_deref(), Some("agent"));
    assert_eq!(
        (join.muted, join.hold, join.coaching, join.end_conference_on_exit, join.start_conference_on_enter),
        (Some(false), Some(false), Some(false), Some(false), Some(true))
    );

    // The second participant makes two: the conference starts.
    let callbacks = conference.advance(OTHER_CALL, CallProgressStatus::InProgress, at(8)).unwrap();
    assert_eq!(events(&callbacks), pairs([("participant-join", 1), ("conference-start", 2)]));
    assert_eq!(conference_payload(&callbacks[0]).muted, Some(true));

    let unmute = UpdateParticipant::new(CONFERENCE, ParticipantRef::CallSid(OTHER_CALL)).muted(false);
    assert_eq!(events(&conference.update(&unmute, at(9)).unwrap()), pairs([("participant-unmute", 3)]));
    // Already unmuted: nothing to report.
    assert!(conference.update(&unmute, at(9)).unwrap().is_empty());
    let by_label = ParticipantRef::Label("agent".into());
    let hold = UpdateParticipant::new(CONFERENCE, by_label.clone()).hold(true).muted(true);
    let callbacks = conference.update(&hold, at(10)).unwrap();
    assert_eq!(events(&callbacks), pairs([("participant-mute", 4), ("participant-hold", 5)]));
    let muted = conference_payload(&callbacks[0]);
    assert_eq!((muted.muted, muted.hold), (Some(true), Some(false)));
    let held = conference_payload(&callbacks[1]);
    assert_eq!((held.call_sid, held.muted, held.hold), (Some(CALL), Some(true), Some(true)));
    let modify = UpdateParticipant::new(CONFERENCE, by_label).hold(false).end_conference_on_exit(true);
    let callbacks = conference.update(&modify, at(11)).unwrap();
    assert_eq!(events(&callbacks), pairs([("participant-unhold", 6), ("participant-modify", 7)]));
    assert_eq!(conference_payload(&callbacks[1]).end_conference_on_exit, Some(true));

    // The second participant hangs up; then the moderator does, ending the conference.
    let callbacks = conference.advance(OTHER_CALL, CallProgressStatus::Completed, at(20)).unwrap();
    assert_eq!(events(&callbacks), pairs([("participant-leave", 8)]));
    let leave = conference_payload(&callbacks[0]);
    assert_eq!(leave.reason_participant_left, Some(ParticipantLeftReason::ParticipantHungUp));
    assert_eq!(leave.participant_call_status, Some(CallProgressStatus::Completed));
    let callbacks = conference.leave(CALL, Departure::HungUp, at(30)).unwrap();
    assert_eq!(statuses(&callbacks[..1]), pairs([("completed", 3)]));
    assert_eq!(call_payload(&callbacks[0]).call_duration, Some(27));
    assert_eq!(events(&callbacks[1..]), pairs([("participant-leave", 9), ("conference-end", 10)]));
    let end = conference_payload(&callbacks[2]);
    assert_eq!(
        end.reason_conference_ended,
        Some(ConferenceEndReason::ParticipantWithEndConferenceOnExitLeft)
    );
    assert_eq!(end.call_sid_ending_conference, Some(CALL));
    assert_eq!(end.participant_label_ending_conference.as_deref(), Some("agent"));
}

#[test]
fn a_moderator_leaving_takes_every_other_participant_with_it() {
    let mut conference = conference();
    conference.add(CALL, &moderator_request().end_conference_on_exit(true)).unwrap();
    conference.add(OTHER_CALL, &create_participant("+15558675311").status_callback(url(CALLS_URL))).unwrap();
    conference.add(THIRD_CALL, &create_participant("+15558675312")).unwrap();
    for call in [CALL, OTHER_CALL, THIRD_CALL] {
        conference.advance(call, CallProgressStatus::InProgress, at(0)).unwrap();
    }
    let callbacks =
        conference.leave(ParticipantRef::Label("agent".into()), Departure::Kicked, at(40)).unwrap();
    let conference_events: Vec<_> = callbacks
        .iter()
        .filter(|callback| callback.kind() == CallbackKind::ConferenceStatus)
        .cloned()
        .collect();
    let leaves: Vec<_> = conference_events
        .iter()
        .map(conference_payload)
        .filter(|event| event.status_callback_event == ConferenceStatusEvent::ParticipantLeave)
        .map(|event| (event.call_sid.unwrap(), event.reason_participant_left.unwrap()))
        .collect();
    assert_eq!(
        leaves,
        [
            (CALL, ParticipantLeftReason::ParticipantUpdatedViaApi),
            (OTHER_CALL, ParticipantLeftReason::ModeratorEndedConference),
            (THIRD_CALL, ParticipantLeftReason::ModeratorEndedConference),
        ]
    );
    let end = conference_payload(conference_events.last().unwrap());
    assert_eq!(
        end.reason_conference_ended,
        Some(ConferenceEndReason::ParticipantWithEndConferenceOnExitKicked)
    );
    assert_eq!(end.call_sid_ending_conference, Some(CALL));
    // Each call with a StatusCallback reported its end there, numbered per call.
    let call_ends: Vec<_> = callbacks
        .iter()
        .filter(|callback| callback.kind() == CallbackKind::CallStatus)
        .map(call_payload)
        .map(|call| (call.call_sid, call.call_status, call.sequence_number))
        .collect();
    assert_eq!(
        call_ends,
        [(CALL, CallProgressStatus::Completed, 3), (OTHER_CALL, CallProgressStatus::Completed, 0)]
    );
    assert_eq!(conference.status(), &ConferenceStatus::Completed);
}

#[test]
fn the_last_participant_leaving_ends_the_conference() {
    for (departure, reason) in [
        (Departure::HungUp, ConferenceEndReason::LastParticipantLeft),
        (Departure::Kicked, ConferenceEndReason::LastParticipantKicked),
    ] {
        let mut conference = conference();
        conference.add(CALL, &moderator_request()).unwrap();
        conference.add(OTHER_CALL, &create_participant("+15558675311").label("customer")).unwrap();
        conference.advance(CALL, CallProgressStatus::InProgress, at(0)).unwrap();
        conference.advance(OTHER_CALL, CallProgressStatus::InProgress, at(1)).unwrap();
        let callbacks = conference.leave(CALL, Departure::Kicked, at(2)).unwrap();
        assert_eq!(events(&callbacks[1..]), pairs([("participant-leave", 3)]));
        let callbacks = conference.leave(OTHER_CALL, departure, at(3)).unwrap();
        assert_eq!(events(&callbacks), pairs([("participant-leave", 4), ("conference-end", 5)]));
        let end = conference_payload(&callbacks[1]);
        assert_eq!(end.reason_conference_ended, Some(reason));
        assert_eq!(end.call_sid_ending_conference, Some(OTHER_CALL));
        assert_eq!(end.participant_label_ending_conference.as_deref(), Some("customer"));
    }
}

#[test]
fn the_first_participant_to_join_chooses_where_the_conference_reports() {
    let mut conference = conference();
    let late = create_participant("+15558675310")
        .conference_status_callback(url("https://other.example.com/conference"))
        .conference_status_callback_event(ConferenceEvent::ALL.iter().copied());
    conference.add(CALL, &late).unwrap();
    let first = create_participant("+15558675311")
        .conference_status_callback(url(CONFERENCE_URL))
        .conference_status_callback_method(CallbackMethod::Get)
        .conference_status_callback_event([ConferenceEvent::Join]);
    conference.add(OTHER_CALL, &first).unwrap();
    let mut callbacks = conference.advance(OTHER_CALL, CallProgressStatus::InProgress, at(0)).unwrap();
    callbacks.extend(conference.advance(CALL, CallProgressStatus::InProgress, at(1)).unwrap());
    callbacks.extend(conference.end(at(2)).unwrap());
    assert_eq!(events(&callbacks), pairs([("participant-join", 0), ("participant-join", 1)]));
    assert!(callbacks.iter().all(|callback| callback.request_url().starts_with(CONFERENCE_URL)));
    assert!(callbacks.iter().all(|callback| callback.method() == CallbackMethod::Get));

    // A first participant without a conference callback leaves the conference without any.
    let mut conference = self::conference();
    conference.add(CALL, &create_participant("+15558675310")).unwrap();
    conference.add(OTHER_CALL, &late).unwrap();
    conference.advance(CALL, CallProgressStatus::InProgress, at(0)).unwrap();
    assert!(conference.advance(OTHER_CALL, CallProgressStatus::InProgress, at(1)).unwrap().is_empty());
    assert!(conference.end(at(2)).unwrap().is_empty());
}

#[test]
fn a_conference_without_a_participant_that_starts_it_does_not_start() {
    let mut conference = conference();
    conference.add(CALL, &moderator_request().start_conference_on_enter(false)).unwrap();
    conference.add(OTHER_CALL, &create_participant("+15558675311").start_conference_on_enter(false)).unwrap();
    conference.advance(CALL, CallProgressStatus::InProgress, at(0)).unwrap();
    let callbacks = conference.advance(OTHER_CALL, CallProgressStatus::InProgress, at(1)).unwrap();
    assert_eq!(events(&callbacks), pairs([("participant-join", 1)]));
    assert_eq!(conference.status(), &ConferenceStatus::Init);
    // A participant that starts it, joining a conference of two waiting, does.
    conference.add(THIRD_CALL, &create_participant("+15558675312")).unwrap();
    let callbacks = conference.advance(THIRD_CALL, CallProgressStatus::InProgress, at(2)).unwrap();
    assert_eq!(events(&callbacks), pairs([("participant-join", 2), ("conference-start", 3)]));
}

#[test]
fn a_participant_whose_call_is_not_answered_leaves_without_joining() {
    let mut conference = conference();
    conference.add(CALL, &moderator_request()).unwrap();
    conference.add(OTHER_CALL, &create_participant("+15558675311").status_callback(url(CALLS_URL))).unwrap();
    conference.advance(CALL, CallProgressStatus::InProgress, at(0)).unwrap();
    let callbacks = conference.advance(OTHER_CALL, CallProgressStatus::NoAnswer, at(30)).unwrap();
    // Its call reports its end (the default event), then the conference hears it never came.
    assert_eq!(statuses(&callbacks[..1]), pairs([("no-answer", 0)]));
    assert_eq!(events(&callbacks[1..]), pairs([("participant-leave", 1)]));
    let leave = conference_payload(&callbacks[1]);
    assert_eq!(leave.call_sid, Some(OTHER_CALL));
    assert_eq!(leave.participant_call_status, Some(CallProgressStatus::NoAnswer));
    assert_eq!(leave.reason_participant_left, Some(ParticipantLeftReason::ParticipantAddFailed));
    // The conference goes on with its one participant.
    assert_eq!(conference.status(), &ConferenceStatus::Init);
}

#[test]
fn a_redirected_participant_leaves_while_its_call_goes_on() {
    let mut conference = conference();
    conference.add(CALL, &moderator_request()).unwrap();
    conference.advance(CALL, CallProgressStatus::InProgress, at(0)).unwrap();
    let callbacks = conference.leave(CALL, Departure::Redirected, at(5)).unwrap();
    assert_eq!(events(&callbacks), pairs([("participant-leave", 1), ("conference-end", 2)]));
    let leave = conference_payload(&callbacks[0]);
    assert_eq!(leave.participant_call_status, Some(CallProgressStatus::InProgress));
    assert_eq!(leave.reason_participant_left, Some(ParticipantLeftReason::ParticipantUpdatedViaApi));
    assert_eq!(
        conference_payload(&callbacks[1]).reason_conference_ended,
        Some(ConferenceEndReason::LastParticipantLeft)
    );
    // Out of the conference, the call ends as any call.
    let callbacks = conference.advance(CALL, CallProgressStatus::Completed, at(65)).unwrap();
    assert_eq!(statuses(&callbacks), pairs([("completed", 3)]));
    assert_eq!(call_payload(&callbacks[0]).call_duration, Some(65));
}

#[test]
fn a_call_hung_up_through_the_api_completes_answered_or_not() {
    let request = create_call().status_callback_event(CallEvent::ALL.iter().copied());
    let mut ringing = CallLife::for_call(ACCOUNT, CALL, &request);
    ringing.advance(CallProgressStatus::Ringing, at(0)).unwrap();
    let ended = ringing.hang_up(at(9));
    assert_eq!(statuses(&ended), pairs([("completed", 2)]));
    // Never answered: no duration, and the SIP code of a call terminated before it was accepted.
    let payload = call_payload(&ended[0]);
    assert_eq!((payload.call_duration, payload.sip_response_code), (Some(0), Some(487)));
    assert!(ringing.hang_up(at(10)).is_empty(), "an ended call stays as it ended");

    let mut answered = CallLife::for_call(ACCOUNT, CALL, &request);
    answered.advance(CallProgressStatus::InProgress, at(0)).unwrap();
    let payload = call_payload(&answered.hang_up(at(30))[0]);
    assert_eq!((payload.call_duration, payload.sip_response_code), (Some(30), Some(200)));
}

#[test]
fn a_participant_hung_up_through_the_api_leaves_or_never_joins() {
    let mut conference = conference();
    conference.add(CALL, &moderator_request()).unwrap();
    conference.add(OTHER_CALL, &create_participant("+15558675311")).unwrap();
    conference.add(THIRD_CALL, &create_participant("+15558675312")).unwrap();
    conference.advance(CALL, CallProgressStatus::InProgress, at(0)).unwrap();
    conference.advance(OTHER_CALL, CallProgressStatus::InProgress, at(0)).unwrap();

    // Still ringing: it never joins, removed through the API.
    let callbacks = conference.hang_up(&ParticipantRef::CallSid(THIRD_CALL), at(1)).unwrap();
    assert_eq!(events(&callbacks), pairs([("participant-leave", 3)]));
    let leave = conference_payload(&callbacks[0]);
    assert_eq!(leave.participant_call_status, Some(CallProgressStatus::Completed));
    assert_eq!(leave.reason_participant_left, Some(ParticipantLeftReason::ParticipantUpdatedViaApi));

    // In the conference: kicked, its call completed first; the other one stays.
    let callbacks = conference.hang_up(&ParticipantRef::CallSid(OTHER_CALL), at(2)).unwrap();
    assert_eq!(events(&callbacks), pairs([("participant-leave", 4)]));
    assert_eq!(call_status(&conference, OTHER_CALL), CallProgressStatus::Completed);
    assert_eq!(conference.status(), &ConferenceStatus::InProgress);
    assert!(conference.hang_up(&ParticipantRef::CallSid(OTHER_CALL), at(3)).unwrap().is_empty());
}

#[test]
fn conference_moves_that_cannot_happen_are_refused() {
    let mut conference = conference();
    conference.add(CALL, &moderator_request()).unwrap();
    let error = conference.add(CALL, &moderator_request()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "participant `CA11111111111111111111111111111111` was already added to conference \
         `CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`"
    );
    let error =
        conference.leave(ParticipantRef::Label("nobody".into()), Departure::HungUp, at(0)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "conference `CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` has no participant `nobody`; add it first"
    );
    assert!(matches!(error, LifecycleError::UnknownParticipant { .. }));
    conference.advance(CALL, CallProgressStatus::InProgress, at(0)).unwrap();
    let error = conference.advance(CALL, CallProgressStatus::Busy, at(1)).unwrap_err();
    assert!(matches!(error, LifecycleError::Transition { .. }), "{error}");
    conference.end(at(2)).unwrap();
    let error = conference.end(at(3)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "conference `CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` has ended; a participant added under its friendly name now \
         starts a new conference"
    );
    assert!(matches!(
        conference.add(OTHER_CALL, &moderator_request()),
        Err(LifecycleError::ConferenceEnded { .. })
    ));
    assert!(matches!(
        conference.leave(CALL, Departure::HungUp, at(3)),
        Err(LifecycleError::NotInConference { .. })
    ));
    let mute = UpdateParticipant::new(CONFERENCE, ParticipantRef::Label("agent".into())).muted(true);
    let error = conference.update(&mute, at(3)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "participant `agent` is not in conference `CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`: its call has not been \
         answered, or it has left"
    );
}

#[test]
fn a_participant_updated_before_it_joins_reports_nothing_until_its_join_shows_it() {
    let mut conference = conference();
    conference.add(CALL, &moderator_request()).unwrap();
    let mute =
        UpdateParticipant::new(CONFERENCE, ParticipantRef::Label("agent".into())).muted(true).hold(true);
    assert!(conference.update(&mute, at(0)).unwrap().is_empty());
    let callbacks = conference.advance(CALL, CallProgressStatus::InProgress, at(1)).unwrap();
    let join = conference_payload(callbacks.last().unwrap());
    assert_eq!(join.status_callback_event, ConferenceStatusEvent::ParticipantJoin);
    assert_eq!((join.muted, join.hold), (Some(true), Some(true)));
    // Once in, the same values bring nothing; the others an event each.
    assert!(conference.update(&mute, at(2)).unwrap().is_empty());
    let unmute = UpdateParticipant::new(CONFERENCE, ParticipantRef::CallSid(CALL)).muted(false);
    assert_eq!(events(&conference.update(&unmute, at(3)).unwrap()), pairs([("participant-unmute", 1)]));
}

#[test]
fn a_call_answered_after_its_conference_ended_is_refused_and_not_moved() {
    let mut conference = conference();
    conference.add(CALL, &moderator_request()).unwrap();
    conference.add(OTHER_CALL, &create_participant("+15558675311")).unwrap();
    conference.advance(OTHER_CALL, CallProgressStatus::Ringing, at(0)).unwrap();
    conference.advance(CALL, CallProgressStatus::InProgress, at(0)).unwrap();
    conference.leave(CALL, Departure::HungUp, at(1)).unwrap();
    let error = conference.advance(OTHER_CALL, CallProgressStatus::InProgress, at(2)).unwrap_err();
    assert!(matches!(error, LifecycleError::ConferenceEnded { .. }), "{error}");
    assert_eq!(call_status(&conference, OTHER_CALL), CallProgressStatus::Ringing);
    // It can still end unanswered, which the ended conference does not report.
    assert!(conference.advance(OTHER_CALL, CallProgressStatus::Canceled, at(3)).unwrap().is_empty());
    assert_eq!(call_status(&conference, OTHER_CALL), CallProgressStatus::Canceled);
}

fn message_to(to: &str) -> CreateMessage {
    let to: MessageAddress = to.parse().unwrap();
    let from: MessageAddress = "+15017122661".parse().unwrap();
    CreateMessage::new(to, from, "Hello").status_callback(url(MESSAGES_URL))
}

fn message_statuses(callbacks: &[Callback]) -> Vec<String> {
    callbacks.iter().map(|callback| message_payload(callback).message_status.to_string()).collect()
}

#[test]
fn a_message_reports_each_status_after_the_one_it_was_created_in() {
    let mut message = MessageLife::new(ACCOUNT, MESSAGE, &message_to("+15558675310"));
    assert_eq!(message.status(), &MessageStatus::Queued);
    let callbacks = message.advance(MessageStatus::Delivered, at(4)).unwrap();
    assert_eq!(message_statuses(&callbacks), ["sent", "delivered"]);
    let sent = message_payload(&callbacks[0]);
    assert_eq!((sent.account_sid, sent.message_sid, sent.sms_sid), (ACCOUNT, MESSAGE, Some(MESSAGE)));
    assert_eq!(sent.sms_status, Some(MessageStatus::Sent));
    assert_eq!((sent.from.as_str(), sent.to.as_str()), ("+15017122661", "+15558675310"));
    assert_eq!(sent.api_version.as_deref(), Some("2010-04-01"));
    assert_eq!((sent.messaging_service_sid, sent.error_code, sent.raw_dlr_done_date), (None, None, None));
    assert_eq!(message_payload(&callbacks[1]).raw_dlr_done_date.as_deref(), Some("2606010900"));
    assert!(callbacks.iter().all(|callback| callback.method() == CallbackMethod::Post));
    let callbacks = message.advance(MessageStatus::Read, at(9)).unwrap();
    assert_eq!(message_statuses(&callbacks), ["read"]);
}

#[test]
fn sending_is_reported_only_when_reached() {
    let mut message = MessageLife::new(ACCOUNT, MESSAGE, &message_to("whatsapp:+15558675310"));
    let mut callbacks = message.advance(MessageStatus::Sending, at(0)).unwrap();
    callbacks.extend(message.advance(MessageStatus::Delivered, at(1)).unwrap());
    assert_eq!(message_statuses(&callbacks), ["sending", "sent", "delivered"]);
    // No carrier receipt on a channel.
    assert_eq!(message_payload(&callbacks[2]).raw_dlr_done_date, None);
}

#[test]
fn failures_carry_their_error_code_on_their_own_callback() {
    let mut message = MessageLife::new(ACCOUNT, MESSAGE, &message_to("+15558675310"));
    let error = message.advance(MessageStatus::Undelivered, at(0)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "message `SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` cannot become `undelivered` without an error code; Twilio \
         sends one with it, so use `fail`"
    );
    let error = message.fail(MessageStatus::Sent, 30003, at(0)).unwrap_err();
    assert!(matches!(error, LifecycleError::ErrorCode { needed: false, .. }), "{error}");
    let callbacks = message.fail(MessageStatus::Undelivered, 30003, at(0)).unwrap();
    let payloads: Vec<_> = callbacks.iter().map(message_payload).collect();
    assert_eq!(
        payloads
            .iter()
            .map(|payload| (payload.message_status.clone(), payload.error_code))
            .collect::<Vec<_>>(),
        [(MessageStatus::Sent, None), (MessageStatus::Undelivered, Some(30003))]
    );

    let mut message = MessageLife::new(ACCOUNT, MESSAGE, &message_to("+15558675310"));
    let callbacks = message.fail(MessageStatus::Failed, 30007, at(0)).unwrap();
    assert_eq!(message_payload(&callbacks[0]).error_code, Some(30007));
    let error = message.advance(MessageStatus::Sent, at(1)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "message `SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` cannot go from `failed` to `sent`: `failed` is final"
    );
}

#[test]
fn a_messaging_services_message_starts_accepted_and_names_its_service() {
    let to: MessageAddress = "+15558675310".parse().unwrap();
    let request = CreateMessage::new(to, SERVICE, "Hello").status_callback(url(MESSAGES_URL));
    let mut message = MessageLife::new(ACCOUNT, MESSAGE, &request);
    assert_eq!(message.status(), &MessageStatus::Accepted);
    let error = message.advance(MessageStatus::Queued, at(0)).unwrap_err();
    assert!(matches!(error, LifecycleError::UnknownSender { .. }), "{error}");
    assert_eq!(message.status(), &MessageStatus::Accepted);
    let mut message = message.sent_from("+15017122661");
    let callbacks = message.advance(MessageStatus::Sent, at(0)).unwrap();
    assert_eq!(message_statuses(&callbacks), ["queued", "sent"]);
    let queued = message_payload(&callbacks[0]);
    assert_eq!((queued.messaging_service_sid, queued.from.as_str()), (Some(SERVICE), "+15017122661"));
}

#[test]
fn a_scheduled_message_is_canceled_or_queued_when_its_time_comes() {
    let to: MessageAddress = "+15558675310".parse().unwrap();
    let from: MessageAddress = "+15017122661".parse().unwrap();
    let sender = crate::api::v2010::MessageSender::MessagingService {
        from: Some(from),
        fallback_from: None,
        messaging_service_sid: SERVICE,
    };
    let request = CreateMessage::new(to, sender, "Later")
        .status_callback(url(MESSAGES_URL))
        .schedule(MessageSchedule::Fixed { send_at: at(3600) });
    let mut canceled = MessageLife::new(ACCOUNT, MESSAGE, &request);
    assert_eq!(canceled.status(), &MessageStatus::Scheduled);
    assert_eq!(message_statuses(&canceled.advance(MessageStatus::Canceled, at(0)).unwrap()), ["canceled"]);
    let error = canceled.advance(MessageStatus::Queued, at(1)).unwrap_err();
    assert!(error.to_string().ends_with("`canceled` is final"), "{error}");

    let mut sent = MessageLife::new(ACCOUNT, MESSAGE, &request);
    assert_eq!(message_statuses(&sent.advance(MessageStatus::Sent, at(3600)).unwrap()), ["queued", "sent"]);
    let error = sent.advance(MessageStatus::Canceled, at(3601)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "message `SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` cannot go from `sent` to `canceled`; from `sent` it can go \
         to `delivered`, `undelivered` or `read`"
    );
}

#[test]
fn a_scheduled_message_canceled_before_its_service_picked_a_sender_is_not_reported() {
    let to: MessageAddress = "+15558675310".parse().unwrap();
    let request = CreateMessage::new(to, SERVICE, "Later")
        .status_callback(url(MESSAGES_URL))
        .schedule(MessageSchedule::Fixed { send_at: at(3600) });
    let mut message = MessageLife::new(ACCOUNT, MESSAGE, &request);
    assert!(message.advance(MessageStatus::Canceled, at(0)).unwrap().is_empty());
    assert_eq!(message.status(), &MessageStatus::Canceled);
    // Sending it would have needed the sender.
    let mut message = MessageLife::new(ACCOUNT, MESSAGE, &request);
    let error = message.advance(MessageStatus::Queued, at(3600)).unwrap_err();
    assert!(matches!(error, LifecycleError::UnknownSender { .. }), "{error}");
}

#[test]
fn a_message_without_a_status_callback_moves_silently() {
    let to: MessageAddress = "+15558675310".parse().unwrap();
    let request = CreateMessage::new(to, SERVICE, "Hello");
    let mut message = MessageLife::new(ACCOUNT, MESSAGE, &request);
    // Its sender does not matter: nothing names it.
    assert!(message.advance(MessageStatus::Delivered, at(0)).unwrap().is_empty());
    assert_eq!(message.status(), &MessageStatus::Delivered);
    assert!(message.advance(MessageStatus::Sent, at(1)).is_err());
}

#[test]
fn a_query_goes_after_the_urls_own_and_before_its_fragment() {
    assert_eq!(with_query("https://a.example/x", "A=1"), "https://a.example/x?A=1");
    assert_eq!(with_query("https://a.example/x?t=7", "A=1"), "https://a.example/x?t=7&A=1");
    assert_eq!(with_query("https://a.example/x?", "A=1"), "https://a.example/x?A=1");
    assert_eq!(with_query("https://a.example/x?t=7#top", "A=1"), "https://a.example/x?t=7&A=1#top");
}
