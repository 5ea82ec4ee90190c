//! Every request of `tests/fixtures/sdk_wire.json`, sent with this crate and compared byte for byte with
//! what Twilio's official Python SDK sent for the same call.
//!
//! The fixture holds, per scenario, the method, the path with its query string (escaped, as sent) and
//! the body that twilio 9.13.0 sent through its own HTTP client to a capture server
//! (`scripts/sdk_wire.py`; `scripts/sdk_wire.sh` proves that the committed fixture is what the pinned
//! SDK sends). Here each scenario is built with the catalog's types, validated, and sent through the
//! real `Client` to the mock Twilio on 127.0.0.1, and what that server received is compared with the
//! fixture; the mock decodes and validates each one too, so every request the SDK makes must pass its
//! checks. The few scenarios where this crate sends something else on purpose are listed in
//! [`expected`], each with the exact difference and why.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone as _, Utc};
use serde::Deserialize;
#[path = "support/every_parameter.rs"]
mod every_parameter;
#[path = "support/message_every_parameter.rs"]
mod message_every_parameter;
use every_parameter::every_parameter;
use message_every_parameter::message_every_parameter;
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::mock::MockTwilio;
use twilio_endpoint::values::{
    AccountSid, Address, ApplicationSid, ByocTrunkSid, CallSid, CallbackMethod, ConferenceRef, ConferenceSid,
    ContentSid, MessageSid, MessagingServiceSid, OrEmpty, RecordingSid, Url,
};
use twilio_endpoint::{Client, Endpoint, Error};

