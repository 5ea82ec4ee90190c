use twilio_endpoint::values::{CallbackMethod, Url};
use twilio_endpoint::{Params, twilio_endpoint};

#[derive(Debug, Params)]
pub struct Callback {
    pub status_callback: Url,
    pub status_callback_method: Option<CallbackMethod>,
}

// The same group twice sends each of its keys twice; the error tells the two fields apart.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub to: String,
    #[twilio(flatten)]
    pub primary: Callback,
    #[twilio(flatten)]
    pub secondary: Option<Callback>,
}

fn main() {}
