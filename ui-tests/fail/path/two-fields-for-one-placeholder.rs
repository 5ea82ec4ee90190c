use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json")]
pub struct FetchCall {
    #[twilio(path)]
    pub sid: String,
    #[twilio(path = "Sid")]
    pub call_sid: String,
}

fn main() {}
