//! Conferences and their recordings over HTTP mocks: each operation's method, path, query or body
//! exactly, the description's examples decoded into the typed replies, and every documented rule
//! checked before anything is sent.

use std::path::Path;

use chrono::{DateTime, NaiveDate, TimeZone as _, Utc};
use futures_util::TryStreamExt as _;
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::mock::MockTwilio;
use twilio_endpoint::values::{AccountSid, CallSid, CallbackMethod, ConferenceSid, RecordingSid, Url};
use twilio_endpoint::{Client, Error, Page, Rule};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ACCOUNT: AccountSid = AccountSid::from_static("AC0123456789abcdef0123456789abcdef");
const SUBACCOUNT: AccountSid = AccountSid::from_static("ACfedcba9876543210fedcba9876543210");
const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const RECORDING: RecordingSid = RecordingSid::from_static("REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const EXAMPLE_CALL: CallSid = CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

const FETCH_CONFERENCE: &str = include_str!("../src/mock/examples/FetchConference.json");
const UPDATE_CONFERENCE: &str = include_str!("../src/mock/examples/UpdateConference.json");
const LIST_CONFERENCE: &str = include_str!("../src/mock/examples/ListConference.json");
const LIST_RECORDING: &str = include_str!("../src/mock/examples/ListConferenceRecording.json");
const FETCH_RECORDING: &str = include_str!("../src/mock/examples/FetchConferenceRecording.json");
const UPDATE_RECORDING: &str = include_str!("../src/mock/examples/UpdateConferenceRecording.json");

const CONFERENCE_PATH: &str = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json";
const RECORDINGS_PATH: &str = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Recordings";

/// A server on 127.0.0.1 answering every request with `status` and `body` (none when `None`).
async fn server_replying(status: u16, body: Option<&str>) -> MockServer {
    let server = MockServer::start().await;
    let reply = ResponseTemplate::new(status);
    let reply = match body {
        Some(body) => reply.set_body_raw(body.to_owned(), "application/json"),
        None => reply,
    };
    Mock::given(any()).respond_with(reply).mount(&server).await;
    server
}

fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .account_sid(ACCOUNT)
        .auth_token("0123456789abcdef0123456789abcdef")
        .base_url(server.uri())
        .build()
        .expect("a valid client")
}

/// The one request the server received.
async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.expect("recording is on");
    assert_eq!(requests.len(), 1, "exactly one request expected");
    requests.remove(0)
}

/// Asserts a request's method, path, query (`None`: no `?` at all) and form body.
fn assert_request(request: &Request, method: &str, path: &str, query: Option<&str>, body: &str) {
    assert_eq!(request.method.as_str(), method);
    assert_eq!(request.url.path(), path);
    assert_eq!(request.url.query(), query);
    assert_eq!(String::from_utf8_lossy(&request.body), body);
}

fn utc(year: i32, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, minute, second).unwrap()
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// A copy of the JSON object `example` with some fields replaced.
fn with_fields(example: &str, fields: serde_json::Value) -> String {
    let mut value: serde_json::Value = serde_json::from_str(example).unwrap();
    for (key, field) in fields.as_object().unwrap() {
        value[key] = field.clone();
    }
    value.to_string()
}

// ---------------------------------------------------------------------------------------------------
// Conferences

