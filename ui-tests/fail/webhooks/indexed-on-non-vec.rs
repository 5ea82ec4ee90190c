use twilio_endpoint::Webhook;
use twilio_endpoint::values::Url;

#[derive(Webhook)]
pub struct IncomingMessage {
    pub body: String,
    #[twilio(indexed, rename = "MediaUrl")]
    pub media_url: Option<Url>,
}

fn main() {}
