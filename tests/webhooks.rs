//! The catalog's webhook payloads decoded from bodies as Twilio posts them (the parameters of Twilio's
//! documentation, with realistic values), their errors, what they keep of parameters they do not
//! declare, and the ties between the subscriptions of requests and the events received.

use chrono::{DateTime, Utc};
use twilio_endpoint::api::v2010::webhooks::{
    CallProgressStatus, CallStatusCallback, CallbackSource, ConferenceRecordingStatusCallback,
    ConferenceStatusCallback, ConferenceStatusEvent, IncomingCall, IncomingMessage, MachineDetectionCallback,
    MessageStatusCallback, ParticipantLeftReason, RecordingStatus, RecordingStatusCallback,
};
use twilio_endpoint::api::v2010::{
    AnsweredBy, CallDirection, CallEvent, CallRecordingEvent, ConferenceEndReason, ConferenceEvent,
    ConferenceRecordingEvent, MessageStatus, RecordingEvent, RecordingSource,
};
use twilio_endpoint::values::{AccountSid, CallSid, ConferenceSid, MessageSid, RecordingSid};
use twilio_endpoint::{FormDecodeError, OtherParams, Problem, Webhook};

const ACCOUNT: &str = "AC25e16e9a716a4a8617a7c83f58e30482";
const CONFERENCE: &str = "CFe08c870b500f6e44a9ad184defd1f391";
const CALL: &str = "CA25e16e9a716a4a1786a7c83f58e30482";
const PARENT_CALL: &str = "CA0e7f2cab5a1a2d2d0a9e8f7c6b5a4d3c";
const RECORDING: &str = "RE557ce644e5ab84fa21cc21112e22c485";
const MESSAGE: &str = "SM2a0e2d2d0a9e8f7c6b5a4d3c0e7f2cab";
const MMS: &str = "MM2a0e2d2d0a9e8f7c6b5a4d3c0e7f2cab";
const SERVICE: &str = "MG9752274e9e519418a7406176694466fa";

/// A body as Twilio posts it: the pairs, form-encoded.
fn body(pairs: &[(&str, &str)]) -> Vec<u8> {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish().into_bytes()
}

