use twilio_endpoint::api::v2010::{Coaching, CreateParticipant};
use twilio_endpoint::values::CallSid;

// `Coaching=false` with a call to coach contradicts itself: `Off` carries no call.
fn take(request: CreateParticipant) -> CreateParticipant {
    request.coaching(Coaching::Off(CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")))
}

fn main() {}
