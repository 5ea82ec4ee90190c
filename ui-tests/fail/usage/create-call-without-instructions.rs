use twilio_endpoint::api::v2010::CreateCall;
use twilio_endpoint::values::Address;

// A call needs exactly one of `Url`, `Twiml` and `ApplicationSid`: leaving all out does not compile.
fn main() {
    let to: Address = "+15558675310".parse().unwrap();
    let from: Address = "+15017122661".parse().unwrap();
    let _ = CreateCall::new(to, from);
}
