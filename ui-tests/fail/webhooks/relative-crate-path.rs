use twilio_endpoint::Webhook;

#[derive(Webhook)]
#[twilio(crate = twilio_endpoint)]
pub struct CallStatus {
    pub call_status: String,
}

fn main() {}
