use twilio_endpoint::api::v2010::{CallInstructions, CreateCall};
use twilio_endpoint::values::Address;

// An enum parameter takes a variant (`Beep::OnEnter`, `MachineDetection::Enable`), not text: the error
// says so, rather than that `From<&str>` is not implemented.
fn take(request: CreateCall) -> CreateCall {
    request.machine_detection("Enable")
}

fn main() {
    let to: Address = "+15558675310".parse().unwrap();
    let from: Address = "+15017122661".parse().unwrap();
    let url = "https://example.com/twiml".parse::<twilio_endpoint::values::Url>().unwrap();
    let _ = take(CreateCall::new(to, from, CallInstructions::Url(url)));
}
