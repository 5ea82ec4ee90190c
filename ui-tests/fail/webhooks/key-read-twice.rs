use twilio_endpoint::Webhook;
use twilio_endpoint::values::Url;

#[derive(Webhook)]
pub struct IncomingMessage {
    #[twilio(indexed, rename = "MediaUrl")]
    pub media: Vec<Url>,
    pub media_url0: Option<Url>,
    pub body: String,
    #[twilio(rename = "Body")]
    pub text: String,
}

fn main() {}
