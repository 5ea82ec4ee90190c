use twilio_endpoint::Params;

#[derive(Debug, Params)]
#[twilio(crate = twilio_endpoint)]
pub struct Callbacks {
    pub status_callback: Option<String>,
}

fn main() {}