#[tokio::test]
async fn fetch_conference_gets_it_and_decodes_the_example() {
    let server = server_replying(200, Some(FETCH_CONFERENCE)).await;
    let conference = FetchConference::new(CONFERENCE).send(&client_for(&server)).await.unwrap();

    assert_request(&only_request(&server).await, "GET", CONFERENCE_PATH, None, "");
    assert_eq!(conference.sid, Some(CONFERENCE));
    assert_eq!(conference.account_sid.unwrap().as_str(), "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(conference.friendly_name.as_deref(), Some("AHH YEAH"));
    assert_eq!(conference.api_version.as_deref(), Some("2010-04-01"));
    assert_eq!(conference.status, Some(ConferenceStatus::Completed));
    assert_eq!(conference.region, Some(ConferenceRegion::Us1));
    assert_eq!(conference.reason_conference_ended, Some(ConferenceEndReason::LastParticipantLeft));
    assert_eq!(conference.call_sid_ending_conference, Some(EXAMPLE_CALL));
    assert_eq!(conference.date_created, Some(utc(2011, 2, 18, 19, 26, 50)));
    assert_eq!(conference.date_updated, Some(utc(2011, 2, 18, 19, 27, 33)));
    assert!(conference.uri.unwrap().ends_with("/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json"));
    let subresources = conference.subresource_uris.unwrap();
    assert_eq!(subresources.len(), 2);
    assert!(subresources["participants"].ends_with("/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants.json"));
    assert!(subresources["recordings"].ends_with("/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Recordings.json"));
}

#[tokio::test]
async fn a_subaccount_in_the_request_replaces_the_clients_account_in_the_path() {
    let server = server_replying(200, Some(FETCH_CONFERENCE)).await;
    let mut request = FetchConference::new(CONFERENCE);
    request.account_sid = Some(SUBACCOUNT);
    request.send(&client_for(&server)).await.unwrap();
    assert_eq!(
        only_request(&server).await.url.path(),
        "/2010-04-01/Accounts/ACfedcba9876543210fedcba9876543210/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json"
    );
}

/// The variants of the description's other Fetch Conference examples: a region from the list, a
/// conference in progress with `null` reason and ending call, another end reason, and the odd one
/// whose region is `unknown` and status `init` (named "...IntegerStatus", though its values are text).
#[test]
fn the_other_fetch_examples_decode() {
    let in_progress = with_fields(
        FETCH_CONFERENCE,
        serde_json::json!({"region": "au1", "status": "in-progress",
                           "reason_conference_ended": null, "call_sid_ending_conference": null}),
    );
    let conference: Conference = serde_json::from_str(&in_progress).unwrap();
    assert_eq!(conference.region, Some(ConferenceRegion::Au1));
    assert_eq!(conference.status, Some(ConferenceStatus::InProgress));
    assert_eq!(conference.reason_conference_ended, None);
    assert_eq!(conference.call_sid_ending_conference, None);

    let unknown_region = with_fields(
        FETCH_CONFERENCE,
        serde_json::json!({"region": "unknown", "status": "init",
                           "reason_conference_ended": "participant-with-end-conference-on-exit-left"}),
    );
    let conference: Conference = serde_json::from_str(&unknown_region).unwrap();
    assert_eq!(conference.region, Some(ConferenceRegion::Unknown("unknown".into())));
    assert_eq!(conference.status, Some(ConferenceStatus::Init));
    assert_eq!(
        conference.reason_conference_ended,
        Some(ConferenceEndReason::ParticipantWithEndConferenceOnExitLeft)
    );
}

#[test]
fn values_twilio_may_add_decode_as_unknown_and_are_written_back_unchanged() {
    let odd = with_fields(
        FETCH_CONFERENCE,
        serde_json::json!({"status": "on-hold", "region": "in1", "reason_conference_ended": "moderator-left"}),
    );
    let conference: Conference = serde_json::from_str(&odd).unwrap();
    assert_eq!(conference.status, Some(ConferenceStatus::Unknown("on-hold".into())));
    assert_eq!(conference.region, Some(ConferenceRegion::Unknown("in1".into())));
    assert_eq!(
        conference.reason_conference_ended,
        Some(ConferenceEndReason::Unknown("moderator-left".into()))
    );
    let again: Conference = serde_json::from_str(&serde_json::to_string(&conference).unwrap()).unwrap();
    assert_eq!(again, conference);

    let odd = with_fields(FETCH_RECORDING, serde_json::json!({"status": "uploading", "source": "Studio"}));
    let recording: ConferenceRecording = serde_json::from_str(&odd).unwrap();
    assert_eq!(recording.status, Some(ConferenceRecordingStatus::Unknown("uploading".into())));
    assert_eq!(recording.source, Some(RecordingSource::Unknown("Studio".into())));
    let again: ConferenceRecording =
        serde_json::from_str(&serde_json::to_string(&recording).unwrap()).unwrap();
    assert_eq!(again, recording);
}

#[test]
fn missing_and_null_fields_are_none() {
    assert_eq!(serde_json::from_str::<Conference>("{}").unwrap(), Conference::default());
    let nulls =
        r#"{"sid": null, "status": null, "region": null, "date_created": null, "subresource_uris": null}"#;
    assert_eq!(serde_json::from_str::<Conference>(nulls).unwrap(), Conference::default());
    assert_eq!(serde_json::from_str::<ConferenceRecording>("{}").unwrap(), ConferenceRecording::default());
}

/// Every response example the description gives for these operations, when the description is at
/// hand (`../shared/twilio-oai/twilio_api_v2010.json`, next to the worktree); nothing is copied from it.
#[test]
fn every_response_example_of_the_description_decodes() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/twilio-oai/twilio_api_v2010.json");
    let Ok(text) = std::fs::read_to_string(&file) else {
        eprintln!("skipped: {} is not here", file.display());
        return;
    };
    let description: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut decoded = 0;
    for (_, item) in description["paths"].as_object().unwrap() {
        for (_, operation) in item.as_object().unwrap() {
            let Some(id) = operation.get("operationId").and_then(|id| id.as_str()) else { continue };
            let Some(content) = operation["responses"]
                .as_object()
                .and_then(|responses| responses.values().find_map(|reply| reply.get("content")))
            else {
                continue;
            };
            for (name, example) in content["application/json"]["examples"].as_object().unwrap() {
                let value = example["value"].clone();
                let result = match id {
                    "FetchConference" | "UpdateConference" => {
                        serde_json::from_value::<Conference>(value).map(|_| ())
                    }
                    "ListConference" => serde_json::from_value::<Page<Conference>>(value).map(|_| ()),
                    "FetchConferenceRecording" | "UpdateConferenceRecording" => {
                        serde_json::from_value::<ConferenceRecording>(value).map(|_| ())
                    }
                    "ListConferenceRecording" => {
                        serde_json::from_value::<Page<ConferenceRecording>>(value).map(|_| ())
                    }
                    _ => continue,
                };
                result.unwrap_or_else(|error| panic!("{id} example {name}: {error}"));
                decoded += 1;
            }
        }
    }
    // Conferences: 4 fetch, 2 update, 7 list; recordings: 1 fetch, 1 update, 2 list (April 2026).
    assert!(decoded >= 17, "only {decoded} examples found");
}

