use twilio_endpoint::{Params, twilio_endpoint};

// The type's syntax does not tell; the check reaches the integer behind the alias, also in a group.
pub type Seconds = i8;

#[derive(Debug, Params)]
pub struct Limits {
    #[twilio(range = -1..=14400)]
    pub time_limit: Option<Seconds>,
}

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    #[twilio(range = 5..=600)]
    pub timeout: Seconds,
    #[twilio(flatten)]
    pub limits: Limits,
}

fn main() {}
