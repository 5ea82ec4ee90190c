use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub to: String,
    #[twilio(sensitive = true)]
    pub sip_auth_password: Option<String>,
}

fn main() {}
