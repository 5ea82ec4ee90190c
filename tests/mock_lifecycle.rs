//! Lifecycle callbacks end to end: posted by `CallbackSender` over HTTP to an axum application on
//! 127.0.0.1, and received through the extractor an application uses, which checks
//! `X-Twilio-Signature` against the URL it was called on before it decodes the payload.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{FromRef, State};
use axum::routing::post;
use twilio_endpoint::api::v2010::webhooks::{
    CallProgressStatus, CallStatusCallback, ConferenceStatusCallback, ConferenceStatusEvent,
    MessageStatusCallback,
};
use twilio_endpoint::api::v2010::{
    CallEvent, ConferenceEvent, CreateCall, CreateMessage, CreateParticipant, MessageAddress, MessageStatus,
    ParticipantRef, UpdateParticipant,
};
use twilio_endpoint::axum::{TwilioWebhook, Twiml, WebhookConfig};
use twilio_endpoint::mock::lifecycle::{
    CallLife, Callback, CallbackKind, CallbackSender, ConferenceLife, Departure, MessageLife,
};
use twilio_endpoint::time::{DateTime, Duration, TimeZone as _, Utc};
use twilio_endpoint::values::{
    AccountSid, Address, CallSid, CallbackMethod, ConferenceRef, ConferenceSid, MessageSid, Url,
};
use twilio_endpoint::{Webhook, WebhookValidator};

