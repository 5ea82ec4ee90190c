use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub status_callback: Option<String>,
    #[twilio(rename = "StatusCallback")]
    pub callback: Option<String>,
}

fn main() {}
