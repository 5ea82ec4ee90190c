//! Create Participant without a network: the body against what Twilio's official Python SDK sends,
//! and every documented rule enforced by `validate()` with a message naming the parameter.

use twilio_endpoint::Rule;
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::values::{Address, CallSid, ConferenceRef, OrEmpty};

fn address(text: &str) -> Address {
    text.parse().unwrap()
}

fn conference() -> ConferenceRef {
    "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap()
}

/// The fixture `scripts/sdk_wire.py` wrote from the official SDK's own requests.
fn sdk_body(scenario: &str) -> String {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/sdk_wire.json")).expect("the fixture is JSON");
    fixture[scenario]["body"].as_str().expect("the scenario has a body").to_owned()
}

#[path = "support/every_parameter.rs"]
mod every_parameter;
use every_parameter::every_parameter;

#[test]
fn every_parameter_encodes_as_the_official_sdk_does() {
    let request = every_parameter();
    request.validate().expect("the request is valid");
    assert_eq!(request.to_form(), sdk_body("create_participant_every_parameter"));
}

#[test]
fn required_parameters_only_encode_as_the_official_sdk_does() {
    let request =
        CreateParticipant::new(conference(), address("+15017122661"), address("client:bob?ticket=42"));
    request.validate().expect("the request is valid");
    assert_eq!(request.to_form(), sdk_body("create_participant_required_only"));
}

#[test]
fn unset_is_omitted_but_an_empty_wait_url_is_sent() {
    let base = CreateParticipant::new(conference(), address("+15017122661"), address("+15558675310"));
    assert_eq!(base.to_form(), "From=%2B15017122661&To=%2B15558675310");
    assert_eq!(base.wait_url(OrEmpty::Empty).to_form(), "From=%2B15017122661&To=%2B15558675310&WaitUrl=");
}

/// Each documented bound, just outside and just inside.
#[test]
fn every_range_is_enforced_at_both_ends() {
    type Setter = fn(CreateParticipant, u32) -> CreateParticipant;
    let cases: [(&str, Setter, u32, u32); 6] = [
        ("Timeout", CreateParticipant::timeout, 5, 600),
        ("MaxParticipants", CreateParticipant::max_participants, 2, 250),
        ("MachineDetectionTimeout", CreateParticipant::machine_detection_timeout, 3, 59),
        (
            "MachineDetectionSpeechThreshold",
            CreateParticipant::machine_detection_speech_threshold,
            1000,
            6000,
        ),
        (
            "MachineDetectionSpeechEndThreshold",
            CreateParticipant::machine_detection_speech_end_threshold,
            500,
            5000,
        ),
        ("MachineDetectionSilenceTimeout", CreateParticipant::machine_detection_silence_timeout, 2000, 10000),
    ];
    let base = || CreateParticipant::new(conference(), address("+15017122661"), address("+15558675310"));
    for (key, set, min, max) in cases {
        for inside in [min, max] {
            assert!(set(base(), inside).validate().is_ok(), "{key}={inside} is allowed");
        }
        for outside in [min - 1, max + 1] {
            let errors = set(base(), outside).validate().expect_err("out of range");
            let [violation] = errors.violations() else { panic!("one violation expected: {errors}") };
            assert_eq!(violation.key(), key);
            assert_eq!(violation.rule(), &Rule::Range { min: min.into(), max: max.into() });
            assert_eq!(
                violation.to_string(),
                format!("{key}: must be between {min} and {max}, got {outside}")
            );
        }
    }
}

#[test]
fn caller_display_name_is_two_to_255_characters() {
    let base =
        || CreateParticipant::new(conference(), address("+15017122661"), address("sip:bob@example.com"));
    assert!(base().caller_display_name("Al").validate().is_ok());
    assert!(base().caller_display_name("é".repeat(255)).validate().is_ok());
    for bad in ["A".to_owned(), "é".repeat(256)] {
        let errors = base().caller_display_name(bad).validate().unwrap_err();
        assert_eq!(errors.violations()[0].key(), "CallerDisplayName");
        assert!(errors.to_string().contains("must have between 2 and 255 characters"), "{errors}");
    }
}

