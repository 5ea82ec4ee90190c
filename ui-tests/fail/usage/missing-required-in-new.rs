use twilio_endpoint::api::v2010::CreateParticipant;
use twilio_endpoint::values::{Address, ConferenceRef};

// `To` is required: the constructor takes it, so leaving it out does not compile.
fn main() {
    let conference: ConferenceRef = "MyRoom".parse().unwrap();
    let from: Address = "+15017122661".parse().unwrap();
    let _ = CreateParticipant::new(conference, from);
}
