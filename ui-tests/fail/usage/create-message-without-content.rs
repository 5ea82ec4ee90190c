use twilio_endpoint::api::v2010::{CreateMessage, MessageAddress};

// A message needs at least one of `Body`, `MediaUrl` and `ContentSid`.
fn main() {
    let to: MessageAddress = "+15558675310".parse().unwrap();
    let from: MessageAddress = "+15017122661".parse().unwrap();
    let _ = CreateMessage::new(to, from);
}
