use twilio_endpoint::twilio_endpoint;

// A `u8` cannot hold 600: the range must fit the field's type.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    #[twilio(range = 0..=600)]
    pub timeout: Option<u8>,
}

fn main() {}