#[tokio::test]
async fn ending_a_conference_posts_status_completed() {
    let server = server_replying(200, Some(UPDATE_CONFERENCE)).await;
    let conference = UpdateConference::new(CONFERENCE)
        .status(ConferenceUpdateStatus::Completed)
        .send(&client_for(&server))
        .await
        .unwrap();

    assert_request(&only_request(&server).await, "POST", CONFERENCE_PATH, None, "Status=completed");
    assert_eq!(conference.status, Some(ConferenceStatus::Completed));
    assert_eq!(conference.reason_conference_ended, Some(ConferenceEndReason::ConferenceEndedViaApi));
    assert_eq!(conference.friendly_name, None);
    assert_eq!(conference.call_sid_ending_conference, None);
    assert_eq!(conference.date_updated, Some(utc(2011, 8, 22, 20, 58, 46)));
}

#[test]
fn an_update_sends_its_parameters_in_the_descriptions_order() {
    let announce = "https://example.com/announce.xml?lang=en&voice=a%20b";
    let request = UpdateConference::new(CONFERENCE)
        .announce_method(CallbackMethod::Get)
        .announce_url(announce.parse::<Url>().unwrap())
        .status(ConferenceUpdateStatus::Completed);
    assert_eq!(
        request.to_form(),
        "Status=completed&AnnounceUrl=https%3A%2F%2Fexample.com%2Fannounce.xml%3Flang%3Den%26voice%3Da%2520b\
         &AnnounceMethod=GET"
    );
    assert_eq!(UpdateConference::new(CONFERENCE).to_form(), "");
    assert_eq!(
        "canceled".parse::<ConferenceUpdateStatus>().unwrap_err().to_string(),
        "expected `completed`, got `canceled`"
    );
}

