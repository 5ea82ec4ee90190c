use twilio_endpoint::Webhook;

#[derive(Webhook)]
pub enum Callback {
    Call { call_sid: String },
}

fn main() {
    // The stub keeps this line from adding an error of its own.
    let _ = Callback::from_form(b"");
}
