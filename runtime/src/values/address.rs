//! Phone numbers and the "endpoint" addresses of `From`, `To` and `CallerId`: numbers, clients, SIP
//! URIs, TwiML apps and SIP user names, each kept exactly as written, and the forms Twilio documents
//! for each of those roles.

use std::borrow::Cow;
use std::str::FromStr;

use super::{ApplicationSid, InvalidValue};
use crate::form::ValueWriter;
use crate::validate::{Rule, ValidationErrors, Violation};

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
            Err(written_for_people(text).unwrap_or_else(|| InvalidValue::new(PHONE_NUMBER, text)))
        }
    }
}

/// The error for `text` when it is a phone number written for people rather than in E.164
/// (`555-867-5309`, `+1 415 555 0100`, `1-800-FLOWERS`), saying how to write it; `None` for any other
/// text. What [`PhoneNumber`] and [`Address`] answer such a text with, for other parsers of addresses
/// (the catalog's message addresses) to answer the same.
#[doc(hidden)]
pub fn written_for_people(text: &str) -> Option<InvalidValue> {
    e164_advice(text).map(|expected| InvalidValue::new(expected, text))
}

/// Characters people write phone numbers with that E.164 leaves out.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '(' | ')')
}

/// What to write instead of `text` when it is a phone number written for people rather than in E.164:
/// `+1 415 555 0100`, `(415) 555-0100`, `555.867.5309`, `1-800-FLOWERS`.
///
/// The test keeps real SIP user names apart (letters, digits, `.`, `_`, `-`, such as `alice.smith`,
/// `agent-007` or `2nd-floor`): a text is taken for a phone number only when it is made of digits,
/// capital letters (a vanity number's) and the separators above, starts with a digit (after a `+` or
/// `(`), and has either a leading `+` or a separator with 7 to 15 digits and letters, as many as a
/// phone number has. A user name such as `555-867-5309` is taken for a number, by design; lower-case
/// letters (`1-800-flowers`) are not.
fn e164_advice(text: &str) -> Option<Cow<'static, str>> {
    let (rest, plus) = match text.strip_prefix('+') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    if !rest.trim_start_matches('(').starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (mut digits, mut letters, mut separators) = (0, 0, 0);
    for c in rest.chars() {
        match c {
            '0'..='9' => digits += 1,
            'A'..='Z' => letters += 1,
            c if is_separator(c) => separators += 1,
            _ => return None,
        }
    }
    let written_for_people = if plus {
        // `+` and digits alone is E.164, or no phone number at all: not a matter of writing.
        separators > 0 || letters > 0
    } else {
        separators > 0 && (7..=15).contains(&(digits + letters))
    };
    if !written_for_people {
        return None;
    }
    Some(if letters > 0 {
        "a phone number in E.164: `+` and the country code before the number, its letters written as \
         their keypad digits, without spaces or punctuation (`+18003569377`)"
            .into()
    } else if plus {
        let number: String = text.chars().filter(|c| !is_separator(*c)).collect();
        format!("a phone number in E.164, without spaces or punctuation: `{number}`").into()
    } else {
        "a phone number in E.164: `+` and the country code before the number, without spaces or \
         punctuation (`+14155550100`)"
            .into()
    })
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
    /// A bare SIP user name, the `From` or `CallerId` of a call to a SIP address.
    SipUsername,
    /// A SIP address without its scheme, `USER@HOST`: the form Create Call documents for `CallerId`.
    SipWithoutScheme,
}

