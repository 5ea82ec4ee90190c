use twilio_endpoint::Webhook;

#[derive(Webhook)]
pub struct ConferenceCallback {
    #[twilio(range = 0..=100)]
    pub sequence_number: u64,
}

fn main() {}
