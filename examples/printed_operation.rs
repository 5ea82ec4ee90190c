//! An operation used exactly as the generator prints it: `examples/printed/create_queue.rs` is the
//! output of
//!
//!     cargo run -p twilio-endpoint-gen -- operation --spec twilio_api_v2010.json CreateQueue \
//!         --overlay codegen/overlay/api_v2010
//!
//! unedited (`scripts/regen.sh --check` fails when it is not), included below and sent to the mock
//! Twilio on 127.0.0.1 once registered there; then an invalid request is refused before it is sent.
//!
//!     cargo run --example printed_operation

use std::error::Error;

use twilio_endpoint::mock::{MockTwilio, Reply};

// The printed file as it is: its imports, the request and its response type.
mod printed {
    include!("printed/create_queue.rs");
}

use printed::{CreateQueue, Queue};

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let twilio = MockTwilio::start().await;
    // The mock decodes and validates each request against the printed declaration, then answers with
    // the queue as Twilio would describe it.
    twilio.register(|request: &CreateQueue| {
        Reply::ok(serde_json::json!({
            "sid": "QUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "account_sid": MockTwilio::ACCOUNT_SID.as_str(),
            "friendly_name": request.friendly_name,
            "max_size": request.max_size.unwrap_or(100),
            "current_size": 0,
            "average_wait_time": 0,
            "date_created": "Tue, 01 Dec 2026 18:00:00 +0000",
            "date_updated": "Tue, 01 Dec 2026 18:00:00 +0000",
        }))
    });
    let client = twilio.client();

    let request = CreateQueue::new("Support & sales".to_owned()).max_size(20);
    println!("form body: {}", request.to_form());
    let queue: Queue = request.send(&client).await?;
    println!("created: {queue:#?}");
    assert_eq!(twilio.requests::<CreateQueue>(), [request]);

    // 5001 is past the range the overlay's rule gives `MaxSize`.
    let invalid = CreateQueue::new("Overflow".to_owned()).max_size(5001);
    match invalid.send(&client).await {
        Err(twilio_endpoint::Error::Validation(errors)) => println!("refused before sending: {errors}"),
        other => return Err(format!("expected a validation error, got {other:?}").into()),
    }
    assert_eq!(twilio.requests::<CreateQueue>().len(), 1, "the invalid request was not sent");
    Ok(())
}