/// A `From` or `To` address, in what Twilio's OpenAPI description calls the "endpoint" format.
///
/// One of: a [`PhoneNumber`]; `client:NAME`; `sip:USER@HOST` or `sips:USER@HOST`; `app:AP…` (a TwiML
/// application, by its SID); a bare SIP user name (letters, digits, `.`, `_`, `-`); or a SIP address
/// without its scheme, `USER@HOST`. A client, SIP or app address may carry custom parameters after `?`,
/// as in `client:alice?ticket=42&lang=fr`. The text is kept and sent exactly as written.
///
/// A phone number must be written in E.164 (`+15558675309`) or as bare digits: `555-867-5309`,
/// `(415) 555 0100` and `1-800-FLOWERS` are refused with an error that says so.
///
/// Not every form fits every parameter: Twilio documents `app:` only for `To`, a bare user name only
/// for `From` and `CallerId` of a call to a SIP address, and `USER@HOST` only for `CallerId`. Parsing
/// accepts them all; a request's `validate()` checks the roles, with [`check_call_addresses`].
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
fn classify(text: &str) -> Result<AddressKind, Cow<'static, str>> {
    if let Some(advice) = e164_advice(text) {
        return Err(advice);
    }
    if text.is_empty() || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ADDRESS.into());
    }
    let (base, params) = match text.split_once('?') {
        Some((base, params)) => (base, Some(params)),
        None => (text, None),
    };
    let kind = if let Some(name) = base.strip_prefix("client:") {
        if name.is_empty() {
            return Err("a client name after `client:`".into());
        }
        AddressKind::Client
    } else if let Some(uri) = base.strip_prefix("sip:").or_else(|| base.strip_prefix("sips:")) {
        match uri.split_once('@') {
            Some((user, host)) if !user.is_empty() && !host.is_empty() => AddressKind::Sip,
            _ => return Err("a SIP address (`sip:USER@HOST`)".into()),
        }
    } else if let Some(sid) = base.strip_prefix("app:") {
        if sid.parse::<ApplicationSid>().is_err() {
            return Err("an application SID after `app:` (`AP` followed by 32 hex digits)".into());
        }
        AddressKind::App
    } else if is_phone_number(base) {
        AddressKind::PhoneNumber
    } else if base.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')) {
        AddressKind::SipUsername
    } else if let Some((user, host)) = base.split_once('@') {
        // `alice@example.com`: the user part of a SIP URI, without the scheme (a `:` there would be
        // some other scheme's).
        if user.is_empty() || host.is_empty() || user.contains(':') || host.contains('@') {
            return Err("a SIP address (`sip:USER@HOST`, or `USER@HOST` for `CallerId`)".into());
        }
        AddressKind::SipWithoutScheme
    } else {
        return Err(ADDRESS.into());
    };
    if let Some(params) = params {
        if !matches!(
            kind,
            AddressKind::Client | AddressKind::Sip | AddressKind::App | AddressKind::SipWithoutScheme
        ) {
            return Err("parameters after `?` only on a `client:`, `sip:` or `app:` address".into());
        }
        // `a=1&&b` or a trailing `&` would send a parameter without a name.
        if params.split('&').any(|param| param.is_empty() || param.starts_with('=')) {
            return Err("a parameter name after each `?` or `&`".into());
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

/// The part an [`Address`] plays in a call, each with the forms Twilio documents for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AddressRole {
    /// `To`, who is called: a phone number, `client:`, `sip:`/`sips:` or `app:` address.
    To,
    /// `From`, the caller: a phone number (whenever `To` is one), `client:`, or, when `To` is a SIP
    /// address, a bare SIP user name.
    From,
    /// `CallerId`, the caller shown: as `From`, and also `USER@HOST`, the SIP address form Create Call
    /// documents for it.
    CallerId,
}

impl AddressRole {
    /// The Twilio parameter of this role.
    pub fn key(self) -> &'static str {
        match self {
            Self::To => "To",
            Self::From => "From",
            Self::CallerId => "CallerId",
        }
    }
}

impl Address {
    /// Whether this is a `sip:` or `sips:` address, the only `To` a bare SIP user name may call.
    pub fn is_sip(&self) -> bool {
        self.kind == AddressKind::Sip
    }

