use twilio_endpoint::api::v2010::CreateParticipant;

// The setter takes a `Beep`, not free text: a typo cannot reach Twilio.
fn take(request: CreateParticipant) -> CreateParticipant {
    request.beep("onenter")
}

fn main() {}
