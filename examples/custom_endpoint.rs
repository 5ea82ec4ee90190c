//! Declares in application code an endpoint the catalog does not have, Create Validation Request
//! (`POST /2010-04-01/Accounts/{AccountSid}/OutgoingCallerIds.json`), registers it with the mock
//! Twilio on 127.0.0.1, sends it there, then shows an invalid request rejected twice: by the client
//! before anything is sent, and by the mock when sent past the client.
//!
//!     cargo run --example custom_endpoint
//!
//! `docs/EXTENDING.md` explains each line of the declaration.

use std::error::Error;

use serde::{Deserialize, Serialize};
use twilio_endpoint::mock::{MockTwilio, Reply};
use twilio_endpoint::twilio_endpoint;
use twilio_endpoint::values::{AccountSid, CallSid, CallbackMethod, PhoneNumber, Url};

/// Starts the verification of a phone number as an outgoing caller ID: Twilio calls the number, and
/// whoever answers enters the `validation_code` of the reply.
#[twilio_endpoint(
    POST,
    "/2010-04-01/Accounts/{AccountSid}/OutgoingCallerIds.json",
    response = ValidationRequest,
)]
// `Clone`, so that the mock can hand back the requests it received.
#[derive(Clone)]
pub struct CreateValidationRequest {
    /// The account to act for; the client's account when unset (set it to act for a subaccount).
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The number to verify, in E.164 format.
    pub phone_number: PhoneNumber,
    /// A name for the new caller ID, up to 64 characters; Twilio's default is the formatted number.
    #[twilio(len = 1..=64)]
    pub friendly_name: Option<String>,
    /// Seconds to wait before the verification call, 0 to 60; Twilio's default is 0.
    #[twilio(range = 0..=60)]
    pub call_delay: Option<u32>,
    /// Digits to dial once the verification call connects.
    pub extension: Option<String>,
    /// The URL Twilio calls with the outcome of the verification.
    pub status_callback: Option<Url>,
    /// The method for `StatusCallback`; Twilio's default is `POST`.
    pub status_callback_method: Option<CallbackMethod>,
}

/// A verification in progress, as Twilio describes it (`api.v2010.account.validation_request`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ValidationRequest {
    pub account_sid: Option<AccountSid>,
    /// The verification call.
    pub call_sid: Option<CallSid>,
    pub friendly_name: Option<String>,
    pub phone_number: Option<PhoneNumber>,
    /// The 6 digits to enter when Twilio calls `phone_number`.
    pub validation_code: Option<String>,
}

/// The example reply of Twilio's OpenAPI description for this operation.
const TWILIO_EXAMPLE: &str = r#"{
  "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "call_sid": "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  "friendly_name": "friendly_name",
  "phone_number": "+18001234567",
  "validation_code": "111111"
}"#;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let twilio = MockTwilio::start().await;
    // The mock serves the catalog; this endpoint it serves once registered, checking each request
    // against the declaration above, and answering as Twilio does: `200 OK` with the validation
    // request, the description's example where the request says nothing.
    twilio.register(|request: &CreateValidationRequest| {
        let mut reply: serde_json::Value = serde_json::from_str(TWILIO_EXAMPLE).expect("the example is JSON");
        reply["phone_number"] = request.phone_number.as_str().into();
        if let Some(name) = &request.friendly_name {
            reply["friendly_name"] = name.as_str().into();
        }
        Reply::ok(reply)
    });
    let client = twilio.client();
    println!("The mock Twilio at {}.", twilio.base_url());

    println!("\n== A valid request");
    let request = CreateValidationRequest::new("+18001234567".parse::<PhoneNumber>()?)
        .friendly_name("Front desk")
        .call_delay(5)
        .extension("1234#")
        .status_callback("https://example.com/caller-id?desk=front".parse::<Url>()?)
        .status_callback_method(CallbackMethod::Post);
    println!("form body: {}", request.to_form());
    let validation = request.send(&client).await?;
    for received in twilio.received_requests().await {
        println!("request line: {} {}", received.method, received.path_and_query);
    }
    println!("decoded reply: {validation:#?}");
    if let Some(code) = &validation.validation_code {
        println!("Twilio is calling {}: enter {code} when asked.", request.phone_number);
    }

    println!("\n== An invalid request: CallDelay 61");
    let invalid = CreateValidationRequest::new("+18001234567".parse::<PhoneNumber>()?).call_delay(61);
    println!("form body it would have: {}", invalid.to_form());
    match invalid.send(&client).await {
        Err(twilio_endpoint::Error::Validation(errors)) => println!("rejected before sending: {errors}"),
        other => return Err(format!("expected a validation error, got {other:?}").into()),
    }
    // Sent past the client, as another program might: the mock refuses it as Twilio would.
    let response = reqwest::Client::new()
        .post(format!(
            "{}/2010-04-01/Accounts/{}/OutgoingCallerIds.json",
            twilio.base_url(),
            MockTwilio::ACCOUNT_SID
        ))
        .basic_auth(MockTwilio::ACCOUNT_SID.as_str(), Some(MockTwilio::AUTH_TOKEN))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(invalid.to_form())
        .send()
        .await?;
    println!("sent past the client: {} {}", response.status(), response.text().await?);
    println!("requests the mock accepted: {}", twilio.requests::<CreateValidationRequest>().len());
    println!("requests the mock refused: {}", twilio.refused().len());
    Ok(())
}
