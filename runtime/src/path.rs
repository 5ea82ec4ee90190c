//! Path templates in both directions: rendering one, each parameter checked, then percent-encoded as
//! one segment; and matching a path as sent against one, each placeholder read back from its segment.
//!
//! The official Python SDK interpolates path parameters as they are, so a message SID of `../Messages`
//! sends the request to another resource. Here a parameter can never add, remove or leave a segment.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use crate::form::{FormDecodeError, FromFormValue, Problem, Shown, push_escaped_segment, read_value};
use crate::validate::{Rule, ValidationErrors, Violation};
use crate::values::AccountSid;

/// Builds a request path from literal pieces of the template and escaped parameters.
///
/// In a segment, everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 _ . - ~`, the bytes
/// the form body leaves literal too) is escaped, a space as `%20`.
#[derive(Debug)]
pub struct PathWriter {
    buf: String,
}

/// Room for Twilio's longest paths (an account, a resource and a sub-resource SID, about 130 bytes),
/// so that rendering one does not regrow the buffer piece by piece.
const PATH_CAPACITY: usize = 160;

impl Default for PathWriter {
    fn default() -> Self {
        PathWriter { buf: String::with_capacity(PATH_CAPACITY) }
    }
}

impl PathWriter {
    /// Appends a literal piece of the template, as written in the attribute.
    pub fn literal(&mut self, piece: &str) {
        self.buf.push_str(piece);
    }

    /// Appends one parameter as a single escaped segment.
    pub fn param(&mut self, value: &(impl fmt::Display + ?Sized)) {
        let mut escaper = SegmentEscaper { buf: &mut self.buf };
        // Writing into a `String` cannot fail.
        let _ = write!(escaper, "{value}");
    }

    /// The rendered path.
    pub fn finish(self) -> String {
        self.buf
    }
}

struct SegmentEscaper<'a> {
    buf: &'a mut String,
}

impl fmt::Write for SegmentEscaper<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        push_escaped_segment(self.buf, text);
        Ok(())
    }
}

/// Checks that a path parameter is one segment that cannot change the resource it names.
///
/// Escaping alone would make `..` or `a/b` harmless on the wire, but such a value is always a
/// mistake (a SID or a friendly name never contains them), so it is reported before anything is sent.
/// `?` and `#` are only escaped (`%3F`, `%23`): Twilio's description of a participant's `{CallSid}`
/// says the characters of a label that are not URL-safe are percent-encoded, so a label may hold them.
pub fn check_path_param(
    errors: &mut ValidationErrors,
    key: &'static str,
    value: &(impl fmt::Display + ?Sized),
) {
    // The value is inspected as it is formatted, so that a valid one (every one, nearly) costs no
    // allocation; only a report holds its text.
    let mut segment = SegmentCheck { len: 0, only_dots: true, forbidden_char: false };
    let _ = write!(segment, "{value}");
    let bad = segment.len == 0 || (segment.only_dots && segment.len <= 2) || segment.forbidden_char;
    if bad {
        errors.push(Violation::new(key, Rule::PathSegment, Some(format!("{:?}", value.to_string()))));
    }
}

/// A value that can fill a placeholder of the path: one written as text, checked as one segment and
/// escaped. The generated code checks and writes path fields through this trait, so that a field that
/// cannot be one (an `Option` behind a type alias, a type without `Display`) is reported once, saying
/// what a path parameter is.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot fill a placeholder of the path",
    label = "not a path parameter",
    note = "a path parameter is required, written as text and read back from it: its type implements `Display` and `FromFormValue` (a SID, `String`, `ConferenceRef`, ...), and it is never an `Option` (only the field of `{{AccountSid}}` may be left to the client)"
)]
pub trait PathParam: Sized {
    /// Checks the value as [`check_path_param`] does.
    fn check_segment(&self, errors: &mut ValidationErrors, key: &'static str);

    /// Writes the value as one escaped segment.
    fn write_segment(&self, out: &mut PathWriter);

    /// The value of `placeholder` in a path matched by [`PathParams::matching`].
    fn read_segment(path: &PathParams<'_>, placeholder: &'static str) -> Result<Self, FormDecodeError>;

    /// [`read_segment`](Self::read_segment) for a `sensitive` field: an error does not show the value.
    fn read_secret_segment(path: &PathParams<'_>, placeholder: &'static str)
    -> Result<Self, FormDecodeError>;
}

// Without `do_not_recommend`, rustc would report the unmet `Display` or `FromFormValue` bound of this
// impl instead of the message above. Both bounds are on one trait so that a type that is neither is
// reported once, not once per direction.
#[diagnostic::do_not_recommend]
impl<T: fmt::Display + FromFormValue> PathParam for T {
    #[inline]
    fn check_segment(&self, errors: &mut ValidationErrors, key: &'static str) {
        if !self.is_checked_segment() {
            check_path_param(errors, key, self);
        }
    }

