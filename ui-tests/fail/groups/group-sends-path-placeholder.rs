use twilio_endpoint::values::{AccountSid, ConferenceSid, Url};
use twilio_endpoint::{Params, twilio_endpoint};

#[derive(Debug, Params)]
pub struct Owner {
    pub account_sid: Option<AccountSid>,
    pub status_callback: Option<Url>,
}

#[derive(Debug, Params)]
pub struct Target {
    pub conference_sid: ConferenceSid,
}

#[derive(Debug, Params)]
pub struct Moved {
    #[twilio(flatten)]
    pub target: Target,
}

// The group's `AccountSid` would go in the body while the path holds the client's account: a
// subaccount's request would run against the parent account.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Things.json")]
pub struct CreateThing {
    pub friendly_name: String,
    #[twilio(flatten)]
    pub owner: Owner,
}

// Through a nested group and an `Option`, beside the path field that fills `{ConferenceSid}`.
#[twilio_endpoint(POST, "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}.json")]
pub struct UpdateConference {
    #[twilio(path)]
    pub conference_sid: ConferenceSid,
    #[twilio(flatten)]
    pub moved: Option<Moved>,
}

fn main() {}
