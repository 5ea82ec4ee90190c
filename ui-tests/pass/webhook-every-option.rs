//! A payload with every option, reached through a re-export as a crate wrapping this one would write
//! it, used as an application uses one; the generated code adds no warning to a crate that denies them.

#![deny(warnings, unused_qualifications, unused_results, missing_debug_implementations)]

mod wrapper {
    pub use twilio_endpoint::*;
}

use wrapper::Webhook as _;
use wrapper::values::{CallSid, Url};

#[derive(Clone, PartialEq, wrapper::Webhook)]
#[twilio(crate = crate::wrapper)]
pub struct GatherResult {
    pub call_sid: CallSid,
    #[twilio(sensitive)]
    pub digits: Option<String>,
    #[twilio(rename = "SpeechResult")]
    pub speech: Option<String>,
    pub r#type: Option<String>,
    #[twilio(indexed, rename = "Attachment", sensitive)]
    pub attachments: Vec<Url>,
    #[cfg(any())]
    pub never: String,
    #[twilio(other)]
    pub rest: wrapper::OtherParams,
}

fn main() {
    let result = GatherResult::from_form(b"CallSid=CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&Type=dtmf&Digits=12").unwrap();
    assert_eq!(result.r#type.as_deref(), Some("dtmf"));
    assert!(!format!("{result:?}").contains("12"));
}
