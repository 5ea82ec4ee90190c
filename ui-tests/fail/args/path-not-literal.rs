use twilio_endpoint::twilio_endpoint;

const CALLS: &str = "/2010-04-01/Accounts/{AccountSid}/Calls.json";

#[twilio_endpoint(GET, CALLS)]
pub struct ListCalls {}

fn main() {}
