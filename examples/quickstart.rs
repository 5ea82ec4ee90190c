//! Previews a request (the exact method, URL and body the client would send), adds a participant to a
//! conference, then shows an invalid request rejected before anything is sent.
//!
//! With no `TWILIO_*` variables it starts an embedded mock Twilio on 127.0.0.1 and talks to it; with
//! `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` (or `TWILIO_API_KEY` and `TWILIO_API_SECRET`) set, it
//! talks to the real API and says so. Against the real API it dials `QUICKSTART_TO` from
//! `QUICKSTART_FROM` (both required there, so that no real call is placed by accident).
//!
//!     cargo run --example quickstart

use std::error::Error;

use twilio_endpoint::Client;
use twilio_endpoint::api::v2010::{Beep, CallEvent, CreateParticipant};
use twilio_endpoint::mock::MockTwilio;
use twilio_endpoint::values::{Address, CallbackMethod, ConferenceRef};

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    // The mock lives until the end of `main`: dropping it stops the server.
    let mock = match std::env::var_os("TWILIO_ACCOUNT_SID") {
        Some(_) => None,
        None => Some(MockTwilio::start().await),
    };
    let (client, from, to) = match &mock {
        None => {
            println!("TWILIO_ACCOUNT_SID is set: talking to the real Twilio API.");
            let from = std::env::var("QUICKSTART_FROM")
                .map_err(|_| "set QUICKSTART_FROM to one of your Twilio numbers")?;
            let to = std::env::var("QUICKSTART_TO").map_err(|_| "set QUICKSTART_TO to the number to dial")?;
            (Client::from_env()?, from, to)
        }
        Some(mock) => {
            println!("No TWILIO_ACCOUNT_SID: talking to an embedded mock Twilio at {}.", mock.base_url());
            (mock.client(), "+15017122661".to_owned(), "+15558675310".to_owned())
        }
    };

    let request = CreateParticipant::new(
        "quickstart-room".parse::<ConferenceRef>()?,
        from.parse::<Address>()?,
        to.parse::<Address>()?,
    )
    .label("customer")
    .timeout(30)
    .beep(Beep::OnEnter)
    .status_callback_event([CallEvent::Ringing, CallEvent::Answered])
    .status_callback_method(CallbackMethod::Post);

    println!("\n== A valid request");
    // What `send` would put on the wire, without sending it (never the credentials).
    println!("preview:\n{}", request.preview(&client)?);
    let participant = request.send(&client).await?;
    if let Some(mock) = &mock {
        for received in mock.received_requests().await {
            println!("request line: {} {}", received.method, received.path_and_query);
        }
    }
    println!(
        "participant: call {} in conference {}, status {}, label {:?}, created {}",
        participant.call_sid.map_or("-".to_owned(), |sid| sid.to_string()),
        participant.conference_sid.map_or("-".to_owned(), |sid| sid.to_string()),
        participant.status.as_ref().map_or("-", |status| status.as_str()),
        participant.label.as_deref().unwrap_or("-"),
        participant.date_created.map_or("-".to_owned(), |date| date.to_rfc3339()),
    );

    println!("\n== An invalid request: Timeout 700 and MaxParticipants 1");
    let invalid = CreateParticipant::new(
        "quickstart-room".parse::<ConferenceRef>()?,
        from.parse::<Address>()?,
        to.parse::<Address>()?,
    )
    .timeout(700)
    .max_participants(1);
    match invalid.send(&client).await {
        Err(twilio_endpoint::Error::Validation(errors)) => println!("rejected before sending: {errors}"),
        other => return Err(format!("expected a validation error, got {other:?}").into()),
    }
    if let Some(mock) = &mock {
        println!("requests the mock received in all: {}", mock.received_requests().await.len());
    }
    Ok(())
}
