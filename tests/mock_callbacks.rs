//! The mock's callbacks end to end on 127.0.0.1: a test drives what an axum application created (a
//! call, a conference's participants, a message) along its life, and the application's handlers,
//! behind the extractor that checks `X-Twilio-Signature` with the test account's token, receive what
//! Twilio would send, typed; each move shows in the next fetch, and a move Twilio could not make is
//! an error that changes nothing.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{FromRef, State};
use axum::routing::post;
use twilio_endpoint::api::v2010::webhooks::{
    CallProgressStatus, CallStatusCallback, ConferenceStatusCallback, ConferenceStatusEvent,
    MessageStatusCallback, ParticipantLeftReason,
};
use twilio_endpoint::api::v2010::*;
use twilio_endpoint::axum::{TwilioWebhook, Twiml, WebhookConfig};
use twilio_endpoint::mock::{DriveError, LifecycleError, MockTwilio};
use twilio_endpoint::values::{Address, CallSid, ConferenceRef, ConferenceSid, MessagingServiceSid, Url};
use twilio_endpoint::{Error, Webhook, WebhookValidator};

/// A payload as the application's handler received it (boxed: payloads differ much in size).
#[derive(Debug, PartialEq)]
enum Event {
    Call(Box<CallStatusCallback>),
    Conference(Box<ConferenceStatusCallback>),
    Message(Box<MessageStatusCallback>),
}

impl From<CallStatusCallback> for Event {
    fn from(payload: CallStatusCallback) -> Self {
        Event::Call(Box::new(payload))
    }
}

impl From<ConferenceStatusCallback> for Event {
    fn from(payload: ConferenceStatusCallback) -> Self {
        Event::Conference(Box::new(payload))
    }
}

impl From<MessageStatusCallback> for Event {
    fn from(payload: MessageStatusCallback) -> Self {
        Event::Message(Box::new(payload))
    }
}

#[derive(Clone)]
struct AppState {
    config: WebhookConfig,
    events: Arc<Mutex<Vec<Event>>>,
}

impl FromRef<AppState> for WebhookConfig {
    fn from_ref(state: &AppState) -> Self {
        state.config.clone()
    }
}

/// Every handler of the application: it keeps what reached it, once the extractor let it through.
async fn receive<T>(State(state): State<AppState>, TwilioWebhook(payload): TwilioWebhook<T>) -> Twiml
where
    T: Webhook + Send + 'static,
    Event: From<T>,
{
    state.events.lock().unwrap().push(payload.into());
    Twiml::empty()
}

/// The application under test, on a free port of 127.0.0.1, checking signatures with the mock's
/// test account token as it would with its own account's.
struct Application {
    base: String,
    events: Arc<Mutex<Vec<Event>>>,
}

impl Application {
    async fn start() -> Application {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let events = Arc::new(Mutex::new(Vec::new()));
        let validator = WebhookValidator::new(MockTwilio::AUTH_TOKEN).unwrap();
        let state = AppState { config: WebhookConfig::new(validator), events: Arc::clone(&events) };
        let router = Router::new()
            .route("/calls", post(receive::<CallStatusCallback>))
            .route("/conference", post(receive::<ConferenceStatusCallback>))
            .route("/messages", post(receive::<MessageStatusCallback>))
            .with_state(state);
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        Application { base, events }
    }

    fn url(&self, path: &str) -> Url {
        format!("{}{path}", self.base).parse().unwrap()
    }

    /// What the handlers received since the last look.
    fn take(&self) -> Vec<Event> {
        std::mem::take(&mut *self.events.lock().unwrap())
    }
}

fn address(text: &str) -> Address {
    text.parse().unwrap()
}

fn message_address(text: &str) -> MessageAddress {
    text.parse().unwrap()
}

/// The call statuses received, with their sequence numbers.
fn call_statuses(events: &[Event]) -> Vec<(CallProgressStatus, u64)> {
    events
        .iter()
        .filter_map(|event| match event {
            Event::Call(call) => Some((call.call_status.clone(), call.sequence_number)),
            _ => None,
        })
        .collect()
}

