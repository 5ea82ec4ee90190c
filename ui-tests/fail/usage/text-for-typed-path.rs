use twilio_endpoint::api::v2010::CreateParticipant;

// Path fields are checked values: a `String` cannot be given where a conference is expected.
fn main() {
    let _ = CreateParticipant::new(String::from("MyRoom"), "+1", "+2");
}
