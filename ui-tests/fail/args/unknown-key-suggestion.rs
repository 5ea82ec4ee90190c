use twilio_endpoint::twilio_endpoint;

pub struct Call;

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json", respnse = Call)]
pub struct FetchCall {
    #[twilio(path)]
    pub sid: String,
}

fn main() {}
