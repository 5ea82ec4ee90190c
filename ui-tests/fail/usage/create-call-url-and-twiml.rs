use twilio_endpoint::api::v2010::CreateCall;
use twilio_endpoint::values::{Address, Url};

// `Url` and `Twiml` are alternatives: a call given a `Url` has no way to add `Twiml` as well.
fn main() {
    let to: Address = "+15558675310".parse().unwrap();
    let from: Address = "+15017122661".parse().unwrap();
    let url: Url = "https://example.com/twiml".parse().unwrap();
    let _ = CreateCall::new(to, from, url).twiml("<Response><Say>Hi</Say></Response>");
}
