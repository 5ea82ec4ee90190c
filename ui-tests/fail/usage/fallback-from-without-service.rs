use twilio_endpoint::api::v2010::{MessageAddress, MessageSender};

// `FallbackFrom` only exists with a messaging service; a plain `From` sender has no place for it.
fn main() {
    let from: MessageAddress = "+15017122661".parse().unwrap();
    let _ = MessageSender::From { from, fallback_from: None };
}