#[tokio::test]
async fn list_conferences_sends_every_filter_with_escaped_operator_keys() {
    let server = server_replying(200, Some(LIST_CONFERENCE)).await;
    let page = ListConferences::new()
        .date_created(day(2008, 1, 3))
        .date_created_before(day(2008, 1, 1))
        .date_created_after(day(2008, 1, 2))
        .date_updated(day(2018, 11, 13))
        .date_updated_before(day(2018, 11, 11))
        .date_updated_after(day(2018, 11, 12))
        .friendly_name("Room 1 & co")
        .status(ConferenceStatusFilter::InProgress)
        .page_size(50)
        .page(2)
        .page_token("PAabc")
        .send(&client_for(&server))
        .await
        .unwrap();

    assert_request(
        &only_request(&server).await,
        "GET",
        "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Conferences.json",
        Some(
            "DateCreated=2008-01-03&DateCreated%3C=2008-01-01&DateCreated%3E=2008-01-02\
             &DateUpdated=2018-11-13&DateUpdated%3C=2018-11-11&DateUpdated%3E=2018-11-12\
             &FriendlyName=Room+1+%26+co&Status=in-progress&PageToken=PAabc&Page=2&PageSize=50",
        ),
        "",
    );
    // The description's example is an empty first and last page.
    assert!(page.items.is_empty());
    assert_eq!((page.page, page.page_size, page.start, page.end), (0, 50, 0, 0));
    assert!(!page.has_next());
    assert!(page.first_page_uri.unwrap().contains("DateCreated%3C=2008-01-01"));
}

#[tokio::test]
async fn list_conferences_without_filters_has_no_query_and_decodes_items() {
    let conference: serde_json::Value = serde_json::from_str(FETCH_CONFERENCE).unwrap();
    let page = serde_json::json!({"conferences": [conference], "page": 0, "page_size": 50,
                                  "next_page_uri": null, "start": 0, "end": 0});
    let server = server_replying(200, Some(&page.to_string())).await;
    let page = ListConferences::new().send(&client_for(&server)).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(
        request.url.path(),
        "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Conferences.json"
    );
    assert_eq!(request.url.query(), None);
    let [conference] = &page.items[..] else { panic!("one conference expected: {page:?}") };
    assert_eq!(conference.sid, Some(CONFERENCE));
    assert_eq!(conference.status, Some(ConferenceStatus::Completed));
}

#[test]
fn the_status_filter_takes_only_the_documented_states() {
    let statuses: Vec<_> = ConferenceStatusFilter::ALL.iter().map(ConferenceStatusFilter::as_str).collect();
    assert_eq!(statuses, ["init", "in-progress", "completed"]);
    assert_eq!(
        "ended".parse::<ConferenceStatusFilter>().unwrap_err().to_string(),
        "expected one of `init`, `in-progress`, `completed`, got `ended`"
    );
}

// ---------------------------------------------------------------------------------------------------
// Page sizes, and invalid requests

#[test]
fn page_size_is_1_to_1000_on_both_lists() {
    let conferences = |size| ListConferences::new().page_size(size).validate();
    let recordings = |size| ListConferenceRecordings::new(CONFERENCE).page_size(size).validate();
    for check in [&conferences as &dyn Fn(u32) -> _, &recordings] {
        assert!(check(1).is_ok());
        assert!(check(1000).is_ok());
        for outside in [0, 1001] {
            let errors = check(outside).unwrap_err();
            let [violation] = errors.violations() else { panic!("one violation expected: {errors}") };
            assert_eq!(violation.key(), "PageSize");
            assert_eq!(violation.rule(), &Rule::Range { min: 1, max: 1000 });
            assert_eq!(violation.to_string(), format!("PageSize: must be between 1 and 1000, got {outside}"));
        }
    }
}

