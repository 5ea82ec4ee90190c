//! The participant operations over HTTP, against a wiremock server on 127.0.0.1: what each one puts on
//! the wire (method, path, query or body, headers), how Twilio's example replies decode, every
//! documented rule, and that an invalid request never reaches the server.

use chrono::{TimeZone as _, Utc};
use twilio_endpoint::api::v2010::{
    CallEvent, Coaching, CreateParticipant, DeleteParticipant, FetchParticipant, ListParticipants,
    Participant, ParticipantRef, ParticipantStatus, UpdateParticipant,
};
use twilio_endpoint::values::{
    AccountSid, Address, CallSid, CallbackMethod, ConferenceRef, ConferenceSid, OrEmpty, Url,
};
use twilio_endpoint::{Client, Error, Rule};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ACCOUNT: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const TOKEN: &str = "test-auth-token";
/// `Basic base64("{ACCOUNT}:{TOKEN}")`, computed independently (Python's `base64.b64encode`).
const AUTHORIZATION: &str = "Basic QUNhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYTp0ZXN0LWF1dGgtdG9rZW4=";
const FORM: &str = "application/x-www-form-urlencoded";
const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const CALL: CallSid = CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const COACHED: CallSid = CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const PARTICIPANTS: &str = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants";
const TWILIO_ERROR_21205: &str = r#"{"code": 21205, "message": "Url is not a valid URL: ftp://x", "more_info": "https://www.twilio.com/docs/errors/21205", "status": 400}"#;

fn participant_path(segment: &str) -> String {
    format!("{PARTICIPANTS}/{segment}.json")
}

fn url(text: &str) -> Url {
    text.parse().unwrap()
}

fn address(text: &str) -> Address {
    text.parse().unwrap()
}

fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .account_sid(ACCOUNT.parse().unwrap())
        .auth_token(TOKEN)
        .base_url(server.uri())
        .build()
        .unwrap()
}

/// A server answering every request with `status` and, when given, a JSON body.
async fn server_answering(status: u16, body: Option<&str>) -> MockServer {
    let server = MockServer::start().await;
    let reply = ResponseTemplate::new(status);
    let reply = match body {
        Some(body) => reply.set_body_raw(body, "application/json"),
        None => reply,
    };
    Mock::given(any()).respond_with(reply).mount(&server).await;
    server
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

async fn assert_nothing_sent(server: &MockServer) {
    assert_eq!(server.received_requests().await.unwrap().len(), 0, "an invalid request reached the server");
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).map(|value| value.to_str().unwrap())
}

fn body(request: &Request) -> &str {
    std::str::from_utf8(&request.body).unwrap()
}

fn example_date() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2011, 2, 18, 21, 7, 19).unwrap()
}