    /// The rule this address breaks as `role` in a call to `to`, in words (``must not be a TwiML App
    /// (`app:AP…`), which can only be called (`To`)``), or `None` when Twilio documents the form for
    /// the role. For `To`, pass the address itself as `to`.
    ///
    /// The rules are the forms Twilio's description lists for each parameter of Create Call and Create
    /// Participant: `app:` only in `To` ("TwiML App identifiers are formatted `app:<APP_SID>`"; no
    /// `From` or `CallerId` lists it); a bare SIP user name only in `From` and `CallerId`, "if `to` is
    /// sip address" ("a username portion"); `USER@HOST` only in `CallerId` ("SIP addresses are
    /// formatted as `name@company.com`"); and "if the `to` parameter is a phone number, `From` must
    /// also be a phone number".
    #[inline]
    pub fn role_violation(&self, role: AddressRole, to: &Address) -> Option<Cow<'static, str>> {
        // A phone number fills every role, whatever `To` is: the common case is one test, inlined.
        if self.is_phone_number() { None } else { self.non_phone_role_violation(role, to) }
    }

    /// [`role_violation`](Self::role_violation) of an address that is not a phone number.
    fn non_phone_role_violation(&self, role: AddressRole, to: &Address) -> Option<Cow<'static, str>> {
        use AddressKind::{App, SipUsername, SipWithoutScheme};
        const TO_FORMS: &str = "must be a phone number, `client:NAME`, `sip:USER@HOST` or `app:AP…`";
        let rule: Cow<'static, str> = match (role, self.kind) {
            (AddressRole::To, SipUsername) => {
                format!("{TO_FORMS}: a bare SIP user name is only a caller (`From`, `CallerId`) of a SIP address").into()
            }
            (AddressRole::To, SipWithoutScheme) => {
                format!("{TO_FORMS}: write a SIP address with its scheme, `sip:USER@HOST`").into()
            }
            (AddressRole::To, _) => return None,
            (AddressRole::From, _) if to.is_phone_number() => {
                let why = match self.kind {
                    SipUsername => " (a bare SIP user name only calls a SIP address, `sip:…`)",
                    _ => "",
                };
                format!("must be a phone number when `To` is a phone number{why}").into()
            }
            (_, App) => "must not be a TwiML App (`app:AP…`), which can only be called (`To`)".into(),
            (_, SipUsername) if !to.is_sip() => format!(
                "must not be a bare SIP user name unless `To` is a SIP address (`sip:…`), and `To` is {}",
                to.kind.described()
            )
            .into(),
            (AddressRole::From, SipWithoutScheme) => "must not be `USER@HOST`, a form Twilio documents only for \
                `CallerId`: write a phone number, `client:NAME`, or the user name alone when `To` is a SIP address"
                .into(),
            _ => return None,
        };
        Some(rule)
    }
}

impl AddressKind {
    /// The kind, with its article, as an error names it.
    fn described(self) -> &'static str {
        match self {
            Self::PhoneNumber => "a phone number",
            Self::Client => "a client (`client:NAME`)",
            Self::Sip => "a SIP address",
            Self::App => "a TwiML App (`app:AP…`)",
            Self::SipUsername => "a bare SIP user name",
            Self::SipWithoutScheme => "a SIP address without its scheme",
        }
    }
}

/// Checks the addresses of a call against the forms Twilio documents for each role
/// ([`Address::role_violation`]), reporting each one that breaks them under its key: `To`, then each
/// caller, `From` or `CallerId`, when set.
///
/// Meant for `validate_with`, in the catalog and in an endpoint of your own that places a call:
///
/// ```
/// use twilio_endpoint_runtime::ValidationErrors;
/// use twilio_endpoint_runtime::values::{Address, AddressRole, check_call_addresses};
///
/// let to: Address = "+15558675310".parse().unwrap();
/// let from: Address = "alice".parse().unwrap();
/// let mut errors = ValidationErrors::default();
/// check_call_addresses(&mut errors, &to, &[(AddressRole::From, Some(&from))]);
/// assert_eq!(
///     errors.to_string(),
///     "invalid request: From: must be a phone number when `To` is a phone number (a bare SIP user \
///      name only calls a SIP address, `sip:…`), got alice"
/// );
/// ```
#[inline]
pub fn check_call_addresses(
    errors: &mut ValidationErrors,
    to: &Address,
    callers: &[(AddressRole, Option<&Address>)],
) {
    let addresses = std::iter::once((AddressRole::To, Some(to))).chain(callers.iter().copied());
    for (role, address) in addresses {
        if let Some(address) = address
            && let Some(rule) = address.role_violation(role, to)
        {
            errors.push(Violation::new(role.key(), Rule::Custom(rule), Some(address.to_string())));
        }
    }
}

