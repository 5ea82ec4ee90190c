use twilio_endpoint::{OtherParams, Webhook};

#[derive(Webhook)]
pub struct CallStatus {
    pub call_status: String,
    #[twilio(other, rename = "Extra")]
    pub extra: OtherParams,
}

fn main() {}
