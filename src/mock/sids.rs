//! Fresh identifiers: the SIDs of what the mock creates and the secrets of its credentials.

use std::fmt::Debug;
use std::str::FromStr;

/// 32 lowercase hex digits, the random part of a SID or a secret.
pub(crate) fn hex32() -> String {
    format!("{:032x}", fastrand::u128(..))
}

/// A fresh SID of type `T`: `prefix`, then 32 random lowercase hex digits, as Twilio writes them
/// (`fresh_sid::<CallSid>("CA")`).
pub(crate) fn fresh_sid<T: FromStr<Err: Debug>>(prefix: &str) -> T {
    let text = format!("{prefix}{}", hex32());
    // A two-letter prefix of the type and 32 hex digits is what every SID type accepts.
    text.parse().unwrap_or_else(|error| panic!("the fresh SID {text} does not parse: {error:?}"))
}