impl From<PhoneNumber> for Address {
    fn from(number: PhoneNumber) -> Self {
        Self { text: number.0, kind: AddressKind::PhoneNumber }
    }
}

impl PhoneNumber {
    fn write_form_value(&self, out: &mut ValueWriter<'_>) {
        out.phone_number(&self.0);
    }
}

impl Address {
    fn write_form_value(&self, out: &mut ValueWriter<'_>) {
        if self.is_phone_number() { out.phone_number(&self.text) } else { out.text(&self.text) }
    }
}

text_value!(PhoneNumber, custom);
text_value!(Address, custom);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormWriter;

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
        for text in
            [" ", "client:al ice", "+14155550100 ", "client:a\tb", "sip:a@b\n", "hello!", "+1-415", "a b"]
        {
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
    fn a_phone_number_written_for_people_is_told_to_use_e164() {
        const PLAIN: &str = "expected a phone number in E.164: `+` and the country code before the number, \
                             without spaces or punctuation (`+14155550100`)";
        for text in ["555-867-5309", "(415) 555 0100", "555.867.5309", "415 555 0100", "1-415-555-0100"] {
            assert_eq!(rejected(text), format!("{PLAIN}, got `{text}`"));
            assert_eq!(
                text.parse::<PhoneNumber>().unwrap_err().to_string(),
                format!("{PLAIN}, got `{text}`")
            );
        }
        assert_eq!(
            rejected("+1 415 555 0100"),
            "expected a phone number in E.164, without spaces or punctuation: `+14155550100`, got `+1 415 555 0100`"
        );
        assert_eq!(
            rejected("+1 (415) 555-0100"),
            "expected a phone number in E.164, without spaces or punctuation: `+14155550100`, got `+1 (415) 555-0100`"
        );
        for text in ["1-800-FLOWERS", "+1-800-FLOWERS", "800-GOT-JUNK"] {
            assert!(
                rejected(text).starts_with(
                    "expected a phone number in E.164: `+` and the country code before the number, its letters \
                     written as their keypad digits"
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn sip_user_names_that_are_not_phone_numbers_still_parse() {
        for text in [
            "hello",
            "alice.smith",
            "agent-007",
            "2nd-floor",
            "bob_1",
            "1-800-flowers",
            "ext-555-0100",
            "room-12",
            "555_867_5309",
            "12-34",
            "A1-B2-C3",
        ] {
            assert_eq!(kind(text), AddressKind::SipUsername, "{text}");
        }
        // Digits alone are a phone number (or a numeric user name: they are sent the same).
        assert_eq!(kind("1001"), AddressKind::PhoneNumber);
    }

    #[test]
    fn a_sip_address_without_its_scheme() {
        assert_eq!(kind("alice@example.com"), AddressKind::SipWithoutScheme);
        assert_eq!(kind("alice@example.com?x=1"), AddressKind::SipWithoutScheme);
        for text in ["@example.com", "alice@", "tel:1@x", "a@b@c"] {
            assert!(rejected(text).starts_with("expected a SIP address (`sip:USER@HOST`"), "{text}");
        }
    }

    fn violation(address: &str, role: AddressRole, to: &str) -> Option<String> {
        let to: Address = to.parse().unwrap();
        address.parse::<Address>().unwrap().role_violation(role, &to).map(Cow::into_owned)
    }

    #[test]
    fn each_role_takes_the_forms_twilio_documents_for_it() {
        use AddressRole::{CallerId, From, To};
        let app = format!("app:{APP}");
        for to in [
            "+15558675310",
            "4157663747",
            "client:bob",
            "sip:bob@example.com",
            "sips:bob@example.com?x=1",
            &app,
        ] {
            assert_eq!(violation(to, To, to), None, "{to}");
        }
        for (from, to) in [
            ("+15017122661", "+15558675310"),
            ("+15017122661", "sip:bob@example.com"),
            ("client:alice", "client:bob"),
            ("client:alice", &*app),
            ("+15017122661", &*app),
            ("alice", "sip:bob@example.com"),
            ("alice", "sips:bob@example.com"),
        ] {
            assert_eq!(violation(from, From, to), None, "{from} -> {to}");
            assert_eq!(violation(from, CallerId, to), None, "{from} -> {to}");
        }
        assert_eq!(violation("alice@example.com", CallerId, "sip:bob@example.com"), None);
        assert_eq!(violation("alice@example.com", CallerId, "client:bob"), None);

        assert_eq!(
            violation("alice", To, "alice").unwrap(),
            "must be a phone number, `client:NAME`, `sip:USER@HOST` or `app:AP…`: a bare SIP user name is only a \
             caller (`From`, `CallerId`) of a SIP address"
        );
        assert!(
            violation("alice@example.com", To, "alice@example.com").unwrap().ends_with("`sip:USER@HOST`")
        );
        assert_eq!(
            violation("hello", From, "+15558675310").unwrap(),
            "must be a phone number when `To` is a phone number (a bare SIP user name only calls a SIP address, \
             `sip:…`)"
        );
        assert_eq!(
            violation("hello", CallerId, "client:bob").unwrap(),
            "must not be a bare SIP user name unless `To` is a SIP address (`sip:…`), and `To` is a client \
             (`client:NAME`)"
        );
        assert_eq!(
            violation(&app, From, "client:bob").unwrap(),
            "must not be a TwiML App (`app:AP…`), which can only be called (`To`)"
        );
        assert_eq!(violation(&app, CallerId, "sip:bob@example.com"), violation(&app, From, "client:bob"));
        assert!(
            violation("alice@example.com", From, "sip:bob@example.com")
                .unwrap()
                .starts_with("must not be `USER@HOST`")
        );
        // `CallerId` of a call to a phone number is not `From`: Twilio documents no rule for it there.
        assert_eq!(violation("client:alice", CallerId, "+15558675310"), None);
    }

    #[test]
    fn checking_a_call_names_each_parameter() {
        let to: Address = "client:bob".parse().unwrap();
        let app: Address = format!("app:{APP}").parse().unwrap();
        let user: Address = "alice".parse().unwrap();
        let mut errors = ValidationErrors::default();
        check_call_addresses(
            &mut errors,
            &to,
            &[(AddressRole::From, Some(&app)), (AddressRole::CallerId, Some(&user))],
        );
        let keys: Vec<&str> = errors.violations().iter().map(Violation::key).collect();
        assert_eq!(keys, ["From", "CallerId"]);
        assert_eq!(errors.violations()[1].got(), Some("alice"));

        let mut errors = ValidationErrors::default();
        check_call_addresses(&mut errors, &user, &[(AddressRole::CallerId, None)]);
        assert_eq!(errors.violations().len(), 1);
        assert_eq!(errors.violations()[0].key(), "To");
    }

    #[test]
    fn a_phone_number_is_an_address() {
        let address = Address::from("+14155550100".parse::<PhoneNumber>().unwrap());
        assert!(address.is_phone_number());
        assert_eq!(address, "+14155550100".parse().unwrap());
    }

    #[test]
    fn every_kind_is_sent_as_the_escaping_table_would_send_it() {
        // Phone numbers are copied (`%2B` and digits) rather than escaped byte by byte: the same bytes.
        for text in ["+14155550100", "20736", "client:alice", "sip:bob@example.com;transport=tls", "alice"] {
            let address: Address = text.parse().unwrap();
            let mut out = FormWriter::default();
            out.pair("To", &address);
            assert_eq!(out.finish(), format!("To={}", crate::form::escape(text)), "{text}");
        }
        let mut out = FormWriter::default();
        out.pair("From", &"5550100".parse::<PhoneNumber>().unwrap());
        assert_eq!(out.finish(), "From=5550100");
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
