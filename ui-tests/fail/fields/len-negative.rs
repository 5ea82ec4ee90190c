use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    #[twilio(len = -1..=255)]
    pub caller_name: Option<String>,
}

fn main() {}
