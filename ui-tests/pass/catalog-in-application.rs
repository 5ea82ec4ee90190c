//! The catalog used from application code: builder, validation and the exact body.

use twilio_endpoint::api::v2010::{Beep, CallEvent, Coaching, CreateParticipant};
use twilio_endpoint::checked;
use twilio_endpoint::values::{Address, CallSid, ConferenceRef};

fn main() {
    let request = CreateParticipant::new(
        "MyRoom".parse::<ConferenceRef>().unwrap(),
        "+15017122661".parse::<Address>().unwrap(),
        "+15558675310".parse::<Address>().unwrap(),
    )
    .timeout(checked!(CreateParticipant::TIMEOUT, 30))
    .beep(Beep::OnEnter)
    .status_callback_event([CallEvent::Ringing, CallEvent::Answered])
    .coaching(Coaching::CallSidToCoach(CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));
    request.validate().unwrap();
    assert_eq!(
        request.to_form(),
        "From=%2B15017122661&To=%2B15558675310&StatusCallbackEvent=ringing&StatusCallbackEvent=answered\
         &Timeout=30&Beep=onEnter&CallSidToCoach=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    );
}
