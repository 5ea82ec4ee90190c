use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Recordings/{Year}.json")]
pub struct ListRecordings {
    #[twilio(path, range = 2008..=2100)]
    pub year: u32,
}

fn main() {}
