use twilio_endpoint::twilio_endpoint;

pub struct CallRef {
    pub sid: String,
}

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json")]
pub struct FetchCall {
    #[twilio(path)]
    pub sid: CallRef,
}

fn main() {}
