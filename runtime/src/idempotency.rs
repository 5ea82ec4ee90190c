//! Idempotency keys: one value sent with every attempt of a request, so that a server that
//! deduplicates on it can recognise a resent request.

use std::fmt;
use std::str::FromStr;

use reqwest::header::{HeaderName, HeaderValue};

use crate::values::InvalidValue;

/// The header Twilio uses for idempotency tokens.
pub(crate) const IDEMPOTENCY_HEADER: HeaderName = HeaderName::from_static("i-twilio-idempotency-token");
const MAX_LEN: usize = 255;

/// A key sent as the `I-Twilio-Idempotency-Token` header, the same on every attempt of a request
/// ([`Client::send_with_idempotency_key`](crate::Client::send_with_idempotency_key)).
///
/// It is checked when made: 1 to 255 visible ASCII characters, so that a CR, LF or NUL can never
/// split or cut the header. A bad key is an [`InvalidValue`], as for every other value's `parse`.
///
/// ```
/// use twilio_endpoint_runtime::IdempotencyKey;
///
/// let key: IdempotencyKey = "order-1234-confirmation".parse().unwrap();
/// assert_eq!(key.as_str(), "order-1234-confirmation");
/// let error = "order\r\nX-Evil: 1".parse::<IdempotencyKey>().unwrap_err();
/// assert!(error.to_string().starts_with("expected an `I-Twilio-Idempotency-Token` of 1 to 255"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdempotencyKey {
    value: HeaderValue,
}

impl IdempotencyKey {
    /// The key, or an error naming `I-Twilio-Idempotency-Token` when it is empty, longer than 255
    /// characters or holds anything but visible ASCII. The same as `key.parse()`.
    pub fn new(key: &str) -> Result<Self, InvalidValue> {
        let valid = !key.is_empty() && key.len() <= MAX_LEN && key.bytes().all(|b| b.is_ascii_graphic());
        let value = HeaderValue::from_str(key).ok().filter(|_| valid).ok_or_else(|| {
            InvalidValue::new(
                "an `I-Twilio-Idempotency-Token` of 1 to 255 visible ASCII characters, without spaces, \
                 CR, LF or NUL",
                key,
            )
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
    type Err = InvalidValue;

    fn from_str(key: &str) -> Result<Self, InvalidValue> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_could_split_or_cut_the_header_are_refused() {
        for bad in ["", "a\rb", "a\nb", "a\0b", "a b", "é", "\t", &"k".repeat(256)] {
            let error = bad.parse::<IdempotencyKey>().unwrap_err();
            assert!(error.expected().contains("I-Twilio-Idempotency-Token"), "{bad:?}: {error}");
        }
        assert_eq!(IdempotencyKey::new(&"k".repeat(255)).unwrap().as_str().len(), 255);
        let error = "a\r\nb".parse::<IdempotencyKey>().unwrap_err();
        assert!(error.to_string().ends_with("got `a\\r\\nb`"), "{error}");
    }
}
