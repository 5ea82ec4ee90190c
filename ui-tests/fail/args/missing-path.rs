use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(GET)]
pub struct ListCalls {}

fn main() {}
