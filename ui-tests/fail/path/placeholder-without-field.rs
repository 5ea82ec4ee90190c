use twilio_endpoint::twilio_endpoint;

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json")]
pub struct ListParticipants {
    pub muted: Option<bool>,
}

fn main() {}
