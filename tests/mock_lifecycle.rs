//! The mock's callbacks on the wire, as an application's server receives them: a form `POST` (or a
//! `GET` with the form in the query, after the URL's own) with Twilio's headers, signed over the URL
//! requested with the auth token of the account the resource belongs to; a callback nobody answers
//! is the test's error, and one to another machine is recorded, never made.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use twilio_endpoint::api::v2010::webhooks::{CallProgressStatus, CallStatusCallback};
use twilio_endpoint::api::v2010::{CallEvent, CallStatus, CreateCall, FetchCall};
use twilio_endpoint::mock::{Delivery, DriveError, MockTwilio, SentCallback};
use twilio_endpoint::values::{Address, CallSid, CallbackMethod, Url};
use twilio_endpoint::{Client, Webhook, WebhookValidator};

/// A request as the application's server received it.
#[derive(Clone, Debug)]
struct Received {
    method: Method,
    /// The URL requested, as the application rebuilds it from `Host` and the path and query.
    url: String,
    headers: HeaderMap,
    body: Bytes,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().unwrap())
    }

    /// Whether `token` signed the request, as the application's validator checks it.
    fn signed_with(&self, token: &str) -> bool {
        let validator = WebhookValidator::new(token).unwrap();
        validator.validate_form(&self.url, &self.body, self.header("X-Twilio-Signature"), None).is_ok()
    }
}

type Log = Arc<Mutex<Vec<Received>>>;

async fn capture(State(log): State<Log>, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) {
    let host = headers.get("host").unwrap().to_str().unwrap();
    let url = format!("http://{host}{uri}");
    log.lock().unwrap().push(Received { method, url, headers, body });
}

/// A server on 127.0.0.1 that answers `200 OK` to anything and keeps every request: its base URL,
/// and what it received.
async fn server() -> (String, Log) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log = Log::default();
    let router = Router::new().fallback(capture).with_state(Arc::clone(&log));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (base, log)
}

fn call_to(callback: &str) -> CreateCall {
    let address = |text: &str| text.parse::<Address>().unwrap();
    let twiml: Url = "https://example.com/twiml".parse().unwrap();
    CreateCall::new(address("+15558675310"), address("+15017122661"), twiml)
        .status_callback(callback.parse::<Url>().unwrap())
}

async fn place(client: &Client, request: CreateCall) -> CallSid {
    request.send(client).await.unwrap().sid.unwrap()
}

#[tokio::test]
async fn a_callback_is_a_form_post_signed_with_the_accounts_token_as_twilio_sends_it() {
    let twilio = MockTwilio::start().await;
    let (base, log) = server().await;
    let request = call_to(&format!("{base}/calls")).status_callback_event(CallEvent::ALL.iter().copied());
    let sid = place(&twilio.client(), request).await;

    // Completing a queued call passes every status on the way, each reported.
    let sent = twilio.call(sid).complete().await.unwrap();
    let received = log.lock().unwrap().clone();
    assert_eq!(received.len(), 4);
    assert_eq!(sent.len(), 4);
    for (sent, received) in sent.iter().zip(&received) {
        assert_eq!(sent.delivery(), &Delivery::Answered(200));
        assert_eq!(received.method, Method::POST);
        assert_eq!(received.url, format!("{base}/calls"));
        assert_eq!(received.url, sent.callback().request_url());
        assert_eq!(received.header("content-type"), Some("application/x-www-form-urlencoded; charset=utf-8"));
        assert_eq!(received.header("user-agent"), Some("TwilioProxy/1.1"));
        assert!(received.signed_with(MockTwilio::AUTH_TOKEN), "{received:?}");
        assert!(!received.signed_with("another token"));
        // The body is the callback's form, byte for byte.
        assert_eq!(received.body, sent.callback().form().as_bytes());
    }
    let decoded: Vec<_> = received
        .iter()
        .map(|received| {
            let payload = CallStatusCallback::from_form(&received.body).unwrap();
            assert_eq!((payload.call_sid, payload.account_sid), (sid, MockTwilio::ACCOUNT_SID));
            (payload.call_status, payload.sequence_number)
        })
        .collect();
    assert_eq!(
        decoded,
        [
            (CallProgressStatus::Initiated, 0),
            (CallProgressStatus::Ringing, 1),
            (CallProgressStatus::InProgress, 2),
            (CallProgressStatus::Completed, 3),
        ]
    );
    assert_eq!(twilio.callbacks(), sent, "every callback is recorded");
}

