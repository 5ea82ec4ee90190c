use twilio_endpoint::twilio_endpoint;

pub struct Caller {
    pub name: String,
}

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub caller: Caller,
}

fn main() {}
