use twilio_endpoint::values::CallSid;
use twilio_endpoint::{DecodeRequest, twilio_endpoint};

// The unknown option is the only error: the request is still read back with `decode_request`, through
// the stubs of the broken declaration.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json")]
pub struct UpdateCall {
    #[twilio(path)]
    pub call_sid: CallSid,
    #[twilio(rnage = 1..=14400)]
    pub time_limit: Option<u32>,
}

fn main() {
    let request = UpdateCall::decode_request("/", b"TimeLimit=60").unwrap();
    let _: Option<u32> = request.time_limit;
}
