use twilio_endpoint::values::{AccountSid, CallSid};
use twilio_endpoint::{Client, twilio_endpoint};

// The one mistake is the optional `{Sid}`; `new(sid)`, as its user writes it, type-checks against the
// stubs (which take the sid, as the fixed declaration will), and the account stays a setter.
#[twilio_endpoint(GET, "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json")]
pub struct FetchCall {
    #[twilio(path)]
    pub account_sid: Option<AccountSid>,
    #[twilio(path = "Sid")]
    pub call: Option<CallSid>,
}

fn preview(client: &Client, sid: CallSid, account: AccountSid) {
    let request = FetchCall::new(sid).account_sid(account);
    let _ = request.preview(client);
}

fn main() {
    let _ = preview;
}
