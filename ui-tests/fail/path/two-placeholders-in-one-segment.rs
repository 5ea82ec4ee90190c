use twilio_endpoint::twilio_endpoint;
use twilio_endpoint::values::CallSid;

// A path sent to `/Calls/CA…abc.json` could not be split between `{Sid}` and `{Part}`, so the request
// could not be read back.
#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}{Part}.json")]
pub struct FetchCallPart {
    #[twilio(path)]
    pub sid: CallSid,
    #[twilio(path)]
    pub part: String,
}

fn main() {}
