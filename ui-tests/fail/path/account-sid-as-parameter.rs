use twilio_endpoint::twilio_endpoint;
use twilio_endpoint::values::AccountSid;

// Without `#[twilio(path)]`, the account would go in the body while the path used the client's.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub account_sid: Option<AccountSid>,
    pub to: String,
}

fn main() {}
