use twilio_endpoint::twilio_endpoint;
use twilio_endpoint::values::CallSid;

// The macro sees the alias, not the `Option` behind it; the compiler's error still says that a path
// parameter is required, once.
pub type MaybeCall = Option<CallSid>;

#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json")]
pub struct FetchCall {
    #[twilio(path = "Sid")]
    pub call: MaybeCall,
}

fn main() {}
