//! What a test creates in the mock Twilio is there for its later requests: fresh, well-formed SIDs and
//! Twilio's field values, fetched, updated, listed (filtered, paged as the client walks pages) and
//! deleted; and the typed recording holds what was sent.

use chrono::{DateTime, Utc};
use futures_util::TryStreamExt as _;
use regex_lite::Regex;
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::mock::MockTwilio;
use twilio_endpoint::values::{Address, CallSid, ConferenceRef, ConferenceSid, MessagingServiceSid, Url};
use twilio_endpoint::{Client, Error, Page};

fn address(text: &str) -> Address {
    text.parse().unwrap()
}

fn message_address(text: &str) -> MessageAddress {
    text.parse().unwrap()
}

fn url(text: &str) -> Url {
    text.parse().unwrap()
}

fn call_to(to: &str) -> CreateCall {
    CreateCall::new(address(to), address("+15017122661"), url("https://example.com/twiml"))
}

fn participant(room: &str, to: &str) -> CreateParticipant {
    CreateParticipant::new(room.parse::<ConferenceRef>().unwrap(), address("+15017122661"), address(to))
}

/// A SID of `prefix` as Twilio writes them: 32 lowercase hex digits.
fn assert_sid(sid: &str, prefix: &str) {
    let pattern = Regex::new(&format!("^{prefix}[0-9a-f]{{32}}$")).unwrap();
    assert!(pattern.is_match(sid), "{sid} is not a fresh {prefix} SID");
}

/// Asserts that `time` is within a minute of now: dates are the moment of the request.
fn assert_recent(time: Option<DateTime<Utc>>) {
    let time = time.expect("a date");
    assert!((Utc::now() - time).num_seconds().abs() < 60, "{time} is not now");
}

fn assert_not_found<T: std::fmt::Debug>(result: Result<T, Error>, path: &str) {
    match result {
        Err(Error::Api(error)) => {
            assert_eq!((error.status(), error.code()), (404, Some(20404)));
            assert_eq!(error.message(), format!("The requested resource {path} was not found"));
        }
        other => panic!("expected Twilio's 404, got {other:?}"),
    }
}

const ACCOUNT_PATH: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

#[tokio::test]
async fn a_call_is_created_fetched_updated_listed_and_deleted() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let created = call_to("+15558675310").send(&client).await.unwrap();
    let sid = created.sid.unwrap();
    assert_sid(sid.as_str(), "CA");
    assert_eq!(created.status, Some(CallStatus::Queued));
    assert_eq!(created.account_sid, Some(MockTwilio::ACCOUNT_SID));
    assert_eq!(
        (created.to.as_deref(), created.from.as_deref()),
        (Some("+15558675310"), Some("+15017122661"))
    );
    assert_eq!(created.direction, Some(CallDirection::OutboundApi));
    assert_eq!(created.api_version.as_deref(), Some("2010-04-01"));
    assert_recent(created.date_created);
    assert_eq!(created.date_created, created.date_updated);
    assert_eq!((created.start_time, created.end_time, created.duration.as_deref()), (None, None, None));
    let uri = format!("{ACCOUNT_PATH}/Calls/{sid}.json");
    assert_eq!(created.uri.as_deref(), Some(uri.as_str()));
    let recordings = format!("{ACCOUNT_PATH}/Calls/{sid}/Recordings.json");
    assert_eq!(created.subresource_uris.as_ref().unwrap()["recordings"], recordings);

    let fetched = FetchCall::new(sid).send(&client).await.unwrap();
    assert_eq!(fetched, created);

    let ended = UpdateCall::new(sid).status(CallUpdateStatus::Completed).send(&client).await.unwrap();
    assert_eq!(ended.status, Some(CallStatus::Completed));
    assert_recent(ended.end_time);
    assert_eq!(ended.duration.as_deref(), Some("0"), "never answered");
    assert_eq!(FetchCall::new(sid).send(&client).await.unwrap(), ended);
    // A call that ended cannot be redirected: docs/api/errors/21220.
    let redirect = UpdateCall::new(sid).redirect(url("https://example.com/next")).send(&client).await;
    let Err(Error::Api(error)) = redirect else { panic!("redirected an ended call: {redirect:?}") };
    assert_eq!((error.status(), error.code()), (400, Some(21220)));

    let completed = ListCalls::new().status(CallStatus::Completed).send(&client).await.unwrap();
    assert_eq!(completed.items, [ended]);
    let queued = ListCalls::new().status(CallStatus::Queued).send(&client).await.unwrap();
    assert!(queued.items.is_empty());

    DeleteCall::new(sid).send(&client).await.unwrap();
    assert_not_found(FetchCall::new(sid).send(&client).await, &uri);
    assert_not_found(DeleteCall::new(sid).send(&client).await, &uri);
    assert!(ListCalls::new().send(&client).await.unwrap().items.is_empty());
}