#[tokio::test]
async fn invalid_requests_reach_the_server_zero_times() {
    let server = server_replying(200, Some(LIST_CONFERENCE)).await;
    let client = client_for(&server);

    let error = ListConferences::new().page_size(0).send(&client).await.unwrap_err();
    assert!(matches!(&error, Error::Validation(_)), "{error}");
    assert_eq!(error.to_string(), "invalid request: PageSize: must be between 1 and 1000, got 0");

    let error = ListConferenceRecordings::new(CONFERENCE).page_size(1001).send(&client).await.unwrap_err();
    assert!(matches!(error, Error::Validation(_)), "{error}");

    // A stream validates before its first page, too.
    let items: Result<Vec<Conference>, Error> =
        client.stream(&ListConferences::new().page_size(5000)).try_collect().await;
    assert!(matches!(items, Err(Error::Validation(_))));

    assert_eq!(server.received_requests().await.unwrap().len(), 0);
}

// ---------------------------------------------------------------------------------------------------
// Conference recordings

#[tokio::test]
async fn list_conference_recordings_filters_by_day_and_decodes_the_example() {
    let server = server_replying(200, Some(LIST_RECORDING)).await;
    let page = ListConferenceRecordings::new(CONFERENCE)
        .date_created(day(2016, 10, 14))
        .date_created_before(day(2016, 10, 31))
        .date_created_after(day(2016, 10, 1))
        .page_size(20)
        .page(0)
        .page_token("PA1")
        .send(&client_for(&server))
        .await
        .unwrap();

    assert_request(
        &only_request(&server).await,
        "GET",
        &format!("{RECORDINGS_PATH}.json"),
        Some(
            "DateCreated=2016-10-14&DateCreated%3C=2016-10-31&DateCreated%3E=2016-10-01\
             &PageToken=PA1&Page=0&PageSize=20",
        ),
        "",
    );
    assert_eq!(page.page_size, 50);
    assert!(!page.has_next());
    let [recording] = &page.items[..] else { panic!("one recording expected: {page:?}") };
    assert_completed_example(recording);
}

