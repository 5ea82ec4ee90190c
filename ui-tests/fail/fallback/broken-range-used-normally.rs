use twilio_endpoint::values::CallSid;
use twilio_endpoint::{Client, Endpoint, ValidationErrors, checked, twilio_endpoint};

#[derive(Debug, serde::Deserialize)]
pub struct Call {
    pub sid: String,
}

// The one mistake is the inverted range; every ordinary use of the endpoint below type-checks against
// the stubs, so it is the only error.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json", response = Call)]
pub struct UpdateCall {
    #[twilio(path)]
    pub sid: CallSid,
    #[twilio(range = 600..=5)]
    pub timeout: Option<u32>,
    pub url: Option<String>,
    pub status_callback_event: Vec<String>,
}

fn generic<E: Endpoint>(_: &E) -> &'static str {
    E::PATH
}

async fn run(client: &Client, sid: CallSid) -> Result<String, twilio_endpoint::Error> {
    let request = UpdateCall::new(sid)
        .timeout(checked!(UpdateCall::TIMEOUT, 30))
        .url("https://example.com/twiml")
        .status_callback_event(["answered".to_owned()]);
    let _: Result<(), ValidationErrors> = request.validate();
    let _: String = request.to_form();
    let _ = generic(&request);
    let _ = format!("{request:?}");
    let _: u32 = UpdateCall::TIMEOUT.max() as u32;
    let call: Call = request.send(client).await?;
    let again: Call = client.send(&request).await?;
    Ok(call.sid + &again.sid)
}

fn main() {
    let _ = run;
}
