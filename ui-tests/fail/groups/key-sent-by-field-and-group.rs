use twilio_endpoint::values::{CallbackMethod, Url};
use twilio_endpoint::{Params, twilio_endpoint};

#[derive(Debug, Params)]
pub struct Callbacks {
    pub status_callback: Url,
    pub status_callback_method: Option<CallbackMethod>,
}

// `StatusCallback` would be sent by the field and again by the group.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub to: String,
    pub status_callback: Option<Url>,
    #[twilio(flatten)]
    pub callbacks: Option<Callbacks>,
}

fn main() {}
