//! `decode(encode(x)) == x` over generated requests of the catalog's widest endpoints (Create
//! Participant, Create Call, Create Message, Update Call, List Calls with its filters): the path as
//! rendered and the form as `to_form()` writes it read back into the same value.
//!
//! Values are drawn as a person would set them, valid or not: text with non-ASCII characters, `&`,
//! `=`, `+`, `%`, control characters and the empty string; integers in and out of the documented
//! ranges (nothing is validated on the way back); every enum value; lists of none to several items;
//! dates in UTC at whole seconds, as they are sent. The account is always set, since a decoded request
//! names the account of its path. Two kinds of value are left out because their form is another's:
//! a list left empty where its variant is told apart by it (`BodyAndMedia` without media is sent as a
//! `Body`; `validate()` refuses both, see `collapsed_values_are_refused_by_validate`), and an open
//! enum's `Unknown` holding a known value's text.

use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::time::{DateTime, TimeZone as _, Utc};
use twilio_endpoint::values::{
    AccountSid, Address, ApplicationSid, ByocTrunkSid, CallSid, CallbackMethod, ConferenceRef, ContentSid,
    MessagingServiceSid, OrEmpty, Url,
};
use twilio_endpoint::{DecodeRequest, Endpoint, PathWriter};

/// Cases per property; each case is one request of up to 66 pairs.
const CASES: u32 = 1000;

/// Renders `request` as it is sent and reads it back.
fn decoded<E: Endpoint + DecodeRequest>(request: &E) -> E {
    let mut path = PathWriter::default();
    request.write_path(&AccountSid::from_static("ACffffffffffffffffffffffffffffffff"), &mut path);
    let (path, form) = (path.finish(), request.to_form());
    E::decode_request(&path, form.as_bytes())
        .unwrap_or_else(|error| panic!("{error}\n  path {path}\n  form {form}"))
}

/// Text as a field holds it: anything, or the characters a form escapes, often empty.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-zA-Z0-9 &=+%~*é漢👍\r\n]{0,16}", Just(String::new())]
}

fn parsed<T: std::str::FromStr + std::fmt::Debug>(pattern: &'static str) -> impl Strategy<Value = T> {
    pattern.prop_filter_map("does not parse", |text| text.parse().ok())
}

fn account() -> impl Strategy<Value = AccountSid> {
    parsed("AC[0-9a-f]{32}")
}

fn call_sid() -> impl Strategy<Value = CallSid> {
    parsed("CA[0-9a-f]{32}")
}

fn address() -> impl Strategy<Value = Address> {
    prop_oneof![
        parsed("\\+1[2-9][0-9]{9}"),
        parsed("client:[a-zA-Z0-9_]{1,12}"),
        parsed("sip:[a-z]{1,8}@example\\.com(\\?x-[a-z]{1,4}=[a-z0-9&]{1,4})?"),
        parsed("app:AP[0-9a-f]{32}"),
        parsed("[a-z]{1,8}"),
    ]
}

fn message_address() -> impl Strategy<Value = MessageAddress> {
    prop_oneof![
        parsed("\\+1[2-9][0-9]{9}"),
        parsed("[0-9]{5,6}"),
        parsed("[A-Z][a-z &_+-]{0,10}"),
        parsed("whatsapp:\\+1[2-9][0-9]{9}"),
        parsed("messenger:[0-9]{6,12}"),
    ]
}

fn url() -> impl Strategy<Value = Url> {
    parsed("https://example\\.com/[a-zA-Z0-9é%._~-]{0,12}(\\?[a-z]{1,4}=[a-zA-Z0-9%&=+é]{0,8})?")
}

/// An instant at whole seconds, years 1970 to 9999 (`YYYY` is what the form writes).
fn date() -> impl Strategy<Value = DateTime<Utc>> {
    (0..253_402_300_799_i64).prop_map(|seconds| Utc.timestamp_opt(seconds, 0).unwrap())
}

fn method() -> impl Strategy<Value = Option<CallbackMethod>> {
    of(select(CallbackMethod::ALL))
}

fn coaching() -> impl Strategy<Value = Coaching> {
    prop_oneof![
        Just(Coaching::Off),
        call_sid().prop_map(|call_sid_to_coach| Coaching::Coach { call_sid_to_coach }),
        call_sid().prop_map(Coaching::CallSidToCoach),
    ]
}

