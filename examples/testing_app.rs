//! The small application docs/TESTING.md tests with the mock Twilio: `POST /dial/{number}` adds the
//! number to the `standup` conference, asking Twilio to report to the application's own webhooks,
//! which keep what they hear. `main` plays the guide's test against the mock, printing each step:
//! two participants join, one is muted and leaves, the conference ends; then a throttled request,
//! and one whose answer was lost.
//!
//! `cargo run --example testing_app`

use std::time::Duration;

use twilio_endpoint::mock::{Fault, MockTwilio, SentCallback};

// guide: the application (docs/TESTING.md shows it as it is here; tests/testing_guide.rs checks)
use std::error::Error;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{FromRef, Path, State};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::json;
use tokio::net::TcpListener;
use twilio_endpoint::api::v2010::webhooks::{
    CallProgressStatus, CallStatusCallback, ConferenceStatusCallback, ConferenceStatusEvent,
};
use twilio_endpoint::api::v2010::{
    ConferenceEvent, ConferenceStatus, CreateParticipant, FetchParticipant, ListConferences, ParticipantRef,
};
use twilio_endpoint::axum::{TwilioWebhook, Twiml, WebhookConfig};
use twilio_endpoint::values::{Address, CallSid, ConferenceRef, ConferenceSid, Url};
use twilio_endpoint::{Client, Error as TwilioError, WebhookValidator};

/// The conference everyone is dialed into, and the number that calls them.
pub const ROOM: &str = "standup";
pub const CALLER_ID: &str = "+15017122661";

/// What the application heard from Twilio, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Heard {
    /// A conference event, with the participant's label when it is about one.
    Conference(ConferenceStatusEvent, Option<String>),
    /// A participant's call changed status.
    Call(CallSid, CallProgressStatus),
}

#[derive(Clone)]
pub struct App {
    twilio: Client,
    /// Where Twilio reaches the application: its webhooks' URLs start with it.
    public_url: String,
    webhooks: WebhookConfig,
    heard: Arc<Mutex<Vec<Heard>>>,
}

impl FromRef<App> for WebhookConfig {
    fn from_ref(app: &App) -> Self {
        app.webhooks.clone()
    }
}

