//! The `application/x-www-form-urlencoded` writer, byte for byte as Twilio's official SDKs send forms.
//!
//! Twilio's SDKs escape with Python's `quote_plus` (or its equivalent): a space becomes `+`, only
//! `A-Z a-z 0-9 _ . - ~` stay literal, every other byte is `%XX` in upper case. The `url` crate's form
//! serializer leaves `*` literal and escapes `~`, so it cannot be used for the body.

use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// What `quote_plus` escapes. A space is in the set, but never reaches it: it is written as `+` first.
const QUOTE_PLUS: &AsciiSet = &NON_ALPHANUMERIC.remove(b'_').remove(b'.').remove(b'-').remove(b'~');

fn push_escaped(out: &mut String, text: &str) {
    let mut pieces = text.split(' ');
    if let Some(first) = pieces.next() {
        out.extend(utf8_percent_encode(first, QUOTE_PLUS));
    }
    for piece in pieces {
        out.push('+');
        out.extend(utf8_percent_encode(piece, QUOTE_PLUS));
    }
}

/// Escapes one key or value as Twilio's SDKs do (`quote_plus`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Accumulates `Key=value` pairs, in the order they are written, into one body or query string.
#[derive(Debug, Default)]
pub struct FormWriter {
    buf: String,
}

impl FormWriter {
    /// A writer whose buffer already holds `capacity` bytes, so that a typical body needs no reallocation.
    pub fn with_capacity(capacity: usize) -> Self {
        Self { buf: String::with_capacity(capacity) }
    }

    /// Appends `key=value`, both escaped.
    pub fn pair<V: FormValue + ?Sized>(&mut self, key: &str, value: &V) {
        if !self.buf.is_empty() {
            self.buf.push('&');
        }
        push_escaped(&mut self.buf, key);
        self.buf.push('=');
        value.write_value(&mut ValueWriter { buf: &mut self.buf });
    }

    /// The encoded pairs, `&`-separated; empty when nothing was written.
    pub fn finish(self) -> String {
        self.buf
    }
}

/// The sink a [`FormValue`] writes its text into; every character written through it is escaped.
///
/// It implements [`fmt::Write`], so a value can use `write!` and stay escaped.
pub struct ValueWriter<'a> {
    buf: &'a mut String,
}

impl ValueWriter<'_> {
    /// Appends `text`, escaped.
    pub fn text(&mut self, text: &str) {
        push_escaped(self.buf, text);
    }
}

impl fmt::Write for ValueWriter<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.text(text);
        Ok(())
    }
}

/// A value that can be sent as one Twilio parameter: the text after `Key=`.
///
/// Implemented for strings, booleans (`true`/`false`), integers, dates (sent as UTC
/// `YYYY-MM-DDTHH:MM:SSZ`) and the crate's typed values. `Option<T>` (unset: nothing is sent) and
/// `Vec<T>` (the key repeated per item) are handled by the field encoding, not here.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a Twilio parameter value",
    label = "not a parameter value",
    note = "parameters are strings, integers, booleans, dates or the crate's typed values (SIDs, addresses, URLs, enums); optional ones are `Option<T>` and lists `Vec<T>`"
)]
pub trait FormValue {
    /// Writes the value's text; the writer escapes it.
    fn write_value(&self, out: &mut ValueWriter<'_>);
}

impl<T: FormValue + ?Sized> FormValue for &T {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        (**self).write_value(out);
    }
}

impl FormValue for str {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        out.text(self);
    }
}

impl FormValue for String {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        out.text(self);
    }
}

impl FormValue for bool {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        out.text(if *self { "true" } else { "false" });
    }
}

macro_rules! integer_form_values {
    ($($int:ty),*) => {$(
        impl FormValue for $int {
            fn write_value(&self, out: &mut ValueWriter<'_>) {
                // Digits and `-` need no escaping, but going through the writer keeps one code path.
                out.text(itoa::Buffer::new().format(*self));
            }
        }
    )*};
}
integer_form_values!(u8, u16, u32, u64, i8, i16, i32, i64, usize, isize);

/// How one field of a request becomes pairs: a value is one pair, `None` nothing, a list one pair per item.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a Twilio parameter",
    label = "not a parameter type",
    note = "parameters are values (`FormValue`), `Option<value>` for optional ones or `Vec<value>` for lists"
)]
pub trait FormField {
    /// Writes the field's pairs under `key`.
    fn write_field(&self, key: &str, out: &mut FormWriter);
}

impl<T: FormValue> FormField for T {
    fn write_field(&self, key: &str, out: &mut FormWriter) {
        out.pair(key, self);
    }
}

impl<T: FormValue> FormField for Option<T> {
    fn write_field(&self, key: &str, out: &mut FormWriter) {
        if let Some(value) = self {
            out.pair(key, value);
        }
    }
}

impl<T: FormValue> FormField for Vec<T> {
    fn write_field(&self, key: &str, out: &mut FormWriter) {
        for item in self {
            out.pair(key, item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_python_quote_plus() {
        // Expected strings are what `urllib.parse.quote_plus` returns for the same input.
        assert_eq!(escape("a b+c&d=e"), "a+b%2Bc%26d%3De");
        assert_eq!(escape("*~_.-"), "%2A~_.-");
        assert_eq!(escape("https://x.io/a?b=c"), "https%3A%2F%2Fx.io%2Fa%3Fb%3Dc");
        assert_eq!(escape("é漢"), "%C3%A9%E6%BC%A2");
        assert_eq!(escape("  "), "++");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn writes_pairs_in_order_and_repeats_list_keys() {
        let mut out = FormWriter::default();
        "+15017122661".write_field("From", &mut out);
        vec!["ringing", "answered"].write_field("StatusCallbackEvent", &mut out);
        Vec::<&str>::new().write_field("Empty", &mut out);
        None::<u32>.write_field("Timeout", &mut out);
        Some(false).write_field("Muted", &mut out);
        Some(String::new()).write_field("WaitUrl", &mut out);
        30u32.write_field("StartTime>=", &mut out);
        assert_eq!(
            out.finish(),
            "From=%2B15017122661&StatusCallbackEvent=ringing&StatusCallbackEvent=answered\
             &Muted=false&WaitUrl=&StartTime%3E%3D=30"
        );
    }
}
