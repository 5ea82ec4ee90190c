use twilio_endpoint::api::v2010::{MessageAddress, MessageSender};

// Choosing a messaging service means naming it: `MessagingServiceSid` cannot be left out.
fn main() {
    let from: MessageAddress = "+15017122661".parse().unwrap();
    let _ = MessageSender::MessagingService { from: Some(from), fallback_from: None };
}
