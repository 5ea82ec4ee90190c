//! What the generated operations created in the mock, by instance path: the data `generic.rs` serves
//! them from. Apart from that module so that the routes, which carry the store to a request, need
//! not import the module that makes routes.

use std::collections::BTreeMap;

use serde_json::Value;
use twilio_endpoint_runtime::values::AccountSid;

/// The resources the generated operations created, by instance path.
#[derive(Default)]
pub(crate) struct Store {
    pub(crate) resources: BTreeMap<String, Stored>,
    /// How many resources were created, the last one's creation number.
    pub(crate) created: u64,
}

/// One resource: its account, when it was made, where it was made, and its JSON.
pub(crate) struct Stored {
    pub(crate) account: AccountSid,
    /// The creation number, which orders lists and page tokens.
    pub(crate) created: u64,
    /// The collection the create was sent to (without `.json`), which lists it besides its parent.
    pub(crate) collection: String,
    pub(crate) json: Value,
}

impl Store {
    /// The resource at `path` when `account` owns it.
    pub(crate) fn get(&self, path: &str, account: &AccountSid) -> Option<&Stored> {
        self.resources.get(path).filter(|stored| stored.account == *account)
    }

    /// [`get`](Self::get), to change it.
    pub(crate) fn get_mut(&mut self, path: &str, account: &AccountSid) -> Option<&mut Stored> {
        self.resources.get_mut(path).filter(|stored| stored.account == *account)
    }
}