fn participant() -> impl Strategy<Value = CreateParticipant> {
    let path = (
        account(),
        prop_oneof![
            parsed::<ConferenceRef>("CF[0-9a-f]{32}"),
            "[^\\p{Cc}]{1,12}".prop_map(ConferenceRef::FriendlyName)
        ],
        address(),
        address(),
    );
    let first = (
        of(url()),
        method(),
        vec(select(CallEvent::ALL), 0..5),
        of(text()),
        of(any::<u32>()),
        of(any::<bool>()),
        of(any::<bool>()),
        of(select(Beep::ALL)),
        of(any::<bool>()),
        of(any::<bool>()),
        of(prop_oneof![Just(OrEmpty::Empty), url().prop_map(OrEmpty::Value)]),
        method(),
    );
    let second = (
        of(any::<bool>()),
        of(any::<u32>()),
        of(select(ConferenceRecord::ALL)),
        of(select(Trim::ALL)),
        of(url()),
        method(),
        vec(select(ConferenceEvent::ALL), 0..4),
        of(select(RecordingChannels::ALL)),
        of(url()),
        method(),
        of(text()),
        of(text()),
    );
    let third = (
        of(select(Region::ALL)),
        of(url()),
        method(),
        vec(select(RecordingEvent::ALL), 0..4),
        vec(select(ConferenceRecordingEvent::ALL), 0..3),
        of(coaching()),
        of(select(JitterBufferSize::ALL)),
        of(parsed::<ByocTrunkSid>("BY[0-9a-f]{32}")),
        of(address()),
        of(text()),
        of(select(RecordingTrack::ALL)),
        of(any::<u32>()),
    );
    let fourth = (
        of(select(MachineDetection::ALL)),
        of(any::<u32>()),
        of(any::<u32>()),
        of(any::<u32>()),
        of(any::<u32>()),
        of(url()),
        method(),
        of(select(Trim::ALL)),
        of(text()),
        of(url()),
        of(text()),
    );
    (path, first, second, third, fourth).prop_map(|(path, first, second, third, fourth)| {
        let (account, conference, from, to) = path;
        let (status_callback, status_callback_method, status_callback_event, label, timeout, record, muted) =
            (first.0, first.1, first.2, first.3, first.4, first.5, first.6);
        let (beep, start_conference_on_enter, end_conference_on_exit, wait_url, wait_method) =
            (first.7, first.8, first.9, first.10, first.11);
        CreateParticipant {
            account_sid: Some(account),
            conference_sid: conference,
            from,
            to,
            status_callback,
            status_callback_method,
            status_callback_event,
            label,
            timeout,
            record,
            muted,
            beep,
            start_conference_on_enter,
            end_conference_on_exit,
            wait_url,
            wait_method,
            early_media: second.0,
            max_participants: second.1,
            conference_record: second.2,
            conference_trim: second.3,
            conference_status_callback: second.4,
            conference_status_callback_method: second.5,
            conference_status_callback_event: second.6,
            recording_channels: second.7,
            recording_status_callback: second.8,
            recording_status_callback_method: second.9,
            sip_auth_username: second.10,
            sip_auth_password: second.11,
            region: third.0,
            conference_recording_status_callback: third.1,
            conference_recording_status_callback_method: third.2,
            recording_status_callback_event: third.3,
            conference_recording_status_callback_event: third.4,
            coaching: third.5,
            jitter_buffer_size: third.6,
            byoc: third.7,
            caller_id: third.8,
            call_reason: third.9,
            recording_track: third.10,
            time_limit: third.11,
            machine_detection: fourth.0,
            machine_detection_timeout: fourth.1,
            machine_detection_speech_threshold: fourth.2,
            machine_detection_speech_end_threshold: fourth.3,
            machine_detection_silence_timeout: fourth.4,
            amd_status_callback: fourth.5,
            amd_status_callback_method: fourth.6,
            trim: fourth.7,
            call_token: fourth.8,
            client_notification_url: fourth.9,
            caller_display_name: fourth.10,
        }
    })
}

