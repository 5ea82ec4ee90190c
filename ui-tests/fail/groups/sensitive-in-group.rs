use twilio_endpoint::Params;

// A group's `Debug` is its own, so the attribute could not hide the secret.
#[derive(Debug, Params)]
pub struct Sip {
    pub sip_auth_username: Option<String>,
    #[twilio(sensitive)]
    pub sip_auth_password: Option<String>,
}

fn main() {}
