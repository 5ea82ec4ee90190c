//! Scripted faults of the mock Twilio happen as scripted, and the crate's client meets them as it
//! meets Twilio's: idempotent requests retried through 5xx and dropped connections, a `POST` whose
//! outcome is unknown ends in `Error::OutcomeUnknown` and is not resent, `429` with code 20429 is
//! retried after its `Retry-After`, N failures are followed by success.

use std::time::{Duration, Instant};

use twilio_endpoint::api::v2010::*;
use twilio_endpoint::mock::{Fault, MockTwilio, Reply};
use twilio_endpoint::values::{Address, PhoneNumber, Url};
use twilio_endpoint::{Client, Error, RetryPolicy, twilio_endpoint};

#[path = "support/plain_http.rs"]
mod plain_http;

fn address(text: &str) -> Address {
    text.parse().unwrap()
}

fn call() -> CreateCall {
    let twiml: Url = "https://example.com/twiml".parse().unwrap();
    CreateCall::new(address("+15558675310"), address("+15017122661"), twiml)
}

fn message() -> CreateMessage {
    let to: MessageAddress = "+15558675310".parse().unwrap();
    let from: MessageAddress = "+15017122661".parse().unwrap();
    CreateMessage::new(to, from, "Hello")
}

/// A client of the mock's account that sends each request once, with `timeout`.
fn client_once(twilio: &MockTwilio, timeout: Duration) -> Client {
    Client::builder()
        .account_sid(MockTwilio::ACCOUNT_SID)
        .auth_token(MockTwilio::AUTH_TOKEN)
        .base_url(twilio.base_url())
        .retry(RetryPolicy::none())
        .timeout(timeout)
        .build()
        .unwrap()
}

#[tokio::test]
async fn an_idempotent_request_is_retried_through_n_failures_then_succeeds() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let sid = call().send(&client).await.unwrap().sid.unwrap();
    twilio.script::<FetchCall>(Fault::status(503).code(20503).times(2));

    let fetched = FetchCall::new(sid).send(&client).await.unwrap();
    assert_eq!(fetched.sid, Some(sid));
    assert_eq!(twilio.requests::<FetchCall>().len(), 3, "two failures, then the success");

    // More failures than the client's attempts: the last one is the error, and the next request
    // finds the mock well again.
    twilio.script::<FetchCall>(Fault::status(500).code(20500).times(3));
    let Err(Error::Api(error)) = FetchCall::new(sid).send(&client).await else { panic!("three 500s") };
    assert_eq!((error.status(), error.code(), error.message()), (500, Some(20500), "Internal Server Error"));
    assert_eq!(twilio.requests::<FetchCall>().len(), 6);
    FetchCall::new(sid).send(&client).await.unwrap();
}

#[tokio::test]
async fn a_post_answered_5xx_ends_in_outcome_unknown_and_is_not_resent() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    twilio.script::<CreateCall>(Fault::status(503).code(20503));

    let result = call().send(&client).await;
    assert!(matches!(result, Err(Error::OutcomeUnknown(_))), "{result:?}");
    assert_eq!(twilio.requests::<CreateCall>().len(), 1, "never resent");
    // The scripted failure carried nothing out.
    assert!(ListCalls::new().send(&client).await.unwrap().items.is_empty());
}

#[tokio::test]
async fn a_post_whose_connection_drops_ends_in_outcome_unknown_and_is_not_resent() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    twilio.script::<CreateCall>(Fault::drop_connection());
    let Err(Error::OutcomeUnknown(error)) = call().send(&client).await else {
        panic!("the connection dropped")
    };
    assert_eq!(error.path_template(), "/2010-04-01/Accounts/{AccountSid}/Calls.json");
    assert_eq!(twilio.requests::<CreateCall>().len(), 1, "never resent");
    assert!(ListCalls::new().send(&client).await.unwrap().items.is_empty());

    // This time Twilio carried the call out before the answer was lost: only a check finds it.
    twilio.script::<CreateCall>(Fault::drop_connection().after_processing());
    let result = call().send(&client).await;
    assert!(matches!(result, Err(Error::OutcomeUnknown(_))), "{result:?}");
    assert_eq!(twilio.requests::<CreateCall>().len(), 2);
    let calls = ListCalls::new().send(&client).await.unwrap();
    assert_eq!(calls.items.len(), 1, "the call was placed");
}