/// The recording of the Fetch and List examples: completed, priced, encrypted.
fn assert_completed_example(recording: &ConferenceRecording) {
    assert_eq!(recording.sid, Some(RECORDING));
    assert_eq!(recording.conference_sid, Some(CONFERENCE));
    assert_eq!(recording.call_sid, Some(EXAMPLE_CALL));
    assert_eq!(recording.account_sid.unwrap().as_str(), "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(recording.api_version.as_deref(), Some("2010-04-01"));
    assert_eq!(recording.status, Some(ConferenceRecordingStatus::Completed));
    assert_eq!(recording.source, Some(RecordingSource::StartConferenceRecordingApi));
    assert_eq!(recording.channels, Some(1));
    assert_eq!(recording.duration.as_deref(), Some("4"));
    assert_eq!(recording.price.as_deref(), Some("-0.0025"));
    assert_eq!(recording.price_unit.as_deref(), Some("USD"));
    assert_eq!(recording.error_code, None);
    assert_eq!(recording.date_created, Some(utc(2016, 10, 14, 21, 56, 34)));
    assert_eq!(recording.date_updated, Some(utc(2016, 10, 14, 21, 56, 38)));
    assert_eq!(recording.start_time, Some(utc(2016, 10, 14, 21, 56, 34)));
    let encryption = recording.encryption_details.as_ref().expect("the example is encrypted");
    assert_eq!(encryption["encryption_iv"], "8I2hhNIYNTrwxfHk");
    assert_eq!(encryption["encryption_public_key_sid"], "CRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert!(recording.uri.as_deref().unwrap().starts_with("/2010-04-01/Accounts/"));
}

#[tokio::test]
async fn fetch_conference_recording_gets_it_and_decodes_the_example() {
    let server = server_replying(200, Some(FETCH_RECORDING)).await;
    let recording =
        FetchConferenceRecording::new(CONFERENCE, RECORDING).send(&client_for(&server)).await.unwrap();

    let path = format!("{RECORDINGS_PATH}/REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json");
    assert_request(&only_request(&server).await, "GET", &path, None, "");
    assert_completed_example(&recording);
}

#[tokio::test]
async fn a_recording_is_paused_resumed_and_stopped() {
    let server = server_replying(200, Some(UPDATE_RECORDING)).await;
    let client = client_for(&server);
    let changes = [
        (
            RecordingStatusChange::Pause { pause_behavior: Some(PauseBehavior::Skip) },
            "Status=paused&PauseBehavior=skip",
        ),
        (
            RecordingStatusChange::Pause { pause_behavior: Some(PauseBehavior::Silence) },
            "Status=paused&PauseBehavior=silence",
        ),
        (RecordingStatusChange::Pause { pause_behavior: None }, "Status=paused"),
        (RecordingStatusChange::Resume, "Status=in-progress"),
        (RecordingStatusChange::Stop, "Status=stopped"),
    ];
    let mut last = None;
    for (change, _) in changes {
        last =
            Some(UpdateConferenceRecording::new(CONFERENCE, RECORDING, change).send(&client).await.unwrap());
    }

    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), changes.len());
    let path = format!("{RECORDINGS_PATH}/REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json");
    for (request, (_, body)) in requests.iter().zip(changes) {
        assert_request(request, "POST", &path, None, body);
    }
    // The description's example answers a pause: no price, duration or encryption yet.
    let recording = last.unwrap();
    assert_eq!(recording.status, Some(ConferenceRecordingStatus::Paused));
    assert_eq!(recording.sid, Some(RECORDING));
    assert_eq!((recording.price, recording.duration, recording.encryption_details), (None, None, None));
    assert_eq!(recording.date_updated, Some(utc(2016, 10, 14, 21, 56, 39)));
}

#[tokio::test]
async fn the_recording_in_progress_is_named_twilio_current() {
    let server = server_replying(200, Some(UPDATE_RECORDING)).await;
    UpdateConferenceRecording::new(CONFERENCE, RecordingRef::Current, RecordingStatusChange::Stop)
        .send(&client_for(&server))
        .await
        .unwrap();
    let path = format!("{RECORDINGS_PATH}/Twilio.CURRENT.json");
    assert_request(&only_request(&server).await, "POST", &path, None, "Status=stopped");
}

#[test]
fn a_recording_ref_is_a_recording_sid_or_twilio_current() {
    assert_eq!("Twilio.CURRENT".parse(), Ok(RecordingRef::Current));
    assert_eq!(RecordingRef::Current.to_string(), "Twilio.CURRENT");
    let by_sid: RecordingRef = "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap();
    assert_eq!(by_sid, RecordingRef::from(RECORDING));
    assert_eq!(by_sid.to_string(), "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    for bad in ["twilio.current", "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "../Calls", ""] {
        assert_eq!(
            bad.parse::<RecordingRef>().unwrap_err().to_string(),
            format!(
                "expected a recording SID (`RE` followed by 32 hex digits) or `Twilio.CURRENT`, got `{bad}`"
            )
        );
    }
}

#[tokio::test]
async fn delete_conference_recording_sends_delete_and_accepts_no_content() {
    let server = server_replying(204, None).await;
    DeleteConferenceRecording::new(CONFERENCE, RECORDING).send(&client_for(&server)).await.unwrap();

    let path = format!("{RECORDINGS_PATH}/REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json");
    assert_request(&only_request(&server).await, "DELETE", &path, None, "");
}

