use twilio_endpoint::api::v2010::CreateParticipant;
use twilio_endpoint::checked;

// `Timeout` is a `u32`; the checked value is a `u32`, never truncated into a `u8` (600 would be 88).
fn main() {
    let timeout: u8 = checked!(CreateParticipant::TIMEOUT, 600);
    let _ = timeout;
}
