use twilio_endpoint::twilio_endpoint;
use twilio_endpoint::values::PhoneNumber;

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/OutgoingCallerIds.json")]
pub struct CreateValidationRequest {
    pub phone_number: PhoneNumber,
    #[twilio(range = 0..=60)]
    pub call_delay: Option<u32>,
}

// A struct literal must name every field: the required `PhoneNumber` cannot be left out.
fn main() {
    let _ = CreateValidationRequest { call_delay: Some(5) };
}