fn call() -> impl Strategy<Value = CreateCall> {
    let instructions = prop_oneof![
        url().prop_map(CallInstructions::Url),
        text().prop_map(CallInstructions::Twiml),
        parsed::<ApplicationSid>("AP[0-9a-f]{32}").prop_map(CallInstructions::ApplicationSid),
    ];
    let first = (
        account(),
        address(),
        address(),
        method(),
        of(url()),
        method(),
        of(url()),
        vec(select(CallEvent::ALL), 0..5),
        method(),
        of(parsed::<SendDigits>("[0-9A-D#*wW]{0,34}")),
        of(any::<u32>()),
        of(any::<bool>()),
    );
    let second = (
        of(select(RecordingChannels::ALL)),
        of(url()),
        method(),
        of(text()),
        of(text()),
        of(select(MachineDetection::ALL)),
        of(any::<u32>()),
        vec(select(CallRecordingEvent::ALL), 0..4),
        of(select(Trim::ALL)),
        of(address()),
        of(any::<u32>()),
        of(any::<u32>()),
    );
    let third = (
        of(any::<u32>()),
        of(any::<bool>()),
        of(url()),
        method(),
        of(parsed::<ByocTrunkSid>("BY[0-9a-f]{32}")),
        of(text()),
        of(text()),
        of(select(RecordingTrack::ALL)),
        of(any::<u32>()),
        of(url()),
        instructions,
    );
    (first, second, third).prop_map(|(first, second, third)| CreateCall {
        account_sid: Some(first.0),
        to: first.1,
        from: first.2,
        method: first.3,
        fallback_url: first.4,
        fallback_method: first.5,
        status_callback: first.6,
        status_callback_event: first.7,
        status_callback_method: first.8,
        send_digits: first.9,
        timeout: first.10,
        record: first.11,
        recording_channels: second.0,
        recording_status_callback: second.1,
        recording_status_callback_method: second.2,
        sip_auth_username: second.3,
        sip_auth_password: second.4,
        machine_detection: second.5,
        machine_detection_timeout: second.6,
        recording_status_callback_event: second.7,
        trim: second.8,
        caller_id: second.9,
        machine_detection_speech_threshold: second.10,
        machine_detection_speech_end_threshold: second.11,
        machine_detection_silence_timeout: third.0,
        async_amd: third.1,
        async_amd_status_callback: third.2,
        async_amd_status_callback_method: third.3,
        byoc: third.4,
        call_reason: third.5,
        call_token: third.6,
        recording_track: third.7,
        time_limit: third.8,
        client_notification_url: third.9,
        instructions: third.10,
    })
}

fn message() -> impl Strategy<Value = CreateMessage> {
    let sender = prop_oneof![
        message_address().prop_map(MessageSender::From),
        (of(message_address()), of(message_address()), parsed::<MessagingServiceSid>("MG[0-9a-f]{32}"))
            .prop_map(|(from, fallback_from, messaging_service_sid)| MessageSender::MessagingService {
                from,
                fallback_from,
                messaging_service_sid,
            }),
    ];
    // Media lists of at least one item where the variant is told apart by its media (see the top).
    let content = prop_oneof![
        text().prop_map(MessageContent::Body),
        vec(url(), 1..4).prop_map(MessageContent::Media),
        (text(), vec(url(), 1..4))
            .prop_map(|(body, media_url)| MessageContent::BodyAndMedia { body, media_url }),
        (of(text()), vec(url(), 0..4), parsed::<ContentSid>("HX[0-9a-f]{32}")).prop_map(
            |(body, media_url, content_sid)| MessageContent::Template { body, media_url, content_sid }
        ),
    ];
    let first = (
        account(),
        message_address(),
        of(url()),
        of(parsed::<ApplicationSid>("AP[0-9a-f]{32}")),
        of(text()),
        of(any::<bool>()),
        of(any::<u32>()),
        of(any::<u32>()),
        of(any::<bool>()),
        of(select(ContentRetention::ALL)),
        of(select(AddressRetention::ALL)),
        of(any::<bool>()),
    );
    let second = (
        vec(text(), 0..3),
        of(select(TrafficType::ALL)),
        of(any::<bool>()),
        of(date().prop_map(|send_at| MessageSchedule::Fixed { send_at })),
        of(any::<bool>()),
        of(text()),
        of(select(RiskCheck::ALL)),
        sender,
        content,
    );
    (first, second).prop_map(|(first, second)| CreateMessage {
        account_sid: Some(first.0),
        to: first.1,
        status_callback: first.2,
        application_sid: first.3,
        max_price: first.4,
        provide_feedback: first.5,
        attempt: first.6,
        validity_period: first.7,
        force_delivery: first.8,
        content_retention: first.9,
        address_retention: first.10,
        smart_encoded: first.11,
        persistent_action: second.0,
        traffic_type: second.1,
        shorten_urls: second.2,
        schedule: second.3,
        send_as_mms: second.4,
        content_variables: second.5,
        risk_check: second.6,
        sender: second.7,
        content: second.8,
    })
}