#[tokio::test]
async fn an_idempotent_request_whose_connection_drops_is_retried() {
    let twilio = MockTwilio::start().await;
    twilio.script::<ListCalls>(Fault::drop_connection());
    let page = ListCalls::new().send(&twilio.client()).await.unwrap();
    assert!(page.items.is_empty());
    assert_eq!(twilio.requests::<ListCalls>().len(), 2);

    // Sent once, the drop is the client's transport error.
    twilio.script::<ListCalls>(Fault::drop_connection());
    let result = ListCalls::new().send(&client_once(&twilio, Duration::from_secs(5))).await;
    let Err(Error::Transport(error)) = result else { panic!("the connection dropped: {result:?}") };
    assert!(!error.is_connect() && !error.is_timeout(), "{error}");
}

#[tokio::test]
async fn too_many_requests_is_retried_after_its_retry_after_even_for_a_post() {
    let twilio = MockTwilio::start().await;
    twilio.script::<CreateMessage>(Fault::too_many_requests().retry_after(Duration::from_secs(1)));
    let started = Instant::now();
    let sent = message().send(&twilio.client()).await.unwrap();
    let waited = started.elapsed();
    assert!(waited >= Duration::from_secs(1), "retried after {waited:?}, before the Retry-After");
    assert!(waited < Duration::from_secs(5), "{waited:?}");
    assert_eq!(twilio.requests::<CreateMessage>().len(), 2, "20429 is never processed: resent once");
    let messages = ListMessages::new().send(&twilio.client()).await.unwrap();
    assert_eq!(messages.items.iter().map(|message| message.sid).collect::<Vec<_>>(), [sent.sid]);

    // As sent over the wire: 429, code 20429, the header.
    twilio.script::<ListMessages>(Fault::too_many_requests().retry_after(Duration::from_millis(2500)));
    let answer = plain_http::send(&twilio, "GET", &plain_http::account_path("/Messages.json"), "").await;
    assert_eq!((answer.status, answer.code(), answer.retry_after.as_deref()), (429, Some(20429), Some("3")));
    assert_eq!(answer.message(), "Too Many Requests");
}

#[tokio::test]
async fn a_delay_holds_the_answer_and_a_client_timeout_gives_up() {
    let twilio = MockTwilio::start().await;
    twilio.script::<ListMessages>(Fault::delay(Duration::from_millis(300)));
    let started = Instant::now();
    ListMessages::new().send(&twilio.client()).await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(300), "{:?}", started.elapsed());

    twilio.script::<ListMessages>(Fault::delay(Duration::from_secs(2)));
    let result = ListMessages::new().send(&client_once(&twilio, Duration::from_millis(100))).await;
    let Err(Error::Transport(error)) = result else { panic!("timed out: {result:?}") };
    assert!(error.is_timeout(), "{error}");

    // A POST that times out may have been carried out: its outcome is unknown.
    twilio.script::<CreateMessage>(Fault::delay(Duration::from_secs(2)));
    let result = message().send(&client_once(&twilio, Duration::from_millis(100))).await;
    assert!(matches!(result, Err(Error::OutcomeUnknown(_))), "{result:?}");
}