/// The conference events received, with their sequence numbers.
fn conference_events(events: &[Event]) -> Vec<(ConferenceStatusEvent, u64)> {
    events
        .iter()
        .filter_map(|event| match event {
            Event::Conference(event) => Some((event.status_callback_event.clone(), event.sequence_number)),
            _ => None,
        })
        .collect()
}

fn message_statuses(events: &[Event]) -> Vec<(MessageStatus, Option<u32>)> {
    events
        .iter()
        .map(|event| match event {
            Event::Message(message) => (message.message_status.clone(), message.error_code),
            other => panic!("not a message status callback: {other:?}"),
        })
        .collect()
}

fn place_call(app: &Application) -> CreateCall {
    let twiml: Url = "https://example.com/twiml".parse().unwrap();
    CreateCall::new(address("+15558675310"), address("+15017122661"), twiml)
        .status_callback(app.url("/calls"))
}

#[tokio::test]
async fn a_call_rings_is_answered_and_completes_reporting_each_event_subscribed_to() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let app = Application::start().await;
    let sid = place_call(&app)
        .status_callback_event([CallEvent::Ringing, CallEvent::Answered, CallEvent::Completed])
        .send(&client)
        .await
        .unwrap()
        .sid
        .unwrap();

    // `initiated`, passed on the way, was not subscribed to.
    let sent = twilio.call(sid).ring().await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].status(), Some(200), "the application answered");
    assert_eq!(sent[0].callback().param("CallStatus"), Some("ringing"));
    assert_eq!(sent[0].callback().url(), &app.url("/calls"));
    assert_eq!(call_statuses(&app.take()), [(CallProgressStatus::Ringing, 0)]);
    assert_eq!(FetchCall::new(sid).send(&client).await.unwrap().status, Some(CallStatus::Ringing));

    twilio.call(sid).answer().await.unwrap();
    assert_eq!(call_statuses(&app.take()), [(CallProgressStatus::InProgress, 1)]);
    let answered = FetchCall::new(sid).send(&client).await.unwrap();
    assert_eq!(answered.status, Some(CallStatus::InProgress));
    assert!(answered.start_time.is_some() && answered.end_time.is_none());

    twilio.call(sid).complete().await.unwrap();
    let events = app.take();
    assert_eq!(call_statuses(&events), [(CallProgressStatus::Completed, 2)]);
    let Event::Call(ended) = &events[0] else { panic!("a call status callback: {events:?}") };
    assert_eq!((ended.account_sid, ended.call_sid), (MockTwilio::ACCOUNT_SID, sid));
    assert_eq!((ended.from.as_str(), ended.to.as_str()), ("+15017122661", "+15558675310"));
    let fetched = FetchCall::new(sid).send(&client).await.unwrap();
    assert_eq!(fetched.status, Some(CallStatus::Completed));
    assert!(fetched.end_time.is_some());
    // The callback and the call agree on how long it lasted.
    assert_eq!(fetched.duration, ended.call_duration.map(|seconds| seconds.to_string()));
}

#[tokio::test]
async fn a_call_subscribed_to_no_event_in_particular_reports_only_its_end() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let app = Application::start().await;
    let sid = place_call(&app).send(&client).await.unwrap().sid.unwrap();

    assert!(twilio.call(sid).answer().await.unwrap().is_empty());
    assert!(app.take().is_empty());
    assert_eq!(FetchCall::new(sid).send(&client).await.unwrap().status, Some(CallStatus::InProgress));

    twilio.call(sid).complete().await.unwrap();
    assert_eq!(call_statuses(&app.take()), [(CallProgressStatus::Completed, 0)]);

    // A call nobody answers ends with its own status.
    let unanswered = place_call(&app).send(&client).await.unwrap().sid.unwrap();
    twilio.call(unanswered).advance(CallProgressStatus::NoAnswer).await.unwrap();
    assert_eq!(call_statuses(&app.take()), [(CallProgressStatus::NoAnswer, 0)]);
    let fetched = FetchCall::new(unanswered).send(&client).await.unwrap();
    assert_eq!((fetched.status, fetched.duration.as_deref()), (Some(CallStatus::NoAnswer), Some("0")));
}

