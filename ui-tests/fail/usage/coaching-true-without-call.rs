use twilio_endpoint::api::v2010::{Coaching, CreateParticipant};

// `Coaching=true` needs `CallSidToCoach`: the variant that sends it cannot be built without one.
fn take(request: CreateParticipant) -> CreateParticipant {
    request.coaching(Coaching::Coach {})
}

fn main() {}
