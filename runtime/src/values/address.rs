//! Phone numbers and the "endpoint" addresses of `From` and `To`: numbers, clients, SIP URIs, TwiML
//! apps and SIP user names, each kept exactly as written.

use std::str::FromStr;

use super::{ApplicationSid, InvalidValue};

/// E.164 allows at most 15 digits after the `+`; longer bare digit strings are no number either.
const MAX_DIGITS: usize = 15;

const PHONE_NUMBER: &str = "a phone number (E.164 such as `+14155550100`, or digits)";

fn is_phone_number(text: &str) -> bool {
    let (digits, e164) = match text.strip_prefix('+') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    (1..=MAX_DIGITS).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        // A country code never starts with 0; a national number or short code may.
        && !(e164 && digits.starts_with('0'))
}

/// A phone number: E.164 (`+` then 1 to 15 digits, the first not `0`) or bare digits, such as a short
/// code or the national number the OpenAPI description's own example sends (`4157663747`).
///
/// The text is kept and sent exactly as written.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for PhoneNumber {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        if is_phone_number(text) {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidValue::new(PHONE_NUMBER, text))
        }
    }
}

/// What kind of address an [`Address`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AddressKind {
    /// A phone number, E.164 or bare digits.
    PhoneNumber,
    /// `client:NAME`, a Voice SDK client.
    Client,
    /// `sip:USER@HOST` or `sips:USER@HOST`.
    Sip,
    /// `app:AP…`, a TwiML application.
    App,
    /// A bare SIP user name, the `From` of a call to a SIP address.
    SipUsername,
}

/// A `From` or `To` address, in what Twilio's OpenAPI description calls the "endpoint" format.
///
/// One of: a [`PhoneNumber`]; `client:NAME`; `sip:USER@HOST` or `sips:USER@HOST`; `app:AP…` (a TwiML
/// application, by its SID); or a bare SIP user name (letters, digits, `.`, `_`, `-`), used as `From`
/// when `To` is a SIP address. A client, SIP or app address may carry custom parameters after `?`, as
/// in `client:alice?ticket=42&lang=fr`. The text is kept and sent exactly as written.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Address {
    text: String,
    kind: AddressKind,
}

impl Address {
    /// The address as written, parameters included.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// What kind of address this is.
    pub fn kind(&self) -> AddressKind {
        self.kind
    }

    /// Whether this is a phone number: when `To` is one, `From` must be one too.
    pub fn is_phone_number(&self) -> bool {
        self.kind == AddressKind::PhoneNumber
    }
}

const ADDRESS: &str =
    "an address (a phone number, `client:NAME`, `sip:USER@HOST`, `app:AP…` or a SIP user name)";

/// The kind of `text`, or what it should have been; `got` in the error is filled in by the caller.
fn classify(text: &str) -> Result<AddressKind, &'static str> {
    if text.is_empty() || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ADDRESS);
    }
    let (base, params) = match text.split_once('?') {
        Some((base, params)) => (base, Some(params)),
        None => (text, None),
    };
    let kind = if let Some(name) = base.strip_prefix("client:") {
        if name.is_empty() {
            return Err("a client name after `client:`");
        }
        AddressKind::Client
    } else if let Some(uri) = base.strip_prefix("sip:").or_else(|| base.strip_prefix("sips:")) {
        match uri.split_once('@') {
            Some((user, host)) if !user.is_empty() && !host.is_empty() => AddressKind::Sip,
            _ => return Err("a SIP address (`sip:USER@HOST`)"),
        }
    } else if let Some(sid) = base.strip_prefix("app:") {
        if sid.parse::<ApplicationSid>().is_err() {
            return Err("an application SID after `app:` (`AP` followed by 32 hex digits)");
        }
        AddressKind::App
    } else if is_phone_number(base) {
        AddressKind::PhoneNumber
    } else if base.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')) {
        AddressKind::SipUsername
    } else {
        return Err(ADDRESS);
    };
    if let Some(params) = params {
        if !matches!(kind, AddressKind::Client | AddressKind::Sip | AddressKind::App) {
            return Err("parameters after `?` only on a `client:`, `sip:` or `app:` address");
        }
        // `a=1&&b` or a trailing `&` would send a parameter without a name.
        if params.split('&').any(|param| param.is_empty() || param.starts_with('=')) {
            return Err("a parameter name after each `?` or `&`");
        }
    }
    Ok(kind)
}

impl FromStr for Address {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        match classify(text) {
            Ok(kind) => Ok(Self { text: text.to_owned(), kind }),
            Err(expected) => Err(InvalidValue::new(expected, text)),
        }
    }
}

impl From<PhoneNumber> for Address {
    fn from(number: PhoneNumber) -> Self {
        Self { text: number.0, kind: AddressKind::PhoneNumber }
    }
}

