use twilio_endpoint::api::v2010::{CallInstructions, CreateCall};

// An address is parsed, and so checked, before it reaches a request: the error says how,
// `.parse::<Address>()?`, rather than that `From<&str>` is not implemented.
fn call(instructions: CallInstructions) -> CreateCall {
    CreateCall::new("+15558675310", "+15017122661", instructions)
}

fn main() {}
