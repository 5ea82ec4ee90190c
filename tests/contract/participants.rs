//! Contract variants of the participants operations: Create, Fetch, Update, Delete and List.
//!
//! Left out, because Prism or the description rejects what Twilio accepts (the catalog stays as
//! Twilio documents it; `tests/participants.rs` and `tests/create_participant.rs` check these on the
//! wire):
//! - the four event lists of Create Participant (`StatusCallbackEvent`,
//!   `ConferenceStatusCallbackEvent`, `RecordingStatusCallbackEvent`,
//!   `ConferenceRecordingStatusCallbackEvent`). Twilio, and its SDKs, send a list as the key repeated
//!   once per item; Prism 5.16 reads a form body into one string per key (the last one wins) and
//!   turns it into an array only for a property the description gives an `encoding`, which these do
//!   not have, so it answers "must be array" to any list, of one item or several;
//! - `WaitUrl=` (the empty string), which the description's prose documents ("specify an empty string
//!   by setting `wait_url` to `''`" for no hold music) but its schema declares `format: uri`, which
//!   Prism enforces.
//!
//! `ClientNotificationUrl` and `CallerDisplayName` are sent although the pinned description (older
//! than the one the catalog follows) lacks them: Prism lets keys it does not know through, so for
//! these two the contract shows only that they do not spoil the request.

use twilio_endpoint::api::v2010::{
    Beep, CallEvent, Coaching, ConferenceEvent, ConferenceRecord, ConferenceRecordingEvent,
    CreateParticipant, DeleteParticipant, FetchParticipant, JitterBufferSize, ListParticipants,
    MachineDetection, ParticipantRef, RecordingChannels, RecordingEvent, RecordingTrack, Region, Trim,
    UpdateParticipant,
};
use twilio_endpoint::values::{
    AccountSid, Address, CallSid, CallbackMethod, ConferenceRef, ConferenceSid, OrEmpty, Url,
};

use super::Contract;
use super::every_parameter::every_parameter;

const SUBACCOUNT: AccountSid = AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const CALL: CallSid = CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const COACHED: CallSid = CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
/// A participant label that needs escaping in the path: a space, reserved characters, non-ASCII.
const LABEL: &str = "agent 1 & co: 50% +é";

fn url(text: &str) -> Url {
    text.parse().expect("a valid URL")
}

fn address(text: &str) -> Address {
    text.parse().expect("a valid address")
}

/// The `i`-th value of `all`, cycling, so that a few requests carry every value of every enum.
fn pick<T: Copy>(all: &[T], i: usize) -> T {
    all[i % all.len()]
}

fn label() -> ParticipantRef {
    ParticipantRef::Label(LABEL.into())
}

pub async fn run(contract: &Contract) {
    create(contract).await;
    fetch(contract).await;
    update(contract).await;
    delete(contract).await;
    list(contract).await;
    lists(contract);
}

/// The shared every-parameter request (`tests/support/every_parameter.rs`) in a subaccount, less
/// what Prism rejects (see the module comment): the event lists emptied, which sends none of their
/// keys, and a hold music URL for `WaitUrl=`.
fn create_every_parameter() -> CreateParticipant {
    every_parameter()
        .account_sid(SUBACCOUNT)
        .wait_url(url("https://example.com/wait"))
        .status_callback_event([])
        .conference_status_callback_event([])
        .recording_status_callback_event([])
        .conference_recording_status_callback_event([])
}