/// The agent subscribes the conference to its start and end, joins, leaves and mutes, but not to
/// holds; the customer to nothing.
async fn standup(twilio: &MockTwilio, app: &Application) -> (ConferenceSid, CallSid, CallSid) {
    let client = twilio.client();
    let room: ConferenceRef = "standup".parse().unwrap();
    let agent = CreateParticipant::new(room.clone(), address("+15017122661"), address("+15558675310"))
        .label("agent")
        .status_callback(app.url("/calls"))
        .conference_status_callback(app.url("/conference"))
        .conference_status_callback_event([
            ConferenceEvent::Start,
            ConferenceEvent::End,
            ConferenceEvent::Join,
            ConferenceEvent::Leave,
            ConferenceEvent::Mute,
        ])
        .send(&client)
        .await
        .unwrap();
    let customer = CreateParticipant::new(room, address("+15017122661"), address("+15558675311"))
        .send(&client)
        .await
        .unwrap();
    assert_eq!(agent.conference_sid, customer.conference_sid, "one conference of that name");
    (agent.conference_sid.unwrap(), agent.call_sid.unwrap(), customer.call_sid.unwrap())
}

#[tokio::test]
async fn participants_join_are_muted_and_leave_and_the_conference_ends() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let app = Application::start().await;
    let (conference, agent, customer) = standup(&twilio, &app).await;
    let participant = async |call: CallSid| FetchParticipant::new(conference, call).send(&client).await;
    let room = async || FetchConference::new(conference).send(&client).await;

    // Ringing brings nothing subscribed to: the agent's call reports only its end.
    assert!(twilio.participant(conference, agent).ring().await.unwrap().is_empty());
    assert_eq!(participant(agent).await.unwrap().status, Some(ParticipantStatus::Ringing));

    // By its label too.
    twilio.participant(conference, ParticipantRef::Label("agent".into())).join().await.unwrap();
    assert_eq!(conference_events(&app.take()), [(ConferenceStatusEvent::ParticipantJoin, 0)]);
    assert_eq!(participant(agent).await.unwrap().status, Some(ParticipantStatus::Connected));
    assert_eq!(FetchCall::new(agent).send(&client).await.unwrap().status, Some(CallStatus::InProgress));
    assert_eq!(room().await.unwrap().status, Some(ConferenceStatus::Init), "alone, it waits");

    twilio.participant(conference, customer).join().await.unwrap();
    let events = app.take();
    assert_eq!(
        conference_events(&events),
        [(ConferenceStatusEvent::ParticipantJoin, 1), (ConferenceStatusEvent::ConferenceStart, 2)]
    );
    let Event::Conference(join) = &events[0] else { panic!("a conference event: {events:?}") };
    assert_eq!((join.call_sid, join.conference_sid), (Some(customer), conference));
    assert_eq!(join.friendly_name, "standup");
    assert_eq!(room().await.unwrap().status, Some(ConferenceStatus::InProgress));

    twilio.participant(conference, customer).mute().await.unwrap();
    let events = app.take();
    assert_eq!(conference_events(&events), [(ConferenceStatusEvent::ParticipantMute, 3)]);
    let Event::Conference(mute) = &events[0] else { panic!("a conference event: {events:?}") };
    assert_eq!(mute.muted, Some(true));
    assert_eq!(participant(customer).await.unwrap().muted, Some(true));

    // Holds were not subscribed to: nothing is sent, but the participant is on hold.
    assert!(twilio.participant(conference, customer).hold().await.unwrap().is_empty());
    assert!(app.take().is_empty());
    assert_eq!(participant(customer).await.unwrap().hold, Some(true));

    twilio.participant(conference, customer).leave().await.unwrap();
    let events = app.take();
    assert_eq!(conference_events(&events), [(ConferenceStatusEvent::ParticipantLeave, 4)]);
    let Event::Conference(leave) = &events[0] else { panic!("a conference event: {events:?}") };
    assert_eq!(leave.reason_participant_left, Some(ParticipantLeftReason::ParticipantHungUp));
    assert_eq!(leave.participant_call_status, Some(CallProgressStatus::Completed));
    // Gone from the conference, its call ended; the conference goes on with the agent.
    let Err(Error::Api(gone)) = participant(customer).await else { panic!("the customer left") };
    assert_eq!((gone.status(), gone.code()), (404, Some(20404)));
    assert_eq!(FetchCall::new(customer).send(&client).await.unwrap().status, Some(CallStatus::Completed));
    assert_eq!(room().await.unwrap().status, Some(ConferenceStatus::InProgress));

    // Ending it takes the agent out, whose call reports its end to its own URL.
    twilio.conference(conference).end().await.unwrap();
    let events = app.take();
    assert_eq!(call_statuses(&events), [(CallProgressStatus::Completed, 0)]);
    assert_eq!(
        conference_events(&events),
        [(ConferenceStatusEvent::ParticipantLeave, 5), (ConferenceStatusEvent::ConferenceEnd, 6)]
    );
    let ended = room().await.unwrap();
    assert_eq!(ended.status, Some(ConferenceStatus::Completed));
    assert_eq!(ended.reason_conference_ended, Some(ConferenceEndReason::ConferenceEndedViaApi));
    assert!(ListParticipants::new(conference).send(&client).await.unwrap().items.is_empty());
    assert_eq!(FetchCall::new(agent).send(&client).await.unwrap().status, Some(CallStatus::Completed));
}

