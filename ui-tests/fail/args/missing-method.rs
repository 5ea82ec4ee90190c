use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint("/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct ListCalls {}

fn main() {}
