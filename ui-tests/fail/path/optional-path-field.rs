use twilio_endpoint::twilio_endpoint;
use twilio_endpoint::values::CallSid;

// Every request's path holds the call; only the account may be left to the client.
#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json")]
pub struct FetchCall {
    #[twilio(path)]
    pub sid: Option<CallSid>,
}

fn main() {}
