//! Reading a form back: a body or query string split into pairs, and the pairs into typed values, each
//! error naming the key.
//!
//! Splitting and unescaping is `form_urlencoded::parse`'s job (`+` is a space, `%XX` a byte, invalid
//! UTF-8 replaced); this module only decides which pair goes where.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use chrono::{DateTime, NaiveDate, Utc};

/// The pairs of one form, in the order they were sent; each is read at most once, so that what is left
/// at the end is what no declared parameter took.
#[derive(Debug)]
pub struct FormPairs<'a> {
    pairs: Vec<Pair<'a>>,
}

#[derive(Debug)]
struct Pair<'a> {
    key: Cow<'a, str>,
    value: Cow<'a, str>,
    read: bool,
}

impl<'a> FormPairs<'a> {
    /// The pairs of `form`: an `application/x-www-form-urlencoded` body, or a query string without
    /// its `?`.
    pub fn parse(form: &'a [u8]) -> Self {
        let pairs =
            form_urlencoded::parse(form).map(|(key, value)| Pair { key, value, read: false }).collect();
        Self { pairs }
    }

    /// Whether a pair with `key` is left to read.
    pub fn contains(&self, key: &str) -> bool {
        self.unread(key).next().is_some()
    }

    /// The first value of `key` left to read, without reading it.
    pub fn peek(&self, key: &str) -> Option<&str> {
        self.pairs.iter().find(|pair| !pair.read && pair.key == key).map(|pair| &*pair.value)
    }

    /// The keys of the pairs left to read, in the order sent.
    pub(crate) fn unread_keys(&self) -> impl Iterator<Item = &str> {
        self.pairs.iter().filter(|pair| !pair.read).map(|pair| &*pair.key)
    }

    fn unread<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s Pair<'a>> + 's {
        self.pairs.iter().filter(move |pair| !pair.read && pair.key == key)
    }

    /// Reads the one value of `key`: `None` when it is absent, an error when it is given more than once.
    pub fn take_one(&mut self, key: &str) -> Result<Option<Cow<'a, str>>, FormDecodeError> {
        let mut found = None;
        for (index, pair) in self.pairs.iter().enumerate() {
            if pair.read || pair.key != key {
                continue;
            }
            if found.is_some() {
                let times = self.unread(key).count();
                return Err(FormDecodeError::new(key.to_owned(), Problem::Repeated { times }));
            }
            found = Some(index);
        }
        Ok(found.map(|index| self.read(index)))
    }

    /// Reads every value of `key`, in the order sent.
    pub fn take_all(&mut self, key: &str) -> Vec<Cow<'a, str>> {
        let mut values = Vec::new();
        for pair in &mut self.pairs {
            if !pair.read && pair.key == key {
                pair.read = true;
                values.push(std::mem::take(&mut pair.value));
            }
        }
        values
    }

    /// Reads `Prefix0`, `Prefix1`, ... up to the first index that is absent, as Twilio numbers the items
    /// of a list in a callback (`MediaUrl0`, `MediaUrl1`); an index after a gap is left unread.
    pub fn take_indexed(&mut self, prefix: &str) -> Result<Vec<(String, Cow<'a, str>)>, FormDecodeError> {
        let mut values = Vec::new();
        for index in 0usize.. {
            let key = format!("{prefix}{index}");
            match self.take_one(&key)? {
                Some(value) => values.push((key, value)),
                None => break,
            }
        }
        Ok(values)
    }

    fn read(&mut self, index: usize) -> Cow<'a, str> {
        let pair = &mut self.pairs[index];
        pair.read = true;
        std::mem::take(&mut pair.value)
    }

    /// Reads the parameter `key` as a field of type `T`: a value (exactly one pair), an `Option` (at
    /// most one) or a `Vec` (any number).
    pub fn field<T: FromFormField>(&mut self, key: &str) -> Result<T, FormDecodeError> {
        T::read_field(self, key, Shown::Value)
    }

    /// [`field`](Self::field) for a secret parameter: an error does not show its value.
    pub fn secret_field<T: FromFormField>(&mut self, key: &str) -> Result<T, FormDecodeError> {
        T::read_field(self, key, Shown::Hidden)
    }

    /// The pairs no parameter read, in the order sent.
    pub fn into_unread(self) -> impl Iterator<Item = (Cow<'a, str>, Cow<'a, str>)> {
        self.pairs.into_iter().filter(|pair| !pair.read).map(|pair| (pair.key, pair.value))
    }

    /// `Ok(())` when every pair was read; otherwise the first key no parameter took.
    pub fn finish(self) -> Result<(), FormDecodeError> {
        match self.pairs.into_iter().find(|pair| !pair.read) {
            Some(pair) => Err(FormDecodeError::new(pair.key.into_owned(), Problem::UnknownKey)),
            None => Ok(()),
        }
    }
}