    #[inline]
    fn write_segment(&self, out: &mut PathWriter) {
        out.param(self);
    }

    #[inline]
    fn read_segment(path: &PathParams<'_>, placeholder: &'static str) -> Result<Self, FormDecodeError> {
        path.read(placeholder)
    }

    #[inline]
    fn read_secret_segment(
        path: &PathParams<'_>,
        placeholder: &'static str,
    ) -> Result<Self, FormDecodeError> {
        path.read_secret(placeholder)
    }
}

/// What [`check_path_param`] needs to know of a value's text: empty, `.` or `..`, or holding a `/` or a
/// control character.
struct SegmentCheck {
    len: usize,
    only_dots: bool,
    forbidden_char: bool,
}

impl fmt::Write for SegmentCheck {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.len += text.len();
        // One pass without an early exit, which the compiler turns into wide compares: this check runs
        // for every path field of every request, nearly always on a SID. A byte outside ASCII sends
        // the text to the slower test below, for the C1 controls, which need the characters decoded.
        let (mut dots, mut forbidden, mut ascii) = (true, false, true);
        for &byte in text.as_bytes() {
            dots &= byte == b'.';
            forbidden |= byte == b'/' || byte.is_ascii_control();
            ascii &= byte.is_ascii();
        }
        self.only_dots &= dots;
        self.forbidden_char |= forbidden || (!ascii && text.chars().any(char::is_control));
        Ok(())
    }
}

/// The `{AccountSid}` of a path: a request's own account field when it sets one, else the client's.
#[diagnostic::on_unimplemented(
    message = "the `{{AccountSid}}` path field must be `AccountSid` or `Option<AccountSid>`, found `{Self}`",
    label = "not an account SID"
)]
pub trait AccountParam: Sized {
    /// The account to use, falling back on the client's.
    fn account_or<'a>(&'a self, client_account: &'a AccountSid) -> &'a AccountSid;

    /// The field for the account a path names; see [`PathParams::with_client_account`].
    fn from_path(path: &PathParams<'_>) -> Result<Self, FormDecodeError>;
}

impl AccountParam for AccountSid {
    fn account_or<'a>(&'a self, _: &'a AccountSid) -> &'a AccountSid {
        self
    }

    fn from_path(path: &PathParams<'_>) -> Result<Self, FormDecodeError> {
        path.account()
    }
}

impl AccountParam for Option<AccountSid> {
    fn account_or<'a>(&'a self, client_account: &'a AccountSid) -> &'a AccountSid {
        self.as_ref().unwrap_or(client_account)
    }

    /// `None` for the account the client would have filled in, as a request that left the field
    /// unset was written; the path's account otherwise.
    fn from_path(path: &PathParams<'_>) -> Result<Self, FormDecodeError> {
        let account = path.account()?;
        Ok((path.client_account != Some(account)).then_some(account))
    }
}

/// The placeholders of a path as sent, matched against a template: each one segment (or the part of a
/// segment between the template's literal text, as `{Sid}` in `{Sid}.json`), percent-decoded.
#[derive(Debug)]
pub struct PathParams<'a> {
    params: Vec<(&'static str, Cow<'a, str>)>,
    /// The account of the client that sent the request, when the reader knows it.
    client_account: Option<AccountSid>,
}

