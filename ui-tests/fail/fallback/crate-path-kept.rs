use twilio_endpoint::twilio_endpoint;

// With a mistake, the stubs still reach the runtime through `crate = ...`: the unresolved path shows
// it is used (and nothing else fails).
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json", crate = ::not_the_runtime)]
pub struct CreateCall {
    #[twilio(range = 5..)]
    pub timeout: Option<u32>,
}

fn main() {}
