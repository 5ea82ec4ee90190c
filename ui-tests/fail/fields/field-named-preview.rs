use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct ListCalls {
    pub preview: Option<bool>,
    pub extra_param: Option<String>,
}

fn main() {}
