//! Typed Twilio values: SIDs, addresses, URLs, HTTP methods and wire enums, each checked when it is built.
//!
//! A value is parsed once, with [`FromStr`](std::str::FromStr) or serde, and from then on it is known to
//! have the shape Twilio expects; what it sends is the text it was given, unchanged.

/// Implements Display, Debug, FormValue and serde (as a string) for a type whose value is the text its
/// `as_str()` returns and that parses with `FromStr`.
macro_rules! text_value {
    // A value whose every byte parsing proved literal (a SID: letters and digits) is copied, not
    // escaped byte by byte.
    (@write literal $out:ident, $text:expr) => {
        $out.literal($text)
    };
    (@write $out:ident, $text:expr) => {
        $out.text($text)
    };
    ($name:ident $(, $literal:ident)?) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.as_str()).finish()
            }
        }

        impl $crate::encode::FormValue for $name {
            fn write_value(&self, out: &mut $crate::encode::ValueWriter<'_>) {
                text_value!(@write $($literal)? out, self.as_str());
            }

            fn size_hint(&self) -> usize {
                self.as_str().len()
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::values::deserialize_from_str(deserializer)
            }
        }
    };
}

mod address;
mod enums;
mod into_value;
mod method;
mod sid;
mod url;

use std::borrow::Cow;
use std::fmt::{self, Write as _};

#[doc(hidden)]
pub use address::written_for_people as __phone_number_written_for_people;
pub use address::{Address, AddressKind, AddressRole, PhoneNumber, check_call_addresses};
#[doc(hidden)]
pub use enums::support as __wire_enum;
// Every typed value deserializes through its `FromStr`, so that decoding checks what parsing checks.
use enums::support::deserialize as deserialize_from_str;
pub use into_value::{IntoValue, IntoValues};
pub use method::CallbackMethod;
pub use sid::{
    AccountSid, ApiKeySid, ApplicationSid, ByocTrunkSid, CallSid, ConferenceRef, ConferenceSid, ContentSid,
    MessageSid, MessagingServiceSid, PhoneNumberSid, QueueSid, RecordingSid,
};
pub use url::{OrEmpty, Url};

/// Inputs longer than this many characters are cut in error messages, so that a stray request body
/// pasted into a field does not flood a log.
const MAX_SHOWN_CHARS: usize = 64;

/// A text that is not a valid value of the type it was parsed as.
///
/// Its message names what was expected and what was given, e.g. ``expected a call SID (`CA` followed by
/// 32 hex digits), got `CFxx` ``.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidValue {
    expected: Cow<'static, str>,
    got: String,
}

impl InvalidValue {
    /// A value that should have been `expected` (a phrase such as "a call SID") but was `got`; inputs
    /// longer than 64 characters are kept cut, with `…` at the end.
    pub fn new(expected: impl Into<Cow<'static, str>>, got: &str) -> Self {
        let got = match got.char_indices().nth(MAX_SHOWN_CHARS) {
            Some((cut, _)) => format!("{}…", &got[..cut]),
            None => got.to_owned(),
        };
        Self { expected: expected.into(), got }
    }

    /// What the value should have been, e.g. "a call SID (`CA` followed by 32 hex digits)".
    pub fn expected(&self) -> &str {
        &self.expected
    }

    /// The input, cut after 64 characters.
    pub fn got(&self) -> &str {
        &self.got
    }
}

impl fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}, got `", self.expected)?;
        // A newline or an escape sequence from the input would break the message over lines or
        // garble a terminal, so control characters are shown escaped.
        for c in self.got.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_char(c)?;
            }
        }
        f.write_char('`')
    }
}

impl std::error::Error for InvalidValue {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_what_was_expected_and_given() {
        let error = InvalidValue::new("a call SID (`CA` followed by 32 hex digits)", "CFxx");
        assert_eq!(error.to_string(), "expected a call SID (`CA` followed by 32 hex digits), got `CFxx`");
        assert_eq!(error.expected(), "a call SID (`CA` followed by 32 hex digits)");
        assert_eq!(error.got(), "CFxx");
    }

    #[test]
    fn long_inputs_are_cut_and_control_characters_escaped() {
        let long = "é".repeat(100);
        let error = InvalidValue::new("a name", &long);
        assert_eq!(error.got(), format!("{}…", "é".repeat(64)));
        assert_eq!(InvalidValue::new("a name", &"x".repeat(64)).got(), "x".repeat(64));

        let error = InvalidValue::new("a name", "a\r\nb\u{1b}[31m");
        assert_eq!(error.to_string(), "expected a name, got `a\\r\\nb\\u{1b}[31m`");
    }

    #[test]
    fn deserializing_reports_the_parse_error() {
        let error = serde_json::from_str::<CallSid>("\"CFxx\"").unwrap_err();
        assert!(
            error.to_string().starts_with("expected a call SID (`CA` followed by 32 hex digits), got `CFxx`"),
            "{error}"
        );
        let error = serde_json::from_str::<CallSid>("3").unwrap_err();
        assert!(error.to_string().contains("expected a string"), "{error}");
    }
}
