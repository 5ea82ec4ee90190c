//! Twilio's callbacks received by an axum server, checked and typed: the server listens on
//! 127.0.0.1, and the example itself plays Twilio, posting conference and call status callbacks signed
//! as Twilio signs them, then one forged callback, which the handler never sees.
//!
//! `cargo run --example webhooks`

use std::error::Error;

use axum::Router;
use axum::routing::post;
use twilio_endpoint::api::v2010::webhooks::{CallStatusCallback, ConferenceStatusCallback};
use twilio_endpoint::axum::{TwilioWebhook, Twiml, WebhookConfig};
use twilio_endpoint::{SignatureAlgorithm, WebhookValidator};

/// The account's auth token: Twilio signs every webhook with it. A made-up one here.
const AUTH_TOKEN: &str = "0123456789abcdef0123456789abcdef";

async fn conference_events(TwilioWebhook(event): TwilioWebhook<ConferenceStatusCallback>) -> Twiml {
    // Twilio may deliver an event twice, and out of order: `dedup_key` tells a repeat, the sequence
    // number the order within the conference.
    let (conference, sequence) = event.dedup_key();
    let who = event.participant_label.as_deref().or(event.call_sid.as_ref().map(|sid| sid.as_str()));
    println!(
        "conference {conference} #{sequence}: {}{}",
        event.status_callback_event,
        who.map(|who| format!(" ({who})")).unwrap_or_default()
    );
    Twiml::empty()
}

async fn call_status(TwilioWebhook(call): TwilioWebhook<CallStatusCallback>) -> Twiml {
    let duration = call.call_duration.map(|seconds| format!(" after {seconds} s")).unwrap_or_default();
    println!("call {} #{}: {}{duration}", call.call_sid, call.sequence_number, call.call_status);
    Twiml::empty()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let validator = WebhookValidator::new(AUTH_TOKEN)?;
    let app = Router::new()
        .route("/conference-events", post(conference_events))
        .route("/call-status", post(call_status))
        .with_state(WebhookConfig::new(validator.clone()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });
    println!("listening on {base}");

    // What Twilio posts as a conference starts, a participant joins and mutes, and a call ends.
    let conference = "ConferenceSid=CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&FriendlyName=standup\
        &AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&Timestamp=Tue%2C+01+Dec+2026+16%3A00%3A0";
    let callbacks = [
        (
            "/conference-events",
            format!("{conference}0+%2B0000&SequenceNumber=0&StatusCallbackEvent=conference-start"),
        ),
        (
            "/conference-events",
            format!(
                "{conference}1+%2B0000&SequenceNumber=1&StatusCallbackEvent=participant-join\
                 &CallSid=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&ParticipantLabel=alice&Muted=false&Hold=false\
                 &Coaching=false&EndConferenceOnExit=false&StartConferenceOnEnter=true"
            ),
        ),
        (
            "/conference-events",
            format!(
                "{conference}5+%2B0000&SequenceNumber=2&StatusCallbackEvent=participant-mute\
                 &CallSid=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&ParticipantLabel=alice&Muted=true&Hold=false\
                 &Coaching=false&EndConferenceOnExit=false&StartConferenceOnEnter=true"
            ),
        ),
        (
            "/call-status",
            "CallSid=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\
             &From=%2B15017122661&To=%2B15558675310&CallStatus=completed&ApiVersion=2010-04-01\
             &Direction=outbound-api&CallDuration=42&SequenceNumber=3&CallbackSource=call-progress-events\
             &Timestamp=Tue%2C+01+Dec+2026+16%3A01%3A00+%2B0000"
                .to_owned(),
        ),
    ];
    let http = reqwest::Client::new();
    for (path, body) in callbacks {
        let url = format!("{base}{path}");
        let signature = validator.sign_form(SignatureAlgorithm::HmacSha1, &url, body.as_bytes());
        let response = http
            .post(&url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signature)
            .body(body)
            .send()
            .await?;
        assert_eq!(response.status(), 200, "{}", response.text().await?);
    }

    // A forged callback: signed with another token. It is answered 403 and never reaches a handler.
    let url = format!("{base}/call-status");
    let body = "CallSid=CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb&CallStatus=completed";
    let forged = WebhookValidator::new("not the account's token")?.sign_form(
        SignatureAlgorithm::HmacSha1,
        &url,
        body.as_bytes(),
    );
    let response = http
        .post(&url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", forged)
        .body(body)
        .send()
        .await?;
    println!("forged callback: {} {}", response.status().as_u16(), response.text().await?);
    Ok(())
}
