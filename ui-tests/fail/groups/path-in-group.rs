use twilio_endpoint::Params;
use twilio_endpoint::values::CallSid;

// A group holds form or query parameters; path placeholders belong to the endpoint.
#[derive(Params)]
pub struct Target {
    #[twilio(path)]
    pub call_sid: CallSid,
}

fn main() {}