fn update_call() -> impl Strategy<Value = UpdateCall> {
    let redirect = prop_oneof![url().prop_map(CallRedirect::Url), text().prop_map(CallRedirect::Twiml)];
    (
        (account(), call_sid(), of(redirect), method(), of(select(CallUpdateStatus::ALL))),
        (of(url()), method(), of(url()), method(), of(any::<u32>())),
    )
        .prop_map(|(first, second)| UpdateCall {
            account_sid: Some(first.0),
            sid: first.1,
            redirect: first.2,
            method: first.3,
            status: first.4,
            fallback_url: second.0,
            fallback_method: second.1,
            status_callback: second.2,
            status_callback_method: second.3,
            time_limit: second.4,
        })
}

fn list_calls() -> impl Strategy<Value = ListCalls> {
    // An unknown status whose text is no known status's, in any case.
    let status = prop_oneof![
        select(CallStatus::ALL),
        "x-[a-z]{1,8}".prop_map(|text| text.parse::<CallStatus>().unwrap())
    ];
    (
        (account(), of(address()), of(address()), of(call_sid()), of(status), of(date()), of(date())),
        (of(date()), of(date()), of(date()), of(date()), of(text()), of(any::<u32>()), of(any::<u32>())),
    )
        .prop_map(|(first, second)| ListCalls {
            account_sid: Some(first.0),
            to: first.1,
            from: first.2,
            parent_call_sid: first.3,
            status: first.4,
            start_time: first.5,
            start_time_before: first.6,
            start_time_after: second.0,
            end_time: second.1,
            end_time_before: second.2,
            end_time_after: second.3,
            page_token: second.4,
            page: second.5,
            page_size: second.6,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn create_participant_reads_back(request in participant()) {
        prop_assert_eq!(decoded(&request), request);
    }

    #[test]
    fn create_call_reads_back(request in call()) {
        prop_assert_eq!(decoded(&request), request);
    }

    #[test]
    fn create_message_reads_back(request in message()) {
        prop_assert_eq!(decoded(&request), request);
    }

    #[test]
    fn update_call_reads_back(request in update_call()) {
        prop_assert_eq!(decoded(&request), request);
    }

    #[test]
    fn list_calls_reads_back(request in list_calls()) {
        prop_assert_eq!(decoded(&request), request);
    }
}

/// The values left out above are sent as another value is, or as nothing, and are requests
/// `validate()` refuses: a list of media may not be empty where it is what makes the variant.
#[test]
fn collapsed_values_are_refused_by_validate() {
    let path = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages.json";
    let request = |content| {
        let to: MessageAddress = "+15558675310".parse().unwrap();
        let from: MessageAddress = "+15017122661".parse().unwrap();
        CreateMessage::new(to, from, content)
    };

    let body_without_media =
        request(MessageContent::BodyAndMedia { body: "hi".into(), media_url: Vec::new() });
    assert!(body_without_media.validate().is_err());
    let decoded = CreateMessage::decode_request(path, body_without_media.to_form().as_bytes()).unwrap();
    assert_eq!(decoded.content, MessageContent::Body("hi".into()));

    let no_media = request(MessageContent::Media(Vec::new()));
    assert!(no_media.validate().is_err());
    let error = CreateMessage::decode_request(path, no_media.to_form().as_bytes()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "none of the keys of `MessageContent` is sent, but it is required; allowed: `Body`; `MediaUrl`; \
         `Body` with `MediaUrl`; `ContentSid`, optionally with `Body`, `MediaUrl`"
    );
}
