use twilio_endpoint::api::v2010::{ConferenceEvent, CreateParticipant};

// `StatusCallbackEvent` lists call events; `join` belongs to `ConferenceStatusCallbackEvent`.
fn take(request: CreateParticipant) -> CreateParticipant {
    request.status_callback_event([ConferenceEvent::Join])
}

fn main() {}
