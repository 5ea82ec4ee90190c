use twilio_endpoint::Params;

// The group reaches the runtime through its `crate = ...`: a path that does not resolve shows it is
// the one used.
#[derive(Debug, Params)]
#[twilio(crate = ::not_the_runtime)]
pub struct Callbacks {
    pub status_callback: Option<String>,
}

fn main() {}
