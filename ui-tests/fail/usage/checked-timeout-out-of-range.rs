use twilio_endpoint::api::v2010::CreateParticipant;
use twilio_endpoint::checked;

// A constant outside the documented bounds fails the build, naming the parameter and its range.
fn take(request: CreateParticipant) -> CreateParticipant {
    request.timeout(checked!(CreateParticipant::TIMEOUT, 700))
}

fn main() {}
