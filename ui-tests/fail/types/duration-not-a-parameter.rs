use std::time::Duration;

use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub timeout: Option<Duration>,
}

fn main() {}
