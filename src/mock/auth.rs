//! The accounts the mock knows and how a request proves it may act for one: HTTP Basic with an
//! account's SID and auth token, or with an API key's SID and secret.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use twilio_endpoint_runtime::values::{AccountSid, ApiKeySid};

use super::sids::{fresh_sid, hex32};
use super::twilio_error::TwilioError;

/// A subaccount the mock created for its account, with its own auth token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subaccount {
    sid: AccountSid,
    auth_token: String,
}

impl Subaccount {
    /// The subaccount's SID, which its requests' paths name (a request's `account_sid` field).
    pub fn sid(&self) -> AccountSid {
        self.sid
    }

    /// The subaccount's auth token.
    pub fn auth_token(&self) -> &str {
        &self.auth_token
    }
}

/// An API key the mock created for an account: its SID authenticates as the user name, its secret as
/// the password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiKey {
    sid: ApiKeySid,
    secret: String,
    account: AccountSid,
}

impl ApiKey {
    /// The key's SID (`SK…`).
    pub fn sid(&self) -> ApiKeySid {
        self.sid
    }

    /// The key's secret.
    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// The account the key acts for.
    pub fn account_sid(&self) -> AccountSid {
        self.account
    }
}

struct Account {
    sid: AccountSid,
    auth_token: String,
    /// The account that created this one; `None` for the mock's main account.
    parent: Option<AccountSid>,
}

/// Every account and API key the mock knows.
pub(crate) struct Credentials {
    accounts: Vec<Account>,
    keys: Vec<ApiKey>,
}

impl Credentials {
    /// The main account alone.
    pub(crate) fn new(sid: AccountSid, auth_token: &str) -> Credentials {
        Credentials {
            accounts: vec![Account { sid, auth_token: auth_token.to_owned(), parent: None }],
            keys: Vec::new(),
        }
    }

    /// A new subaccount of `parent`, with a fresh SID and token.
    pub(crate) fn create_subaccount(&mut self, parent: AccountSid) -> Subaccount {
        let sid = fresh_sid("AC");
        let auth_token = hex32();
        self.accounts.push(Account { sid, auth_token: auth_token.clone(), parent: Some(parent) });
        Subaccount { sid, auth_token }
    }

    /// A new API key of `account`, or `None` when the mock does not know the account.
    pub(crate) fn create_api_key(&mut self, account: AccountSid) -> Option<ApiKey> {
        self.account(&account)?;
        let key = ApiKey { sid: fresh_sid("SK"), secret: hex32(), account };
        self.keys.push(key.clone());
        Some(key)
    }

    /// The auth token of `account`, which signs the callbacks sent for its resources.
    pub(crate) fn auth_token(&self, account: &AccountSid) -> Option<&str> {
        self.account(account).map(|account| account.auth_token.as_str())
    }

    fn account(&self, sid: &AccountSid) -> Option<&Account> {
        self.accounts.iter().find(|account| account.sid == *sid)
    }

    /// The account an `Authorization` header authenticates, or Twilio's 401.
    pub(crate) fn authenticate(&self, authorization: Option<&str>) -> Result<AccountSid, TwilioError> {
        let (user, password) =
            authorization.and_then(basic_credentials).ok_or_else(TwilioError::authenticate)?;
        if let Ok(sid) = user.parse::<AccountSid>()
            && let Some(account) = self.account(&sid)
            && account.auth_token == password
        {
            return Ok(account.sid);
        }
        if let Ok(sid) = user.parse::<ApiKeySid>()
            && let Some(key) = self.keys.iter().find(|key| key.sid == sid)
            && key.secret == password
        {
            return Ok(key.account);
        }
        Err(TwilioError::authenticate())
    }

    /// Whether credentials of `authenticated` may act for `account`, the account of the path: its own,
    /// or one of its subaccounts. Any other account, known or not, gets the same 401 as wrong
    /// credentials: docs/api/errors/20003 lists subaccount credentials used for the main account among
    /// its causes, and a 404 would tell a caller which accounts exist.
    pub(crate) fn may_act_for(
        &self,
        authenticated: AccountSid,
        account: AccountSid,
    ) -> Result<(), TwilioError> {
        let allowed = account == authenticated
            || self.account(&account).is_some_and(|known| known.parent == Some(authenticated));
        if allowed { Ok(()) } else { Err(TwilioError::authenticate()) }
    }
}

/// The user name and password of a `Basic` authorization header.
fn basic_credentials(header: &str) -> Option<(String, String)> {
    let (scheme, encoded) = header.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (user, password) = decoded.split_once(':')?;
    Some((user.to_owned(), password.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAIN: AccountSid = AccountSid::from_static("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

    fn basic(user: &str, password: &str) -> String {
        format!("Basic {}", STANDARD.encode(format!("{user}:{password}")))
    }

    #[test]
    fn the_token_or_a_key_of_the_account_authenticates() {
        let mut credentials = Credentials::new(MAIN, "token");
        assert_eq!(credentials.authenticate(Some(&basic(MAIN.as_str(), "token"))), Ok(MAIN));
        assert!(credentials.authenticate(Some(&basic(MAIN.as_str(), "other"))).is_err());
        assert!(credentials.authenticate(Some("Bearer x")).is_err());
        assert!(credentials.authenticate(None).is_err());

        let key = credentials.create_api_key(MAIN).unwrap();
        assert_eq!(credentials.authenticate(Some(&basic(key.sid().as_str(), key.secret()))), Ok(MAIN));
        assert!(credentials.authenticate(Some(&basic(key.sid().as_str(), "token"))).is_err());
        let unknown = AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        assert!(credentials.create_api_key(unknown).is_none());
    }

    #[test]
    fn a_parent_acts_for_its_subaccounts_and_not_the_other_way() {
        let mut credentials = Credentials::new(MAIN, "token");
        let sub = credentials.create_subaccount(MAIN);
        let sibling = credentials.create_subaccount(MAIN);
        assert_eq!(
            credentials.authenticate(Some(&basic(sub.sid().as_str(), sub.auth_token()))),
            Ok(sub.sid())
        );
        assert!(credentials.may_act_for(MAIN, sub.sid()).is_ok());
        assert!(credentials.may_act_for(sub.sid(), sub.sid()).is_ok());
        assert!(credentials.may_act_for(sub.sid(), MAIN).is_err());
        assert!(credentials.may_act_for(sub.sid(), sibling.sid()).is_err());
        let unknown = AccountSid::from_static("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        assert!(credentials.may_act_for(MAIN, unknown).is_err());
    }
}
