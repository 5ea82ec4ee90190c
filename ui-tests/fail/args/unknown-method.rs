use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(PATCH, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json")]
pub struct UpdateCall {
    #[twilio(path)]
    pub sid: String,
}

fn main() {}
