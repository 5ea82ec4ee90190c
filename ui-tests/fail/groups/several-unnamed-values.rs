use twilio_endpoint::Params;
use twilio_endpoint::values::{CallbackMethod, Url};

// Which value is `Url` and which `Method`? Unnamed values get their key from the variant's name.
#[derive(Params)]
pub enum Instructions {
    Url(Url, CallbackMethod),
}

fn main() {}
