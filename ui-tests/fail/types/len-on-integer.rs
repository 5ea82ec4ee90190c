use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    #[twilio(len = 1..=3)]
    pub timeout: u32,
}

fn main() {}
