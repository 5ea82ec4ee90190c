use twilio_endpoint::Params;

// A choice with no variant cannot be made.
#[derive(Params)]
pub enum Instructions {}

fn main() {}