#[tokio::test]
async fn a_message_is_sent_and_delivered_or_fails_with_its_error_code() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let app = Application::start().await;
    let message = || {
        CreateMessage::new(message_address("+15558675310"), message_address("+15017122661"), "Hi")
            .status_callback(app.url("/messages"))
    };

    let delivered = message().send(&client).await.unwrap().sid.unwrap();
    twilio.message(delivered).advance(MessageStatus::Sent).await.unwrap();
    assert_eq!(message_statuses(&app.take()), [(MessageStatus::Sent, None)]);
    let sent = FetchMessage::new(delivered).send(&client).await.unwrap();
    assert_eq!(sent.status, Some(MessageStatus::Sent));
    assert!(sent.date_sent.is_some());
    twilio.message(delivered).advance(MessageStatus::Delivered).await.unwrap();
    assert_eq!(message_statuses(&app.take()), [(MessageStatus::Delivered, None)]);
    let fetched = FetchMessage::new(delivered).send(&client).await.unwrap();
    assert_eq!(fetched.status, Some(MessageStatus::Delivered));

    // Straight from `queued`, a failure passes `sent`; only its own callback carries the code.
    let undelivered = message().send(&client).await.unwrap().sid.unwrap();
    twilio.message(undelivered).fail(MessageStatus::Undelivered, 30003).await.unwrap();
    let events = app.take();
    assert_eq!(
        message_statuses(&events),
        [(MessageStatus::Sent, None), (MessageStatus::Undelivered, Some(30003))]
    );
    let Event::Message(payload) = &events[1] else { panic!("a message status callback: {events:?}") };
    assert_eq!((payload.message_sid, payload.from.as_str()), (undelivered, "+15017122661"));
    let fetched = FetchMessage::new(undelivered).send(&client).await.unwrap();
    assert_eq!((fetched.status, fetched.error_code), (Some(MessageStatus::Undelivered), Some(30003)));

    let failed = message().send(&client).await.unwrap().sid.unwrap();
    twilio.message(failed).fail(MessageStatus::Failed, 30007).await.unwrap();
    assert_eq!(message_statuses(&app.take()), [(MessageStatus::Failed, Some(30007))]);
}

