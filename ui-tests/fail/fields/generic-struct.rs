use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct ListCalls<T> {
    pub page_size: Option<T>,
}

fn main() {}
