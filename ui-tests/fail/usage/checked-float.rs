use twilio_endpoint::api::v2010::CreateParticipant;
use twilio_endpoint::checked;

// A fraction is not converted to 30.
fn take(request: CreateParticipant) -> CreateParticipant {
    request.timeout(checked!(CreateParticipant::TIMEOUT, 30.7))
}

fn main() {}
