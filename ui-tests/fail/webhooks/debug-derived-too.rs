use twilio_endpoint::Webhook;

// `#[derive(Webhook)]` writes the `Debug` that hides `sensitive` fields; a second one conflicts.
#[derive(Debug, Webhook)]
pub struct GatherResult {
    #[twilio(sensitive)]
    pub digits: String,
}

fn main() {}
