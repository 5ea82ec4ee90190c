use twilio_endpoint::Webhook;

#[derive(Webhook)]
pub struct CallStatus {
    #[twilio(renam = "CallStatus")]
    pub status: String,
}

fn main() {}