fn validation_error<T: std::fmt::Debug>(result: Result<T, Error>) -> twilio_endpoint::ValidationErrors {
    match result {
        Err(Error::Validation(errors)) => errors,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn api_error<T: std::fmt::Debug>(result: Result<T, Error>) -> twilio_endpoint::ApiError {
    match result {
        Err(Error::Api(error)) => error,
        other => panic!("expected an API error, got {other:?}"),
    }
}

// --- Fetch ---

#[tokio::test]
async fn fetch_gets_the_participant_and_decodes_twilio_example() {
    let server =
        server_answering(200, Some(include_str!("../src/mock/examples/FetchParticipant.json"))).await;
    let participant = FetchParticipant::new(CONFERENCE, CALL).send(&client_for(&server)).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.url.path(), participant_path(CALL.as_str()));
    assert_eq!(request.url.query(), None);
    assert_eq!(header(&request, "authorization"), Some(AUTHORIZATION));
    assert_eq!(header(&request, "content-type"), None);
    assert!(request.body.is_empty());

    assert_eq!(
        participant,
        Participant {
            account_sid: Some(ACCOUNT.parse().unwrap()),
            call_sid: Some(CALL),
            label: None,
            call_sid_to_coach: Some(COACHED),
            coaching: Some(true),
            conference_sid: Some(CONFERENCE),
            date_created: Some(example_date()),
            date_updated: Some(example_date()),
            end_conference_on_exit: Some(false),
            muted: Some(false),
            hold: Some(false),
            start_conference_on_enter: Some(true),
            status: Some(ParticipantStatus::Connected),
            queue_time: None,
            uri: Some(participant_path(CALL.as_str())),
        }
    );
}

#[tokio::test]
async fn a_label_is_sent_escaped_as_one_segment() {
    let server =
        server_answering(200, Some(include_str!("../src/mock/examples/FetchParticipant.json"))).await;
    let label: ParticipantRef = "agent 1 é~".parse().unwrap();
    FetchParticipant::new(CONFERENCE, label).send(&client_for(&server)).await.unwrap();
    // The official Python SDK writes the same segment for this label.
    assert_eq!(only_request(&server).await.url.path(), participant_path("agent%201%20%C3%A9~"));
}

/// Twilio's description says a label's characters that are not URL-safe are percent-encoded: `?` and
/// `#` are such characters, escaped like any other, not a reason to refuse the label.
#[tokio::test]
async fn a_label_with_a_question_mark_or_a_hash_is_sent_escaped() {
    let server =
        server_answering(200, Some(include_str!("../src/mock/examples/FetchParticipant.json"))).await;
    let client = client_for(&server);
    let label: ParticipantRef = "agent #1".parse().unwrap();
    UpdateParticipant::new(CONFERENCE, label).muted(true).send(&client).await.unwrap();
    DeleteParticipant::new(CONFERENCE, ParticipantRef::Label("who?".into())).send(&client).await.unwrap();
    let requests = server.received_requests().await.unwrap();
    let paths: Vec<&str> = requests.iter().map(|request| request.url.path()).collect();
    assert_eq!(paths, [participant_path("agent%20%231"), participant_path("who%3F")]);
    assert!(requests.iter().all(|request| request.url.query().is_none()));
}

#[tokio::test]
async fn a_subaccount_is_named_in_the_path() {
    let server =
        server_answering(200, Some(include_str!("../src/mock/examples/FetchParticipant.json"))).await;
    let subaccount: AccountSid = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb".parse().unwrap();
    FetchParticipant::new(CONFERENCE, CALL).account_sid(subaccount).send(&client_for(&server)).await.unwrap();
    assert_eq!(
        only_request(&server).await.url.path(),
        participant_path(CALL.as_str()).replace(ACCOUNT, "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")
    );
}

/// A label that is not one path segment would name another resource (`a b/c` is the participant `c`
/// of something else), and a control character is no label: every operation rejects them before
/// sending.
#[tokio::test]
async fn a_label_that_is_not_one_segment_is_never_sent() {
    let server =
        server_answering(200, Some(include_str!("../src/mock/examples/FetchParticipant.json"))).await;
    let client = client_for(&server);
    for label in ["a b/c", "..", ".", "/", "a\r\nb"] {
        let label = ParticipantRef::Label(label.to_owned());
        let errors = [
            validation_error(FetchParticipant::new(CONFERENCE, label.clone()).send(&client).await),
            validation_error(
                UpdateParticipant::new(CONFERENCE, label.clone()).muted(true).send(&client).await,
            ),
            validation_error(DeleteParticipant::new(CONFERENCE, label.clone()).send(&client).await),
        ];
        for error in errors {
            let [violation] = error.violations() else { panic!("one violation expected: {error}") };
            assert_eq!((violation.key(), violation.rule()), ("CallSid", &Rule::PathSegment), "{label}");
        }
    }
    let error =
        FetchParticipant::new(CONFERENCE, ParticipantRef::Label("a b/c".into())).validate().unwrap_err();
    // The rule's wording is `Rule::PathSegment`'s; what matters here is the key, the rule and the value.
    let message = error.to_string();
    assert!(
        message.starts_with(
            "invalid request: CallSid: must be a non-empty path segment other than `.` or `..`, without `/`"
        ),
        "{message}"
    );
    assert!(message.ends_with("control characters, got \"a b/c\""), "{message}");
    assert_nothing_sent(&server).await;
}

#[test]
fn a_participant_is_named_by_call_sid_or_label() {
    let by_sid: ParticipantRef = CALL.as_str().parse().unwrap();
    assert_eq!(by_sid, ParticipantRef::CallSid(CALL));
    assert_eq!(by_sid, ParticipantRef::from(CALL));
    assert_eq!(by_sid.to_string(), CALL.as_str());

    let by_label: ParticipantRef = "customer é".parse().unwrap();
    assert_eq!(by_label, ParticipantRef::Label("customer é".into()));
    assert_eq!(by_label.to_string(), "customer é");
    // Almost a call SID, or a SID of another kind, is a label.
    assert!(matches!("CAxx".parse(), Ok(ParticipantRef::Label(_))));
    assert!(matches!(CONFERENCE.as_str().parse(), Ok(ParticipantRef::Label(_))));

    assert_eq!(
        "".parse::<ParticipantRef>().unwrap_err().to_string(),
        "expected a call SID or participant label (not empty, without control characters), got ``"
    );
    assert!("agent\n1".parse::<ParticipantRef>().is_err());
}

// --- Update ---

/// Every parameter, in the description's order; the body is byte for byte what the official Python SDK
/// (twilio 9.13) sends for the same call.
#[tokio::test]
async fn update_posts_every_parameter_as_the_official_sdk_does_and_decodes_the_example() {
    let server =
        server_answering(200, Some(include_str!("../src/mock/examples/UpdateParticipant.json"))).await;
    let participant = UpdateParticipant::new(CONFERENCE, "agent 1 é".parse::<ParticipantRef>().unwrap())
        .muted(true)
        .hold(true)
        .hold_url(url("https://example.com/hold.mp3"))
        .hold_method(CallbackMethod::Get)
        .announce_url(url("https://example.com/announce?x=1&y=a+b"))
        .announce_method(CallbackMethod::Post)
        .wait_url(OrEmpty::Empty)
        .wait_method(CallbackMethod::Get)
        .beep_on_exit(false)
        .end_conference_on_exit(true)
        .coaching(Coaching::Coach { call_sid_to_coach: COACHED })
        .send(&client_for(&server))
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), participant_path("agent%201%20%C3%A9"));
    assert_eq!(request.url.query(), None);
    assert_eq!(header(&request, "authorization"), Some(AUTHORIZATION));
    assert_eq!(header(&request, "content-type"), Some(FORM));
    assert_eq!(
        body(&request),
        "Muted=true&Hold=true&HoldUrl=https%3A%2F%2Fexample.com%2Fhold.mp3&HoldMethod=GET\
         &AnnounceUrl=https%3A%2F%2Fexample.com%2Fannounce%3Fx%3D1%26y%3Da%2Bb&AnnounceMethod=POST\
         &WaitUrl=&WaitMethod=GET&BeepOnExit=false&EndConferenceOnExit=true\
         &Coaching=true&CallSidToCoach=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    );

    assert_eq!(participant.muted, Some(true));
    assert_eq!((participant.coaching, participant.call_sid_to_coach), (Some(false), None));
    assert_eq!(participant.status, Some(ParticipantStatus::Connected));
    assert_eq!(participant.date_updated, Some(example_date()));
    assert_eq!(participant.call_sid, Some(CALL));
}

