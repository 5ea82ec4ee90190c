use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls.json", crate = twilio_endpoint)]
pub struct ListCalls {}

fn main() {}
