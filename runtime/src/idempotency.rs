//! Idempotency keys: one value sent with every attempt of a request, so that a server that
//! deduplicates on it can recognise a resent request.

use std::fmt;
use std::str::FromStr;

use reqwest::header::{HeaderName, HeaderValue};

use crate::client::Client;
use crate::endpoint::{Endpoint, send_with};
use crate::error::Error;
use crate::validate::{Rule, ValidationErrors, Violation};

/// The header Twilio uses for idempotency tokens.
pub(crate) const IDEMPOTENCY_HEADER: HeaderName = HeaderName::from_static("i-twilio-idempotency-token");
const KEY_NAME: &str = "I-Twilio-Idempotency-Token";
const MAX_LEN: usize = 255;

/// A key sent as the `I-Twilio-Idempotency-Token` header, the same on every attempt of a request.
///
/// It is checked when made: 1 to 255 visible ASCII characters, so that a CR, LF or NUL can never
/// split or cut the header.
///
/// ```
/// use twilio_endpoint_runtime::IdempotencyKey;
///
/// let key: IdempotencyKey = "order-1234-confirmation".parse().unwrap();
/// assert_eq!(key.as_str(), "order-1234-confirmation");
/// let error = "order\r\nX-Evil: 1".parse::<IdempotencyKey>().unwrap_err();
/// assert!(error.to_string().starts_with("invalid request: I-Twilio-Idempotency-Token: must be"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdempotencyKey {
    value: HeaderValue,
}

impl IdempotencyKey {
    /// The key, or [`Error::Validation`] naming `I-Twilio-Idempotency-Token` when it is empty, longer
    /// than 255 characters or holds anything but visible ASCII.
    pub fn new(key: &str) -> Result<Self, Error> {
        let valid = !key.is_empty() && key.len() <= MAX_LEN && key.bytes().all(|b| b.is_ascii_graphic());
        let value = HeaderValue::from_str(key).ok().filter(|_| valid).ok_or_else(|| {
            let mut errors = ValidationErrors::default();
            let rule = Rule::Custom(
                format!("must be 1 to {MAX_LEN} visible ASCII characters, without spaces, CR, LF or NUL")
                    .into(),
            );
            let shown: String = key.chars().take(40).collect();
            errors.push(Violation::new(KEY_NAME, rule, Some(format!("{shown:?}"))));
            Error::Validation(errors)
        })?;
        Ok(Self { value })
    }

    /// The key as sent.
    pub fn as_str(&self) -> &str {
        // Only visible ASCII was accepted, so the value is always text.
        self.value.to_str().unwrap_or_default()
    }

    pub(crate) fn header_value(&self) -> HeaderValue {
        self.value.clone()
    }
}

impl FromStr for IdempotencyKey {
    type Err = Error;

    fn from_str(key: &str) -> Result<Self, Error> {
        Self::new(key)
    }
}

impl fmt::Debug for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("IdempotencyKey").field(&self.as_str()).finish()
    }
}

impl fmt::Display for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Client {
    /// Like [`send`](Client::send), with `key` as the `I-Twilio-Idempotency-Token` header of every
    /// attempt, so that a retried request carries the same key as the first.
    ///
    /// The retry rules are the same: a `POST` whose outcome is unknown is still not resent, since
    /// the key only helps where the server deduplicates on it.
    ///
    /// # Errors
    /// As for [`send`](Client::send).
    pub async fn send_with_idempotency_key<E: Endpoint>(
        &self,
        request: &E,
        key: &IdempotencyKey,
    ) -> Result<E::Response, Error> {
        send_with(self, request, Some(key)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_could_split_or_cut_the_header_are_refused() {
        for bad in ["", "a\rb", "a\nb", "a\0b", "a b", "é", "\t", &"k".repeat(256)] {
            let error = IdempotencyKey::new(bad).unwrap_err();
            assert!(matches!(error, Error::Validation(_)), "{bad:?}");
        }
        assert_eq!(IdempotencyKey::new(&"k".repeat(255)).unwrap().as_str().len(), 255);
    }
}
