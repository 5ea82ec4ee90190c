use twilio_endpoint::Params;
use twilio_endpoint::values::Url;

#[derive(Debug, Params)]
pub struct Fallback {
    pub fallback_url: Url,
    #[twilio(rename = "Record")]
    pub record_fallback: Option<bool>,
}

// Inside a group too: the variant's constant sends `Record`, and so may the group it flattens.
#[derive(Debug, Params)]
pub enum Recording {
    #[twilio(with(Record = true))]
    WithFallback {
        #[twilio(flatten)]
        fallback: Fallback,
    },
}

fn main() {}