#[test]
fn coaching_encodes_each_documented_form() {
    let base = || CreateParticipant::new(conference(), address("+15017122661"), address("+15558675310"));
    let coach = CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    let tail =
        |request: CreateParticipant| request.to_form().replace("From=%2B15017122661&To=%2B15558675310", "");
    assert_eq!(tail(base().coaching(Coaching::Off)), "&Coaching=false");
    assert_eq!(
        tail(base().coaching(Coaching::Coach { call_sid_to_coach: coach })),
        "&Coaching=true&CallSidToCoach=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    );
    // Twilio's own example sends only the SID to coach, and Twilio then coaches.
    assert_eq!(
        tail(base().coaching(Coaching::CallSidToCoach(coach))),
        "&CallSidToCoach=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    );
}

#[test]
fn from_and_caller_id_must_be_phone_numbers_when_to_is_one() {
    let request = CreateParticipant::new(conference(), address("client:alice"), address("+15558675310"))
        .caller_id(address("sip:alice@example.com"));
    let errors = request.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "invalid request (2 violations):\n  \
         - From: must be a phone number when `To` is a phone number, got client:alice\n  \
         - CallerId: must be a phone number when `To` is a phone number, got sip:alice@example.com"
    );
    // A client calling a client, or a SIP user name calling a SIP address, is fine.
    assert!(
        CreateParticipant::new(conference(), address("client:alice"), address("client:bob"))
            .validate()
            .is_ok()
    );
    assert!(
        CreateParticipant::new(conference(), address("alice"), address("sip:bob@example.com"))
            .validate()
            .is_ok()
    );
}

#[test]
fn every_violation_is_reported_at_once() {
    let request = CreateParticipant::new(conference(), address("+15017122661"), address("+15558675310"))
        .timeout(700)
        .max_participants(1)
        .caller_id(address("client:alice"));
    let keys: Vec<_> =
        request.validate().unwrap_err().violations().iter().map(|v| v.key().to_owned()).collect();
    assert_eq!(keys, ["Timeout", "MaxParticipants", "CallerId"]);
}

#[test]
fn a_friendly_name_is_one_checked_path_segment() {
    let request = CreateParticipant::new(
        "../Calls".parse::<ConferenceRef>().unwrap(),
        address("+15017122661"),
        address("+15558675310"),
    );
    let errors = request.validate().unwrap_err();
    assert_eq!(errors.violations()[0].key(), "ConferenceSid");
}

#[test]
fn debug_hides_secrets() {
    let shown = format!("{:?}", every_parameter());
    assert!(!shown.contains("s3cr3t"), "{shown}");
    assert!(!shown.contains("token/with"), "{shown}");
    assert!(shown.contains("sip_auth_password: <redacted>"), "{shown}");
    assert!(shown.contains("sip_auth_username: Some(\"alice\")"), "{shown}");
}

/// The address forms of the description's own Create Participant examples, each valid in its role:
/// a SIP user name calling a SIP address (`createWithFromToSip`), a number calling a TwiML App
/// (`createWithFromToTwimlapp`), clients (`createWithFromToClient`), national numbers
/// (`createWithNonE164Number`).
#[test]
fn the_address_forms_of_the_description_examples_are_valid() {
    for (from, to) in [
        ("alice", "sip:bob@twilio.com"),
        ("+17736774757", "app:APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        ("client:alice", "client:bob"),
        ("4405512345678", "4157663747"),
    ] {
        let request = CreateParticipant::new(conference(), address(from), address(to));
        request.validate().unwrap_or_else(|errors| panic!("{from} -> {to}: {errors}"));
    }
    let caller_id = CreateParticipant::new(conference(), address("alice"), address("sip:bob@twilio.com"))
        .caller_id(address("alice"));
    caller_id.validate().expect("a SIP user name as `CallerId` of a call to a SIP address");
}

/// Twilio documents `app:` for `To` only and a bare SIP user name for `From` and `CallerId` of a call
/// to a SIP address only; each misuse names its parameter.
#[test]
fn each_address_is_checked_in_its_role() {
    let app = || address("app:APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let cases = [
        (
            CreateParticipant::new(conference(), address("client:alice"), address("bob")),
            "invalid request: To: must be a phone number, `client:NAME`, `sip:USER@HOST` or `app:AP…`: a bare \
             SIP user name is only a caller (`From`, `CallerId`) of a SIP address, got bob",
        ),
        (
            CreateParticipant::new(conference(), app(), address("client:bob")),
            "invalid request: From: must not be a TwiML App (`app:AP…`), which can only be called (`To`), got \
             app:APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ),
        (
            CreateParticipant::new(conference(), address("hello"), address("+15558675310")),
            "invalid request: From: must be a phone number when `To` is a phone number (a bare SIP user name \
             only calls a SIP address, `sip:…`), got hello",
        ),
        (
            CreateParticipant::new(conference(), address("client:alice"), address("client:bob"))
                .caller_id(address("hello")),
            "invalid request: CallerId: must not be a bare SIP user name unless `To` is a SIP address \
             (`sip:…`), and `To` is a client (`client:NAME`), got hello",
        ),
        (
            CreateParticipant::new(conference(), address("+15017122661"), address("+15558675310"))
                .caller_id(address("client:alice")),
            "invalid request: CallerId: must be a phone number when `To` is a phone number, got client:alice",
        ),
    ];
    for (request, message) in cases {
        assert_eq!(request.validate().unwrap_err().to_string(), message);
    }
}

/// The description's examples write some values otherwise than its documentation: `MachineDetection`
/// is documented `Enable` and sent `enable` there. Each example's spelling parses, and the documented
/// one is what goes out.
#[test]
fn the_enum_spellings_of_the_description_examples_parse() {
    let machine_detection: MachineDetection = "enable".parse().unwrap();
    assert_eq!(machine_detection, MachineDetection::Enable);
    let request = CreateParticipant::new(conference(), address("+17736774757"), address("+14157663747"))
        .beep("onEnter".parse::<Beep>().unwrap())
        .trim("do-not-trim".parse::<Trim>().unwrap())
        .recording_track("inbound".parse::<RecordingTrack>().unwrap())
        .jitter_buffer_size("small".parse::<JitterBufferSize>().unwrap())
        .status_callback_event(["ringing".parse::<CallEvent>().unwrap()])
        .machine_detection(machine_detection);
    request.validate().expect("the example is valid");
    assert_eq!(
        request.to_form(),
        "From=%2B17736774757&To=%2B14157663747&StatusCallbackEvent=ringing&Beep=onEnter&JitterBufferSize=small\
         &RecordingTrack=inbound&MachineDetection=Enable&Trim=do-not-trim"
    );
    assert_eq!("false".parse::<Beep>().unwrap(), Beep::False);
    assert_eq!(
        "DetectMessageEnd".to_lowercase().parse::<MachineDetection>().unwrap(),
        MachineDetection::DetectMessageEnd
    );
}