#[tokio::test]
async fn a_get_callback_carries_its_parameters_in_the_query_after_the_urls_own() {
    let twilio = MockTwilio::start().await;
    let (base, log) = server().await;
    let request = call_to(&format!("{base}/calls?tenant=7")).status_callback_method(CallbackMethod::Get);
    let sid = place(&twilio.client(), request).await;

    let sent = twilio.call(sid).complete().await.unwrap();
    let [received] = &log.lock().unwrap().clone()[..] else { panic!("one callback") };
    assert_eq!(received.method, Method::GET);
    assert!(received.body.is_empty());
    let query = format!("tenant=7&{}", sent[0].callback().form());
    assert_eq!(received.url, format!("{base}/calls?{query}"));
    assert!(received.signed_with(MockTwilio::AUTH_TOKEN), "signed over the whole URL: {received:?}");
    let payload = CallStatusCallback::from_form(query.as_bytes()).unwrap();
    assert_eq!(
        (payload.call_status, payload.other.get("tenant")),
        (CallProgressStatus::Completed, Some("7"))
    );
}

#[tokio::test]
async fn each_accounts_callbacks_are_signed_with_its_own_token() {
    let twilio = MockTwilio::start().await;
    let (base, log) = server().await;
    let subaccount = twilio.create_subaccount();
    let sid = place(&twilio.subaccount_client(&subaccount), call_to(&format!("{base}/sub"))).await;
    twilio.call(sid).complete().await.unwrap();
    // A request made with an API key is the account's too: its token signs, not the key's secret.
    let key = twilio.create_api_key();
    let keyed = place(&twilio.api_key_client(&key), call_to(&format!("{base}/key"))).await;
    twilio.call(keyed).complete().await.unwrap();

    let [sub, main] = &log.lock().unwrap().clone()[..] else { panic!("two callbacks") };
    assert!(sub.signed_with(subaccount.auth_token()), "{sub:?}");
    assert!(!sub.signed_with(MockTwilio::AUTH_TOKEN));
    let payload = CallStatusCallback::from_form(&sub.body).unwrap();
    assert_eq!(payload.account_sid, subaccount.sid());
    assert!(main.signed_with(MockTwilio::AUTH_TOKEN), "{main:?}");
    assert!(!main.signed_with(key.secret()));
}

#[tokio::test]
async fn a_callback_nobody_answers_is_an_error_naming_its_url_and_the_move_stands() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    // A port that was free a moment ago, and is closed now.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let closed = format!("http://{}/calls", listener.local_addr().unwrap());
    drop(listener);
    let sid = place(&client, call_to(&closed)).await;

    let error = twilio.call(sid).complete().await.unwrap_err();
    assert!(error.to_string().starts_with(&format!("the callback to `{closed}` got no answer (")), "{error}");
    assert!(error.to_string().ends_with("); the move was made, but is the application listening there?"));
    let DriveError::NoAnswer { sent } = error else { panic!("no answer") };
    assert!(matches!(sent[0].delivery(), Delivery::NoAnswer(_)), "{sent:?}");
    assert_eq!(sent[0].status(), None);
    assert_eq!(twilio.callbacks(), sent);
    assert_eq!(FetchCall::new(sid).send(&client).await.unwrap().status, Some(CallStatus::Completed));
}

#[tokio::test]
async fn a_callback_to_another_machine_is_recorded_and_not_made() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let sid = place(&client, call_to("https://app.example.com/calls")).await;

    let sent: Vec<SentCallback> = twilio.call(sid).complete().await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!((sent[0].delivery(), sent[0].status()), (&Delivery::NotLocal, None));
    assert_eq!(sent[0].callback().url().as_str(), "https://app.example.com/calls");
    assert_eq!(sent[0].callback().param("CallStatus"), Some("completed"));
    assert_eq!(FetchCall::new(sid).send(&client).await.unwrap().status, Some(CallStatus::Completed));
}
