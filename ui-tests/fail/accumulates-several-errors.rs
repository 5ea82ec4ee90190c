use twilio_endpoint::twilio_endpoint;

// Five independent mistakes, all reported by one compile.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}/Recordings.json")]
pub struct CreateRecording {
    #[twilio(path)]
    pub call_sid: String,
    #[twilio(range = 600..=5)]
    pub timeout: Option<u32>,
    #[twilio(rnage = 1..=14400)]
    pub time_limit: Option<u32>,
    #[twilio(rename = "")]
    pub trim: Option<String>,
    pub send: Option<bool>,
}

fn main() {}