/// The placeholder of `{AccountSid}`, which a request without an account field still reads, so that a
/// path naming no account is refused.
const ACCOUNT_PLACEHOLDER: &str = "AccountSid";

impl<'a> PathParams<'a> {
    /// Matches `path`, escaped as sent and without its query string, against `template`, a path as
    /// `#[twilio_endpoint]` takes it (`/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json`): the literal
    /// text must be the same byte for byte, and each placeholder fills what is left of its segment.
    ///
    /// # Errors
    /// [`Problem::PathMismatch`] when `path` is not the template's, and an invalid `{AccountSid}` as
    /// [`Problem::InvalidValue`].
    pub fn matching(template: &'static str, path: &'a str) -> Result<Self, FormDecodeError> {
        let mismatch = || FormDecodeError::new(path.to_owned(), Problem::PathMismatch { expected: template });
        let mut template_segments = template.split('/');
        let mut path_segments = path.split('/');
        let mut params = Vec::new();
        loop {
            match (template_segments.next(), path_segments.next()) {
                (None, None) => break,
                (Some(pattern), Some(segment)) => {
                    match_segment(pattern, segment, &mut params).ok_or_else(mismatch)?;
                }
                _ => return Err(mismatch()),
            }
        }
        let path = Self { params, client_account: None };
        if path.raw(ACCOUNT_PLACEHOLDER).is_some() {
            path.account()?;
        }
        Ok(path)
    }

    fn raw(&self, placeholder: &str) -> Option<&str> {
        self.params.iter().find(|(name, _)| *name == placeholder).map(|(_, value)| &**value)
    }

    /// The value of `placeholder`, read as a `T`; an error names it as `{Placeholder}`.
    pub fn read<T: FromFormValue>(&self, placeholder: &'static str) -> Result<T, FormDecodeError> {
        self.read_shown(placeholder, Shown::Value)
    }

    /// [`read`](Self::read) for a secret: an error names the placeholder only.
    pub fn read_secret<T: FromFormValue>(&self, placeholder: &'static str) -> Result<T, FormDecodeError> {
        self.read_shown(placeholder, Shown::Hidden)
    }

    fn read_shown<T: FromFormValue>(
        &self,
        placeholder: &'static str,
        shown: Shown,
    ) -> Result<T, FormDecodeError> {
        // The template was matched: every placeholder it has holds a value. One it lacks is read as the
        // empty segment, which no path parameter accepts.
        let text = self.raw(placeholder).unwrap_or_default();
        read_value(&format!("{{{placeholder}}}"), text, shown)
    }

    /// Says which account the client that sent the request authenticated as. A path names an account
    /// whether the request set its optional account field or left it to the client, so the two read
    /// back alike; knowing the client's account, a reader (a server, such as the crate's mock) reads
    /// that account as the field left unset (`None`), and any other as set. Without it the field is
    /// always read as set.
    pub fn with_client_account(mut self, account: AccountSid) -> Self {
        self.client_account = Some(account);
        self
    }

    /// The account the path names in `{AccountSid}`; the request's account field takes it with
    /// [`AccountParam::from_path`].
    pub fn account(&self) -> Result<AccountSid, FormDecodeError> {
        self.read(ACCOUNT_PLACEHOLDER)
    }
}

/// Matches one segment of a template (`{Sid}.json`, `Calls`) with one segment of a path, adding the
/// placeholder's value; `None` when they differ. `check` allows one placeholder per segment, which
/// makes the match unambiguous: the literal text before and after it.
fn match_segment<'a>(
    pattern: &'static str,
    segment: &'a str,
    params: &mut Vec<(&'static str, Cow<'a, str>)>,
) -> Option<()> {
    let Some((prefix, rest)) = pattern.split_once('{') else {
        return (pattern == segment).then_some(());
    };
    let (name, suffix) = rest.split_once('}')?;
    let value = segment.strip_prefix(prefix)?.strip_suffix(suffix)?;
    params.push((name, percent_decode(value)));
    Some(())
}

