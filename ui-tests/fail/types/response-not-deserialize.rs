use twilio_endpoint::twilio_endpoint;

pub struct Call {
    pub sid: String,
}

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json", response = Call)]
pub struct FetchCall {
    #[twilio(path)]
    pub sid: String,
}

fn main() {}
