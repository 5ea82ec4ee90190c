use twilio_endpoint::values::Url;
use twilio_endpoint::{Params, twilio_endpoint};

#[derive(Debug, Params)]
pub enum Instructions {
    Url(Url),
    #[twilio(with(Twiml = "<Response/>"))]
    Silent,
}

#[derive(Debug, Params)]
pub struct Fallback {
    #[twilio(rename = "Url")]
    pub fallback: Url,
}

// Both groups send `Url`: the one through a variant, the other through a renamed field.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub to: String,
    #[twilio(flatten)]
    pub instructions: Instructions,
    #[twilio(flatten)]
    pub fallback: Fallback,
}

fn main() {}
