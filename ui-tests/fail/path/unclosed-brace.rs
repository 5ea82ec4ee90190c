use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid.json")]
pub struct FetchCall {
    #[twilio(path)]
    pub sid: String,
}

fn main() {}
