use std::collections::HashMap;

use twilio_endpoint::Webhook;

#[derive(Webhook)]
pub struct CallStatus {
    pub call_status: String,
    #[twilio(other)]
    pub extra: HashMap<String, String>,
}

fn main() {}