#[tokio::test]
async fn a_messaging_services_message_names_the_sender_the_test_says_it_picked() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let app = Application::start().await;
    let service = MessagingServiceSid::from_static("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let sid = CreateMessage::new(message_address("+15558675310"), service, "Hi")
        .status_callback(app.url("/messages"))
        .send(&client)
        .await
        .unwrap()
        .sid
        .unwrap();

    // Every callback names the sender, which only the test knows.
    let Err(DriveError::Refused(error)) = twilio.message(sid).advance(MessageStatus::Sent).await else {
        panic!("the sender is not known")
    };
    assert!(matches!(error, LifecycleError::UnknownSender { .. }), "{error}");
    assert_eq!(FetchMessage::new(sid).send(&client).await.unwrap().status, Some(MessageStatus::Accepted));

    twilio.message(sid).sent_from("+15017122661").advance(MessageStatus::Sent).await.unwrap();
    let events = app.take();
    assert_eq!(message_statuses(&events), [(MessageStatus::Queued, None), (MessageStatus::Sent, None)]);
    let Event::Message(queued) = &events[0] else { panic!("a message status callback: {events:?}") };
    assert_eq!((queued.from.as_str(), queued.messaging_service_sid), ("+15017122661", Some(service)));
    let fetched = FetchMessage::new(sid).send(&client).await.unwrap();
    assert_eq!((fetched.status, fetched.from.as_deref()), (Some(MessageStatus::Sent), Some("+15017122661")));
    // The sender stays known.
    twilio.message(sid).advance(MessageStatus::Delivered).await.unwrap();
    assert_eq!(message_statuses(&app.take()), [(MessageStatus::Delivered, None)]);
}

#[tokio::test]
async fn the_applications_own_requests_bring_their_callbacks_before_they_are_answered() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let app = Application::start().await;
    let (conference, agent, customer) = standup(&twilio, &app).await;
    twilio.participant(conference, agent).join().await.unwrap();
    twilio.participant(conference, customer).join().await.unwrap();
    app.take();

    UpdateParticipant::new(conference, customer).muted(true).send(&client).await.unwrap();
    assert_eq!(conference_events(&app.take()), [(ConferenceStatusEvent::ParticipantMute, 3)]);

    // Removed through the API; the agent, alone, stays.
    DeleteParticipant::new(conference, customer).send(&client).await.unwrap();
    let events = app.take();
    assert_eq!(conference_events(&events), [(ConferenceStatusEvent::ParticipantLeave, 4)]);
    let Event::Conference(leave) = &events[0] else { panic!("a conference event: {events:?}") };
    assert_eq!(leave.reason_participant_left, Some(ParticipantLeftReason::ParticipantUpdatedViaApi));

    // Hung up through Update Call, the last participant ends the conference.
    UpdateCall::new(agent).status(CallUpdateStatus::Completed).send(&client).await.unwrap();
    let events = app.take();
    assert_eq!(call_statuses(&events), [(CallProgressStatus::Completed, 0)]);
    assert_eq!(
        conference_events(&events),
        [(ConferenceStatusEvent::ParticipantLeave, 5), (ConferenceStatusEvent::ConferenceEnd, 6)]
    );
    let Event::Conference(end) = &events[2] else { panic!("a conference event: {events:?}") };
    assert_eq!(end.reason_conference_ended, Some(ConferenceEndReason::LastParticipantKicked));
    assert_eq!(end.call_sid_ending_conference, Some(agent));
    let ended = FetchConference::new(conference).send(&client).await.unwrap();
    assert_eq!(ended.status, Some(ConferenceStatus::Completed));
    assert_eq!(ended.call_sid_ending_conference, Some(agent));

    // Canceled while ringing, a call ends `canceled`; hung up while ringing, `completed`, unanswered.
    let ringing = place_call(&app).send(&client).await.unwrap().sid.unwrap();
    twilio.call(ringing).ring().await.unwrap();
    let canceled = UpdateCall::new(ringing).status(CallUpdateStatus::Canceled).send(&client).await.unwrap();
    assert_eq!(canceled.status, Some(CallStatus::Canceled));
    assert_eq!(call_statuses(&app.take()), [(CallProgressStatus::Canceled, 0)]);
    let ringing = place_call(&app).send(&client).await.unwrap().sid.unwrap();
    twilio.call(ringing).ring().await.unwrap();
    let hung_up = UpdateCall::new(ringing).status(CallUpdateStatus::Completed).send(&client).await.unwrap();
    assert_eq!((hung_up.status, hung_up.start_time), (Some(CallStatus::Completed), None));
    let events = app.take();
    assert_eq!(call_statuses(&events), [(CallProgressStatus::Completed, 0)]);
    let Event::Call(ended) = &events[0] else { panic!("a call status callback: {events:?}") };
    assert_eq!((ended.call_duration, ended.sip_response_code), (Some(0), Some(487)));

    // Everything the mock sent, in order, whoever moved the resource.
    let sent = twilio.callbacks();
    let what: Vec<_> = sent
        .iter()
        .map(|sent| {
            let callback = sent.callback();
            callback.param("StatusCallbackEvent").or(callback.param("CallStatus")).unwrap()
        })
        .collect();
    assert_eq!(
        what,
        [
            "participant-join",
            "participant-join",
            "conference-start",
            "participant-mute",
            "participant-leave",
            "completed",
            "participant-leave",
            "conference-end",
            "canceled",
            "completed",
        ]
    );
    assert!(sent.iter().all(|callback| callback.status() == Some(200)), "{sent:?}");
}