#[test]
fn update_sends_only_what_is_set() {
    let base = || UpdateParticipant::new(CONFERENCE, CALL);
    assert_eq!(base().to_form(), "");
    assert_eq!(base().muted(false).to_form(), "Muted=false");
    // An empty `WaitUrl` means "no music" and is sent; a URL is sent as written.
    assert_eq!(base().wait_url(OrEmpty::Empty).to_form(), "WaitUrl=");
    assert_eq!(
        base().wait_url(url("https://example.com/wait")).to_form(),
        "WaitUrl=https%3A%2F%2Fexample.com%2Fwait"
    );
}

/// Twilio's description ties `HoldUrl` and `HoldMethod` to no value of `Hold`: each is sent on its own,
/// so that the music of a participant already on hold can be changed.
#[test]
fn hold_music_is_sent_with_or_without_hold() {
    let base = || UpdateParticipant::new(CONFERENCE, CALL);
    let music = || url("https://example.com/hold.xml");
    assert_eq!(base().hold(false).to_form(), "Hold=false");
    assert_eq!(
        base().hold(true).hold_url(music()).to_form(),
        "Hold=true&HoldUrl=https%3A%2F%2Fexample.com%2Fhold.xml"
    );
    for request in [
        base().hold_url(music()),
        base().hold_method(CallbackMethod::Post),
        base().hold_url(music()).hold_method(CallbackMethod::Post),
        base().hold(false).hold_url(music()),
    ] {
        request.validate().expect("hold music without `Hold=true` is allowed");
    }
    assert_eq!(
        base().hold_url(music()).hold_method(CallbackMethod::Post).to_form(),
        "HoldUrl=https%3A%2F%2Fexample.com%2Fhold.xml&HoldMethod=POST"
    );
}