/// Whether an error may show the value it could not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Value,
    /// A secret (`#[twilio(sensitive)]`): the error names the key only.
    Hidden,
}

/// A parameter's value read from its text: the inverse of [`FormValue`](crate::FormValue).
///
/// Implemented for strings, booleans (`true`/`false`), integers, dates and the crate's typed values
/// (which parse as their `FromStr` does). A type of your own that is sent as a parameter implements
/// it to be read back, usually with its `FromStr`:
///
/// ```
/// use twilio_endpoint_runtime::FromFormValue;
/// use twilio_endpoint_runtime::values::InvalidValue;
///
/// struct Digits(String);
///
/// impl FromFormValue for Digits {
///     type Err = InvalidValue;
///
///     fn from_form_value(text: &str) -> Result<Self, InvalidValue> {
///         if text.bytes().all(|byte| byte.is_ascii_digit()) {
///             Ok(Digits(text.to_owned()))
///         } else {
///             Err(InvalidValue::new("digits", text))
///         }
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read back from a Twilio parameter",
    label = "cannot be decoded",
    note = "requests are also read back from what they send (`DecodeRequest`): implement `FromFormValue` for `{Self}`, usually by calling its `FromStr`"
)]
pub trait FromFormValue: Sized {
    /// Why a text is not a value; its `Display` says what was expected and, unless the value is
    /// secret, what was given.
    type Err: fmt::Display;

    fn from_form_value(text: &str) -> Result<Self, Self::Err>;

    /// Whether this value is known to fill one path segment as it is, so that `validate()` need not
    /// inspect its text (a SID: parsing proved it letters and digits). Only a speed-up: a value that
    /// answers `false` is checked, and the path writer escapes whatever it is given.
    #[doc(hidden)]
    #[inline]
    fn is_checked_segment(&self) -> bool {
        false
    }
}

impl FromFormValue for String {
    type Err = std::convert::Infallible;

    fn from_form_value(text: &str) -> Result<Self, Self::Err> {
        Ok(text.to_owned())
    }
}

/// Twilio writes booleans `true` and `false`, as this crate sends them.
impl FromFormValue for bool {
    type Err = InvalidValue;

    fn from_form_value(text: &str) -> Result<Self, InvalidValue> {
        match text {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(InvalidValue::new("`true` or `false`", text)),
        }
    }
}

macro_rules! integer_from_form_value {
    ($($int:ty),*) => {$(
        impl FromFormValue for $int {
            type Err = InvalidValue;

            fn from_form_value(text: &str) -> Result<Self, InvalidValue> {
                // `str::parse` also takes a leading `+`, which `write_value` never writes.
                match text.parse() {
                    Ok(value) if !text.starts_with('+') => Ok(value),
                    _ => Err(InvalidValue::new(
                        concat!("an integer from ", stringify!($int), "::MIN to ", stringify!($int), "::MAX"),
                        text,
                    )),
                }
            }
        }
    )*};
}
integer_from_form_value!(u8, u16, u32, u64, i8, i16, i32, i64, usize, isize);

/// A date-time as this crate sends it (`2024-03-09T07:05:00Z`, RFC 3339 with any offset) or as
/// Twilio's callbacks write one (`Sat, 09 Mar 2024 07:05:00 +0000`, RFC 2822), as the instant in UTC.
impl FromFormValue for DateTime<Utc> {
    type Err = InvalidValue;

    fn from_form_value(text: &str) -> Result<Self, InvalidValue> {
        DateTime::parse_from_rfc3339(text)
            .or_else(|_| DateTime::parse_from_rfc2822(text))
            .map(|date| date.with_timezone(&Utc))
            .map_err(|_| InvalidValue::new("a date and time (`2024-03-09T07:05:00Z` or RFC 2822)", text))
    }
}

/// A date as sent, `YYYY-MM-DD`.
impl FromFormValue for NaiveDate {
    type Err = InvalidValue;

    fn from_form_value(text: &str) -> Result<Self, InvalidValue> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| InvalidValue::new("a date (`YYYY-MM-DD`)", text))
    }
}

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