const TOKEN: &str = "0123456789abcdef0123456789abcdef";
const ACCOUNT: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const AGENT: CallSid = CallSid::from_static("CA11111111111111111111111111111111");
const CUSTOMER: CallSid = CallSid::from_static("CA22222222222222222222222222222222");
const CONFERENCE: ConferenceSid = ConferenceSid::from_static("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const MESSAGE: MessageSid = MessageSid::from_static("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

/// A payload as the application's handler received it (boxed: payloads differ much in size).
#[derive(Debug, PartialEq)]
enum Received {
    Call(Box<CallStatusCallback>),
    Conference(Box<ConferenceStatusCallback>),
    Message(Box<MessageStatusCallback>),
}

#[derive(Clone)]
struct App {
    config: WebhookConfig,
    received: Arc<Mutex<Vec<Received>>>,
}

impl FromRef<App> for WebhookConfig {
    fn from_ref(app: &App) -> Self {
        app.config.clone()
    }
}

impl From<CallStatusCallback> for Received {
    fn from(payload: CallStatusCallback) -> Self {
        Received::Call(Box::new(payload))
    }
}

impl From<ConferenceStatusCallback> for Received {
    fn from(payload: ConferenceStatusCallback) -> Self {
        Received::Conference(Box::new(payload))
    }
}

impl From<MessageStatusCallback> for Received {
    fn from(payload: MessageStatusCallback) -> Self {
        Received::Message(Box::new(payload))
    }
}

/// The handler of every payload: it keeps what reached it.
async fn receive<T>(State(app): State<App>, TwilioWebhook(payload): TwilioWebhook<T>) -> Twiml
where
    T: Webhook + Send + 'static,
    Received: From<T>,
{
    app.received.lock().unwrap().push(payload.into());
    Twiml::empty()
}

/// The application, listening on a free port of 127.0.0.1: its base URL, and what its handlers
/// received.
async fn serve() -> (String, Arc<Mutex<Vec<Received>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let received = Arc::new(Mutex::new(Vec::new()));
    let app = App { config: WebhookConfig::new(validator()), received: received.clone() };
    let router = Router::new()
        .route("/calls", post(receive::<CallStatusCallback>).get(receive::<CallStatusCallback>))
        .route("/conference", post(receive::<ConferenceStatusCallback>))
        .route("/messages", post(receive::<MessageStatusCallback>))
        .with_state(app);
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (base, received)
}

fn validator() -> WebhookValidator {
    WebhookValidator::new(TOKEN).unwrap()
}

fn url(text: &str) -> Url {
    text.parse().unwrap()
}

fn address(text: &str) -> Address {
    text.parse().unwrap()
}

fn at(seconds: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap() + Duration::seconds(seconds)
}

/// What the handlers should have received for `callbacks`: each one decoded from the form it
/// carries, without going through HTTP.
fn decoded(callbacks: &[Callback]) -> Vec<Received> {
    callbacks
        .iter()
        .map(|callback| {
            let form = match callback.method() {
                CallbackMethod::Post => callback.body(),
                CallbackMethod::Get => callback.request_url().split_once('?').unwrap().1.to_owned(),
            };
            let form = form.as_bytes();
            match callback.kind() {
                CallbackKind::CallStatus => CallStatusCallback::from_form(form).unwrap().into(),
                CallbackKind::ConferenceStatus => ConferenceStatusCallback::from_form(form).unwrap().into(),
                CallbackKind::MessageStatus => MessageStatusCallback::from_form(form).unwrap().into(),
                kind => panic!("a callback of an unexpected kind: {kind:?}"),
            }
        })
        .collect()
}

/// Serves the application, sends it in order the callbacks `make` builds for its base URL, each of
/// which it must answer `200 OK`, and returns what its handlers received: exactly the callbacks'
/// forms, decoded.
async fn round_trip(make: impl FnOnce(&str) -> Vec<Callback>) -> Vec<Received> {
    let (base, received) = serve().await;
    let callbacks = make(&base);
    let sender = CallbackSender::new(validator()).unwrap();
    for callback in &callbacks {
        assert_eq!(sender.send(callback).await.unwrap(), 200, "{callback:?}");
    }
    let received = std::mem::take(&mut *received.lock().unwrap());
    assert_eq!(received, decoded(&callbacks));
    received
}

#[tokio::test]
async fn a_calls_callbacks_arrive_signed_and_decode_as_sent() {
    let received = round_trip(|base| {
        let request = CreateCall::new(
            address("+15558675310"),
            address("+15017122661"),
            url("https://example.com/twiml"),
        )
        .status_callback(url(&format!("{base}/calls")))
        .status_callback_event(CallEvent::ALL.iter().copied());
        let mut life = CallLife::for_call(ACCOUNT, AGENT, &request);
        let mut callbacks = life.advance(CallProgressStatus::InProgress, at(0)).unwrap();
        callbacks.extend(life.advance(CallProgressStatus::Completed, at(42)).unwrap());
        callbacks
    })
    .await;
    let statuses: Vec<_> = received
        .iter()
        .map(|payload| match payload {
            Received::Call(call) => (call.call_status.to_string(), call.sequence_number, call.call_duration),
            other => panic!("not a call status callback: {other:?}"),
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("initiated".to_owned(), 0, None),
            ("ringing".to_owned(), 1, None),
            ("in-progress".to_owned(), 2, None),
            ("completed".to_owned(), 3, Some(42)),
        ]
    );
}

#[tokio::test]
async fn a_get_callback_is_signed_over_its_query() {
    let received = round_trip(|base| {
        let request =
            CreateCall::new(address("client:bob"), address("client:alice"), url("https://example.com/twiml"))
                .status_callback(url(&format!("{base}/calls?tenant=7")))
                .status_callback_method(CallbackMethod::Get);
        CallLife::for_call(ACCOUNT, AGENT, &request).advance(CallProgressStatus::Completed, at(9)).unwrap()
    })
    .await;
    let Received::Call(call) = &received[0] else { panic!("not a call status callback: {received:?}") };
    assert_eq!(call.other.get("tenant"), Some("7"));
}

#[tokio::test]
async fn a_conference_and_its_participants_calls_report_to_their_own_urls() {
    let received = round_trip(|base| {
        let room = "standup".parse::<ConferenceRef>().unwrap();
        let agent = CreateParticipant::new(room.clone(), address("+15017122661"), address("+15558675310"))
            .label("agent")
            .end_conference_on_exit(true)
            .status_callback(url(&format!("{base}/calls")))
            .conference_status_callback(url(&format!("{base}/conference")))
            .conference_status_callback_event(ConferenceEvent::ALL.iter().copied());
        let customer = CreateParticipant::new(room, address("+15017122661"), address("+15558675311"));
        let mut life = ConferenceLife::new(ACCOUNT, CONFERENCE, "standup");
        life.add(AGENT, &agent).unwrap();
        life.add(CUSTOMER, &customer).unwrap();
        let mut callbacks = life.advance(AGENT, CallProgressStatus::InProgress, at(0)).unwrap();
        callbacks.extend(life.advance(CUSTOMER, CallProgressStatus::InProgress, at(5)).unwrap());
        let mute = UpdateParticipant::new(CONFERENCE, ParticipantRef::CallSid(CUSTOMER)).muted(true);
        callbacks.extend(life.update(&mute, at(6)).unwrap());
        callbacks
            .extend(life.leave(ParticipantRef::Label("agent".into()), Departure::HungUp, at(60)).unwrap());
        callbacks
    })
    .await;
    let events: Vec<_> = received
        .iter()
        .filter_map(|payload| match payload {
            Received::Conference(event) => Some((event.status_callback_event.clone(), event.sequence_number)),
            _ => None,
        })
        .collect();
    assert_eq!(
        events,
        [
            (ConferenceStatusEvent::ParticipantJoin, 0),
            (ConferenceStatusEvent::ParticipantJoin, 1),
            (ConferenceStatusEvent::ConferenceStart, 2),
            (ConferenceStatusEvent::ParticipantMute, 3),
            (ConferenceStatusEvent::ParticipantLeave, 4),
            (ConferenceStatusEvent::ParticipantLeave, 5),
            (ConferenceStatusEvent::ConferenceEnd, 6),
        ]
    );
    // The agent's call reported its end (its default event) to its own URL; the customer's has none.
    let calls: Vec<_> = received
        .iter()
        .filter_map(|payload| match payload {
            Received::Call(call) => Some((call.call_sid, call.call_status.clone(), call.call_duration)),
            _ => None,
        })
        .collect();
    assert_eq!(calls, [(AGENT, CallProgressStatus::Completed, Some(60))]);
}

#[tokio::test]
async fn a_messages_callbacks_arrive_with_their_error_code() {
    let received = round_trip(|base| {
        let to: MessageAddress = "+15558675310".parse().unwrap();
        let from: MessageAddress = "+15017122661".parse().unwrap();
        let request = CreateMessage::new(to, from, "Hello").status_callback(url(&format!("{base}/messages")));
        MessageLife::new(ACCOUNT, MESSAGE, &request).fail(MessageStatus::Undelivered, 30003, at(3)).unwrap()
    })
    .await;
    let statuses: Vec<_> = received
        .iter()
        .map(|payload| match payload {
            Received::Message(message) => (message.message_status.clone(), message.error_code),
            other => panic!("not a message status callback: {other:?}"),
        })
        .collect();
    assert_eq!(statuses, [(MessageStatus::Sent, None), (MessageStatus::Undelivered, Some(30003))]);
}

#[tokio::test]
async fn a_callback_signed_with_another_token_is_refused_before_the_handler() {
    let (base, received) = serve().await;
    let impostor = CallbackSender::new(WebhookValidator::new("another token").unwrap()).unwrap();
    let request =
        CreateCall::new(address("client:bob"), address("client:alice"), url("https://example.com/twiml"))
            .status_callback(url(&format!("{base}/calls")));
    let callbacks =
        CallLife::for_call(ACCOUNT, AGENT, &request).advance(CallProgressStatus::Completed, at(0)).unwrap();
    assert_eq!(impostor.send(&callbacks[0]).await.unwrap(), 403);
    assert!(received.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_callback_nobody_answers_is_an_error_naming_its_url() {
    // A port that was free a moment ago, and is closed now.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let closed = format!("http://{}/calls", listener.local_addr().unwrap());
    drop(listener);
    let request =
        CreateCall::new(address("client:bob"), address("client:alice"), url("https://example.com/twiml"))
            .status_callback(url(&closed));
    let callbacks =
        CallLife::for_call(ACCOUNT, AGENT, &request).advance(CallProgressStatus::Completed, at(0)).unwrap();
    let error = CallbackSender::new(validator()).unwrap().send(&callbacks[0]).await.unwrap_err();
    assert!(error.to_string().starts_with(&format!("the callback to `{closed}` got no answer: ")), "{error}");
    assert!(std::error::Error::source(&error).is_some());
}
