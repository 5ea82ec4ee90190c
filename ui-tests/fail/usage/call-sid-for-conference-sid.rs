use twilio_endpoint::api::v2010::CreateParticipant;
use twilio_endpoint::values::{Address, CallSid};

// A call SID is not a conference: `ConferenceSid` takes a conference SID or a friendly name.
fn main() {
    let call = CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let from: Address = "+15017122661".parse().unwrap();
    let to: Address = "+15558675310".parse().unwrap();
    let _ = CreateParticipant::new(call, from, to);
}