/// A path is shown whole up to this many characters: Twilio's paths are about 130.
const MAX_SHOWN_PATH_CHARS: usize = 256;

/// `text` as an error shows it: cut after `max` characters, control characters escaped.
fn shown(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == max {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// How one field is read from its pairs: a value from exactly one, an `Option` from at most one, a
/// `Vec` from any number (the key repeated per item); the inverse of [`FormField`](crate::FormField).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from Twilio parameters",
    label = "cannot be decoded",
    note = "parameters are read back as values (`FromFormValue`, which a type usually implements with its `FromStr`), `Option<value>` for optional ones or `Vec<value>` for lists"
)]
pub trait FromFormField: Sized {
    fn read_field(form: &mut FormPairs<'_>, key: &str, shown: Shown) -> Result<Self, FormDecodeError>;
}

/// `text`, the value of `key`, read as a `T`; an error names the key, and the value unless it is hidden.
pub(crate) fn read_value<T: FromFormValue>(
    key: &str,
    text: &str,
    shown: Shown,
) -> Result<T, FormDecodeError> {
    T::from_form_value(text).map_err(|error| {
        let message = match shown {
            Shown::Value => Some(error.to_string()),
            Shown::Hidden => None,
        };
        FormDecodeError::new(key.to_owned(), Problem::InvalidValue { message })
    })
}

impl<T: FromFormValue> FromFormField for T {
    fn read_field(form: &mut FormPairs<'_>, key: &str, shown: Shown) -> Result<Self, FormDecodeError> {
        match form.take_one(key)? {
            Some(text) => read_value(key, &text, shown),
            None => Err(FormDecodeError::new(key.to_owned(), Problem::MissingKey)),
        }
    }
}

impl<T: FromFormValue> FromFormField for Option<T> {
    fn read_field(form: &mut FormPairs<'_>, key: &str, shown: Shown) -> Result<Self, FormDecodeError> {
        form.take_one(key)?.map(|text| read_value(key, &text, shown)).transpose()
    }
}

impl<T: FromFormValue> FromFormField for Vec<T> {
    fn read_field(form: &mut FormPairs<'_>, key: &str, shown: Shown) -> Result<Self, FormDecodeError> {
        form.take_all(key).iter().map(|text| read_value(key, text, shown)).collect()
    }
}

/// Parameters read back from a form: the inverse of [`Params::write_params`](crate::Params).
/// `#[derive(Params)]` implements it for a group; an endpoint reads its parameters and its path with
/// [`DecodeRequest`](crate::DecodeRequest).
pub trait ReadParams: Sized {
    /// Reads these parameters' pairs from `form`, leaving the others unread.
    fn read_params(form: &mut FormPairs<'_>) -> Result<Self, FormDecodeError>;
}

/// A form that does not decode into what it was read as; it names the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormDecodeError {
    key: Cow<'static, str>,
    problem: Problem,
}

/// What is wrong with a key of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// No declared parameter has this key.
    UnknownKey,
    /// A required parameter is absent.
    MissingKey,
    /// A parameter that takes one value is given `times` times (only lists repeat their key).
    Repeated { times: usize },
    /// The value does not parse; `message` says what was expected and what was given, `None` for a
    /// secret parameter.
    InvalidValue { message: Option<String> },
    /// The keys of a group form none of its variants; `allowed` lists them. The key is the first of the
    /// group's keys that was sent, or empty when none was.
    NoVariant { group: &'static str, allowed: &'static str },
    /// A path that is not the endpoint's (the key is the path, `expected` its template).
    PathMismatch { expected: &'static str },
}

impl FormDecodeError {
    pub fn new(key: impl Into<Cow<'static, str>>, problem: Problem) -> Self {
        Self { key: key.into(), problem }
    }