#[tokio::test]
async fn a_participant_redirected_leaves_its_conference_while_its_call_goes_on() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let app = Application::start().await;
    let (conference, agent, _) = standup(&twilio, &app).await;
    twilio.participant(conference, agent).join().await.unwrap();
    app.take();

    let twiml = CallRedirect::Twiml("<Response><Say>Goodbye</Say></Response>".into());
    let redirected = UpdateCall::new(agent).redirect(twiml).send(&client).await.unwrap();
    assert_eq!(redirected.status, Some(CallStatus::InProgress));
    let events = app.take();
    assert_eq!(
        conference_events(&events),
        [(ConferenceStatusEvent::ParticipantLeave, 1), (ConferenceStatusEvent::ConferenceEnd, 2)]
    );
    let Event::Conference(leave) = &events[0] else { panic!("a conference event: {events:?}") };
    assert_eq!(leave.reason_participant_left, Some(ParticipantLeftReason::ParticipantUpdatedViaApi));
    assert_eq!(leave.participant_call_status, Some(CallProgressStatus::InProgress));

    // Out of the conference, the call ends as any call, reporting to its own URL.
    twilio.call(agent).complete().await.unwrap();
    assert_eq!(call_statuses(&app.take()), [(CallProgressStatus::Completed, 0)]);
    assert_eq!(FetchCall::new(agent).send(&client).await.unwrap().status, Some(CallStatus::Completed));
}

