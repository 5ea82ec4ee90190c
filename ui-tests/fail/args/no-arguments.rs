use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint]
pub struct ListCalls {}

fn main() {}
