use twilio_endpoint::Webhook;

pub struct Caller {
    pub name: String,
}

#[derive(Webhook)]
pub struct IncomingCall {
    pub caller: Caller,
}

fn main() {}
