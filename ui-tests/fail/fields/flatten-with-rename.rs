use twilio_endpoint::twilio_endpoint;

pub struct Recording {
    pub record: Option<bool>,
}

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    pub to: String,
    #[twilio(flatten, rename = "Recording")]
    pub recording: Recording,
}

fn main() {}