/// `%XX` as the byte it escapes, as URL parsers read a path: a `%` not followed by two hex digits is
/// kept, `+` is a plus, and bytes that are not UTF-8 are replaced, as `form_urlencoded` does in a form.
fn percent_decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|&b| char::from(b).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                // Two hex digits make a byte.
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(text) => Cow::Owned(text),
        Err(error) => Cow::Owned(String::from_utf8_lossy(error.as_bytes()).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parameter_stays_one_segment() {
        let mut path = PathWriter::default();
        path.literal("/Messages/");
        path.param("../Calls/x y?z#é");
        path.literal(".json");
        assert_eq!(path.finish(), "/Messages/..%2FCalls%2Fx%20y%3Fz%23%C3%A9.json");

        // A label with characters that are not URL-safe, percent-encoded as Twilio's description asks.
        let mut path = PathWriter::default();
        path.literal("/Participants/");
        path.param("agent #1");
        assert_eq!(path.finish(), "/Participants/agent%20%231");
    }

    /// For any text, the rendered URL keeps the host and the number of segments: a parameter can never
    /// leave its segment, whatever `check_path_param` would say of it. Random strings are drawn from
    /// the characters that matter to URL parsers (separators, dots, escapes, controls, non-ASCII).
    #[test]
    fn any_parameter_keeps_the_host_and_the_segment_count() {
        const ALPHABET: &[char] = &[
            '/', '\\', '?', '#', '.', '%', '2', 'e', 'F', '@', ':', ';', '=', '&', '+', ' ', '\r', '\n',
            '\0', '\t', 'a', 'é', '\u{FF0F}', '\u{2215}', '[', ']',
        ];
        let mut rng = fastrand::Rng::with_seed(6);
        const EDGES: [&str; 6] = ["", ".", "..", "%2e%2e", "/", "../Messages"];
        for round in 0..20_000 {
            let value: String = match EDGES.get(round) {
                Some(edge) => (*edge).to_owned(),
                None => (0..rng.usize(0..12)).map(|_| ALPHABET[rng.usize(..ALPHABET.len())]).collect(),
            };
            let mut path = PathWriter::default();
            path.literal("/2010-04-01/Calls/");
            path.param(&value);
            path.literal(".json");
            let url = url::Url::parse(&format!("https://api.twilio.com{}", path.finish())).unwrap();
            assert_eq!(url.host_str(), Some("api.twilio.com"), "{value:?}");
            assert_eq!(url.query(), None, "{value:?}");
            assert_eq!(url.fragment(), None, "{value:?}");
            assert_eq!(url.path_segments().unwrap().count(), 3, "{value:?} gave {url}");

            // As a whole segment, `.` and `..` would be resolved away by any URL parser: those are what
            // `check_path_param` refuses, and every value it accepts stays one segment there too.
            let mut errors = ValidationErrors::default();
            check_path_param(&mut errors, "Sid", &value);
            let mut path = PathWriter::default();
            path.literal("/2010-04-01/Calls/");
            path.param(&value);
            path.literal("/Recordings.json");
            let url = url::Url::parse(&format!("https://api.twilio.com{}", path.finish())).unwrap();
            let kept = url.host_str() == Some("api.twilio.com") && url.path_segments().unwrap().count() == 4;
            assert!(kept || !errors.is_empty(), "{value:?} was accepted and gave {url}");
        }
    }

    #[test]
    fn a_sid_is_not_inspected_again_and_any_other_value_is() {
        use crate::values::{ConferenceRef, ConferenceSid};
        let check = |value: &dyn Fn(&mut ValidationErrors)| {
            let mut errors = ValidationErrors::default();
            value(&mut errors);
            errors.violations().iter().map(|violation| violation.rule().clone()).collect::<Vec<_>>()
        };
        let sid: ConferenceRef = "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse().unwrap();
        assert!(sid.is_checked_segment());
        assert!("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".parse::<ConferenceSid>().unwrap().is_checked_segment());
        assert!(check(&|errors| sid.check_segment(errors, "ConferenceSid")).is_empty());
        for bad in ["a/b", "..", "tab\there", "next\u{85}line"] {
            let name = ConferenceRef::FriendlyName(bad.to_owned());
            assert!(!name.is_checked_segment());
            assert_eq!(
                check(&|errors| name.check_segment(errors, "ConferenceSid")),
                [Rule::PathSegment],
                "{bad:?}"
            );
            assert_eq!(
                check(&|errors| bad.to_owned().check_segment(errors, "Sid")),
                [Rule::PathSegment],
                "{bad:?}"
            );
        }
        for good in ["My Room", "...", "é", "a.b"] {
            assert!(check(&|errors| good.to_owned().check_segment(errors, "Sid")).is_empty(), "{good:?}");
        }
    }

    const TEMPLATE: &str =
        "/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json";

    #[test]
    fn a_path_is_matched_segment_by_segment_and_each_placeholder_decoded() {
        let path = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/My%20Room%2F%C3%A9/Participants/a+b.json.json";
        let params = PathParams::matching(TEMPLATE, path).unwrap();
        assert_eq!(params.account().unwrap().as_str(), "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        assert_eq!(params.read::<String>("ConferenceSid").unwrap(), "My Room/é");
        // `+` is a plus in a path; a label may end with the template's own suffix.
        assert_eq!(params.read::<String>("CallSid").unwrap(), "a+b.json");
    }

    #[test]
    fn a_rendered_path_is_matched_back() {
        for value in ["My Room", "a/b", "%2F", "é漢 #?&=+", "..", "x.json", "%zz%"] {
            let mut path = PathWriter::default();
            path.literal("/2010-04-01/Accounts/");
            path.param("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
            path.literal("/Conferences/");
            path.param(value);
            path.literal("/Participants/");
            path.param(value);
            path.literal(".json");
            let path = path.finish();
            let params = PathParams::matching(TEMPLATE, &path).unwrap();
            assert_eq!(params.read::<String>("ConferenceSid").unwrap(), value, "{path}");
            assert_eq!(params.read::<String>("CallSid").unwrap(), value, "{path}");
        }
    }

    #[test]
    fn another_path_is_a_mismatch_and_a_bad_account_is_named() {
        for path in [
            "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CF1/Participants/CA1.xml",
            "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CF1/Participants.json",
            "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CF1/Participants/CA1.json/x",
            "2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Conferences/CF1/Participants/CA1.json",
        ] {
            let error = PathParams::matching(TEMPLATE, path).unwrap_err();
            assert_eq!(error.problem(), &Problem::PathMismatch { expected: TEMPLATE }, "{path}");
            assert_eq!(error.key(), path);
        }
        let error =
            PathParams::matching(TEMPLATE, "/2010-04-01/Accounts/AC1/Conferences/CF1/Participants/CA1.json")
                .unwrap_err();
        assert_eq!(error.key(), "{AccountSid}");
        assert!(error.to_string().ends_with("got `AC1`"), "{error}");
    }

    #[test]
    fn percent_decoding_keeps_what_is_not_an_escape() {
        assert_eq!(percent_decode("a%20b%2fc"), "a b/c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert!(matches!(percent_decode("plain+text"), Cow::Borrowed("plain+text")));
    }

    #[test]
    fn rejects_values_that_are_not_one_segment() {
        for bad in ["", ".", "..", "../Messages", "a/b", "a\r\nb", "a\0"] {
            let mut errors = ValidationErrors::default();
            check_path_param(&mut errors, "Sid", bad);
            assert_eq!(errors.violations().len(), 1, "{bad:?} should be rejected");
        }
        for good in ["My Room", "...", ".a", "a..", "agent #1", "who?", "a?b#c"] {
            let mut errors = ValidationErrors::default();
            check_path_param(&mut errors, "ConferenceSid", good);
            assert!(errors.is_empty(), "{good:?} should be accepted");
        }
    }
}
