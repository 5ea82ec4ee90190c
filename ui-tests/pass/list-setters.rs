//! What a list setter takes: an array, a `Vec`, an iterator, and `[]` (whose items are inferred).

use twilio_endpoint::api::v2010::{CallEvent, CreateParticipant};
use twilio_endpoint::values::{Address, ConferenceRef};

fn participant() -> CreateParticipant {
    CreateParticipant::new(
        "MyRoom".parse::<ConferenceRef>().unwrap(),
        "+15017122661".parse::<Address>().unwrap(),
        "+15558675310".parse::<Address>().unwrap(),
    )
}

fn main() {
    let events = ["initiated", "answered"].map(|event| event.parse::<CallEvent>().unwrap());
    let form = participant().status_callback_event(events).to_form();
    assert!(form.ends_with("&StatusCallbackEvent=initiated&StatusCallbackEvent=answered"), "{form}");
    let form = participant().status_callback_event(vec![CallEvent::Ringing]).to_form();
    assert!(form.ends_with("&StatusCallbackEvent=ringing"), "{form}");
    let form = participant().status_callback_event(CallEvent::ALL.iter().copied().take(1)).to_form();
    assert!(form.ends_with("&StatusCallbackEvent=initiated"), "{form}");
    assert!(!participant().status_callback_event([]).to_form().contains("StatusCallbackEvent"));
}