    /// The key, as sent; for a placeholder of the path, `{Name}`; for a path that does not match, the
    /// path.
    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn problem(&self) -> &Problem {
        &self.problem
    }
}

impl fmt::Display for FormDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = match self.problem {
            Problem::PathMismatch { .. } => MAX_SHOWN_PATH_CHARS,
            _ => MAX_SHOWN_CHARS,
        };
        let key = shown(&self.key, max);
        match &self.problem {
            Problem::UnknownKey => write!(f, "`{key}`: not a parameter of this request"),
            Problem::MissingKey => write!(f, "`{key}`: required, but absent"),
            Problem::Repeated { times } => {
                write!(f, "`{key}`: given {times} times, but takes one value (only a list repeats its key)")
            }
            Problem::InvalidValue { message: Some(message) } => write!(f, "`{key}`: {message}"),
            Problem::InvalidValue { message: None } => {
                write!(f, "`{key}`: not a valid value (a secret: not shown)")
            }
            Problem::NoVariant { group, allowed } if key.is_empty() => {
                write!(f, "none of the keys of `{group}` is sent, but it is required; allowed: {allowed}")
            }
            Problem::NoVariant { group, allowed } => {
                write!(f, "`{key}`: the keys of `{group}` sent form none of its variants; allowed: {allowed}")
            }
            Problem::PathMismatch { expected } => write!(f, "the path `{key}` is not `{expected}`"),
        }
    }
}

impl std::error::Error for FormDecodeError {}

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
    fn splits_and_unescapes_with_form_urlencoded() {
        let mut form = FormPairs::parse(b"From=%2B1+2&Muted=false&Event=a&Event=b&Empty=&N=%2A");
        assert_eq!(form.field::<String>("From").unwrap(), "+1 2");
        assert_eq!(form.field::<Option<bool>>("Muted").unwrap(), Some(false));
        assert_eq!(form.field::<Vec<String>>("Event").unwrap(), ["a", "b"]);
        assert_eq!(form.field::<Option<String>>("Empty").unwrap(), Some(String::new()));
        assert_eq!(form.field::<Option<String>>("Absent").unwrap(), None);
        assert_eq!(form.field::<Vec<u32>>("Absent").unwrap(), Vec::<u32>::new());
        assert_eq!(form.field::<String>("N").unwrap(), "*");
        form.finish().unwrap();
    }

    #[test]
    fn each_error_names_the_key() {
        let error = |body: &'static str, read: fn(&mut FormPairs<'_>) -> Result<(), FormDecodeError>| {
            let mut form = FormPairs::parse(body.as_bytes());
            read(&mut form).and_then(|()| form.finish()).unwrap_err().to_string()
        };
        assert_eq!(
            error("Timeout=30&Timeout=40", |form| form.field::<u32>("Timeout").map(drop)),
            "`Timeout`: given 2 times, but takes one value (only a list repeats its key)"
        );
        assert_eq!(error("", |form| form.field::<u32>("To").map(drop)), "`To`: required, but absent");
        assert_eq!(
            error("Timeout=%2B5", |form| form.field::<u32>("Timeout").map(drop)),
            "`Timeout`: expected an integer from u32::MIN to u32::MAX, got `+5`"
        );
        assert_eq!(
            error("Muted=True", |form| form.field::<Option<bool>>("Muted").map(drop)),
            "`Muted`: expected `true` or `false`, got `True`"
        );
        assert_eq!(
            error("Pin=x", |form| form.secret_field::<u32>("Pin").map(drop)),
            "`Pin`: not a valid value (a secret: not shown)"
        );
        assert_eq!(error("Tmeout=5", |_| Ok(())), "`Tmeout`: not a parameter of this request");
        assert_eq!(
            error("N=%0A", |form| form.field::<u8>("N").map(drop)),
            "`N`: expected an integer from u8::MIN to u8::MAX, got `\\n`"
        );
    }

    #[test]
    fn reads_dates_as_sent_and_as_callbacks_write_them() {
        let sent = DateTime::<Utc>::from_form_value("2024-03-09T07:05:00Z").unwrap();
        assert_eq!(DateTime::<Utc>::from_form_value("Sat, 09 Mar 2024 09:05:00 +0200").unwrap(), sent);
        assert_eq!(DateTime::<Utc>::from_form_value("2024-03-09T09:05:00+02:00").unwrap(), sent);
        assert!(DateTime::<Utc>::from_form_value("yesterday").is_err());
        assert_eq!(NaiveDate::from_form_value("2024-03-09").unwrap(), sent.date_naive());
    }

    #[test]
    fn indexed_keys_stop_at_the_first_gap() {
        let mut form = FormPairs::parse(b"MediaUrl1=b&MediaUrl0=a&MediaUrl3=d");
        let items = form.take_indexed("MediaUrl").unwrap();
        assert_eq!(
            items,
            [("MediaUrl0".to_owned(), Cow::from("a")), ("MediaUrl1".to_owned(), Cow::from("b"))]
        );
        assert_eq!(form.into_unread().collect::<Vec<_>>(), [(Cow::from("MediaUrl3"), Cow::from("d"))]);
    }
}