async fn create(contract: &Contract) {
    let phone = || address("+15558675310");
    let from = || address("+15017122661");

    contract.check("CreateParticipant: every parameter", &create_every_parameter()).await;
    contract
        .check(
            "CreateParticipant: only the required ones",
            &CreateParticipant::new(CONFERENCE, from(), phone()),
        )
        .await;
    contract
        .check(
            "CreateParticipant: a friendly name (escaped) in the path",
            &CreateParticipant::new("Room 1 & co: 50% +é".parse::<ConferenceRef>().unwrap(), from(), phone()),
        )
        .await;
    contract
        .check(
            "CreateParticipant: a subaccount in the path",
            &CreateParticipant::new(CONFERENCE, from(), phone()).account_sid(SUBACCOUNT),
        )
        .await;

    // Each form of address `To` takes, with a `From` that fits it (a bare SIP user name only calls a
    // SIP address).
    for (to, from) in [
        ("client:alice", "client:agent"),
        ("sip:bob@example.com;transport=tls", "agent"),
        ("app:APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "+15017122661"),
    ] {
        contract
            .check(
                &format!("CreateParticipant: To={to}, From={from}"),
                &CreateParticipant::new(CONFERENCE, address(from), address(to)),
            )
            .await;
    }

    // Every value of every enum parameter, spread over as many requests as the longest enum has
    // values.
    for i in 0..Region::ALL.len() {
        let request = CreateParticipant::new(CONFERENCE, from(), phone())
            .status_callback_method(pick(CallbackMethod::ALL, i))
            .beep(pick(Beep::ALL, i))
            .wait_method(pick(CallbackMethod::ALL, i + 1))
            .conference_record(pick(ConferenceRecord::ALL, i))
            .conference_trim(pick(Trim::ALL, i))
            .conference_status_callback_method(pick(CallbackMethod::ALL, i))
            .recording_channels(pick(RecordingChannels::ALL, i))
            .recording_status_callback_method(pick(CallbackMethod::ALL, i + 1))
            .region(pick(Region::ALL, i))
            .conference_recording_status_callback_method(pick(CallbackMethod::ALL, i))
            .jitter_buffer_size(pick(JitterBufferSize::ALL, i))
            .recording_track(pick(RecordingTrack::ALL, i))
            .machine_detection(pick(MachineDetection::ALL, i))
            .amd_status_callback_method(pick(CallbackMethod::ALL, i + 1))
            .trim(pick(Trim::ALL, i + 1));
        contract.check(&format!("CreateParticipant: enum values, round {i}"), &request).await;
    }

    for (name, coaching) in [
        ("Coaching=false", Coaching::Off),
        ("Coaching=true with CallSidToCoach", Coaching::Coach { call_sid_to_coach: COACHED }),
        ("CallSidToCoach alone", Coaching::CallSidToCoach(COACHED)),
    ] {
        contract
            .check(
                &format!("CreateParticipant: {name}"),
                &CreateParticipant::new(CONFERENCE, from(), phone()).coaching(coaching),
            )
            .await;
    }

    // Each numeric parameter at both ends of its documented range.
    for (end, low) in [("lower", true), ("upper", false)] {
        let at = |low_value: u32, high_value: u32| if low { low_value } else { high_value };
        let request = CreateParticipant::new(CONFERENCE, from(), phone())
            .timeout(at(5, 600))
            .max_participants(at(2, 250))
            .machine_detection_timeout(at(3, 59))
            .machine_detection_speech_threshold(at(1000, 6000))
            .machine_detection_speech_end_threshold(at(500, 5000))
            .machine_detection_silence_timeout(at(2000, 10000))
            .caller_display_name(if low { "ab".to_owned() } else { "x".repeat(255) });
        contract.check(&format!("CreateParticipant: every range at its {end} end"), &request).await;
    }
}

async fn fetch(contract: &Contract) {
    contract.check("FetchParticipant: by call SID", &FetchParticipant::new(CONFERENCE, CALL)).await;
    contract.check("FetchParticipant: by label", &FetchParticipant::new(CONFERENCE, label())).await;
    contract
        .check(
            "FetchParticipant: a subaccount in the path",
            &FetchParticipant::new(CONFERENCE, CALL).account_sid(SUBACCOUNT),
        )
        .await;
}

async fn update(contract: &Contract) {
    let every_parameter = UpdateParticipant::new(CONFERENCE, CALL)
        .account_sid(SUBACCOUNT)
        .muted(true)
        .hold(true)
        .hold_url(url("https://example.com/hold.mp3"))
        .hold_method(CallbackMethod::Get)
        .announce_url(url("https://example.com/announce?x=1"))
        .announce_method(CallbackMethod::Post)
        .wait_url(url("https://example.com/wait"))
        .wait_method(CallbackMethod::Get)
        .beep_on_exit(true)
        .end_conference_on_exit(false)
        .coaching(Coaching::Coach { call_sid_to_coach: COACHED });
    contract.check("UpdateParticipant: every parameter", &every_parameter).await;
    contract
        .check("UpdateParticipant: only the required ones", &UpdateParticipant::new(CONFERENCE, CALL))
        .await;
    contract
        .check("UpdateParticipant: by label", &UpdateParticipant::new(CONFERENCE, label()).muted(false))
        .await;
    contract
        .check(
            "UpdateParticipant: a subaccount in the path",
            &UpdateParticipant::new(CONFERENCE, CALL).account_sid(SUBACCOUNT).muted(true),
        )
        .await;

    let hold = || UpdateParticipant::new(CONFERENCE, CALL);
    let music = || url("https://example.com/hold");
    for (name, request) in [
        ("Hold=false", hold().hold(false)),
        ("Hold=true", hold().hold(true)),
        (
            "Hold=true with HoldUrl and HoldMethod=POST",
            hold().hold(true).hold_url(music()).hold_method(CallbackMethod::Post),
        ),
        // The music of a participant already on hold, changed.
        ("HoldUrl and HoldMethod without Hold", hold().hold_url(music()).hold_method(CallbackMethod::Get)),
    ] {
        contract.check(&format!("UpdateParticipant: {name}"), &request).await;
    }

    for (name, coaching) in [
        ("Coaching=false", Coaching::Off),
        ("Coaching=true with CallSidToCoach", Coaching::Coach { call_sid_to_coach: COACHED }),
        ("CallSidToCoach alone", Coaching::CallSidToCoach(COACHED)),
    ] {
        contract
            .check(
                &format!("UpdateParticipant: {name}"),
                &UpdateParticipant::new(CONFERENCE, CALL).coaching(coaching),
            )
            .await;
    }

    for method in CallbackMethod::ALL.iter().copied() {
        let request = UpdateParticipant::new(CONFERENCE, CALL)
            .announce_url(url("https://example.com/announce"))
            .announce_method(method)
            .wait_url(url("https://example.com/wait"))
            .wait_method(method);
        contract.check(&format!("UpdateParticipant: AnnounceMethod and WaitMethod {method}"), &request).await;
    }
}

async fn delete(contract: &Contract) {
    contract.check("DeleteParticipant: by call SID", &DeleteParticipant::new(CONFERENCE, CALL)).await;
    contract.check("DeleteParticipant: by label", &DeleteParticipant::new(CONFERENCE, label())).await;
    contract
        .check(
            "DeleteParticipant: a subaccount in the path",
            &DeleteParticipant::new(CONFERENCE, CALL).account_sid(SUBACCOUNT),
        )
        .await;
}

async fn list(contract: &Contract) {
    let every_parameter = ListParticipants::new(CONFERENCE)
        .account_sid(SUBACCOUNT)
        .muted(true)
        .hold(false)
        .coaching(true)
        .page_token("PAaaaa")
        .page(2)
        .page_size(1000);
    contract.check("ListParticipants: every parameter", &every_parameter).await;
    contract.check("ListParticipants: only the required ones", &ListParticipants::new(CONFERENCE)).await;
    contract
        .check(
            "ListParticipants: a subaccount in the path",
            &ListParticipants::new(CONFERENCE).account_sid(SUBACCOUNT),
        )
        .await;
    for value in [false, true] {
        let request =
            ListParticipants::new(CONFERENCE).muted(value).hold(!value).coaching(value).page(0).page_size(1);
        contract.check(&format!("ListParticipants: filters {value}/{}", !value), &request).await;
    }
}

/// The event lists, each with several items (every value), and the empty `WaitUrl`, for the
/// conformance check only (see the module comment for what Prism gets wrong).
fn lists(contract: &Contract) {
    let request = CreateParticipant::new(CONFERENCE, address("+15017122661"), address("+15558675310"))
        .status_callback_event(CallEvent::ALL.iter().copied())
        .conference_status_callback_event(ConferenceEvent::ALL.iter().copied())
        .recording_status_callback_event(RecordingEvent::ALL.iter().copied())
        .conference_recording_status_callback_event(ConferenceRecordingEvent::ALL.iter().copied());
    let prism_lists = "Prism 5.16 reads a form key once and answers \"must be array\" to any list";
    contract.record_only("CreateParticipant: every event list with every value", &request, prism_lists);
    let no_music = "the description's schema says `format: uri`, its prose documents the empty string";
    let create = CreateParticipant::new(CONFERENCE, address("+15017122661"), address("+15558675310"))
        .wait_url(OrEmpty::Empty);
    contract.record_only("CreateParticipant: WaitUrl empty (no hold music)", &create, no_music);
    let update = UpdateParticipant::new(CONFERENCE, CALL).wait_url(OrEmpty::Empty);
    contract.record_only("UpdateParticipant: WaitUrl empty (no hold music)", &update, no_music);
}
