use twilio_endpoint::{Params, twilio_endpoint};

// Keys that escaping would send as no Twilio key: a pair written into the key, a line break, spaces.
#[derive(Debug, Params)]
pub struct Filters {
    #[twilio(rename = "Status\n")]
    pub status: Option<String>,
}

#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls.json")]
pub struct CreateCall {
    #[twilio(rename = "To=+15558675310")]
    pub to: String,
    #[twilio(rename = "Url&Method")]
    pub url: Option<String>,
    #[twilio(rename = "Timeout\r\nX-Injected: 1")]
    pub timeout: Option<u32>,
    #[twilio(rename = "  ")]
    pub record: Option<bool>,
    // The docs' `StartTime>=YYYY-MM-DD` is the key `StartTime>` with its value.
    #[twilio(rename = "StartTime>=")]
    pub start_time_after: Option<String>,
    #[twilio(flatten)]
    pub filters: Filters,
}

fn main() {}
