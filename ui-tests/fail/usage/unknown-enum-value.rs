use twilio_endpoint::api::v2010::{Beep, CreateParticipant};

// `Beep` is `true`, `false`, `onEnter` or `onExit`; there is no other value to write.
fn take(request: CreateParticipant) -> CreateParticipant {
    request.beep(Beep::Sometimes)
}

fn main() {}