#[tokio::test]
async fn lists_show_only_what_the_test_created_newest_first_and_filtered() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    assert!(ListCalls::new().send(&client).await.unwrap().items.is_empty());
    let first = call_to("+15558675310").send(&client).await.unwrap();
    let second = call_to("+15558675311").send(&client).await.unwrap();
    let all = ListCalls::new().send(&client).await.unwrap();
    assert_eq!(all.items, [second.clone(), first.clone()]);
    let to = ListCalls::new().to(address("+15558675310")).send(&client).await.unwrap();
    assert_eq!(to.items, [first]);
    let from = ListCalls::new().from(address("+15017122661")).send(&client).await.unwrap();
    assert_eq!(from.items.len(), 2);
    let nobody = ListCalls::new().from(address("+15550000000")).send(&client).await.unwrap();
    assert!(nobody.items.is_empty());
    // Start days: a call never answered has no start, so a day filter excludes it.
    let today = ListCalls::new().start_time_after(Utc::now()).send(&client).await.unwrap();
    assert!(today.items.is_empty());
}

#[tokio::test]
async fn lists_page_by_page_size_and_the_client_walks_every_page() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let mut sids = Vec::new();
    for n in 0..5 {
        sids.push(call_to(&format!("+1555867531{n}")).send(&client).await.unwrap().sid.unwrap());
    }
    sids.reverse();

    let request = ListCalls::new().to(address("+15558675312")).page_size(2);
    let only: Vec<Call> = client.stream(&request).try_collect().await.unwrap();
    assert_eq!(only.len(), 1);

    let request = ListCalls::new().from(address("+15017122661")).page_size(2);
    let first: Page<Call> = request.send(&client).await.unwrap();
    assert_eq!((first.page, first.page_size, first.start, first.end), (0, 2, 0, 1));
    let next = first.next_page_uri.clone().unwrap();
    // The page URI repeats the filters, with where the next page starts.
    let calls = format!("{ACCOUNT_PATH}/Calls.json");
    let (path, query) = next.split_once('?').unwrap();
    assert_eq!(path, calls);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let keys: Vec<&str> = pairs.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(keys, ["From", "PageToken", "Page", "PageSize"], "{next}");
    assert_eq!((pairs[2].1.as_str(), pairs[3].1.as_str()), ("1", "2"));
    assert_eq!(
        first.first_page_uri.as_deref(),
        Some(&*format!("{ACCOUNT_PATH}/Calls.json?From=%2B15017122661&Page=0&PageSize=2"))
    );
    let second = client.next_page(&first).await.unwrap().unwrap();
    assert_eq!((second.page, second.start, second.end), (1, 2, 3));
    assert!(second.previous_page_uri.is_some());

    let streamed: Vec<Call> = client.stream(&request).try_collect().await.unwrap();
    let streamed: Vec<CallSid> = streamed.into_iter().map(|call| call.sid.unwrap()).collect();
    assert_eq!(streamed, sids);
    // Three pages of 2, 2 and 1, each asked once by the stream.
    let received = twilio.received_requests().await;
    let pages: Vec<_> = received.iter().rev().take(3).map(|request| request.path_and_query.clone()).collect();
    assert!(pages[0].contains("Page=2&PageSize=2"), "{pages:?}");
    assert!(pages[2].ends_with("Calls.json?From=%2B15017122661&PageSize=2"), "{pages:?}");

    // A resource deleted between two pages: the token still says where the next page starts.
    let first = request.send(&client).await.unwrap();
    DeleteCall::new(sids[1]).send(&client).await.unwrap();
    let second = client.next_page(&first).await.unwrap().unwrap();
    let rest: Vec<CallSid> = second.items.iter().map(|call| call.sid.unwrap()).collect();
    assert_eq!(rest, [sids[2], sids[3]]);
}

