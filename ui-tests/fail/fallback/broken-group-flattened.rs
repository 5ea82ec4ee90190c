use twilio_endpoint::values::Url;
use twilio_endpoint::{Params, twilio_endpoint};

// The group's mistake is its only error: the endpoint that flattens it still compiles against the
// group's stubs.
#[derive(Debug, Params)]
pub struct Callbacks {
    #[twilio(path)]
    pub status_callback: Option<Url>,
}

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub to: String,
    #[twilio(flatten)]
    pub callbacks: Option<Callbacks>,
}

fn main() {
    let _ = CreateCall::new("+15558675310").callbacks(Callbacks { status_callback: None }).to_form();
}
