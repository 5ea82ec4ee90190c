use twilio_endpoint::api::v2010::CreateParticipant;

// A list of enum values given as text: the error says to make each item a `CallEvent`, rather than
// that `<[&str; 2] as IntoIterator>::Item == CallEvent` does not hold.
fn take(request: CreateParticipant) -> CreateParticipant {
    request.status_callback_event(["initiated", "ringing"])
}

fn main() {
    let _ = take;
}