#[tokio::test]
async fn a_message_is_created_fetched_redacted_listed_and_deleted() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let request =
        CreateMessage::new(message_address("+15558675310"), message_address("+15017122661"), "Hello! 👍");
    let sent = request.send(&client).await.unwrap();
    let sid = sent.sid.unwrap();
    assert_sid(sid.as_str(), "SM");
    assert_eq!(sent.status, Some(MessageStatus::Queued));
    assert_eq!(sent.body.as_deref(), Some("Hello! 👍"));
    assert_eq!((sent.to.as_deref(), sent.from.as_deref()), (Some("+15558675310"), Some("+15017122661")));
    assert_eq!(sent.num_media.as_deref(), Some("0"));
    assert_eq!(sent.direction, Some(MessageDirection::OutboundApi));
    assert_eq!(sent.date_sent, None, "not sent yet");
    assert_recent(sent.date_created);
    let uri = format!("{ACCOUNT_PATH}/Messages/{sid}.json");
    assert_eq!(sent.uri.as_deref(), Some(uri.as_str()));
    assert_eq!(FetchMessage::new(sid).send(&client).await.unwrap(), sent);

    let redacted = UpdateMessage::new(sid).body("").send(&client).await.unwrap();
    assert_eq!(redacted.body.as_deref(), Some(""));
    assert_eq!(FetchMessage::new(sid).send(&client).await.unwrap().body.as_deref(), Some(""));

    let to = ListMessages::new().to(message_address("+15558675310")).send(&client).await.unwrap();
    assert_eq!(to.items, [redacted]);
    assert!(
        ListMessages::new().to(message_address("+15550000000")).send(&client).await.unwrap().items.is_empty()
    );

    DeleteMessage::new(sid).send(&client).await.unwrap();
    assert_not_found(FetchMessage::new(sid).send(&client).await, &uri);
    assert!(ListMessages::new().send(&client).await.unwrap().items.is_empty());

    // The typed recording is what was sent: the account left to the client reads back unset.
    assert_eq!(twilio.requests::<CreateMessage>(), [request]);
    let updates = twilio.requests::<UpdateMessage>();
    assert_eq!(updates.iter().map(|update| update.body.as_deref()).collect::<Vec<_>>(), [Some("")]);
}

#[tokio::test]
async fn a_message_s_status_and_sid_follow_its_sender_and_content() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let service = MessagingServiceSid::from_static("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let through_service =
        CreateMessage::new(message_address("+15558675310"), service, "Hi").send(&client).await.unwrap();
    // A messaging service picks the sender later: `accepted`.
    assert_eq!(through_service.status, Some(MessageStatus::Accepted));
    assert_eq!((through_service.from, through_service.messaging_service_sid), (None, Some(service)));

    let media =
        MessageContent::Media(vec![url("https://example.com/a.png"), url("https://example.com/b.png")]);
    let mms = CreateMessage::new(message_address("+15558675310"), message_address("+15017122661"), media)
        .send(&client)
        .await
        .unwrap();
    assert_sid(mms.sid.unwrap().as_str(), "MM");
    assert_eq!((mms.num_media.as_deref(), mms.body.as_deref()), (Some("2"), Some("")));
}

#[tokio::test]
async fn a_participant_creates_its_conference_by_name_and_others_join_it() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let first = participant("Room 1", "+15558675310").label("agent").send(&client).await.unwrap();
    let conference = first.conference_sid.unwrap();
    assert_sid(conference.as_str(), "CF");
    let call = first.call_sid.unwrap();
    assert_sid(call.as_str(), "CA");
    assert_eq!(first.status, Some(ParticipantStatus::Queued));
    assert_eq!(
        (first.muted, first.hold, first.start_conference_on_enter),
        (Some(false), Some(false), Some(true))
    );
    let uri = format!("{ACCOUNT_PATH}/Conferences/{conference}/Participants/{call}.json");
    assert_eq!(first.uri.as_deref(), Some(uri.as_str()));

    let room = FetchConference::new(conference).send(&client).await.unwrap();
    assert_eq!(room.friendly_name.as_deref(), Some("Room 1"));
    assert_eq!(room.status, Some(ConferenceStatus::Init));
    let subresources = room.subresource_uris.unwrap();
    assert_eq!(
        subresources["participants"],
        format!("{ACCOUNT_PATH}/Conferences/{conference}/Participants.json")
    );
    // The participant's call is one of the account's calls.
    let leg = FetchCall::new(call).send(&client).await.unwrap();
    assert_eq!(leg.to.as_deref(), Some("+15558675310"));

    // Under the same name, or by SID, a participant joins the conference in progress.
    let second = participant("Room 1", "+15558675311").send(&client).await.unwrap();
    let by_sid = participant(conference.as_str(), "+15558675312").send(&client).await.unwrap();
    assert_eq!((second.conference_sid, by_sid.conference_sid), (Some(conference), Some(conference)));
    let listed = ListParticipants::new(conference).send(&client).await.unwrap();
    assert_eq!(listed.items.len(), 3);
    let rooms = ListConferences::new().friendly_name("Room 1").send(&client).await.unwrap();
    assert_eq!(rooms.items.len(), 1);

    let muted = UpdateParticipant::new(conference, call).muted(true).send(&client).await.unwrap();
    assert_eq!(muted.muted, Some(true));
    // By its label too.
    let fetched =
        FetchParticipant::new(conference, ParticipantRef::Label("agent".into())).send(&client).await.unwrap();
    assert_eq!(fetched, muted);
    let only_muted = ListParticipants::new(conference).muted(true).send(&client).await.unwrap();
    assert_eq!(only_muted.items, [muted]);

    DeleteParticipant::new(conference, call).send(&client).await.unwrap();
    assert_not_found(FetchParticipant::new(conference, call).send(&client).await, &uri);
    assert_eq!(ListParticipants::new(conference).send(&client).await.unwrap().items.len(), 2);
    // Removed from the conference, its call is hung up.
    assert_eq!(FetchCall::new(call).send(&client).await.unwrap().status, Some(CallStatus::Completed));

    // Ending the conference disconnects everyone; the name is free for a new one.
    let ended = UpdateConference::new(conference)
        .status(ConferenceUpdateStatus::Completed)
        .send(&client)
        .await
        .unwrap();
    assert_eq!(ended.status, Some(ConferenceStatus::Completed));
    assert_eq!(ended.reason_conference_ended, Some(ConferenceEndReason::ConferenceEndedViaApi));
    assert!(ListParticipants::new(conference).send(&client).await.unwrap().items.is_empty());
    let again = participant("Room 1", "+15558675310").send(&client).await.unwrap();
    assert_ne!(again.conference_sid, Some(conference));
    let completed =
        ListConferences::new().status(ConferenceStatusFilter::Completed).send(&client).await.unwrap();
    assert_eq!(completed.items.iter().map(|room| room.sid).collect::<Vec<_>>(), [Some(conference)]);

    // A conference SID the mock never gave.
    let unknown = ConferenceSid::from_static("CFbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    let path = format!("{ACCOUNT_PATH}/Conferences/{unknown}/Participants.json");
    assert_not_found(participant(unknown.as_str(), "+15558675310").send(&client).await, &path);
}