// ---------------------------------------------------------------------------------------------------
// The embedded mock

/// A participant added to the mock under a friendly name, creating its conference with a recording
/// from the start: the conference and the recording.
async fn recorded_conference(client: &Client) -> (ConferenceSid, RecordingSid) {
    let participant = CreateParticipant::new(
        "Standup".parse::<twilio_endpoint::values::ConferenceRef>().unwrap(),
        "+15017122661".parse::<twilio_endpoint::values::Address>().unwrap(),
        "+15558675310".parse::<twilio_endpoint::values::Address>().unwrap(),
    )
    .conference_record(ConferenceRecord::RecordFromStart)
    .send(client)
    .await
    .unwrap();
    let conference = participant.conference_sid.unwrap();
    let recordings = ListConferenceRecordings::new(conference).send(client).await.unwrap();
    (conference, recordings.items[0].sid.unwrap())
}

#[tokio::test]
async fn streams_over_the_embedded_mock_yield_what_it_holds() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();

    // Nothing created yet: one empty page.
    let conferences: Vec<Conference> = client.stream(&ListConferences::new()).try_collect().await.unwrap();
    assert_eq!(conferences, []);

    let (conference, recording) = recorded_conference(&client).await;
    let conferences: Vec<Conference> = client.stream(&ListConferences::new()).try_collect().await.unwrap();
    assert_eq!(conferences.iter().map(|conference| conference.sid).collect::<Vec<_>>(), [Some(conference)]);
    assert_eq!(conferences[0].friendly_name.as_deref(), Some("Standup"));
    let recordings: Vec<ConferenceRecording> =
        client.stream(&ListConferenceRecordings::new(conference).page_size(50)).try_collect().await.unwrap();
    let [only] = &recordings[..] else { panic!("one recording expected: {recordings:?}") };
    assert_eq!((only.sid, only.conference_sid), (Some(recording), Some(conference)));
    assert_eq!(only.status, Some(ConferenceRecordingStatus::InProgress));

    let sent: Vec<_> =
        twilio.received_requests().await.into_iter().map(|r| (r.method, r.path_and_query)).collect();
    let account = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    assert_eq!(sent[0], ("GET".to_owned(), format!("{account}/Conferences.json")));
    assert_eq!(
        sent.last().unwrap(),
        &("GET".to_owned(), format!("{account}/Conferences/{conference}/Recordings.json?PageSize=50"))
    );
}

#[tokio::test]
async fn every_operation_answers_over_the_embedded_mock() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let (conference, recording) = recorded_conference(&client).await;
    let fetched = FetchConference::new(conference).send(&client).await.unwrap();
    assert_eq!(fetched.status, Some(ConferenceStatus::Init));
    let fetched_recording = FetchConferenceRecording::new(conference, recording).send(&client).await.unwrap();
    assert_eq!(fetched_recording.sid, Some(recording));
    let paused = UpdateConferenceRecording::new(
        conference,
        RecordingRef::Current,
        RecordingStatusChange::Pause { pause_behavior: None },
    )
    .send(&client)
    .await
    .unwrap();
    assert_eq!(paused.status, Some(ConferenceRecordingStatus::Paused));
    let ended = UpdateConference::new(conference)
        .status(ConferenceUpdateStatus::Completed)
        .send(&client)
        .await
        .unwrap();
    assert_eq!(ended.status, Some(ConferenceStatus::Completed));
    assert_eq!(ended.reason_conference_ended, Some(ConferenceEndReason::ConferenceEndedViaApi));
    // The conference's end ends its recording.
    let finished = FetchConferenceRecording::new(conference, recording).send(&client).await.unwrap();
    assert_eq!(finished.status, Some(ConferenceRecordingStatus::Completed));
    DeleteConferenceRecording::new(conference, recording).send(&client).await.unwrap();
    assert!(ListConferenceRecordings::new(conference).send(&client).await.unwrap().items.is_empty());
    assert_eq!(twilio.received_requests().await.len(), 9);
}
