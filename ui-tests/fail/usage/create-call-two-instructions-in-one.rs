use twilio_endpoint::api::v2010::CallInstructions;
use twilio_endpoint::values::{ApplicationSid, Url};

// One choice carries one instruction: a URL choice cannot also hold an application.
fn main() {
    let url: Url = "https://example.com/twiml".parse().unwrap();
    let app = ApplicationSid::from_static("APaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    let _ = CallInstructions::Url(url, app);
}