#[test]
fn update_coaching_encodes_each_documented_form() {
    let form = |coaching: Coaching| UpdateParticipant::new(CONFERENCE, CALL).coaching(coaching).to_form();
    assert_eq!(form(Coaching::Off), "Coaching=false");
    assert_eq!(
        form(Coaching::Coach { call_sid_to_coach: COACHED }),
        "Coaching=true&CallSidToCoach=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    );
    assert_eq!(form(Coaching::CallSidToCoach(COACHED)), "CallSidToCoach=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
}

// --- Delete ---

#[tokio::test]
async fn delete_removes_the_participant_and_expects_no_content() {
    let server = server_answering(204, None).await;
    let label: ParticipantRef = "customer".parse().unwrap();
    let () = DeleteParticipant::new(CONFERENCE, label).send(&client_for(&server)).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "DELETE");
    assert_eq!(request.url.path(), participant_path("customer"));
    assert_eq!(request.url.query(), None);
    assert_eq!(header(&request, "authorization"), Some(AUTHORIZATION));
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn deleting_a_participant_that_left_is_twilio_error_20404() {
    let body = r#"{"code": 20404, "message": "The requested resource was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}"#;
    let server = server_answering(404, Some(body)).await;
    let error = api_error(DeleteParticipant::new(CONFERENCE, CALL).send(&client_for(&server)).await);
    assert_eq!((error.status(), error.code()), (404, Some(20404)));
    assert_eq!(error.message(), "The requested resource was not found");
}

// --- List ---

#[tokio::test]
async fn list_sends_filters_as_the_query_and_decodes_the_example() {
    let server = server_answering(200, Some(include_str!("../src/mock/examples/ListParticipant.json"))).await;
    let page = ListParticipants::new(CONFERENCE)
        .muted(false)
        .hold(true)
        .coaching(false)
        .page_size(50)
        .page(2)
        .page_token("PTabc")
        .send(&client_for(&server))
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.url.path(), format!("{PARTICIPANTS}.json"));
    // The description's order; the Python SDK sends the same pairs with the paging keys reversed
    // (`PageToken`, `Page`, `PageSize`), which Twilio reads alike.
    assert_eq!(
        request.url.query(),
        Some("Muted=false&Hold=true&Coaching=false&PageToken=PTabc&Page=2&PageSize=50")
    );
    assert_eq!(header(&request, "authorization"), Some(AUTHORIZATION));
    assert!(request.body.is_empty());

    assert!(page.items.is_empty());
    assert_eq!((page.page, page.page_size, page.start, page.end), (0, 50, 0, 0));
    assert!(!page.has_next());
    assert_eq!(page.previous_page_uri, None);
    assert_eq!(page.first_page_uri, Some(format!("{PARTICIPANTS}.json?Hold=true&PageSize=50&Page=0")));
    assert_eq!(page.uri, page.first_page_uri);
}

#[tokio::test]
async fn a_list_without_filters_has_no_query_string() {
    let server = server_answering(200, Some(include_str!("../src/mock/examples/ListParticipant.json"))).await;
    ListParticipants::new(CONFERENCE).send(&client_for(&server)).await.unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), format!("{PARTICIPANTS}.json"));
    assert_eq!(request.url.query(), None);
}

#[tokio::test]
async fn page_size_is_1_to_1000() {
    let server = server_answering(200, Some(include_str!("../src/mock/examples/ListParticipant.json"))).await;
    let client = client_for(&server);
    for inside in [1, 1000] {
        assert!(ListParticipants::new(CONFERENCE).page_size(inside).validate().is_ok(), "PageSize={inside}");
    }
    for outside in [0, 1001] {
        let errors =
            validation_error(ListParticipants::new(CONFERENCE).page_size(outside).send(&client).await);
        let [violation] = errors.violations() else { panic!("one violation expected: {errors}") };
        assert_eq!(violation.rule(), &Rule::Range { min: 1, max: 1000 });
        assert_eq!(violation.to_string(), format!("PageSize: must be between 1 and 1000, got {outside}"));
    }
    assert_nothing_sent(&server).await;
}

// --- Create, end to end ---