#[tokio::test]
async fn a_scheduled_message_canceled_reports_it_and_another_cannot_be_canceled() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let app = Application::start().await;
    let sender = MessageSender::MessagingService {
        from: Some(message_address("+15017122661")),
        fallback_from: None,
        messaging_service_sid: MessagingServiceSid::from_static("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    };
    let send_at = twilio_endpoint::time::Utc::now() + twilio_endpoint::time::Duration::hours(1);
    let scheduled = CreateMessage::new(message_address("+15558675310"), sender, "Later")
        .status_callback(app.url("/messages"))
        .schedule(MessageSchedule::Fixed { send_at })
        .send(&client)
        .await
        .unwrap();
    assert_eq!(scheduled.status, Some(MessageStatus::Scheduled));
    let sid = scheduled.sid.unwrap();

    let canceled = UpdateMessage::new(sid).status(UpdateMessageStatus::Canceled).send(&client).await.unwrap();
    assert_eq!(canceled.status, Some(MessageStatus::Canceled));
    assert_eq!(message_statuses(&app.take()), [(MessageStatus::Canceled, None)]);

    // docs/api/errors/30409: a message no longer scheduled cannot be canceled.
    let Err(Error::Api(error)) =
        UpdateMessage::new(sid).status(UpdateMessageStatus::Canceled).send(&client).await
    else {
        panic!("a canceled message canceled again")
    };
    assert_eq!((error.status(), error.code()), (400, Some(30409)));
    assert_eq!(
        error.message(),
        format!("the message {sid} is `canceled`: only a message still `scheduled` can be canceled")
    );
    assert!(app.take().is_empty());
}

#[tokio::test]
async fn a_move_twilio_could_not_make_is_an_error_and_changes_nothing() {
    let twilio = MockTwilio::start().await;
    let client = twilio.client();
    let app = Application::start().await;

    let nobody = CallSid::from_static("CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    let error = twilio.call(nobody).answer().await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "the mock has no call `CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb`: it was never created through the API, or \
         was deleted"
    );

    let sid = place_call(&app).send(&client).await.unwrap().sid.unwrap();
    twilio.call(sid).answer().await.unwrap();
    twilio.call(sid).complete().await.unwrap();
    app.take();
    let Err(DriveError::Refused(error)) = twilio.call(sid).ring().await else { panic!("an ended call rang") };
    assert_eq!(
        error.to_string(),
        format!("call `{sid}` cannot go from `completed` to `ringing`: `completed` is final")
    );
    let Err(error) = twilio.call(sid).advance(CallProgressStatus::Busy).await else {
        panic!("busy after the end")
    };
    assert!(matches!(error, DriveError::Refused(LifecycleError::Transition { .. })), "{error}");
    assert!(app.take().is_empty(), "a refused move sends nothing");
    assert_eq!(FetchCall::new(sid).send(&client).await.unwrap().status, Some(CallStatus::Completed));

    let (conference, agent, customer) = standup(&twilio, &app).await;
    let error = twilio.participant(conference, agent).leave().await.unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "participant `{agent}` is not in conference `{conference}`: its call has not been answered, or it has \
             left"
        )
    );
    let error = twilio.participant(conference, customer).mute().await.unwrap_err();
    assert!(matches!(error, DriveError::Refused(LifecycleError::NotInConference { .. })), "{error}");
    assert_eq!(
        FetchParticipant::new(conference, customer).send(&client).await.unwrap().muted,
        Some(false),
        "not muted"
    );
    let stranger = twilio.participant(conference, ParticipantRef::Label("nobody".into())).join().await;
    let Err(DriveError::Refused(error)) = stranger else { panic!("an unknown participant joined") };
    assert!(matches!(error, LifecycleError::UnknownParticipant { .. }), "{error}");
    twilio.conference(conference).end().await.unwrap();
    let Err(DriveError::Refused(error)) = twilio.conference(conference).end().await else {
        panic!("a conference ended twice")
    };
    assert!(matches!(error, LifecycleError::ConferenceEnded { .. }), "{error}");

    let message = CreateMessage::new(message_address("+15558675310"), message_address("+15017122661"), "Hi")
        .send(&client)
        .await
        .unwrap()
        .sid
        .unwrap();
    let error = twilio.message(message).advance(MessageStatus::Undelivered).await.unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "message `{message}` cannot become `undelivered` without an error code; Twilio sends one with it, so \
             use `fail`"
        )
    );
    let error = twilio.message(message).fail(MessageStatus::Delivered, 30003).await.unwrap_err();
    assert!(matches!(error, DriveError::Refused(LifecycleError::ErrorCode { needed: false, .. })), "{error}");
    assert_eq!(FetchMessage::new(message).send(&client).await.unwrap().status, Some(MessageStatus::Queued));
}
