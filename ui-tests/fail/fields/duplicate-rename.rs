use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    #[twilio(rename = "Url")]
    pub twiml_url: Option<String>,
    #[twilio(rename = "Url")]
    pub fallback_url: Option<String>,
}

fn main() {}