const SUBACCOUNT: AccountSid = AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const CALL: CallSid = CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const COACHED_CALL: CallSid = CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const PARENT_CALL: CallSid = CallSid::from_static("CAcccccccccccccccccccccccccccccccc");
const RECORDING: RecordingSid = RecordingSid::from_static("REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const MESSAGE: MessageSid = MessageSid::from_static("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const APPLICATION: ApplicationSid = ApplicationSid::from_static("APbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const BYOC_TRUNK: ByocTrunkSid = ByocTrunkSid::from_static("BYcccccccccccccccccccccccccccccccc");
const SERVICE: MessagingServiceSid = MessagingServiceSid::from_static("MGcccccccccccccccccccccccccccccccc");
const TEMPLATE: ContentSid = ContentSid::from_static("HXdddddddddddddddddddddddddddddddd");

/// One request as it went over the wire.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
struct Wire {
    method: String,
    /// The escaped path, then `?` and the query string when there is one.
    path: String,
    body: String,
}

/// What this crate is expected to send for a scenario: what the SDK sent, except where the crate
/// differs on purpose. Each difference is spelled out, and the SDK's side of it must be in the fixture,
/// so that a change on either side is noticed; every other scenario must match byte for byte.
fn expected(scenario: &str, sdk: &Wire) -> Wire {
    let mut wire = sdk.clone();
    match scenario {
        // The SDK writes a date-time's wall-clock time followed by `Z` without converting it to UTC
        // (`serialize.iso8601_datetime` is `strftime("%Y-%m-%dT%H:%M:%SZ")`), so `09:05:03+02:00` goes
        // out as `09:05:03Z`, an instant two hours later than the one given. This crate sends the
        // instant given, in UTC (`runtime/src/time.rs`).
        "list_calls_times_with_offset" => {
            replace(
                &mut wire.path,
                "StartTime%3C=2024-03-09T09%3A05%3A03Z",
                "StartTime%3C=2024-03-09T07%3A05%3A03Z",
            );
            replace(
                &mut wire.path,
                "StartTime%3E=2024-03-08T23%3A30%3A00Z",
                "StartTime%3E=2024-03-09T04%3A30%3A00Z",
            );
        }
        "create_message_scheduled_with_offset" => {
            replace(&mut wire.body, "SendAt=2024-03-09T12%3A35%3A00Z", "SendAt=2024-03-09T07%3A05%3A00Z");
        }
        // `Twiml` and `Url` are one group (`CallRedirect`, at most one of them), written where `Url` is
        // in the description: first. The SDK sends `Twiml` after `StatusCallbackMethod`, where the
        // description lists it (documented on `UpdateCall`).
        "update_call_twiml_with_other_parameters" => move_to_front(&mut wire.body, "Twiml"),
        // The SDK puts a path parameter into the path as it is, and `requests` leaves `+` and `&`
        // literal; this crate escapes all but the unreserved characters of a segment
        // (`runtime/src/path.rs`). Decoded, both are the segment `Ada+Bob & Co`.
        "update_participant_label_with_reserved_characters" => {
            replace(&mut wire.path, "/Ada+Bob%20&%20Co.json", "/Ada%2BBob%20%26%20Co.json");
        }
        _ => {}
    }
    wire
}

/// Replaces `sdk`, which must be in `text`, with `ours`.
fn replace(text: &mut String, sdk: &str, ours: &str) {
    assert!(text.contains(sdk), "the fixture no longer has {sdk:?}: {text}");
    *text = text.replacen(sdk, ours, 1);
}

/// Moves the pair whose key is `key`, which must be in the form `text`, to its front.
fn move_to_front(text: &mut String, key: &str) {
    let mut pairs: Vec<&str> = text.split('&').collect();
    let at = pairs.iter().position(|pair| pair.split('=').next() == Some(key));
    let at = at.unwrap_or_else(|| panic!("the fixture no longer has {key}: {text}"));
    let pair = pairs.remove(at);
    pairs.insert(0, pair);
    *text = pairs.join("&");
}

/// The fixture's scenarios, the mock Twilio this crate sends them to, and what was found so far.
struct Run {
    sdk: BTreeMap<String, Wire>,
    twilio: MockTwilio,
    client: Client,
    checked: BTreeSet<String>,
    mismatches: Vec<String>,
}

impl Run {
    async fn start() -> Run {
        let sdk = serde_json::from_str(include_str!("fixtures/sdk_wire.json")).expect("the fixture is JSON");
        let twilio = MockTwilio::start().await;
        let client = twilio.client();
        Run { sdk, twilio, client, checked: BTreeSet::new(), mismatches: Vec::new() }
    }

    /// Sends `request` (whose `to_form()` is `form`) as scenario `name`, and records how what the
    /// server received differs from what is expected.
    async fn check<E: Endpoint>(&mut self, name: &str, form: String, request: &E) {
        assert!(self.checked.insert(name.to_owned()), "scenario {name} is checked twice");
        let Some(sdk) = self.sdk.get(name) else {
            self.mismatches.push(format!("{name}: not in the fixture (add it to scripts/sdk_wire.py)"));
            return;
        };
        let before = self.twilio.received_requests().await.len();
        let result = self.client.send(request).await;
        let received = self.twilio.received_requests().await;
        let [request] = &received[before..] else {
            panic!("{name}: {} requests sent instead of one", received.len() - before);
        };
        match result {
            Ok(_) => {}
            // The scenarios name resources (`CAaaa…`) and a subaccount the mock never created: it
            // answers as Twilio would, 404, or 401 for the subaccount. What matters here is what went
            // over the wire, and that the mock's own checks, the same rules read back, let it
            // through: any other answer is a mismatch.
            Err(Error::Api(error))
                if error.status() == 404
                    || (error.status() == 401 && request.path_and_query.contains(SUBACCOUNT.as_str())) => {}
            Err(error) => {
                self.mismatches.push(format!("{name}: not sent, or refused: {error}"));
                return;
            }
        }
        let ours = Wire {
            method: request.method.clone(),
            path: request.path_and_query.clone(),
            body: request.body.clone(),
        };
        // `to_form()` is what goes over the wire: the body of a POST, else the query.
        let sent_form = if ours.method == "POST" {
            &ours.body
        } else {
            ours.path.split_once('?').map_or("", |(_, query)| query)
        };
        if sent_form != form {
            self.mismatches.push(format!("{name}: sent {sent_form:?}, but to_form() is {form:?}"));
        }
        let want = expected(name, sdk);
        for (part, ours, want) in [
            ("method", &ours.method, &want.method),
            ("path", &ours.path, &want.path),
            ("body", &ours.body, &want.body),
        ] {
            if ours != want {
                let same = ours.bytes().zip(want.bytes()).take_while(|(a, b)| a == b).count();
                self.mismatches.push(format!(
                    "{name}: the {part} differs from byte {same} on\n    crate:    {ours}\n    expected: {want}"
                ));
            }
        }
    }

    /// Fails with every mismatch found, every request the mock refused, and the scenarios of the
    /// fixture that were not checked.
    fn finish(mut self) {
        // A refusal is a request the mock's checks did not let through (a 404 among them is a path
        // segment that does not read back); only the unknown subaccount's 401 is expected.
        for refusal in self.twilio.refused() {
            if refusal.status != 401 || !refusal.request.path_and_query.contains(SUBACCOUNT.as_str()) {
                self.mismatches.push(format!(
                    "{} {}: the mock refused it: {} {}",
                    refusal.request.method, refusal.request.path_and_query, refusal.code, refusal.message
                ));
            }
        }
        let fixture: BTreeSet<String> = self.sdk.keys().cloned().collect();
        for name in fixture.difference(&self.checked) {
            self.mismatches.push(format!("{name}: in the fixture but not checked here"));
        }
        assert!(
            self.mismatches.is_empty(),
            "{} mismatches:\n{}",
            self.mismatches.len(),
            self.mismatches.join("\n")
        );
        assert_eq!(self.checked, fixture);
    }
}

/// Sends a catalog request as the scenario of that name (`to_form()` is an inherent method of each
/// request type, hence a macro rather than a generic function).
macro_rules! check {
    ($run:ident, $name:literal, $request:expr) => {{
        let request = $request;
        $run.check($name, request.to_form(), &request).await;
    }};
}

fn address(text: &str) -> Address {
    text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

fn message_address(text: &str) -> MessageAddress {
    text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

fn url(text: &str) -> Url {
    text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"))
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn utc(year: i32, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, second).unwrap()
}

/// A date-time with an offset of `offset_minutes` east of UTC.
fn with_offset(
    offset_minutes: i32,
    (year, month, day): (i32, u32, u32),
    (hour, minute, second): (u32, u32, u32),
) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap();
    offset.with_ymd_and_hms(year, month, day, hour, minute, second).unwrap()
}

fn participant_in_named_conference() -> CreateParticipant {
    let conference: ConferenceRef = "Room 42 café".parse().unwrap();
    CreateParticipant::new(
        conference,
        address("client:alice"),
        address("sip:bob@example.com?x-team=support&x-tier=2"),
    )
    .status_callback_event([CallEvent::Answered])
    .label("")
    .timeout(5)
    .record(false)
    .muted(true)
    .beep(Beep::False)
    .start_conference_on_enter(false)
    .end_conference_on_exit(true)
    .wait_url(url("https://example.com/wait?genre=jazz&title=caf%C3%A9"))
    .wait_method(CallbackMethod::Post)
    .early_media(false)
    .max_participants(250)
    .conference_record(ConferenceRecord::DoNotRecord)
    .conference_trim(Trim::DoNotTrim)
    .conference_status_callback(url("https://example.com/música?sala=42"))
    .conference_status_callback_event([ConferenceEvent::Join])
    .recording_channels(RecordingChannels::Mono)
    .sip_auth_username("bob smith")
    .sip_auth_password("")
    .region(Region::Au1)
    .recording_status_callback_event([
        RecordingEvent::Started,
        RecordingEvent::Paused,
        RecordingEvent::Resumed,
        RecordingEvent::Stopped,
        RecordingEvent::Failed,
    ])
    .conference_recording_status_callback_event([ConferenceRecordingEvent::Completed])
    .coaching(Coaching::Off)
    .jitter_buffer_size(JitterBufferSize::Off)
    .caller_id(address("client:support"))
    .recording_track(RecordingTrack::Inbound)
    .time_limit(0)
    .machine_detection(MachineDetection::Enable)
    .caller_display_name("Zoë Ørsted-Ñúñez")
}

fn call_url_every_parameter() -> CreateCall {
    let twiml = url("https://example.com/twiml?step=1&name=Ada%20L");
    CreateCall::new(address("+15558675310"), address("+15017122661"), CallInstructions::Url(twiml))
        .method(CallbackMethod::Get)
        .fallback_url(url("https://example.com/fallback?reason=error&n=1"))
        .fallback_method(CallbackMethod::Post)
        .status_callback(url("https://example.com/status?a=1&b=two+words"))
        .status_callback_event(CallEvent::ALL.iter().copied())
        .status_callback_method(CallbackMethod::Post)
        .send_digits("W1234#*wABCD".parse::<SendDigits>().unwrap())
        .timeout(600)
        .record(true)
        .recording_channels(RecordingChannels::Dual)
        .recording_status_callback(url("https://example.com/recording"))
        .recording_status_callback_method(CallbackMethod::Get)
        .sip_auth_username("ada lovelace")
        .sip_auth_password("p@ss w0rd&=+")
        .machine_detection(MachineDetection::DetectMessageEnd)
        .machine_detection_timeout(59)
        .recording_status_callback_event(CallRecordingEvent::ALL.iter().copied())
        .trim(Trim::TrimSilence)
        .caller_id(address("+15017122661"))
        .machine_detection_speech_threshold(1000)
        .machine_detection_speech_end_threshold(5000)
        .machine_detection_silence_timeout(10000)
        .async_amd(true)
        .async_amd_status_callback(url("https://example.com/amd?call=1"))
        .async_amd_status_callback_method(CallbackMethod::Get)
        .byoc(BYOC_TRUNK)
        .call_reason("Délivery update: order #42 & more")
        .call_token("eyJhbGciOi+/=")
        .recording_track(RecordingTrack::Outbound)
        .time_limit(14400)
        .client_notification_url(url("https://example.com/notify?x=ü"))
}

#[tokio::test]
async fn every_scenario_sends_what_the_official_sdk_sends() {
    let mut run = Run::start().await;
    let to = || message_address("+15558675310");

    // ---- Conference participants ----
    check!(run, "create_participant_every_parameter", every_parameter());
    check!(
        run,
        "create_participant_required_only",
        CreateParticipant::new(CONFERENCE, address("+15017122661"), address("client:bob?ticket=42"))
    );
    check!(run, "create_participant_in_named_conference", participant_in_named_conference());
    check!(
        run,
        "update_participant_every_parameter",
        UpdateParticipant::new(CONFERENCE, CALL)
            .muted(false)
            .hold(true)
            .hold_url(url("https://example.com/hold.mp3?loop=0&v=2"))
            .hold_method(CallbackMethod::Get)
            .announce_url(url("https://example.com/announce?text=Room+42%21"))
            .announce_method(CallbackMethod::Post)
            .wait_url(OrEmpty::Empty)
            .wait_method(CallbackMethod::Get)
            .beep_on_exit(false)
            .end_conference_on_exit(true)
            .coaching(Coaching::Coach { call_sid_to_coach: COACHED_CALL })
    );
    check!(
        run,
        "update_participant_by_label",
        UpdateParticipant::new(CONFERENCE, ParticipantRef::Label("agent 7 ñ".into()))
            .hold(false)
            .coaching(Coaching::Off)
    );
    check!(
        run,
        "update_participant_label_with_reserved_characters",
        UpdateParticipant::new(CONFERENCE, ParticipantRef::Label("Ada+Bob & Co".into())).muted(true)
    );
    check!(
        run,
        "update_participant_hold_and_coach_by_sid",
        UpdateParticipant::new(CONFERENCE, CALL).hold(true).coaching(Coaching::CallSidToCoach(COACHED_CALL))
    );
    check!(
        run,
        "list_participants_every_filter",
        ListParticipants::new(CONFERENCE)
            .muted(true)
            .hold(false)
            .coaching(false)
            .page_token("PAabc+/=")
            .page(2)
            .page_size(1000)
    );
    check!(run, "list_participants_unfiltered", ListParticipants::new(CONFERENCE));

    // ---- Conferences ----
    check!(
        run,
        "update_conference_every_parameter",
        UpdateConference::new(CONFERENCE)
            .status(ConferenceUpdateStatus::Completed)
            .announce_url(url("https://example.com/anuncio/música?voz=Lupe&texto=¡hola!"))
            .announce_method(CallbackMethod::Get)
    );
    check!(
        run,
        "update_conference_announce_only",
        UpdateConference::new(CONFERENCE).announce_url(url("https://example.com/announce.xml"))
    );
    check!(
        run,
        "list_conferences_every_filter",
        ListConferences::new()
            .date_created(day(2024, 3, 9))
            .date_created_before(day(2024, 3, 31))
            .date_created_after(day(2024, 1, 1))
            .date_updated(day(2024, 3, 10))
            .date_updated_before(day(2024, 12, 31))
            .date_updated_after(day(2023, 2, 28))
            .friendly_name("Room 42 & café * ~+")
            .status(ConferenceStatusFilter::InProgress)
            .page_token("PAdef")
            .page(0)
            .page_size(1)
    );
    check!(
        run,
        "list_conferences_empty_friendly_name",
        ListConferences::new().friendly_name("").status(ConferenceStatusFilter::Init)
    );

    // ---- Conference recordings ----
    check!(
        run,
        "update_conference_recording_pause",
        UpdateConferenceRecording::new(
            CONFERENCE,
            RECORDING,
            RecordingStatusChange::Pause { pause_behavior: Some(PauseBehavior::Skip) },
        )
    );
    check!(
        run,
        "update_conference_recording_pause_current",
        UpdateConferenceRecording::new(
            CONFERENCE,
            RecordingRef::Current,
            RecordingStatusChange::Pause { pause_behavior: None },
        )
    );
    check!(
        run,
        "update_conference_recording_resume",
        UpdateConferenceRecording::new(CONFERENCE, RecordingRef::Current, RecordingStatusChange::Resume)
    );
    check!(
        run,
        "update_conference_recording_stop",
        UpdateConferenceRecording::new(CONFERENCE, RECORDING, RecordingStatusChange::Stop)
    );
    check!(
        run,
        "list_conference_recordings_every_filter",
        ListConferenceRecordings::new(CONFERENCE)
            .date_created(day(2024, 3, 9))
            .date_created_before(day(2024, 3, 31))
            .date_created_after(day(2024, 3, 1))
            .page_token("PAghi")
            .page(3)
            .page_size(20)
    );

    // ---- Calls ----
    check!(run, "create_call_url_every_parameter", call_url_every_parameter());
    check!(
        run,
        "create_call_twiml",
        CreateCall::new(
            address("client:bob"),
            address("client:alice"),
            CallInstructions::Twiml(
                "<Response><Say voice=\"alice\">Hello & goodbye * ~ café 👋</Say>\n<Pause length=\"1\"/></Response>"
                    .into()
            ),
        )
        .status_callback_event([CallEvent::Completed])
        .timeout(1)
        .record(false)
        .recording_channels(RecordingChannels::Mono)
        .machine_detection(MachineDetection::Enable)
        .recording_status_callback_event([CallRecordingEvent::Completed])
        .trim(Trim::DoNotTrim)
        .async_amd(false)
        .recording_track(RecordingTrack::Inbound)
    );
    check!(
        run,
        "create_call_application_for_subaccount",
        CreateCall::new(address("sip:bob@example.com"), address("alice"), APPLICATION)
            .account_sid(SUBACCOUNT)
            .sip_auth_username("alice")
            .sip_auth_password("")
            .caller_id(address("sip:alice@example.com"))
    );
    check!(
        run,
        "update_call_url_every_parameter",
        UpdateCall::new(CALL)
            .redirect(CallRedirect::Url(url("https://example.com/next?step=2&lang=fr-CA")))
            .method(CallbackMethod::Get)
            .status(CallUpdateStatus::Completed)
            .fallback_url(url("https://example.com/fallback?x=%2B1"))
            .fallback_method(CallbackMethod::Get)
            .status_callback(url("https://example.com/ended?call=a+b"))
            .status_callback_method(CallbackMethod::Get)
            .time_limit(60)
    );
    check!(
        run,
        "update_call_twiml_only",
        UpdateCall::new(CALL).redirect(CallRedirect::Twiml("<Response><Hangup/></Response>".into()))
    );
    check!(
        run,
        "update_call_twiml_with_other_parameters",
        UpdateCall::new(CALL)
            .redirect(CallRedirect::Twiml("<Response><Say>Ça va? 1+1=2</Say></Response>".into()))
            .method(CallbackMethod::Post)
            .fallback_url(url("https://example.com/fallback"))
            .status_callback(url("https://example.com/ended"))
            .status_callback_method(CallbackMethod::Post)
            .time_limit(30)
    );
    check!(run, "update_call_cancel", UpdateCall::new(CALL).status(CallUpdateStatus::Canceled));
    check!(
        run,
        "list_calls_every_filter",
        ListCalls::new()
            .to(address("+15558675310"))
            .from(address("client:alice"))
            .parent_call_sid(PARENT_CALL)
            .status(CallStatus::NoAnswer)
            .start_time(utc(2024, 3, 9, 0, 0, 0))
            .start_time_before(utc(2024, 3, 9, 23, 59, 59))
            .start_time_after(utc(2024, 3, 1, 8, 30, 0))
            .end_time(utc(2024, 3, 10, 0, 0, 0))
            .end_time_before(utc(2024, 3, 11, 12, 0, 1))
            .end_time_after(utc(2024, 3, 2, 0, 0, 0))
            .page_token("PAjkl")
            .page(1)
            .page_size(50)
    );
    check!(
        run,
        "list_calls_times_with_offset",
        ListCalls::new()
            .start_time_before(with_offset(120, (2024, 3, 9), (9, 5, 3)))
            .start_time_after(with_offset(-300, (2024, 3, 8), (23, 30, 0)))
    );

    // ---- Messages ----
    check!(run, "create_message_every_parameter", message_every_parameter());
    check!(
        run,
        "create_message_from_and_body",
        CreateMessage::new(to(), message_address("+15017122661"), "Olá! 1+1=2 & 50% off * ~ 👍\nline two")
    );
    check!(
        run,
        "create_message_service_and_media",
        CreateMessage::new(
            to(),
            SERVICE,
            MessageContent::Media(vec![
                url("https://example.com/a.png"),
                url("https://example.com/b.jpg?size=large&v=2"),
                url("https://example.com/ç.gif"),
            ]),
        )
    );
    check!(
        run,
        "create_message_from_service_body_and_media",
        CreateMessage::new(
            to(),
            MessageSender::MessagingService {
                from: Some(message_address("+15017122661")),
                fallback_from: None,
                messaging_service_sid: SERVICE,
            },
            MessageContent::BodyAndMedia {
                body: "See the map".into(),
                media_url: vec![url("https://example.com/map.png?zoom=12")],
            },
        )
    );
    check!(
        run,
        "create_message_template_only",
        CreateMessage::new(to(), SERVICE, TEMPLATE).content_variables(r#"{"1":"Zoë","2":"5+3"}"#)
    );
    check!(
        run,
        "create_message_false_booleans",
        CreateMessage::new(to(), message_address("Acme Inc"), "x")
            .max_price("5")
            .provide_feedback(false)
            .attempt(1)
            .validity_period(1)
            .force_delivery(false)
            .content_retention(ContentRetention::Retain)
            .address_retention(AddressRetention::Retain)
            .smart_encoded(false)
            .persistent_action(["mailto:x@example.com".to_owned()])
            .shorten_urls(false)
            .send_as_mms(false)
            .risk_check(RiskCheck::Enable)
    );
    check!(
        run,
        "create_message_scheduled_with_offset",
        CreateMessage::new(to(), SERVICE, "Reminder: 14:00").schedule(MessageSchedule::Fixed {
            send_at: with_offset(330, (2024, 3, 9), (12, 35, 0)).with_timezone(&Utc),
        })
    );
    check!(run, "update_message_redact", UpdateMessage::new(MESSAGE).body(""));
    check!(run, "update_message_cancel", UpdateMessage::new(MESSAGE).status(UpdateMessageStatus::Canceled));
    check!(
        run,
        "list_messages_every_filter",
        ListMessages::new()
            .to(message_address("whatsapp:+15558675310"))
            .from(message_address("Acme Inc"))
            .date_sent(utc(2024, 3, 9, 0, 0, 0))
            .date_sent_before(utc(2024, 3, 31, 0, 0, 0))
            .date_sent_after(utc(2024, 3, 1, 0, 0, 0))
            .page_token("PAmno")
            .page(4)
            .page_size(100)
    );
    check!(
        run,
        "list_messages_sent_before_day",
        ListMessages::new().account_sid(SUBACCOUNT).date_sent_before(utc(2024, 3, 9, 0, 0, 0))
    );

    run.finish();
}

#[test]
fn move_to_front_moves_one_pair_and_keeps_the_others_in_order() {
    let mut body = "Method=POST&Twiml=%3CR%2F%3E&TimeLimit=30".to_owned();
    move_to_front(&mut body, "Twiml");
    assert_eq!(body, "Twiml=%3CR%2F%3E&Method=POST&TimeLimit=30");
}

/// A deviation cannot hide a change of the fixture: its SDK side must still be there.
#[test]
#[should_panic(expected = "the fixture no longer has Twiml")]
fn a_deviation_whose_sdk_side_is_gone_fails() {
    let sdk = Wire { method: "POST".into(), path: "/x.json".into(), body: "Url=u&Method=GET".into() };
    expected("update_call_twiml_with_other_parameters", &sdk);
}
