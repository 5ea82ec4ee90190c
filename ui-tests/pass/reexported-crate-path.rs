//! An endpoint and a group that reach the runtime through a re-export, as a crate that wraps this one
//! would write them.

mod wrapper {
    pub use twilio_endpoint::*;
}

#[derive(Debug, wrapper::Params)]
#[twilio(crate = crate::wrapper)]
pub enum Target {
    Url(wrapper::values::Url),
    #[twilio(with(Direct = true))]
    Direct,
}

#[derive(Debug, wrapper::Params)]
#[twilio(crate = crate::wrapper)]
pub struct Extra {
    #[twilio(range = 1..=3)]
    pub level: Option<u8>,
    #[twilio(flatten)]
    pub target: Option<Target>,
}

#[wrapper::twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Things.json", crate = crate::wrapper)]
pub struct CreateThing {
    pub to: String,
    #[twilio(flatten)]
    pub extra: Extra,
}

fn main() {
    let request = CreateThing::new("x", Extra { level: Some(2), target: Some(Target::Direct) });
    assert_eq!(request.to_form(), "To=x&Level=2&Direct=true");
}
