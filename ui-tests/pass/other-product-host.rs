// An endpoint on another product's host, without an account in its path.
use twilio_endpoint::{Endpoint, twilio_endpoint};

#[twilio_endpoint(POST, "/v2/Services/{ServiceSid}/Verifications", host = "verify")]
pub struct CreateVerification {
    #[twilio(path)]
    pub service_sid: String,
    pub to: String,
    pub channel: String,
}

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Queues.json")]
pub struct ListQueue {}

fn main() {
    assert_eq!(<CreateVerification as Endpoint>::HOST, "verify");
    assert_eq!(<ListQueue as Endpoint>::HOST, "api");
}
