use twilio_endpoint::{OtherParams, Webhook};

#[derive(Webhook)]
pub struct CallStatus {
    pub call_status: String,
    #[twilio(other)]
    pub extra: OtherParams,
    #[twilio(other)]
    pub more: OtherParams,
}

fn main() {}
