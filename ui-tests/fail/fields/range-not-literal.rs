use twilio_endpoint::twilio_endpoint;

const MAX_TIMEOUT: i128 = 600;

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    #[twilio(range = 5..=MAX_TIMEOUT)]
    pub timeout: Option<u32>,
}

fn main() {}
