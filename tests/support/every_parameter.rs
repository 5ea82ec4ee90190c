//! The Create Participant request with every parameter set, shared by the tests that compare it with
//! the official SDK's body and by the encoding benchmark, so that all of them measure the same request.
//! Included with `#[path]` (this folder is not a test target).

use twilio_endpoint::api::v2010::*;
use twilio_endpoint::values::{Address, ByocTrunkSid, CallSid, CallbackMethod, ConferenceRef, OrEmpty, Url};

pub fn address(text: &str) -> Address {
    text.parse().unwrap()
}

fn url(text: &str) -> Url {
    text.parse().unwrap()
}

pub fn conference() -> ConferenceRef {
    "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap()
}

/// Create Participant with every parameter set and every list filled; the official SDK's fixture
/// holds its body as `create_participant_every_parameter` (66 pairs, 2,172 bytes).
pub fn every_parameter() -> CreateParticipant {
    CreateParticipant::new(conference(), address("+15017122661"), address("+15558675310"))
        .status_callback(url("https://example.com/status?a=1&b=two+words"))
        .status_callback_method(CallbackMethod::Post)
        .status_callback_event(CallEvent::ALL.iter().copied())
        .label("customer * ~ café")
        .timeout(30)
        .record(true)
        .muted(false)
        .beep(Beep::OnEnter)
        .start_conference_on_enter(true)
        .end_conference_on_exit(false)
        .wait_url(OrEmpty::Empty)
        .wait_method(CallbackMethod::Get)
        .early_media(true)
        .max_participants(10)
        .conference_record(ConferenceRecord::RecordFromStart)
        .conference_trim(Trim::TrimSilence)
        .conference_status_callback(url("https://example.com/conference"))
        .conference_status_callback_method(CallbackMethod::Post)
        .conference_status_callback_event(ConferenceEvent::ALL.iter().copied())
        .recording_channels(RecordingChannels::Dual)
        .recording_status_callback(url("https://example.com/recording"))
        .recording_status_callback_method(CallbackMethod::Get)
        .sip_auth_username("alice")
        .sip_auth_password("s3cr3t&=+")
        .region(Region::Ie1)
        .conference_recording_status_callback(url("https://example.com/conference-recording"))
        .conference_recording_status_callback_method(CallbackMethod::Post)
        .recording_status_callback_event([
            RecordingEvent::InProgress,
            RecordingEvent::Completed,
            RecordingEvent::Absent,
        ])
        .conference_recording_status_callback_event(ConferenceRecordingEvent::ALL.iter().copied())
        .coaching(Coaching::Coach {
            call_sid_to_coach: CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"),
        })
        .jitter_buffer_size(JitterBufferSize::Small)
        .byoc("BYcccccccccccccccccccccccccccccccc".parse::<ByocTrunkSid>().unwrap())
        .caller_id(address("+15017122661"))
        .call_reason("Your order #42 & more")
        .recording_track(RecordingTrack::Both)
        .time_limit(3600)
        .machine_detection(MachineDetection::DetectMessageEnd)
        .machine_detection_timeout(30)
        .machine_detection_speech_threshold(2400)
        .machine_detection_speech_end_threshold(1200)
        .machine_detection_silence_timeout(5000)
        .amd_status_callback(url("https://example.com/amd"))
        .amd_status_callback_method(CallbackMethod::Post)
        .trim(Trim::DoNotTrim)
        .call_token("token/with+chars")
        .client_notification_url(url("https://example.com/notify"))
        .caller_display_name("Ada Lovelace")
}