/// `runtime/tests/client.rs` covers the client with a stand-in endpoint; this is the same path through
/// a real catalog operation, from the setters to the decoded reply.
#[tokio::test]
async fn create_posts_the_form_with_credentials_and_decodes_201() {
    let server =
        server_answering(201, Some(include_str!("../src/mock/examples/CreateParticipant.json"))).await;
    let participant = CreateParticipant::new(
        "My Room".parse::<ConferenceRef>().unwrap(),
        address("+15017122661"),
        address("+15558675310"),
    )
    .status_callback(url("https://example.com/status"))
    .status_callback_event([CallEvent::Ringing, CallEvent::Answered, CallEvent::Completed])
    .label("customer")
    .coaching(Coaching::Coach { call_sid_to_coach: COACHED })
    .send(&client_for(&server))
    .await
    .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(
        request.url.path(),
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/My%20Room/Participants.json"
    );
    assert_eq!(request.url.query(), None);
    assert_eq!(header(&request, "authorization"), Some(AUTHORIZATION));
    assert_eq!(header(&request, "content-type"), Some(FORM));
    assert_eq!(
        body(&request),
        "From=%2B15017122661&To=%2B15558675310&StatusCallback=https%3A%2F%2Fexample.com%2Fstatus\
         &StatusCallbackEvent=ringing&StatusCallbackEvent=answered&StatusCallbackEvent=completed\
         &Label=customer&Coaching=true&CallSidToCoach=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    );

    assert_eq!(participant.label.as_deref(), Some("customer"));
    assert_eq!(participant.status, Some(ParticipantStatus::Queued));
    assert_eq!(participant.queue_time.as_deref(), Some("1000"));
    assert_eq!((participant.call_sid, participant.conference_sid), (Some(CALL), Some(CONFERENCE)));
    assert_eq!(participant.date_created, Some(example_date()));
}

fn create() -> CreateParticipant {
    CreateParticipant::new(CONFERENCE, address("+15017122661"), address("+15558675310"))
}

#[tokio::test]
async fn create_answered_400_is_an_api_error_with_twilio_details_and_request_id() {
    let server = MockServer::start().await;
    let reply = ResponseTemplate::new(400)
        .set_body_raw(TWILIO_ERROR_21205, "application/json")
        .insert_header("Twilio-Request-Id", "RQ0123456789abcdef0123456789abcdef");
    Mock::given(any()).respond_with(reply).mount(&server).await;

    let error = api_error(create().send(&client_for(&server)).await);
    assert_eq!(error.status(), 400);
    assert_eq!(error.code(), Some(21205));
    assert_eq!(error.message(), "Url is not a valid URL: ftp://x");
    assert_eq!(error.more_info(), Some("https://www.twilio.com/docs/errors/21205"));
    assert_eq!(error.request_id(), Some("RQ0123456789abcdef0123456789abcdef"));
    assert_eq!(only_request(&server).await.method.as_str(), "POST");
}

#[tokio::test]
async fn create_answered_404_is_an_api_error() {
    let body = r#"{"code": 20404, "message": "The requested resource /2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Participants.json was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}"#;
    let server = server_answering(404, Some(body)).await;
    let error = api_error(create().send(&client_for(&server)).await);
    assert_eq!((error.status(), error.code(), error.request_id()), (404, Some(20404), None));
    assert!(error.message().ends_with("/Participants.json was not found"), "{}", error.message());
}

#[tokio::test]
async fn create_answered_500_is_an_unknown_outcome_not_resent_with_an_html_excerpt() {
    let server = MockServer::start().await;
    let page = "<html>\n<head><title>500 Internal Server Error</title></head>\n<body>oops</body>\n</html>\n";
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500).set_body_raw(page, "text/html"))
        .mount(&server)
        .await;
    // Twilio may have placed the call before failing: the create is not resent.
    let Err(Error::OutcomeUnknown(unknown)) = create().send(&client_for(&server)).await else {
        panic!("expected an unknown outcome");
    };
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
    assert_eq!(unknown.status(), Some(500));
    let cause = std::error::Error::source(&unknown).and_then(|cause| cause.downcast_ref::<Error>());
    let Some(Error::Api(error)) = cause else { panic!("expected the API error as the cause: {unknown:?}") };
    assert_eq!((error.status(), error.code(), error.more_info()), (500, None, None));
    assert_eq!(
        error.message(),
        "<html> <head><title>500 Internal Server Error</title></head> <body>oops</body> </html>"
    );
    assert!(error.to_string().starts_with("Twilio answered 500 Internal Server Error: <html>"), "{error}");
}

/// The decoder's own message quotes the offending value in full; the error keeps a short, redacted
/// reason instead, so that a reply holding a phone number or a message body does not end up in logs.
#[tokio::test]
async fn a_reply_that_does_not_decode_is_reported_without_its_values() {
    let value = format!("+15558675310 {}", "x".repeat(2000));
    let body = serde_json::json!({ "call_sid": CALL.as_str(), "muted": value }).to_string();
    let server = server_answering(200, Some(&body)).await;
    let Err(error) = FetchParticipant::new(CONFERENCE, CALL).send(&client_for(&server)).await else {
        panic!("a string is not a boolean");
    };
    let Error::Decode(decode) = &error else { panic!("expected a decode error, got {error:?}") };
    assert!(decode.reason().starts_with("invalid type: string \"[phone] xxx"), "{}", decode.reason());
    let mut everything = format!("{error} {error:?}");
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        everything.push_str(&format!(" {cause} {cause:?}"));
        source = cause.source();
    }
    assert!(!everything.contains("5558675310"), "{everything}");
    assert!(everything.len() < 1500, "{} characters: {everything}", everything.len());
}
