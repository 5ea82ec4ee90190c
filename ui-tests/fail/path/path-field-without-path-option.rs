use twilio_endpoint::twilio_endpoint;
use twilio_endpoint::values::CallSid;

// `sid` is meant to fill `{Sid}` but lacks `#[twilio(path)]`: one error, at the field, with the fix;
// not a second one saying that `{Sid}` has no field.
#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json")]
pub struct FetchCall {
    pub sid: CallSid,
}

fn main() {}
