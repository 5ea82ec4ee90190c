//! A user crate's endpoint with every option of the attribute once: path (by name and by
//! placeholder), rename (also with a filter operator), range, len, sensitive, flatten, validate_with,
//! response, crate, `cfg` and doc attributes on fields.

use twilio_endpoint::values::{AccountSid, CallSid, CallbackMethod, PhoneNumber, Url};
use twilio_endpoint::{Params, Rule, ValidationErrors, Violation, twilio_endpoint};

#[derive(Debug, serde::Deserialize)]
pub struct Thing {
    pub sid: Option<String>,
}

/// Either a URL with its method, or nothing but a fixed flag.
#[derive(Debug, Params)]
pub enum Target {
    #[twilio(with(Direct = true))]
    Direct,
    Hook {
        url: Url,
        method: Option<CallbackMethod>,
    },
}

#[derive(Debug, Params)]
pub struct Extra {
    #[twilio(range = 1..=3)]
    pub level: Option<u8>,
}

#[twilio_endpoint(
    POST,
    "/2010-04-01/Accounts/{AccountSid}/Things/{Sid}/Parts/{Part}.json",
    response = Thing,
    validate_with = check_thing,
    crate = ::twilio_endpoint,
)]
pub struct UpdateThing {
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    /// The call the thing belongs to.
    #[twilio(path = "Sid")]
    pub call: CallSid,
    #[twilio(path)]
    pub part: String,
    /// Who to tell.
    pub to: PhoneNumber,
    #[twilio(rename = "StartTime>")]
    pub after: Option<String>,
    #[twilio(range = 5..=600)]
    pub timeout: Option<u32>,
    #[twilio(len = 1..=10)]
    pub tags: Vec<String>,
    #[twilio(len = 2..=255, sensitive)]
    pub secret: Option<String>,
    #[twilio(flatten)]
    pub target: Target,
    #[twilio(flatten)]
    pub extra: Extra,
    #[cfg(any())]
    pub never: Option<String>,
}

fn check_thing(thing: &UpdateThing, errors: &mut ValidationErrors) {
    if thing.tags.is_empty() && thing.timeout.is_some() {
        errors.push(Violation::new("Tags", Rule::Custom("is required with `Timeout`".into()), None));
    }
}

#[twilio_endpoint(DELETE, "/2010-04-01/Accounts/{AccountSid}/Things/{Sid}.json", response = ())]
pub struct DeleteThing {
    #[twilio(path)]
    pub sid: String,
}

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Things.json")]
pub struct ListThings {}

fn main() {
    let request = UpdateThing::new(
        CallSid::from_static("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        "part 1",
        "+15558675310".parse::<PhoneNumber>().unwrap(),
        Target::Direct,
        Extra { level: Some(2) },
    )
    .timeout(30)
    .tags(["a".to_owned(), "b c".to_owned()])
    .secret("hunter2");
    assert_eq!(
        request.to_form(),
        "To=%2B15558675310&Timeout=30&Tags=a&Tags=b+c&Secret=hunter2&Direct=true&Level=2"
    );
    request.validate().unwrap();
    assert!(!format!("{request:?}").contains("hunter2"));
    assert_eq!(UpdateThing::TIMEOUT.max(), 600);
    assert_eq!(DeleteThing::new("x").to_form(), "");
    assert_eq!(ListThings::new().to_form(), "");
}
