use twilio_endpoint::api::v2010::{CreateMessage, MessageAddress};

// A message needs `From`, `MessagingServiceSid` or both: without a sender it does not compile.
fn main() {
    let to: MessageAddress = "+15558675310".parse().unwrap();
    let _ = CreateMessage::new(to, "Hello");
}
