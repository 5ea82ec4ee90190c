//! The five Call operations against a local HTTP server: method, path, exact body or query, and the
//! spec's example replies decoded; every documented rule enforced before anything is sent.

use chrono::{DateTime, TimeZone as _, Utc};
use futures_util::TryStreamExt as _;
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::mock::MockTwilio;
use twilio_endpoint::values::{
    AccountSid, Address, ApplicationSid, ByocTrunkSid, CallSid, CallbackMethod, PhoneNumberSid, Url,
};
use twilio_endpoint::{Client, Error, Rule};
use wiremock::matchers::{any, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
const CALLS_PATH: &str = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls.json";
const CALL: CallSid = CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
const CALL_PATH: &str =
    "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls/CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.json";

const CREATE_CALL_REPLY: &str = include_str!("../src/mock/examples/CreateCall.json");
const FETCH_CALL_REPLY: &str = include_str!("../src/mock/examples/FetchCall.json");
const UPDATE_CALL_REPLY: &str = include_str!("../src/mock/examples/UpdateCall.json");
const LIST_CALL_REPLY: &str = include_str!("../src/mock/examples/ListCall.json");

fn address(text: &str) -> Address {
    text.parse().unwrap()
}

fn url(text: &str) -> Url {
    text.parse().unwrap()
}

fn digits(text: &str) -> SendDigits {
    text.parse().unwrap()
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .account_sid(ACCOUNT.parse::<AccountSid>().unwrap())
        .auth_token("test-auth-token")
        .base_url(server.uri())
        .build()
        .unwrap()
}

async fn server_replying(status: u16, body: Option<&str>) -> MockServer {
    let server = MockServer::start().await;
    let reply = match body {
        Some(body) => ResponseTemplate::new(status).set_body_raw(body, "application/json"),
        None => ResponseTemplate::new(status),
    };
    Mock::given(any()).respond_with(reply).mount(&server).await;
    server
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

fn body(request: &Request) -> &str {
    std::str::from_utf8(&request.body).unwrap()
}

/// A call from a phone number to a phone number, fetching its TwiML from a URL.
fn phone_call() -> CreateCall {
    CreateCall::new(
        address("+15558675310"),
        address("+15017122661"),
        CallInstructions::Url(url("https://example.com/twiml?step=1")),
    )
}

fn every_parameter() -> CreateCall {
    phone_call()
        .method(CallbackMethod::Get)
        .fallback_url(url("https://example.com/fallback"))
        .fallback_method(CallbackMethod::Post)
        .status_callback(url("https://example.com/status?a=1&b=two+words"))
        .status_callback_event(CallEvent::ALL.iter().copied())
        .status_callback_method(CallbackMethod::Post)
        .send_digits(digits("W1234#"))
        .timeout(30)
        .record(true)
        .recording_channels(RecordingChannels::Dual)
        .recording_status_callback(url("https://example.com/recording"))
        .recording_status_callback_method(CallbackMethod::Get)
        .sip_auth_username("alice")
        .sip_auth_password("s3cr3t&=+")
        .machine_detection(MachineDetection::DetectMessageEnd)
        .machine_detection_timeout(30)
        .recording_status_callback_event(CallRecordingEvent::ALL.iter().copied())
        .trim(Trim::DoNotTrim)
        .caller_id(address("+15017122661"))
        .machine_detection_speech_threshold(2400)
        .machine_detection_speech_end_threshold(1200)
        .machine_detection_silence_timeout(5000)
        .async_amd(true)
        .async_amd_status_callback(url("https://example.com/amd"))
        .async_amd_status_callback_method(CallbackMethod::Post)
        .byoc(ByocTrunkSid::from_static("BYcccccccccccccccccccccccccccccccc"))
        .call_reason("Your order #42 & more")
        .call_token("token/with+chars")
        .recording_track(RecordingTrack::Inbound)
        .time_limit(3600)
        .client_notification_url(url("https://example.com/notify"))
}

/// `every_parameter()` as Python's `urllib.parse.urlencode` (the SDK's encoder) writes it, in the
/// description's order.
const EVERY_PARAMETER_BODY: &str = "To=%2B15558675310&From=%2B15017122661&Method=GET\
    &FallbackUrl=https%3A%2F%2Fexample.com%2Ffallback&FallbackMethod=POST\
    &StatusCallback=https%3A%2F%2Fexample.com%2Fstatus%3Fa%3D1%26b%3Dtwo%2Bwords\
    &StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&StatusCallbackEvent=answered\
    &StatusCallbackEvent=completed&StatusCallbackMethod=POST&SendDigits=W1234%23&Timeout=30&Record=true\
    &RecordingChannels=dual&RecordingStatusCallback=https%3A%2F%2Fexample.com%2Frecording\
    &RecordingStatusCallbackMethod=GET&SipAuthUsername=alice&SipAuthPassword=s3cr3t%26%3D%2B\
    &MachineDetection=DetectMessageEnd&MachineDetectionTimeout=30\
    &RecordingStatusCallbackEvent=in-progress&RecordingStatusCallbackEvent=completed\
    &RecordingStatusCallbackEvent=absent&Trim=do-not-trim&CallerId=%2B15017122661\
    &MachineDetectionSpeechThreshold=2400&MachineDetectionSpeechEndThreshold=1200\
    &MachineDetectionSilenceTimeout=5000&AsyncAmd=true&AsyncAmdStatusCallback=https%3A%2F%2Fexample.com%2Famd\
    &AsyncAmdStatusCallbackMethod=POST&Byoc=BYcccccccccccccccccccccccccccccccc\
    &CallReason=Your+order+%2342+%26+more&CallToken=token%2Fwith%2Bchars&RecordingTrack=inbound\
    &TimeLimit=3600&ClientNotificationUrl=https%3A%2F%2Fexample.com%2Fnotify\
    &Url=https%3A%2F%2Fexample.com%2Ftwiml%3Fstep%3D1";

#[tokio::test]
async fn create_call_posts_every_parameter_and_decodes_the_reply() {
    let server = server_replying(201, Some(CREATE_CALL_REPLY)).await;
    let call = every_parameter().send(&client_for(&server)).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), CALLS_PATH);
    assert_eq!(request.url.query(), None);
    assert_eq!(body(&request), EVERY_PARAMETER_BODY);

    assert_eq!(call.sid, Some(CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));
    assert_eq!(call.account_sid, Some(AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));
    assert_eq!(call.status, Some(CallStatus::Completed));
    assert_eq!(call.direction, Some(CallDirection::Inbound));
    assert_eq!(call.answered_by, None);
    assert_eq!(call.date_created, Some(utc(2010, 8, 31, 20, 36, 28)));
    assert_eq!(call.start_time, Some(utc(2010, 8, 31, 20, 36, 29)));
    assert_eq!(call.end_time, Some(utc(2010, 8, 31, 20, 36, 44)));
    assert_eq!(call.duration.as_deref(), Some("15"));
    assert_eq!((call.price.as_deref(), call.price_unit.as_deref()), (Some("-0.03000"), Some("USD")));
    assert_eq!(call.to.as_deref(), Some("+14158675309"));
    assert_eq!(call.from_formatted.as_deref(), Some("(415) 867-5308"));
    assert_eq!(
        call.phone_number_sid,
        Some(PhoneNumberSid::from_static("PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
    );
    assert_eq!(call.parent_call_sid, None);
    assert_eq!(call.queue_time.as_deref(), Some("1000"));
    let subresources = call.subresource_uris.unwrap();
    assert_eq!(subresources.len(), 9);
    assert_eq!(
        subresources["recordings"],
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls/CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Recordings.json"
    );
}

#[test]
fn create_call_with_only_the_required_parameters() {
    let request = CreateCall::new(
        address("client:alice"),
        address("+15017122661"),
        ApplicationSid::from_static("APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    );
    request.validate().expect("the request is valid");
    assert_eq!(
        request.to_form(),
        "To=client%3Aalice&From=%2B15017122661&ApplicationSid=APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    );
}

/// Whichever of `Url`, `Twiml` and `ApplicationSid` says what the call does, it is sent once, last.
#[test]
fn create_call_sends_its_one_instruction_at_the_end() {
    let with = |instructions: CallInstructions| {
        let request = CreateCall::new(address("+15558675310"), address("+15017122661"), instructions)
            .timeout(20)
            .time_limit(60);
        request.validate().expect("the request is valid");
        request.to_form()
    };
    let head = "To=%2B15558675310&From=%2B15017122661&Timeout=20&TimeLimit=60";
    assert_eq!(
        with(CallInstructions::Url(url("https://example.com/twiml"))),
        format!("{head}&Url=https%3A%2F%2Fexample.com%2Ftwiml")
    );
    assert_eq!(
        with(CallInstructions::Twiml("<Response><Say>Enjoy</Say></Response>".into())),
        format!("{head}&Twiml=%3CResponse%3E%3CSay%3EEnjoy%3C%2FSay%3E%3C%2FResponse%3E")
    );
    assert_eq!(
        with(CallInstructions::ApplicationSid(ApplicationSid::from_static(
            "APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        ))),
        format!("{head}&ApplicationSid=APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    // A URL or an application converts into the instructions.
    assert_eq!(
        CallInstructions::from(url("https://example.com/twiml")),
        CallInstructions::Url(url("https://example.com/twiml"))
    );
}

#[tokio::test]
async fn fetch_call_gets_the_call_and_decodes_the_reply() {
    let server = server_replying(200, Some(FETCH_CALL_REPLY)).await;
    let call = FetchCall::new(CALL).send(&client_for(&server)).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.url.path(), CALL_PATH);
    assert_eq!(request.url.query(), None);
    assert!(request.body.is_empty());

    assert_eq!(call.sid, Some(CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));
    assert_eq!(call.status, Some(CallStatus::Completed));
    assert_eq!(call.direction, Some(CallDirection::OutboundApi));
    assert_eq!(call.answered_by, Some(AnsweredBy::MachineStart));
    assert_eq!(call.start_time, Some(utc(2019, 10, 18, 17, 2, 0)));
    assert_eq!(call.duration.as_deref(), Some("4"));
    assert_eq!(call.price.as_deref(), Some("-0.200"));
    assert_eq!(call.parent_call_sid, Some(CallSid::from_static("CAdeadbeefdeadbeefdeadbeefdeadbeef")));
    assert_eq!(call.group_sid.as_deref(), Some("GPdeadbeefdeadbeefdeadbeefdeadbeef"));
    assert_eq!(call.trunk_sid.as_deref(), Some("TKdeadbeefdeadbeefdeadbeefdeadbeef"));
}

#[tokio::test]
async fn a_subaccount_is_named_in_the_path() {
    let server = server_replying(200, Some(FETCH_CALL_REPLY)).await;
    let subaccount = AccountSid::from_static("AC9999999999999999999999999999999a");
    FetchCall::new(CALL).account_sid(subaccount).send(&client_for(&server)).await.unwrap();
    assert_eq!(
        only_request(&server).await.url.path(),
        "/2010-04-01/Accounts/AC9999999999999999999999999999999a/Calls/CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.json"
    );
}

#[tokio::test]
async fn update_call_posts_a_redirect_and_decodes_the_reply() {
    let server = server_replying(200, Some(UPDATE_CALL_REPLY)).await;
    let call = UpdateCall::new(CALL)
        .redirect(url("https://example.com/next"))
        .method(CallbackMethod::Get)
        .status(CallUpdateStatus::Completed)
        .fallback_url(url("https://example.com/fallback"))
        .fallback_method(CallbackMethod::Post)
        .status_callback(url("https://example.com/status"))
        .status_callback_method(CallbackMethod::Get)
        .time_limit(600)
        .send(&client_for(&server))
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), CALL_PATH);
    assert_eq!(
        body(&request),
        "Url=https%3A%2F%2Fexample.com%2Fnext&Method=GET&Status=completed\
         &FallbackUrl=https%3A%2F%2Fexample.com%2Ffallback&FallbackMethod=POST\
         &StatusCallback=https%3A%2F%2Fexample.com%2Fstatus&StatusCallbackMethod=GET&TimeLimit=600"
    );

    assert_eq!(call.sid, Some(CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));
    assert_eq!(call.status, Some(CallStatus::Completed));
    assert_eq!(call.direction, Some(CallDirection::Inbound));
    assert_eq!(call.date_updated, Some(utc(2010, 8, 31, 20, 36, 44)));
}

/// `Twiml` shares its group with `Url`, so it is sent where `Url` would be; an update may also carry
/// neither (ending the call) or only other parameters.
#[test]
fn update_call_sends_twiml_or_nothing_in_place_of_url() {
    let twiml = UpdateCall::new(CALL)
        .redirect(CallRedirect::Twiml("<Response><Say>Enjoy</Say></Response>".into()))
        .status_callback(url("https://example.com/status"));
    twiml.validate().expect("the request is valid");
    assert_eq!(
        twiml.to_form(),
        "Twiml=%3CResponse%3E%3CSay%3EEnjoy%3C%2FSay%3E%3C%2FResponse%3E\
         &StatusCallback=https%3A%2F%2Fexample.com%2Fstatus"
    );
    assert_eq!(UpdateCall::new(CALL).status(CallUpdateStatus::Canceled).to_form(), "Status=canceled");
    assert_eq!(UpdateCall::new(CALL).time_limit(120).to_form(), "TimeLimit=120");
}

#[tokio::test]
async fn delete_call_sends_delete_and_accepts_no_content() {
    let server = server_replying(204, None).await;
    let () = DeleteCall::new(CALL).send(&client_for(&server)).await.unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "DELETE");
    assert_eq!(request.url.path(), CALL_PATH);
    assert_eq!(request.url.query(), None);
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn list_calls_sends_every_filter_with_operator_keys_and_decodes_the_page() {
    let server = server_replying(200, Some(LIST_CALL_REPLY)).await;
    let page = ListCalls::new()
        .to(address("+15558675310"))
        .from(address("client:alice"))
        .parent_call_sid(CALL)
        .status(CallStatus::InProgress)
        .start_time(utc(2009, 7, 6, 0, 0, 0))
        .start_time_before(utc(2009, 7, 7, 12, 30, 0))
        .start_time_after(utc(2009, 7, 1, 0, 0, 0))
        .end_time(utc(2009, 7, 6, 0, 0, 0))
        .end_time_before(utc(2009, 7, 8, 0, 0, 0))
        .end_time_after(utc(2009, 7, 2, 8, 15, 45))
        .page_size(20)
        .page(2)
        .page_token("PAxyz")
        .send(&client_for(&server))
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.url.path(), CALLS_PATH);
    assert_eq!(
        request.url.query(),
        Some(
            "To=%2B15558675310&From=client%3Aalice&ParentCallSid=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\
             &Status=in-progress&StartTime=2009-07-06T00%3A00%3A00Z&StartTime%3C=2009-07-07T12%3A30%3A00Z\
             &StartTime%3E=2009-07-01T00%3A00%3A00Z&EndTime=2009-07-06T00%3A00%3A00Z\
             &EndTime%3C=2009-07-08T00%3A00%3A00Z&EndTime%3E=2009-07-02T08%3A15%3A45Z\
             &PageToken=PAxyz&Page=2&PageSize=20"
        )
    );
    assert!(request.body.is_empty());

    assert_eq!((page.page, page.page_size, page.start, page.end), (0, 2, 0, 1));
    assert!(!page.has_next());
    let [first, second] = page.items.as_slice() else { panic!("two calls expected: {:?}", page.items) };
    assert_eq!(first.sid, Some(CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));
    assert_eq!(first.answered_by, Some(AnsweredBy::MachineStart));
    assert_eq!(first.direction, Some(CallDirection::OutboundApi));
    assert_eq!(second.sid, Some(CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0")));
    assert_eq!(second.answered_by, Some(AnsweredBy::Human));
    assert_eq!(second.direction, Some(CallDirection::Inbound));
    assert_eq!(second.start_time, Some(utc(2019, 10, 18, 16, 2, 0)));
}

#[tokio::test]
async fn stream_yields_every_call_the_embedded_mock_holds() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let twiml = || "https://example.com/twiml".parse::<Url>().unwrap();
    let mut completed = Vec::new();
    for to in ["+15558675310", "+15558675311", "+15558675312"] {
        let call = CreateCall::new(
            to.parse::<Address>().unwrap(),
            "+15017122661".parse::<Address>().unwrap(),
            twiml(),
        )
        .send(&client)
        .await
        .unwrap();
        if to != "+15558675311" {
            let sid = call.sid.unwrap();
            UpdateCall::new(sid).status(CallUpdateStatus::Completed).send(&client).await.unwrap();
            completed.push(sid);
        }
    }
    completed.reverse();

    let request = ListCalls::new().status(CallStatus::Completed).page_size(1);
    let calls: Vec<Call> = client.stream(&request).try_collect().await.unwrap();
    let sids: Vec<_> = calls.iter().map(|call| call.sid.unwrap()).collect();
    assert_eq!(sids, completed, "the completed calls, newest first");
    let lists: Vec<_> =
        twilio.received_requests().await.into_iter().filter(|request| request.method == "GET").collect();
    assert_eq!(lists.len(), 2, "one page per call");
    assert_eq!(
        lists[0].path_and_query,
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Calls.json?Status=completed&PageSize=1"
    );
    assert!(lists[1].path_and_query.contains("Status=completed&PageToken="), "{lists:?}");
}

/// A page of `ListCall.json` holding only the example's call at `index`, followed by `next`.
fn one_call_page(index: usize, next: Option<&str>) -> String {
    let mut page: serde_json::Value = serde_json::from_str(LIST_CALL_REPLY).unwrap();
    let call = page["calls"][index].take();
    page["calls"] = serde_json::json!([call]);
    page["page_size"] = 1.into();
    page["next_page_uri"] = next.into();
    page.to_string()
}

#[tokio::test]
async fn stream_follows_next_page_uri() {
    let server = MockServer::start().await;
    let next = format!("{CALLS_PATH}?PageSize=1&Page=1&PageToken=PAnext");
    Mock::given(query_param_is_missing("PageToken"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(one_call_page(0, Some(&next)), "application/json"),
        )
        .mount(&server)
        .await;
    Mock::given(query_param("PageToken", "PAnext"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(one_call_page(1, None), "application/json"))
        .mount(&server)
        .await;

    let client = client_for(&server);
    let request = ListCalls::new().page_size(1);
    let calls: Vec<Call> = client.stream(&request).try_collect().await.unwrap();

    let directions: Vec<_> = calls.into_iter().map(|call| call.direction.unwrap()).collect();
    assert_eq!(directions, [CallDirection::OutboundApi, CallDirection::Inbound]);
    let queries: Vec<_> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|request| format!("{}?{}", request.url.path(), request.url.query().unwrap_or_default()))
        .collect();
    assert_eq!(queries, [format!("{CALLS_PATH}?PageSize=1"), next]);
}

/// Create Call's description writes a SIP `CallerId` as `name@company.com`: accepted and sent as
/// written, and only there (`From` and `To` take a SIP address with its scheme).
#[test]
fn a_caller_id_may_be_a_sip_address_without_its_scheme() {
    let request = phone_call().caller_id(address("alice@company.com"));
    request.validate().expect("`name@company.com` is a documented `CallerId`");
    assert!(request.to_form().contains("&CallerId=alice%40company.com&"), "{}", request.to_form());
    let sip =
        CreateCall::new(address("sip:bob@example.com"), address("alice"), url("https://example.com/twiml"))
            .caller_id(address("alice@company.com"));
    sip.validate().expect("also in a call to a SIP address");

    let from = CreateCall::new(
        address("sip:bob@example.com"),
        address("alice@company.com"),
        url("https://example.com/twiml"),
    );
    assert!(
        from.validate().unwrap_err().to_string().starts_with(
            "invalid request: From: must not be `USER@HOST`, a form Twilio documents only for `CallerId`"
        ),
        "{:?}",
        from.validate()
    );
    let to = CreateCall::new(address("bob@example.com"), address("alice"), url("https://example.com/twiml"));
    assert_eq!(
        to.validate().unwrap_err().violations().iter().map(|v| v.key()).collect::<Vec<_>>(),
        ["To", "From"]
    );
}

/// The description's Create Call example sends `MachineDetection=enable`; the documented `Enable` is
/// what goes out.
#[test]
fn machine_detection_parses_the_example_spelling() {
    let request = phone_call().machine_detection("enable".parse::<MachineDetection>().unwrap());
    assert!(request.to_form().contains("&MachineDetection=Enable&"), "{}", request.to_form());
    assert!("enabled".parse::<MachineDetection>().is_err());
}

/// Create Call's description states only the maximum of `Timeout`, and no documented Twilio error
/// refuses 0: a call that does not ring is Twilio's to judge.
#[test]
fn timeout_is_at_most_600_and_may_be_0() {
    for timeout in [0, 1, 600] {
        assert!(phone_call().timeout(timeout).validate().is_ok(), "Timeout={timeout} is allowed");
    }
    assert_eq!(phone_call().timeout(0).to_form().matches("&Timeout=0&").count(), 1);
    assert_eq!(
        phone_call().timeout(601).validate().unwrap_err().to_string(),
        "invalid request: Timeout: must be between 0 and 600, got 601"
    );
}

/// Each documented bound of Create Call, just outside and just inside.
#[test]
fn every_range_is_enforced_at_both_ends() {
    type Setter = fn(CreateCall, u32) -> CreateCall;
    let cases: [(&str, Setter, u32, u32); 4] = [
        ("MachineDetectionTimeout", CreateCall::machine_detection_timeout, 3, 59),
        ("MachineDetectionSpeechThreshold", CreateCall::machine_detection_speech_threshold, 1000, 6000),
        ("MachineDetectionSpeechEndThreshold", CreateCall::machine_detection_speech_end_threshold, 500, 5000),
        ("MachineDetectionSilenceTimeout", CreateCall::machine_detection_silence_timeout, 2000, 10000),
    ];
    for (key, set, min, max) in cases {
        for inside in [min, max] {
            assert!(set(phone_call(), inside).validate().is_ok(), "{key}={inside} is allowed");
        }
        for outside in [min - 1, max + 1] {
            let errors = set(phone_call(), outside).validate().expect_err("out of range");
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
fn page_size_is_1_to_1000() {
    assert!(ListCalls::new().page_size(1).validate().is_ok());
    assert!(ListCalls::new().page_size(1000).validate().is_ok());
    assert_eq!(
        ListCalls::new().page_size(0).validate().unwrap_err().to_string(),
        "invalid request: PageSize: must be between 1 and 1000, got 0"
    );
    assert_eq!(
        ListCalls::new().page_size(1001).validate().unwrap_err().to_string(),
        "invalid request: PageSize: must be between 1 and 1000, got 1001"
    );
}

/// Counted in characters, not bytes, in Create Call and Update Call alike; the description states only
/// the maximum, so an empty document goes to Twilio.
#[test]
fn twiml_is_at_most_4000_characters() {
    let create = |twiml: String| {
        CreateCall::new(address("+15558675310"), address("+15017122661"), CallInstructions::Twiml(twiml))
            .validate()
    };
    let update = |twiml: String| UpdateCall::new(CALL).redirect(CallRedirect::Twiml(twiml)).validate();
    for check in [&create as &dyn Fn(String) -> _, &update] {
        assert!(check("é".repeat(4000)).is_ok());
        assert!(check("x".into()).is_ok());
        assert!(check(String::new()).is_ok());
        assert_eq!(
            check("x".repeat(4001)).unwrap_err().to_string(),
            "invalid request: Twiml: must have between 0 and 4000 characters, got 4001"
        );
    }
}

#[test]
fn send_digits_are_at_most_32_dialable_keys() {
    // The description states the maximum and no minimum.
    for keys in ["W1234#", "0123456789ABCD#*wW", "1", &"w".repeat(32), ""] {
        assert_eq!(digits(keys).as_str(), keys);
    }
    for keys in [&"1".repeat(33), "12a", "1 2", "E", "+1", "１"] {
        assert!(keys.parse::<SendDigits>().is_err(), "{keys:?} should be rejected");
    }
    assert_eq!(
        "12x".parse::<SendDigits>().unwrap_err().to_string(),
        "expected at most 32 of `0`-`9`, `A`-`D`, `#`, `*`, `w` and `W`, got `12x`"
    );
    assert_eq!(digits("ww*9#").to_string(), "ww*9#");
}

/// Twilio ignores `MachineDetection` when `SendDigits` is set; the two may be sent together.
#[test]
fn send_digits_with_machine_detection_is_allowed() {
    let request = phone_call().send_digits(digits("1")).machine_detection(MachineDetection::Enable);
    request.validate().expect("the request is valid");
    assert!(request.to_form().contains("&SendDigits=1&MachineDetection=Enable&"), "{}", request.to_form());
}

#[test]
fn from_must_be_a_phone_number_when_to_is_one() {
    let request = CreateCall::new(
        address("+15558675310"),
        address("client:alice"),
        CallInstructions::Url(url("https://example.com/twiml")),
    );
    assert_eq!(
        request.validate().unwrap_err().to_string(),
        "invalid request: From: must be a phone number when `To` is a phone number, got client:alice"
    );
    // A client calling a client, or a SIP user name calling a SIP address, is fine.
    let instructions = || CallInstructions::Url(url("https://example.com/twiml"));
    assert!(
        CreateCall::new(address("client:bob"), address("client:alice"), instructions()).validate().is_ok()
    );
    assert!(
        CreateCall::new(address("sip:bob@example.com"), address("alice"), instructions()).validate().is_ok()
    );
}

#[test]
fn every_violation_is_reported_at_once() {
    let request = CreateCall::new(
        address("+15558675310"),
        address("client:alice"),
        CallInstructions::Twiml("x".repeat(4001)),
    )
    .timeout(601)
    .machine_detection_timeout(60);
    let keys: Vec<_> =
        request.validate().unwrap_err().violations().iter().map(|v| v.key().to_owned()).collect();
    assert_eq!(keys, ["Timeout", "MachineDetectionTimeout", "Twiml", "From"]);
}

#[test]
fn the_status_filter_is_a_documented_status() {
    for status in CallStatus::ALL {
        assert!(ListCalls::new().status(status.clone()).validate().is_ok(), "{status}");
    }
    let unknown = ListCalls::new().status("in_progress".parse::<CallStatus>().unwrap());
    assert_eq!(
        unknown.validate().unwrap_err().to_string(),
        "invalid request: Status: must be one of `queued`, `ringing`, `in-progress`, `completed`, `busy`, \
         `failed`, `no-answer`, `canceled`, got in_progress"
    );
}

#[test]
fn values_twilio_adds_later_decode_as_unknown() {
    let reply = FETCH_CALL_REPLY
        .replace(r#""status": "completed""#, r#""status": "on-hold""#)
        .replace(r#""direction": "outbound-api""#, r#""direction": "outbound-relay""#)
        .replace(r#""answered_by": "machine_start""#, r#""answered_by": "robot""#);
    let call: Call = serde_json::from_str(&reply).unwrap();
    assert_eq!(call.status, Some(CallStatus::Unknown("on-hold".into())));
    assert_eq!(call.direction, Some(CallDirection::Unknown("outbound-relay".into())));
    assert_eq!(call.answered_by, Some(AnsweredBy::Unknown("robot".into())));
    // Twilio's own "unknown" answer is a documented value, not an unknown one.
    let undetermined = FETCH_CALL_REPLY.replace(r#""machine_start""#, r#""unknown""#);
    let call: Call = serde_json::from_str(&undetermined).unwrap();
    assert_eq!(call.answered_by, Some(AnsweredBy::Undetermined));
}

/// The examples of the description the contract tests pin carry an `annotation` its schema lacks:
/// kept, null or absent.
#[test]
fn the_annotation_of_newer_replies_decodes() {
    let annotated = FETCH_CALL_REPLY.replacen('{', r#"{"annotation": "billingreferencetag","#, 1);
    let call: Call = serde_json::from_str(&annotated).unwrap();
    assert_eq!(call.annotation.as_deref(), Some("billingreferencetag"));
    let null = FETCH_CALL_REPLY.replacen('{', r#"{"annotation": null,"#, 1);
    assert_eq!(serde_json::from_str::<Call>(&null).unwrap().annotation, None);
    assert_eq!(serde_json::from_str::<Call>(FETCH_CALL_REPLY).unwrap().annotation, None);
}

#[tokio::test]
async fn invalid_requests_never_reach_the_server() {
    let server = server_replying(200, Some(FETCH_CALL_REPLY)).await;
    let client = client_for(&server);
    let errors = [
        phone_call().timeout(601).send(&client).await.map(drop),
        UpdateCall::new(CALL).redirect(CallRedirect::Twiml("x".repeat(4001))).send(&client).await.map(drop),
        ListCalls::new().page_size(0).send(&client).await.map(drop),
    ];
    for error in errors {
        assert!(matches!(error, Err(Error::Validation(_))), "{error:?}");
    }
    let request = ListCalls::new().status(CallStatus::Unknown("x".into()));
    let streamed: Result<Vec<Call>, Error> = client.stream(&request).try_collect().await;
    assert!(matches!(streamed, Err(Error::Validation(_))), "{streamed:?}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[test]
fn debug_hides_secrets() {
    let shown = format!("{:?}", every_parameter());
    assert!(!shown.contains("s3cr3t"), "{shown}");
    assert!(!shown.contains("token/with"), "{shown}");
    assert!(shown.contains("sip_auth_password: <redacted>"), "{shown}");
    assert!(shown.contains("call_token: <redacted>"), "{shown}");
    assert!(shown.contains("sip_auth_username: Some(\"alice\")"), "{shown}");
}
