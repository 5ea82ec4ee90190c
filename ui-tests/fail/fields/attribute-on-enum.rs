use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub enum ListCalls {
    All,
    Page { page_size: u32 },
}

fn main() {}