/// `pairs` without `key`, or with its value replaced.
fn with(
    pairs: &[(&'static str, &'static str)],
    key: &str,
    value: Option<&'static str>,
) -> Vec<(&'static str, &'static str)> {
    let mut pairs: Vec<_> = pairs.iter().copied().filter(|(k, _)| *k != key).collect();
    if let Some(value) = value {
        pairs.push((leak(key), value));
    }
    pairs
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn decode<T: Webhook>(pairs: &[(&str, &str)]) -> Result<T, FormDecodeError> {
    T::from_form(&body(pairs))
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
}

const CONFERENCE_JOIN: &[(&str, &str)] = &[
    ("ConferenceSid", CONFERENCE),
    ("FriendlyName", "MyConf"),
    ("AccountSid", ACCOUNT),
    ("SequenceNumber", "1"),
    ("Timestamp", "Thu, 1 Jun 2017 20:48:32 +0000"),
    ("StatusCallbackEvent", "participant-join"),
    ("CallSid", CALL),
    ("Muted", "false"),
    ("Hold", "false"),
    ("Coaching", "false"),
    ("EndConferenceOnExit", "false"),
    ("StartConferenceOnEnter", "true"),
    ("ParticipantLabel", "customer"),
];

#[test]
fn conference_participant_join() {
    let callback: ConferenceStatusCallback = decode(CONFERENCE_JOIN).unwrap();
    assert_eq!(callback.conference_sid, CONFERENCE.parse::<ConferenceSid>().unwrap());
    assert_eq!(callback.friendly_name, "MyConf");
    assert_eq!(callback.account_sid, ACCOUNT.parse::<AccountSid>().unwrap());
    assert_eq!(callback.sequence_number, 1);
    // RFC 2822, as every Twilio callback writes its dates.
    assert_eq!(callback.timestamp, at("2017-06-01T20:48:32Z"));
    assert_eq!(callback.status_callback_event, ConferenceStatusEvent::ParticipantJoin);
    assert_eq!(callback.call_sid, Some(CALL.parse().unwrap()));
    assert_eq!(
        (callback.muted, callback.hold, callback.coaching, callback.end_conference_on_exit),
        (Some(false), Some(false), Some(false), Some(false))
    );
    assert_eq!(callback.start_conference_on_enter, Some(true));
    assert_eq!(callback.participant_label.as_deref(), Some("customer"));
    assert_eq!(callback.reason_conference_ended, None);
    assert_eq!(callback.reason_participant_left, None);
    assert!(callback.other.is_empty(), "{:?}", callback.other);
    assert_eq!(callback.dedup_key(), (CONFERENCE.parse().unwrap(), 1));
}

#[test]
fn conference_end_and_participant_leave_carry_their_reasons() {
    let end: ConferenceStatusCallback = decode(&[
        ("ConferenceSid", CONFERENCE),
        ("FriendlyName", "MyConf"),
        ("AccountSid", ACCOUNT),
        ("SequenceNumber", "9"),
        ("Timestamp", "Thu, 01 Jun 2017 21:02:10 +0000"),
        ("StatusCallbackEvent", "conference-end"),
        ("CallSidEndingConference", CALL),
        ("ParticipantLabelEndingConference", "moderator"),
        ("ReasonConferenceEnded", "participant-with-end-conference-on-exit-left"),
        (
            "Reason",
            "Participant CA25e16e9a716a4a1786a7c83f58e30482 with endConferenceOnExit left the conference",
        ),
    ])
    .unwrap();
    assert_eq!(end.status_callback_event, ConferenceStatusEvent::ConferenceEnd);
    assert_eq!(end.call_sid, None);
    assert_eq!(end.call_sid_ending_conference, Some(CALL.parse().unwrap()));
    assert_eq!(end.participant_label_ending_conference.as_deref(), Some("moderator"));
    assert_eq!(
        end.reason_conference_ended,
        Some(ConferenceEndReason::ParticipantWithEndConferenceOnExitLeft)
    );
    assert!(end.reason.unwrap().contains("endConferenceOnExit"));

    let leave: ConferenceStatusCallback = decode(&[
        ("ConferenceSid", CONFERENCE),
        ("FriendlyName", "MyConf"),
        ("AccountSid", ACCOUNT),
        ("SequenceNumber", "7"),
        ("Timestamp", "Thu, 01 Jun 2017 21:01:55 +0000"),
        ("StatusCallbackEvent", "participant-leave"),
        ("CallSid", CALL),
        ("Muted", "false"),
        ("Hold", "false"),
        ("Coaching", "false"),
        ("EndConferenceOnExit", "false"),
        ("StartConferenceOnEnter", "true"),
        ("ParticipantCallStatus", "completed"),
        ("ReasonParticipantLeft", "participant_hung_up"),
    ])
    .unwrap();
    assert_eq!(leave.participant_call_status, Some(CallProgressStatus::Completed));
    assert_eq!(leave.reason_participant_left, Some(ParticipantLeftReason::ParticipantHungUp));
}

#[test]
fn conference_announcement_failed() {
    let failed: ConferenceStatusCallback = decode(&[
        ("ConferenceSid", CONFERENCE),
        ("FriendlyName", "MyConf"),
        ("AccountSid", ACCOUNT),
        ("SequenceNumber", "4"),
        ("Timestamp", "Thu, 01 Jun 2017 20:50:00 +0000"),
        ("StatusCallbackEvent", "announcement-fail"),
        ("AnnounceUrl", "https://example.com/announce.xml"),
        ("ReasonAnnouncementFailed", "Internal error"),
    ])
    .unwrap();
    assert_eq!(failed.status_callback_event, ConferenceStatusEvent::AnnouncementFail);
    assert_eq!(failed.announce_url.as_deref(), Some("https://example.com/announce.xml"));
    assert_eq!(failed.reason_announcement_failed.as_deref(), Some("Internal error"));
}

#[test]
fn unknown_keys_are_kept_and_unknown_values_stay_unknown() {
    let mut pairs = with(CONFERENCE_JOIN, "StatusCallbackEvent", Some("participant-whisper"));
    pairs.push(("ReasonParticipantLeft", "participant_teleported"));
    pairs.push(("AddedLater", "1"));
    pairs.push(("AddedLater", "2"));
    pairs.push(("ConferenceRegion", "ie1"));
    let callback: ConferenceStatusCallback = decode(&pairs).unwrap();
    assert_eq!(callback.status_callback_event, ConferenceStatusEvent::Unknown("participant-whisper".into()));
    assert_eq!(callback.status_callback_event.subscription(), None);
    assert_eq!(
        callback.reason_participant_left,
        Some(ParticipantLeftReason::Unknown("participant_teleported".into()))
    );
    assert_eq!(callback.other.get("AddedLater"), Some("1"));
    assert_eq!(callback.other.get_all("AddedLater").collect::<Vec<_>>(), ["1", "2"]);
    assert_eq!(callback.other.get("ConferenceRegion"), Some("ie1"));
    // Only what no field read: the declared keys are not repeated there.
    assert_eq!(callback.other.len(), 3);
    assert!(!callback.other.contains_key("ConferenceSid"));
}

#[test]
fn a_missing_or_malformed_key_is_an_error_naming_it() {
    let error =
        decode::<ConferenceStatusCallback>(&with(CONFERENCE_JOIN, "SequenceNumber", None)).unwrap_err();
    assert_eq!(error.to_string(), "`SequenceNumber`: required, but absent");
    assert_eq!((error.key(), error.problem()), ("SequenceNumber", &Problem::MissingKey));

    let error = decode::<ConferenceStatusCallback>(&with(CONFERENCE_JOIN, "Timestamp", Some("yesterday")))
        .unwrap_err();
    assert_eq!(error.key(), "Timestamp");
    assert_eq!(
        error.to_string(),
        "`Timestamp`: expected a date and time (`2024-03-09T07:05:00Z` or RFC 2822), got `yesterday`"
    );

    let error =
        decode::<ConferenceStatusCallback>(&with(CONFERENCE_JOIN, "CallSid", Some(CONFERENCE))).unwrap_err();
    assert_eq!(error.key(), "CallSid");
    assert!(error.to_string().starts_with("`CallSid`: expected a call SID"), "{error}");

    let error = decode::<ConferenceStatusCallback>(&with(CONFERENCE_JOIN, "Muted", Some("yes"))).unwrap_err();
    assert_eq!(error.to_string(), "`Muted`: expected `true` or `false`, got `yes`");
}

#[test]
fn conference_events_are_ordered_by_sequence_number_and_retries_share_a_key() {
    let mut received: Vec<ConferenceStatusCallback> = ["3", "1", "2", "1"]
        .into_iter()
        .map(|sequence| decode(&with(CONFERENCE_JOIN, "SequenceNumber", Some(sequence))).unwrap())
        .collect();
    let mut seen = std::collections::HashSet::new();
    received.retain(|callback| seen.insert(callback.dedup_key()));
    received.sort_by_key(|callback| callback.sequence_number);
    assert_eq!(received.iter().map(|callback| callback.sequence_number).collect::<Vec<_>>(), [1, 2, 3]);
}

const CALL_COMPLETED: &[(&str, &str)] = &[
    ("Called", "+14155551212"),
    ("ToState", "CA"),
    ("CallerCountry", "US"),
    ("Direction", "outbound-api"),
    ("Timestamp", "Tue, 31 Aug 2010 20:36:44 +0000"),
    ("CallbackSource", "call-progress-events"),
    ("CallerState", "CA"),
    ("ToZip", "94105"),
    ("SequenceNumber", "3"),
    ("CallSid", CALL),
    ("To", "+14155551212"),
    ("CallerZip", "94103"),
    ("ToCountry", "US"),
    ("CalledZip", "94105"),
    ("ApiVersion", "2010-04-01"),
    ("CalledCity", "SAN FRANCISCO"),
    ("CallStatus", "completed"),
    ("Duration", "1"),
    ("From", "+18668675310"),
    ("CallDuration", "15"),
    ("SipResponseCode", "200"),
    ("AccountSid", ACCOUNT),
    ("CalledCountry", "US"),
    ("CallerCity", "SAN FRANCISCO"),
    ("ToCity", "SAN FRANCISCO"),
    ("FromCountry", "US"),
    ("Caller", "+18668675310"),
    ("FromCity", "SAN FRANCISCO"),
    ("CalledState", "CA"),
    ("FromZip", "94103"),
    ("FromState", "CA"),
    (
        "RecordingUrl",
        "https://api.twilio.com/2010-04-01/Accounts/AC25e16e9a716a4a8617a7c83f58e30482/Recordings/RE557ce644e5ab84fa21cc21112e22c485",
    ),
    ("RecordingSid", RECORDING),
    ("RecordingDuration", "14"),
];

#[test]
fn call_status_completed_with_its_recording() {
    let callback: CallStatusCallback = decode(CALL_COMPLETED).unwrap();
    assert_eq!(callback.call_sid, CALL.parse::<CallSid>().unwrap());
    assert_eq!(callback.call_status, CallProgressStatus::Completed);
    assert!(callback.call_status.is_final());
    assert_eq!(callback.direction, CallDirection::OutboundApi);
    assert_eq!((callback.from.as_str(), callback.to.as_str()), ("+18668675310", "+14155551212"));
    assert_eq!(callback.timestamp, at("2010-08-31T20:36:44Z"));
    assert_eq!(callback.callback_source, CallbackSource::CallProgressEvents);
    assert_eq!(callback.sequence_number, 3);
    assert_eq!(
        (callback.call_duration, callback.duration, callback.sip_response_code),
        (Some(15), Some(1), Some(200))
    );
    assert_eq!(callback.recording_sid, Some(RECORDING.parse::<RecordingSid>().unwrap()));
    assert_eq!(callback.recording_duration, Some(14));
    assert!(callback.recording_url.as_ref().unwrap().as_str().ends_with(RECORDING));
    assert_eq!(callback.from_city.as_deref(), Some("SAN FRANCISCO"));
    assert_eq!(callback.to_zip.as_deref(), Some("94105"));
    assert_eq!(callback.parent_call_sid, None);
    // `Caller*` and `Called*` repeat `From*` and `To*`: kept with the undeclared keys.
    assert_eq!(callback.other.get("CallerCity"), Some("SAN FRANCISCO"));
    assert_eq!(callback.other.get("Called"), Some("+14155551212"));
    assert_eq!(callback.dedup_key(), (CALL.parse().unwrap(), 3));
}

#[test]
fn call_status_of_a_dialed_leg_from_a_client_to_sip() {
    let callback: CallStatusCallback = decode(&[
        ("AccountSid", ACCOUNT),
        ("CallSid", CALL),
        ("ParentCallSid", PARENT_CALL),
        ("From", "client:alice"),
        ("To", "sip:bob@example.sip.twilio.com;transport=tls"),
        ("CallStatus", "ringing"),
        ("ApiVersion", "2010-04-01"),
        ("Direction", "outbound-dial"),
        ("Timestamp", "Tue, 31 Aug 2010 20:36:30 +0000"),
        ("CallbackSource", "call-progress-events"),
        ("SequenceNumber", "1"),
        ("StirStatus", "A"),
    ])
    .unwrap();
    assert_eq!(callback.from, "client:alice");
    assert_eq!(callback.to, "sip:bob@example.sip.twilio.com;transport=tls");
    assert_eq!(callback.parent_call_sid, Some(PARENT_CALL.parse().unwrap()));
    assert_eq!(callback.call_status, CallProgressStatus::Ringing);
    assert!(!callback.call_status.is_final());
    assert_eq!(callback.stir_status.as_deref(), Some("A"));
    assert_eq!((callback.call_duration, callback.recording_sid), (None, None));
}

#[test]
fn incoming_call_from_an_anonymous_caller_hides_its_token() {
    let call: IncomingCall = decode(&[
        ("AccountSid", ACCOUNT),
        ("ApiVersion", "2010-04-01"),
        ("CallSid", CALL),
        ("CallStatus", "ringing"),
        ("CallToken", "%7B%22parentCallInfoToken%22%3A%22eyJhbGciOiJFUzI1NiJ9.secret%22%7D"),
        ("Called", "+14155551212"),
        ("Caller", "Anonymous"),
        ("Direction", "inbound"),
        ("From", "Anonymous"),
        ("StirVerstat", "TN-Validation-Passed-A"),
        ("To", "+14155551212"),
        ("ToCity", "SAN FRANCISCO"),
        ("ToCountry", "US"),
        ("ToState", "CA"),
        ("ToZip", "94105"),
    ])
    .unwrap();
    assert_eq!(call.from, "Anonymous");
    assert_eq!(call.direction, CallDirection::Inbound);
    assert_eq!(call.call_status, CallProgressStatus::Ringing);
    assert_eq!(call.stir_verstat.as_deref(), Some("TN-Validation-Passed-A"));
    assert_eq!(call.to_city.as_deref(), Some("SAN FRANCISCO"));
    assert!(call.call_token.as_deref().unwrap().contains("secret"));
    let shown = format!("{call:?}");
    assert!(shown.contains("call_token: <redacted>") && !shown.contains("secret"), "{shown}");
    assert!(shown.contains("from: \"Anonymous\""), "{shown}");
    assert_eq!(call.dedup_key(), CALL.parse().unwrap());
}

#[test]
fn answering_machine_detection_results() {
    let result: MachineDetectionCallback = decode(&[
        ("AccountSid", ACCOUNT),
        ("CallSid", CALL),
        ("AnsweredBy", "machine_end_beep"),
        ("MachineDetectionDuration", "4312"),
    ])
    .unwrap();
    assert_eq!(result.answered_by, AnsweredBy::MachineEndBeep);
    assert_eq!(result.machine_detection_duration, 4312);
    assert_eq!(result.dedup_key(), CALL.parse().unwrap());

    for (text, answered_by) in [
        ("human", AnsweredBy::Human),
        ("machine_start", AnsweredBy::MachineStart),
        ("machine_end_silence", AnsweredBy::MachineEndSilence),
        ("machine_end_other", AnsweredBy::MachineEndOther),
        ("fax", AnsweredBy::Fax),
        ("unknown", AnsweredBy::Undetermined),
        ("robot", AnsweredBy::Unknown("robot".into())),
    ] {
        let result: MachineDetectionCallback = decode(&[
            ("AccountSid", ACCOUNT),
            ("CallSid", CALL),
            ("AnsweredBy", text),
            ("MachineDetectionDuration", "900"),
        ])
        .unwrap();
        assert_eq!(result.answered_by, answered_by, "{text}");
    }

    let error = decode::<MachineDetectionCallback>(&[
        ("AccountSid", ACCOUNT),
        ("CallSid", CALL),
        ("AnsweredBy", "human"),
    ])
    .unwrap_err();
    assert_eq!(error.to_string(), "`MachineDetectionDuration`: required, but absent");
}

const RECORDING_URL: &str = "https://api.twilio.com/2010-04-01/Accounts/AC25e16e9a716a4a8617a7c83f58e30482/Recordings/RE557ce644e5ab84fa21cc21112e22c485";

#[test]
fn call_recording_status() {
    let completed: RecordingStatusCallback = decode(&[
        ("AccountSid", ACCOUNT),
        ("CallSid", CALL),
        ("RecordingSid", RECORDING),
        ("RecordingUrl", RECORDING_URL),
        ("RecordingStatus", "completed"),
        ("RecordingDuration", "14"),
        ("RecordingChannels", "2"),
        ("RecordingStartTime", "Tue, 31 Aug 2010 20:36:30 +0000"),
        ("RecordingSource", "OutboundAPI"),
        ("RecordingTrack", "both"),
    ])
    .unwrap();
    assert_eq!(completed.recording_status, RecordingStatus::Completed);
    assert_eq!(completed.recording_url.as_str(), RECORDING_URL);
    assert_eq!((completed.recording_duration, completed.recording_channels), (Some(14), Some(2)));
    assert_eq!(completed.recording_start_time, Some(at("2010-08-31T20:36:30Z")));
    assert_eq!(completed.recording_source, Some(RecordingSource::OutboundApi));
    assert_eq!(completed.recording_track.as_deref(), Some("both"));
    assert_eq!(completed.error_code, None);
    assert_eq!(completed.dedup_key(), (RECORDING.parse().unwrap(), RecordingStatus::Completed));

    let in_progress: RecordingStatusCallback = decode(&[
        ("AccountSid", ACCOUNT),
        ("CallSid", CALL),
        ("RecordingSid", RECORDING),
        ("RecordingUrl", RECORDING_URL),
        ("RecordingStatus", "in-progress"),
        ("RecordingDuration", "-1"),
        ("RecordingChannels", "2"),
        ("RecordingSource", "OutboundAPI"),
    ])
    .unwrap();
    assert_eq!(in_progress.recording_duration, Some(-1));
    // Another status of the same recording is another callback.
    assert_ne!(in_progress.dedup_key(), completed.dedup_key());
}

#[test]
fn conference_recording_absent_with_its_error() {
    let absent: ConferenceRecordingStatusCallback = decode(&[
        ("AccountSid", ACCOUNT),
        ("ConferenceSid", CONFERENCE),
        ("RecordingSid", RECORDING),
        ("RecordingUrl", RECORDING_URL),
        ("RecordingStatus", "absent"),
        ("RecordingDuration", "0"),
        ("RecordingChannels", "1"),
        ("RecordingStartTime", "Thu, 01 Jun 2017 20:48:33 +0000"),
        ("RecordingSource", "Conference"),
        ("ErrorCode", "13617"),
    ])
    .unwrap();
    assert_eq!(absent.conference_sid, CONFERENCE.parse::<ConferenceSid>().unwrap());
    assert_eq!(absent.recording_status, RecordingStatus::Absent);
    assert_eq!(absent.recording_source, Some(RecordingSource::Conference));
    assert_eq!(absent.error_code, Some(13617));
    assert_eq!(absent.recording_status.conference_subscription(), Some(ConferenceRecordingEvent::Absent));

    let error = decode::<ConferenceRecordingStatusCallback>(&[
        ("AccountSid", ACCOUNT),
        ("ConferenceSid", CONFERENCE),
        ("RecordingSid", RECORDING),
        ("RecordingUrl", "/2010-04-01/Recordings/RE557"),
        ("RecordingStatus", "completed"),
    ])
    .unwrap_err();
    assert_eq!(error.key(), "RecordingUrl");
}

#[test]
fn message_status_delivered_and_undelivered() {
    let delivered: MessageStatusCallback = decode(&[
        ("ApiVersion", "2010-04-01"),
        ("MessageStatus", "delivered"),
        ("SmsSid", MESSAGE),
        ("SmsStatus", "delivered"),
        ("To", "+15558675310"),
        ("From", "+15017122661"),
        ("MessageSid", MESSAGE),
        ("AccountSid", ACCOUNT),
        ("MessagingServiceSid", SERVICE),
        ("RawDlrDoneDate", "2403091205"),
    ])
    .unwrap();
    assert_eq!(delivered.message_sid, MESSAGE.parse::<MessageSid>().unwrap());
    assert_eq!(delivered.message_status, MessageStatus::Delivered);
    assert_eq!(delivered.sms_sid, Some(delivered.message_sid));
    assert_eq!(delivered.sms_status, Some(MessageStatus::Delivered));
    assert_eq!(delivered.messaging_service_sid, Some(SERVICE.parse().unwrap()));
    assert_eq!(delivered.raw_dlr_done_date.as_deref(), Some("2403091205"));
    assert_eq!(delivered.dedup_key(), (MESSAGE.parse().unwrap(), MessageStatus::Delivered));

    let undelivered: MessageStatusCallback = decode(&[
        ("ApiVersion", "2010-04-01"),
        ("MessageStatus", "undelivered"),
        ("SmsSid", MESSAGE),
        ("SmsStatus", "undelivered"),
        ("To", "whatsapp:+15558675310"),
        ("From", "whatsapp:+15017122661"),
        ("MessageSid", MESSAGE),
        ("AccountSid", ACCOUNT),
        ("ErrorCode", "30003"),
        ("ChannelPrefix", "whatsapp"),
    ])
    .unwrap();
    assert_eq!(undelivered.error_code, Some(30003));
    assert_eq!(undelivered.to, "whatsapp:+15558675310");
    assert_eq!(undelivered.messaging_service_sid, None);
    assert_eq!(undelivered.other.get("ChannelPrefix"), Some("whatsapp"));

    // A status Twilio adds later is kept rather than refused.
    let later: MessageStatusCallback = decode(&[
        ("MessageStatus", "expired"),
        ("To", "+15558675310"),
        ("From", "+15017122661"),
        ("MessageSid", MESSAGE),
        ("AccountSid", ACCOUNT),
    ])
    .unwrap();
    assert_eq!(later.message_status, MessageStatus::Unknown("expired".into()));
}

const INCOMING_MMS: &[(&str, &str)] = &[
    ("ToCountry", "US"),
    ("MediaContentType0", "image/jpeg"),
    ("ToState", "CA"),
    ("SmsMessageSid", MMS),
    ("NumMedia", "2"),
    ("ToCity", "SAN FRANCISCO"),
    ("FromZip", "10001"),
    ("SmsSid", MMS),
    ("FromState", "NY"),
    ("SmsStatus", "received"),
    ("FromCity", "NEW YORK"),
    ("Body", "Two pictures & a café"),
    ("FromCountry", "US"),
    ("To", "+14155551212"),
    ("MessagingServiceSid", SERVICE),
    ("ToZip", "94105"),
    ("NumSegments", "1"),
    ("MediaContentType1", "image/png"),
    ("MessageSid", MMS),
    ("AccountSid", ACCOUNT),
    ("From", "+12125550100"),
    (
        "MediaUrl0",
        "https://api.twilio.com/2010-04-01/Accounts/AC25e16e9a716a4a8617a7c83f58e30482/Messages/MM2a0e2d2d0a9e8f7c6b5a4d3c0e7f2cab/Media/ME0",
    ),
    (
        "MediaUrl1",
        "https://api.twilio.com/2010-04-01/Accounts/AC25e16e9a716a4a8617a7c83f58e30482/Messages/MM2a0e2d2d0a9e8f7c6b5a4d3c0e7f2cab/Media/ME1",
    ),
    ("ApiVersion", "2010-04-01"),
];

#[test]
fn incoming_message_with_media() {
    let message: IncomingMessage = decode(INCOMING_MMS).unwrap();
    assert_eq!(message.message_sid, MMS.parse::<MessageSid>().unwrap());
    assert_eq!(message.sms_message_sid, Some(message.message_sid));
    assert_eq!(message.body, "Two pictures & a café");
    assert_eq!((message.num_media, message.num_segments), (2, Some(1)));
    let urls: Vec<&str> = message.media_urls.iter().map(|url| url.as_str()).collect();
    assert_eq!(urls.len(), 2);
    assert!(urls[0].ends_with("/Media/ME0") && urls[1].ends_with("/Media/ME1"), "{urls:?}");
    assert_eq!(message.media_content_types, ["image/jpeg", "image/png"]);
    assert_eq!(message.sms_status, Some(MessageStatus::Received));
    assert_eq!((message.from_city.as_deref(), message.to_zip.as_deref()), (Some("NEW YORK"), Some("94105")));
    assert!(message.other.is_empty(), "{:?}", message.other);
    assert_eq!(message.dedup_key(), MMS.parse().unwrap());
}

#[test]
fn incoming_message_media_stop_at_a_gap_and_errors_name_the_numbered_key() {
    // A text without media: no numbered keys, empty lists.
    let text: IncomingMessage = decode(&[
        ("MessageSid", MESSAGE),
        ("AccountSid", ACCOUNT),
        ("From", "whatsapp:+12125550100"),
        ("To", "whatsapp:+14155551212"),
        ("Body", ""),
        ("NumMedia", "0"),
        ("ProfileName", "Ana"),
        ("WaId", "12125550100"),
    ])
    .unwrap();
    assert!(text.media_urls.is_empty() && text.media_content_types.is_empty());
    assert_eq!((text.profile_name.as_deref(), text.wa_id.as_deref()), (Some("Ana"), Some("12125550100")));

    // `MediaUrl3` after the gap at 2 is not a third item; it is kept with the undeclared keys.
    let mut pairs = INCOMING_MMS.to_vec();
    pairs.push(("MediaUrl3", "https://example.com/stray"));
    let message: IncomingMessage = decode(&pairs).unwrap();
    assert_eq!(message.media_urls.len(), 2);
    assert_eq!(message.other.get("MediaUrl3"), Some("https://example.com/stray"));

    let error = decode::<IncomingMessage>(&with(INCOMING_MMS, "MediaUrl1", Some("not a url"))).unwrap_err();
    assert_eq!(error.key(), "MediaUrl1");
    assert_eq!(error.to_string(), "`MediaUrl1`: expected an absolute `http` or `https` URL, got `not a url`");

    let error = decode::<IncomingMessage>(&with(INCOMING_MMS, "NumMedia", None)).unwrap_err();
    assert_eq!(error.to_string(), "`NumMedia`: required, but absent");
}

#[test]
fn an_optional_parameter_sent_empty_reads_as_absent_unless_empty_is_a_value() {
    let mut pairs = with(CONFERENCE_JOIN, "Muted", Some(""));
    pairs.push(("CallSidEndingConference", ""));
    pairs.push(("ReasonConferenceEnded", ""));
    let callback: ConferenceStatusCallback = decode(&pairs).unwrap();
    assert_eq!(callback.muted, None);
    assert_eq!(callback.call_sid_ending_conference, None);
    // An open enum has a value for any text, the empty one included.
    assert_eq!(callback.reason_conference_ended, Some(ConferenceEndReason::Unknown(String::new())));

    let message: IncomingMessage =
        decode(&with(&with(INCOMING_MMS, "FromCity", Some("")), "MessagingServiceSid", Some(""))).unwrap();
    assert_eq!(message.from_city.as_deref(), Some(""));
    assert_eq!(message.messaging_service_sid, None);

    // A required one has no such leniency.
    let error = decode::<IncomingMessage>(&with(INCOMING_MMS, "NumMedia", Some(""))).unwrap_err();
    assert_eq!(error.to_string(), "`NumMedia`: expected an integer from u32::MIN to u32::MAX, got ``");
}

#[test]
fn a_key_sent_twice_for_one_value_is_an_error() {
    let mut pairs = CONFERENCE_JOIN.to_vec();
    pairs.push(("CallSid", CALL));
    let error = decode::<ConferenceStatusCallback>(&pairs).unwrap_err();
    assert_eq!(error.problem(), &Problem::Repeated { times: 2 });
    assert_eq!(error.key(), "CallSid");
}

#[test]
fn every_conference_subscription_brings_events_that_name_it() {
    for &subscription in ConferenceEvent::ALL {
        assert!(!subscription.events().is_empty(), "{subscription}");
        for event in subscription.events() {
            assert_eq!(event.subscription(), Some(subscription), "{event}");
        }
    }
    for event in ConferenceStatusEvent::ALL {
        let subscription = event.subscription().unwrap_or_else(|| panic!("{event} has no subscription"));
        assert!(subscription.events().contains(event), "{subscription} does not bring {event}");
    }
    assert_eq!(ConferenceEvent::Join.events(), [ConferenceStatusEvent::ParticipantJoin]);
    assert_eq!(
        ConferenceEvent::Mute.events(),
        [ConferenceStatusEvent::ParticipantMute, ConferenceStatusEvent::ParticipantUnmute]
    );
    assert_eq!(
        ConferenceEvent::Hold.events(),
        [ConferenceStatusEvent::ParticipantHold, ConferenceStatusEvent::ParticipantUnhold]
    );
    assert_eq!(
        ConferenceEvent::Speaker.events(),
        [ConferenceStatusEvent::ParticipantSpeechStart, ConferenceStatusEvent::ParticipantSpeechStop]
    );
    assert_eq!(
        ConferenceEvent::Announcement.events(),
        [ConferenceStatusEvent::AnnouncementEnd, ConferenceStatusEvent::AnnouncementFail]
    );
}

#[test]
fn every_call_subscription_brings_statuses_that_name_it() {
    for &subscription in CallEvent::ALL {
        assert!(!subscription.statuses().is_empty(), "{subscription}");
        for status in subscription.statuses() {
            assert_eq!(status.subscription(), Some(subscription), "{status}");
        }
    }
    for status in CallProgressStatus::ALL {
        let subscription = status.subscription().unwrap_or_else(|| panic!("{status} has no subscription"));
        assert!(subscription.statuses().contains(status), "{subscription} does not bring {status}");
        // `completed` brings exactly the statuses that end a call.
        assert_eq!(subscription == CallEvent::Completed, status.is_final(), "{status}");
    }
    assert_eq!(CallEvent::Answered.statuses(), [CallProgressStatus::InProgress]);
    assert_eq!(CallEvent::Ringing.statuses(), [CallProgressStatus::Ringing]);
    assert_eq!(CallEvent::Initiated.statuses(), [CallProgressStatus::Queued, CallProgressStatus::Initiated]);
    assert_eq!(CallProgressStatus::Unknown("dialing".into()).subscription(), None);
}

#[test]
fn every_recording_subscription_brings_the_status_of_its_name() {
    for &subscription in RecordingEvent::ALL {
        assert_eq!(subscription.statuses().len(), 1);
        for status in subscription.statuses() {
            assert_eq!(status.as_str(), subscription.as_str());
            assert_eq!(status.subscription(), Some(subscription), "{status}");
        }
    }
    for status in RecordingStatus::ALL {
        let subscription = status.subscription().unwrap_or_else(|| panic!("{status} has no subscription"));
        assert!(subscription.statuses().contains(status), "{subscription} does not bring {status}");
    }
    for &subscription in ConferenceRecordingEvent::ALL {
        for status in subscription.statuses() {
            assert_eq!(status.conference_subscription(), Some(subscription), "{status}");
        }
    }
    for &subscription in CallRecordingEvent::ALL {
        for status in subscription.statuses() {
            assert_eq!(status.call_subscription(), Some(subscription), "{status}");
        }
    }
    // Every status a conference or call recording reports is one its subscriptions bring.
    for status in RecordingStatus::ALL {
        if let Some(subscription) = status.conference_subscription() {
            assert!(subscription.statuses().contains(status), "{status}");
        }
        if let Some(subscription) = status.call_subscription() {
            assert!(subscription.statuses().contains(status), "{status}");
        }
    }
    assert_eq!(RecordingStatus::Paused.conference_subscription(), None);
    assert_eq!(RecordingStatus::Failed.call_subscription(), None);
}

/// A callback the catalog lacks, declared as an application would, with every option.
mod declared {
    use twilio_endpoint::values::{CallSid, Url};
    use twilio_endpoint::{OtherParams, Webhook};

    /// `<Gather>`'s action callback, for the parts this test needs.
    #[derive(Clone, PartialEq, Webhook)]
    #[twilio(crate = ::twilio_endpoint)]
    pub struct GatherResult {
        pub call_sid: CallSid,
        /// Keys pressed; a PIN here, so hidden.
        #[twilio(sensitive)]
        pub digits: Option<String>,
        #[twilio(rename = "SpeechResult")]
        pub speech: Option<String>,
        pub confidence: Option<String>,
        #[twilio(indexed, rename = "Attachment")]
        pub attachments: Vec<Url>,
        #[twilio(other)]
        pub rest: OtherParams,
    }

    /// Without an `other` field, undeclared keys are dropped, never refused.
    #[derive(Webhook)]
    pub struct JustTheCall {
        pub call_sid: CallSid,
    }

    #[derive(Webhook)]
    pub struct Nothing {}
}

#[test]
fn a_declared_callback_reads_as_the_catalogs_do() {
    use declared::{GatherResult, JustTheCall, Nothing};

    let result = GatherResult::from_form(
        format!("CallSid={CALL}&Digits=4321&SpeechResult=hello+there&Attachment0=https%3A%2F%2Fexample.com%2Fa&Extra=x").as_bytes(),
    )
    .unwrap();
    assert_eq!(result.digits.as_deref(), Some("4321"));
    assert_eq!(result.speech.as_deref(), Some("hello there"));
    assert_eq!(result.confidence, None);
    assert_eq!(result.attachments.len(), 1);
    assert_eq!(result.rest, [("Extra", "x")].into_iter().collect::<OtherParams>());
    let shown = format!("{result:?}");
    assert!(shown.contains("digits: <redacted>") && !shown.contains("4321"), "{shown}");
    assert!(shown.contains("speech: Some(\"hello there\")"), "{shown}");

    // A secret's bad value is not shown in the error either.
    #[derive(Webhook)]
    struct Pin {
        #[twilio(sensitive)]
        digits: u32,
    }
    let error = Pin::from_form(b"Digits=12a4").unwrap_err();
    assert_eq!(error.to_string(), "`Digits`: not a valid value (a secret: not shown)");
    assert_eq!(Pin::from_form(b"Digits=1234").unwrap().digits, 1234);

    let call = JustTheCall::from_form(format!("CallSid={CALL}&AddedLater=1&Other=2").as_bytes()).unwrap();
    assert_eq!(call.call_sid, CALL.parse().unwrap());
    assert!(Nothing::from_form(b"Anything=1").is_ok());
    assert_eq!(format!("{:?}", Nothing {}), "Nothing");
}

#[test]
fn from_pairs_reads_a_query_string() {
    // A `GET` callback carries its parameters in the query string.
    let query = format!("AccountSid={ACCOUNT}&CallSid={CALL}&AnsweredBy=human&MachineDetectionDuration=1200");
    let result =
        MachineDetectionCallback::from_pairs(twilio_endpoint::FormPairs::parse(query.as_bytes())).unwrap();
    assert_eq!(result.answered_by, AnsweredBy::Human);
}

/// The generated code names everything by absolute path: it compiles where the prelude and the
/// crate's own name are shadowed, and passes clippy's pedantic lints.
#[deny(unused_qualifications, clippy::pedantic)]
#[allow(dead_code, non_camel_case_types)]
mod shadowed {
    struct Result;
    struct Ok;
    struct Err;
    struct Option;
    struct Some;
    struct None;
    struct String;
    struct Vec;
    struct Debug;
    struct Formatter;
    mod twilio_endpoint {}
    mod core {}
    mod std {}

    #[derive(::twilio_endpoint::Webhook)]
    #[twilio(crate = ::twilio_endpoint)]
    pub struct Callback {
        pub call_sid: ::twilio_endpoint::values::CallSid,
        #[twilio(sensitive)]
        pub digits: ::std::option::Option<::std::string::String>,
        #[twilio(indexed)]
        pub media_url: ::std::vec::Vec<::twilio_endpoint::values::Url>,
        #[twilio(other)]
        pub other: ::twilio_endpoint::OtherParams,
    }

    pub fn read(body: &[u8]) -> ::std::string::String {
        ::std::format!("{:?}", <Callback as ::twilio_endpoint::Webhook>::from_form(body))
    }
}

#[test]
fn expands_where_the_prelude_is_shadowed() {
    let shown = shadowed::read(
        format!("CallSid={CALL}&Digits=9&MediaUrl0=https%3A%2F%2Fexample.com%2F&X=1").as_bytes(),
    );
    assert_eq!(
        shown,
        format!(
            "Ok(Callback {{ call_sid: CallSid(\"{CALL}\"), digits: <redacted>, media_url: [Url(\"https://example.com/\")], other: {{\"X\": \"1\"}} }})"
        )
    );
}
