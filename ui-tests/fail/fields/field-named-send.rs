use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Messages.json")]
pub struct CreateMessage {
    pub to: String,
    pub send: Option<bool>,
}

fn main() {}