#[tokio::test]
async fn a_conference_recording_from_its_start_is_paused_fetched_and_deleted() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let joined = participant("Recorded", "+15558675310")
        .conference_record(ConferenceRecord::RecordFromStart)
        .send(&client)
        .await
        .unwrap();
    let conference = joined.conference_sid.unwrap();
    let recordings = ListConferenceRecordings::new(conference).send(&client).await.unwrap();
    let [recording] = &recordings.items[..] else { panic!("one recording: {recordings:?}") };
    let sid = recording.sid.unwrap();
    assert_sid(sid.as_str(), "RE");
    assert_eq!(recording.status, Some(ConferenceRecordingStatus::InProgress));
    assert_eq!(recording.conference_sid, Some(conference));

    let paused = UpdateConferenceRecording::new(
        conference,
        RecordingRef::Current,
        RecordingStatusChange::Pause { pause_behavior: Some(PauseBehavior::Skip) },
    )
    .send(&client)
    .await
    .unwrap();
    assert_eq!((paused.sid, paused.status.clone()), (Some(sid), Some(ConferenceRecordingStatus::Paused)));
    assert_eq!(FetchConferenceRecording::new(conference, sid).send(&client).await.unwrap(), paused);

    DeleteConferenceRecording::new(conference, sid).send(&client).await.unwrap();
    let path = format!("{ACCOUNT_PATH}/Conferences/{conference}/Recordings/{sid}.json");
    assert_not_found(FetchConferenceRecording::new(conference, sid).send(&client).await, &path);
    // Nothing is recording now: `Twilio.CURRENT` names no recording.
    let current = format!("{ACCOUNT_PATH}/Conferences/{conference}/Recordings/Twilio.CURRENT.json");
    let stop = UpdateConferenceRecording::new(conference, RecordingRef::Current, RecordingStatusChange::Stop);
    assert_not_found(stop.send(&client).await, &current);
}

#[tokio::test]
async fn the_typed_recording_holds_every_valid_request_in_order() {
    let twilio = MockTwilio::start().await;
    let client: Client = twilio.client();
    let first = call_to("+15558675310").timeout(30).status_callback(url("https://example.com/status"));
    let second = call_to("+15558675311").record(true);
    first.send(&client).await.unwrap();
    second.send(&client).await.unwrap();
    let fetched =
        FetchCall::new(CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")).send(&client).await;
    assert!(fetched.is_err(), "no such call");

    assert_eq!(twilio.requests::<CreateCall>(), [first.clone(), second]);
    // A request that names another account the client acts for reads back with it.
    let sub = twilio.create_subaccount();
    let for_sub = first.account_sid(sub.sid());
    for_sub.send(&client).await.unwrap();
    assert_eq!(twilio.requests::<CreateCall>().last(), Some(&for_sub));
    // A valid request that found nothing is still a request the application sent.
    assert_eq!(twilio.requests::<FetchCall>().len(), 1);
    assert!(twilio.requests::<CreateMessage>().is_empty());
    assert!(twilio.refused().is_empty());
}