impl App {
    /// Serves the application on `listener`, calling Twilio with `twilio` and checking its webhooks
    /// against `auth_token`.
    pub fn serve(twilio: Client, auth_token: &str, listener: TcpListener) -> Result<App, Box<dyn Error>> {
        let public_url = format!("http://{}", listener.local_addr()?);
        let webhooks = WebhookConfig::new(WebhookValidator::new(auth_token)?);
        let app = App { twilio, public_url, webhooks, heard: Arc::default() };
        let router = Router::new()
            .route("/dial/{number}", post(dial))
            .route("/twilio/conference", post(conference_event))
            .route("/twilio/calls", post(call_status))
            .with_state(app.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        Ok(app)
    }

    /// Everything heard so far.
    pub fn heard(&self) -> Vec<Heard> {
        self.heard.lock().unwrap().clone()
    }

    fn hear(&self, heard: Heard) {
        self.heard.lock().unwrap().push(heard);
    }

    fn webhook(&self, path: &str) -> Url {
        format!("{}{path}", self.public_url).parse().expect("the application's own URL")
    }

    /// The call of the participant labelled `number` in the room, if it is there.
    async fn find(&self, number: &str) -> Option<(ConferenceSid, CallSid)> {
        let rooms = ListConferences::new().friendly_name(ROOM).send(&self.twilio).await.ok()?;
        let room = rooms.items.iter().find(|room| room.status != Some(ConferenceStatus::Completed))?.sid?;
        let label = ParticipantRef::Label(number.to_owned());
        let participant = FetchParticipant::new(room, label).send(&self.twilio).await.ok()?;
        Some((room, participant.call_sid?))
    }
}

/// `POST /dial/{number}`: adds `number` to the room, labelled with it; answers `201` with the
/// participant's conference and call SIDs.
async fn dial(State(app): State<App>, Path(number): Path<String>) -> Response {
    let (Ok(to), Ok(from)) = (number.parse::<Address>(), CALLER_ID.parse::<Address>()) else {
        return (StatusCode::BAD_REQUEST, format!("`{number}` is not a number to dial")).into_response();
    };
    let room: ConferenceRef = ROOM.parse().expect("a friendly name");
    let request = CreateParticipant::new(room, from, to)
        .label(number.as_str())
        .status_callback(app.webhook("/twilio/calls"))
        .conference_status_callback(app.webhook("/twilio/conference"))
        .conference_status_callback_event([
            ConferenceEvent::Start,
            ConferenceEvent::End,
            ConferenceEvent::Join,
            ConferenceEvent::Leave,
            ConferenceEvent::Mute,
        ]);
    let dialed = match request.send(&app.twilio).await {
        Ok(participant) => participant.conference_sid.zip(participant.call_sid),
        // Twilio may have added the participant or not: dialing again could ring the phone twice,
        // so look first.
        Err(TwilioError::OutcomeUnknown(_)) => match app.find(&number).await {
            Some(found) => Some(found),
            None => {
                return (StatusCode::SERVICE_UNAVAILABLE, "Twilio did not answer; try again").into_response();
            }
        },
        Err(error) => return (StatusCode::BAD_GATEWAY, error.to_string()).into_response(),
    };
    let Some((conference, call)) = dialed else {
        return (StatusCode::BAD_GATEWAY, "Twilio answered without the participant's SIDs").into_response();
    };
    let body = json!({"conference_sid": conference, "call_sid": call});
    (StatusCode::CREATED, [(CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

async fn conference_event(
    State(app): State<App>,
    TwilioWebhook(event): TwilioWebhook<ConferenceStatusCallback>,
) -> Twiml {
    app.hear(Heard::Conference(event.status_callback_event, event.participant_label));
    Twiml::empty()
}

async fn call_status(
    State(app): State<App>,
    TwilioWebhook(call): TwilioWebhook<CallStatusCallback>,
) -> Twiml {
    app.hear(Heard::Call(call.call_sid, call.call_status));
    Twiml::empty()
}
// guide: end

/// What `POST /dial/{number}` answered: its status, and the SIDs when it dialed.
async fn dial_number(
    base: &str,
    number: &str,
) -> Result<(u16, Option<(ConferenceSid, CallSid)>), Box<dyn Error>> {
    let response = reqwest::Client::new().post(format!("{base}/dial/{number}")).send().await?;
    let status = response.status().as_u16();
    if status != 201 {
        return Ok((status, None));
    }
    let body: serde_json::Value = serde_json::from_str(&response.text().await?)?;
    let sid = |key: &str| body[key].as_str().map(str::to_owned).ok_or(format!("no `{key}` in {body}"));
    Ok((status, Some((sid("conference_sid")?.parse()?, sid("call_sid")?.parse()?))))
}

/// The guide's test, step by step, printing what the application heard at each.
#[tokio::main]
pub async fn main() -> Result<(), Box<dyn Error>> {
    let twilio = MockTwilio::start().await;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let app = App::serve(twilio.client(), MockTwilio::AUTH_TOKEN, listener)?;
    println!("the mock Twilio on {}, the application on {base}", twilio.base_url());

    let (_, agent) = dial_number(&base, "+15558675310").await?;
    let (_, customer) = dial_number(&base, "+15558675311").await?;
    let (Some((room, agent)), Some((_, customer))) = (agent, customer) else {
        return Err("the application did not dial".into());
    };
    println!("dialed {agent} and {customer} into {room}");

    // Each move, and what the application heard of it.
    let mut heard = 0;
    let mut show = |step: &str, sent: Vec<SentCallback>| {
        let answers: Vec<String> = sent
            .iter()
            .map(|sent| sent.status().map_or_else(|| "no answer".to_owned(), |status| status.to_string()))
            .collect();
        println!("{step}: {} callback(s), answered {}", sent.len(), answers.join(", "));
        for event in &app.heard()[heard..] {
            println!("    the application heard {event:?}");
        }
        heard = app.heard().len();
    };
    show("the agent answers", twilio.participant(room, agent).join().await?);
    show("the customer answers", twilio.participant(room, customer).join().await?);
    show("the customer is muted", twilio.participant(room, customer).mute().await?);
    show("the customer hangs up", twilio.participant(room, customer).leave().await?);
    show("the conference is ended", twilio.conference(room).end().await?);
    let label = |number: &str| Some(number.to_owned());
    assert_eq!(
        app.heard(),
        [
            Heard::Conference(ConferenceStatusEvent::ParticipantJoin, label("+15558675310")),
            Heard::Conference(ConferenceStatusEvent::ParticipantJoin, label("+15558675311")),
            Heard::Conference(ConferenceStatusEvent::ConferenceStart, None),
            Heard::Conference(ConferenceStatusEvent::ParticipantMute, label("+15558675311")),
            Heard::Call(customer, CallProgressStatus::Completed),
            Heard::Conference(ConferenceStatusEvent::ParticipantLeave, label("+15558675311")),
            Heard::Call(agent, CallProgressStatus::Completed),
            Heard::Conference(ConferenceStatusEvent::ParticipantLeave, label("+15558675310")),
            Heard::Conference(ConferenceStatusEvent::ConferenceEnd, None),
        ]
    );

    // Throttled once: the client waits the `Retry-After` and sends the request again.
    twilio.script::<CreateParticipant>(Fault::too_many_requests().retry_after(Duration::from_millis(200)));
    let before = twilio.requests::<CreateParticipant>().len();
    let (status, _) = dial_number(&base, "+15558675312").await?;
    let sent = twilio.requests::<CreateParticipant>().len() - before;
    println!("throttled once: answered {status}, after {sent} requests to Twilio");
    assert_eq!((status, sent), (201, 2));

    // Twilio added the participant but the answer was lost: the application finds it instead of
    // dialing again.
    twilio.script::<CreateParticipant>(Fault::drop_connection().after_processing());
    let (status, found) = dial_number(&base, "+15558675313").await?;
    let Some((_, call)) = found else { return Err("the application did not find the participant".into()) };
    println!("the answer was lost: the application looked, found {call}, and answered {status}");
    assert_eq!(status, 201);
    assert_eq!(twilio.requests::<CreateParticipant>().len() - before, 3, "never sent again");
    // A 503 carries nothing out: nothing to find, so the application asks to try again.
    twilio.script::<CreateParticipant>(Fault::status(503).code(20503));
    let (status, _) = dial_number(&base, "+15558675314").await?;
    println!("Twilio unavailable: the application found nothing, and answered {status}");
    assert_eq!(status, 503);
    Ok(())
}
