use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(post, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub to: String,
}

fn main() {}