#[tokio::test]
async fn a_fault_for_the_next_request_takes_whatever_endpoint_comes_and_only_valid_requests_use_faults_up() {
    let twilio = MockTwilio::start().await;
    let once = client_once(&twilio, Duration::from_secs(5));
    twilio.script_next(Fault::status(500).code(20500).message("scripted"));
    twilio.script::<CreateMessage>(
        Fault::status(400).code(21610).message("Attempt to send to unsubscribed recipient"),
    );

    // A refused request uses no fault up.
    let answer =
        plain_http::send(&twilio, "POST", &plain_http::account_path("/Messages.json"), "Body=x").await;
    assert_eq!((answer.status, answer.code()), (400, Some(21604)));

    let Err(Error::Api(next)) = ListCalls::new().send(&once).await else {
        panic!("the fault of the next request")
    };
    assert_eq!((next.status(), next.code(), next.message()), (500, Some(20500), "scripted"));
    let Err(Error::Api(scripted)) = message().send(&once).await else {
        panic!("the fault of Create Message")
    };
    assert_eq!((scripted.status(), scripted.code()), (400, Some(21610)));
    assert!(scripted.request_id().is_some_and(|id| id.starts_with("RQ")));
    // Each fault once, then the mock's own answers.
    message().send(&once).await.unwrap();
    ListCalls::new().send(&once).await.unwrap();
}

/// An endpoint the catalog lacks, as an application declares it.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/OutgoingCallerIds.json")]
#[derive(Clone, PartialEq, Eq)]
pub struct CreateValidationRequest {
    pub phone_number: PhoneNumber,
    #[twilio(range = 0..=60)]
    pub call_delay: Option<u32>,
}

#[tokio::test]
async fn an_application_s_own_endpoint_is_decoded_validated_recorded_and_scripted_like_the_catalog() {
    let twilio = MockTwilio::start().await;
    twilio.register(|request: &CreateValidationRequest| {
        Reply::created(
            serde_json::json!({"phone_number": request.phone_number.as_str(), "validation_code": "123456"}),
        )
    });
    let number: PhoneNumber = "+14158675310".parse().unwrap();
    let request = CreateValidationRequest::new(number).call_delay(5);
    let reply = request.send(&twilio.client()).await.unwrap();
    assert_eq!(reply["validation_code"], "123456");
    assert_eq!(twilio.requests::<CreateValidationRequest>(), std::slice::from_ref(&request));

    // Sent past validate(): refused with the declaration's rule.
    let path = plain_http::account_path("/OutgoingCallerIds.json");
    let answer = plain_http::send(&twilio, "POST", &path, "PhoneNumber=%2B14158675310&CallDelay=61").await;
    assert_eq!((answer.status, answer.code()), (400, Some(400)));
    assert_eq!(answer.message(), "CallDelay: must be between 0 and 60, got 61");

    twilio.script::<CreateValidationRequest>(Fault::status(503));
    let result = request.send(&twilio.client()).await;
    assert!(matches!(result, Err(Error::OutcomeUnknown(_))), "{result:?}");
    assert_eq!(twilio.requests::<CreateValidationRequest>().len(), 2);
}

#[tokio::test]
async fn a_catalog_operation_registered_again_is_answered_by_the_application_s_responder() {
    let twilio = MockTwilio::start().await;
    twilio.register(|request: &CreateCall| {
        Reply::created(serde_json::json!({
            "sid": "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            "to": request.to.to_string(),
            "status": "ringing",
        }))
    });
    let placed = call().send(&twilio.client()).await.unwrap();
    assert_eq!((placed.status, placed.to.as_deref()), (Some(CallStatus::Ringing), Some("+15558675310")));
    assert_eq!(twilio.requests::<CreateCall>().len(), 1);
    // The responder replaced the mock's own operation: no call was kept.
    assert!(ListCalls::new().send(&twilio.client()).await.unwrap().items.is_empty());
}

#[test]
#[should_panic(expected = "the mock does not serve")]
fn scripting_an_endpoint_the_mock_does_not_serve_is_a_mistake_in_the_test() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let twilio = runtime.block_on(MockTwilio::start());
    twilio.script::<CreateValidationRequest>(Fault::status(503));
}