text_value!(PhoneNumber);
text_value!(Address);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encode::FormWriter;

    const APP: &str = "APa1b2c3d4e5f60718293a4b5c6d7e8f90";

    fn kind(text: &str) -> AddressKind {
        let address: Address = text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"));
        assert_eq!(address.to_string(), text, "the text must be kept as written");
        address.kind()
    }

    fn rejected(text: &str) -> String {
        match text.parse::<Address>() {
            Ok(address) => panic!("{text:?} should be rejected, got {address:?}"),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn phone_numbers_are_e164_or_digits() {
        for text in ["+14155550100", "+1", "+123456789012345", "4157663747", "12345", "07700900123"] {
            assert_eq!(text.parse::<PhoneNumber>().unwrap().as_str(), text);
        }
        for text in ["", "+", "+0123", "+1234567890123456", "1234567890123456", "+1 415", "hello", "+1-415"] {
            assert!(text.parse::<PhoneNumber>().is_err(), "{text:?} should be rejected");
        }
        assert_eq!(
            "hello".parse::<PhoneNumber>().unwrap_err().to_string(),
            "expected a phone number (E.164 such as `+14155550100`, or digits), got `hello`"
        );
    }

    #[test]
    fn accepts_every_endpoint_form() {
        assert_eq!(kind("+14155550100"), AddressKind::PhoneNumber);
        assert_eq!(kind("4157663747"), AddressKind::PhoneNumber);
        assert_eq!(kind("client:alice"), AddressKind::Client);
        assert_eq!(kind("sip:alice@example.sip.twilio.com"), AddressKind::Sip);
        assert_eq!(kind("sips:alice@example.com:5061;transport=tls"), AddressKind::Sip);
        assert_eq!(kind(&format!("app:{APP}")), AddressKind::App);
        assert_eq!(kind("alice.smith_2-b"), AddressKind::SipUsername);
        assert!("+14155550100".parse::<Address>().unwrap().is_phone_number());
        assert!(!"client:alice".parse::<Address>().unwrap().is_phone_number());
    }

    #[test]
    fn keeps_custom_parameters() {
        assert_eq!(kind("client:alice?ticket=42&lang=fr"), AddressKind::Client);
        assert_eq!(kind("sip:alice@example.com?X-Ticket=42"), AddressKind::Sip);
        assert_eq!(kind(&format!("app:{APP}?flag&x=")), AddressKind::App);
    }

    #[test]
    fn rejects_garbage() {
        assert!(rejected("").starts_with("expected an address (a phone number,"));
        for text in [" ", "client:al ice", "+14155550100 ", "client:a\tb", "sip:a@b\n", "hello!", "+1-415"] {
            rejected(text);
        }
        assert_eq!(rejected("client:"), "expected a client name after `client:`, got `client:`");
        assert_eq!(rejected("client:?x=1"), "expected a client name after `client:`, got `client:?x=1`");
        for text in ["sip:alice", "sip:@example.com", "sip:alice@", "sips:alice"] {
            assert!(rejected(text).starts_with("expected a SIP address (`sip:USER@HOST`)"), "{text}");
        }
        for text in ["app:", "app:CAa1b2c3d4e5f60718293a4b5c6d7e8f90", "app:APxx"] {
            assert!(rejected(text).starts_with("expected an application SID after `app:`"), "{text}");
        }
        for text in ["client:alice?", "client:alice?=1", "client:alice?a=1&", "client:alice?a=1&&b=2"] {
            assert!(rejected(text).starts_with("expected a parameter name after each `?` or `&`"), "{text}");
        }
        assert!(rejected("+14155550100?x=1").starts_with("expected parameters after `?` only on"));
        assert!(rejected("alice?x=1").starts_with("expected parameters after `?` only on"));
    }

    #[test]
    fn a_phone_number_is_an_address() {
        let address = Address::from("+14155550100".parse::<PhoneNumber>().unwrap());
        assert!(address.is_phone_number());
        assert_eq!(address, "+14155550100".parse().unwrap());
    }

    #[test]
    fn sent_and_serialized_as_written() {
        let address: Address = "client:alice?ticket=42".parse().unwrap();
        let mut out = FormWriter::default();
        out.pair("To", &address);
        out.pair("From", &"+14155550100".parse::<PhoneNumber>().unwrap());
        assert_eq!(out.finish(), "To=client%3Aalice%3Fticket%3D42&From=%2B14155550100");

        let json = serde_json::to_string(&address).unwrap();
        assert_eq!(json, "\"client:alice?ticket=42\"");
        assert_eq!(serde_json::from_str::<Address>(&json).unwrap(), address);
        assert!(serde_json::from_str::<Address>("\"client:\"").is_err());
        assert_eq!(format!("{address:?}"), "Address(\"client:alice?ticket=42\")");
    }
}
