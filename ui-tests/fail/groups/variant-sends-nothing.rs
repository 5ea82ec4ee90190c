use twilio_endpoint::Params;
use twilio_endpoint::values::Url;

// `Off` would send no parameter at all; give it a constant such as `with(Coaching = false)`.
#[derive(Params)]
pub enum Instructions {
    Url(Url),
    Off,
}

fn main() {}
