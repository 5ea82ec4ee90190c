//! The `application/x-www-form-urlencoded` writer, byte for byte as Twilio's official SDKs send forms.
//!
//! Twilio's SDKs escape with Python's `quote_plus` (or its equivalent): a space becomes `+`, only
//! `A-Z a-z 0-9 _ . - ~` stay literal, every other byte is `%XX` in upper case. The `url` crate's form
//! serializer leaves `*` literal and escapes `~`, so it cannot be used for the body.

use std::fmt;

/// Whether `quote_plus` leaves a byte as it is; a space is not literal but written `+`.
const LITERAL: [bool; 256] = {
    let mut literal = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        literal[byte] = b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'~');
        byte += 1;
    }
    literal
};

/// Whether `quote_plus` leaves every byte of `text` as it is.
pub(crate) const fn is_literal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !LITERAL[bytes[i] as usize] {
            return false;
        }
        i += 1;
    }
    true
}

/// `%00%01...%FF`: byte `b` is escaped as `PERCENT[3 * b..3 * b + 3]`.
const PERCENT: &str = {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    const BYTES: [u8; 768] = {
        let mut bytes = [0; 768];
        let mut byte = 0;
        while byte < 256 {
            bytes[3 * byte] = b'%';
            bytes[3 * byte + 1] = HEX[byte >> 4];
            bytes[3 * byte + 2] = HEX[byte & 15];
            byte += 1;
        }
        bytes
    };
    match std::str::from_utf8(&BYTES) {
        Ok(text) => text,
        Err(_) => panic!("the table is ASCII"),
    }
};

/// The most bytes one byte of text becomes once escaped (`%XX`).
const MAX_ESCAPED_LEN: usize = 3;

/// Appends `text` escaped as a form key or value: a space as `+`, as `quote_plus` does.
#[inline]
fn push_escaped(out: &mut String, text: &str) {
    push_escaped_with::<true>(out, text);
}

/// Appends `text` escaped as one path segment: a space as `%20`, where a `+` would be read as a plus.
pub(crate) fn push_escaped_segment(out: &mut String, text: &str) {
    push_escaped_with::<false>(out, text);
}

/// Appends `text` escaped: by table, a run of literal bytes copied at once. One copy per kind of space,
/// so that the form's, called for every key and value, has no test of the kind inside its loop.
#[inline(always)]
fn push_escaped_with<const SPACE_AS_PLUS: bool>(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut run = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        if LITERAL[usize::from(byte)] {
            continue;
        }
        // `run..index` holds only ASCII bytes, so both ends are character boundaries.
        if run < index {
            out.push_str(&text[run..index]);
        }
        run = index + 1;
        if SPACE_AS_PLUS && byte == b' ' {
            out.push('+');
        } else {
            let at = MAX_ESCAPED_LEN * usize::from(byte);
            out.push_str(&PERCENT[at..at + MAX_ESCAPED_LEN]);
        }
    }
    if run < bytes.len() {
        out.push_str(&text[run..]);
    }
}

/// Escapes one key or value as Twilio's SDKs do (`quote_plus`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Accumulates `Key=value` pairs, in the order they are written, into one body or query string.
///
/// [`encode`](crate::endpoint::encode) writes the parameters once, into a buffer the thread keeps
/// from one encoding to the next, and returns a copy of exactly the body's size.
#[derive(Debug, Default)]
pub struct FormWriter {
    buf: String,
}

impl FormWriter {
    /// A writer whose buffer already holds `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Self { buf: String::with_capacity(capacity) }
    }

    /// A writer appending to `buf`, emptied first; [`FormWriter::into_buf`] gives it back.
    pub(crate) fn reusing(mut buf: String) -> Self {
        buf.clear();
        Self { buf }
    }

    /// The body written so far.
    pub(crate) fn as_str(&self) -> &str {
        &self.buf
    }

    /// The buffer, with its capacity, for the next [`FormWriter::reusing`].
    pub(crate) fn into_buf(self) -> String {
        self.buf
    }

    /// Appends `key=value`, both escaped.
    #[inline]
    pub fn pair<V: FormValue + ?Sized>(&mut self, key: &str, value: &V) {
        self.key_pair(&Key::text(key), value);
    }

    /// Appends `key=value`, the key escaped unless it is known to need none.
    #[inline]
    pub(crate) fn key_pair<V: FormValue + ?Sized>(&mut self, key: &Key<'_>, value: &V) {
        if key.joined {
            // `&Key=` in one copy, without its `&` for the first pair.
            let from = usize::from(self.buf.is_empty());
            self.buf.push_str(&key.text[from..]);
        } else {
            if !self.buf.is_empty() {
                self.buf.push('&');
            }
            if key.literal {
                self.buf.push_str(key.text);
            } else {
                push_escaped(&mut self.buf, key.text);
            }
            self.buf.push('=');
        }
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

    /// Appends `text`, which has only bytes that `quote_plus` leaves as they are (digits, `-`,
    /// `true`/`false`): copied, not escaped byte by byte.
    #[inline]
    pub(crate) fn literal(&mut self, text: &str) {
        debug_assert!(is_literal(text), "{text:?} needs escaping");
        self.buf.push_str(text);
    }

    /// Appends a phone number that parsing proved to be `+` and digits, or digits alone: the `+` as
    /// `%2B` and the digits copied, with no byte looked up.
    #[inline]
    pub(crate) fn phone_number(&mut self, number: &str) {
        let digits = match number.strip_prefix('+') {
            Some(digits) => {
                self.buf.push_str("%2B");
                digits
            }
            None => number,
        };
        self.literal(digits);
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
        out.literal(if *self { "true" } else { "false" });
    }
}

macro_rules! integer_form_values {
    ($($int:ty),*) => {$(
        impl FormValue for $int {
            fn write_value(&self, out: &mut ValueWriter<'_>) {
                // Digits and `-`: nothing to escape.
                out.literal(itoa::Buffer::new().format(*self));
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
    #[inline]
    fn write_field(&self, key: &str, out: &mut FormWriter) {
        self.write_field_key(&Key::text(key), out);
    }

    /// [`write_field`](Self::write_field) with a key whose escaping may already be known; what the
    /// generated code calls, with a reference to a constant (`&const { Key::joined("&To=") }`): one
    /// address to pass, where a key built at each field was three stores per field, set or not.
    #[doc(hidden)]
    fn write_field_key(&self, key: &Key<'_>, out: &mut FormWriter);
}

impl<T: FormValue> FormField for T {
    #[inline]
    fn write_field_key(&self, key: &Key<'_>, out: &mut FormWriter) {
        out.key_pair(key, self);
    }
}

impl<T: FormValue> FormField for Option<T> {
    #[inline]
    fn write_field_key(&self, key: &Key<'_>, out: &mut FormWriter) {
        if let Some(value) = self {
            out.key_pair(key, value);
        }
    }
}

impl<T: FormValue> FormField for Vec<T> {
    #[inline]
    fn write_field_key(&self, key: &Key<'_>, out: &mut FormWriter) {
        for item in self {
            out.key_pair(key, item);
        }
    }
}

/// A parameter's key, and whether it is written as it is. The keys of a declaration are known when the
/// macro runs, nearly all are letters only (`StatusCallback`), and escaping them byte by byte was a
/// tenth of the encoding of a large request: the macro marks those that need no escaping, and gives
/// them joined to their separators (`&StatusCallback=`), so that a pair's constant text is one copy.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Key<'a> {
    /// The key; `&key=` when `joined`.
    text: &'a str,
    /// Every byte of the key is one `quote_plus` leaves as it is.
    literal: bool,
    /// `text` is `&key=`.
    joined: bool,
}

impl<'a> Key<'a> {
    /// A key to escape as it is written, e.g. `StartTime>`.
    #[inline]
    pub const fn text(text: &'a str) -> Self {
        Self { text, literal: false, joined: false }
    }

    /// A key the macro found to need no escaping (letters, digits, `_ . - ~` only).
    #[inline]
    pub fn literal(text: &'a str) -> Self {
        debug_assert!(is_literal(text), "{text:?} needs escaping");
        Self { text, literal: true, joined: false }
    }

    /// A key that needs no escaping, given as `&key=`: what the macro emits for such keys, in a
    /// constant, where a text that is not one fails to compile.
    ///
    /// # Panics
    /// When `text` is not `&`, a key that needs no escaping, then `=`.
    #[inline]
    pub const fn joined(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut joined = bytes.len() >= 2 && bytes[0] == b'&' && bytes[bytes.len() - 1] == b'=';
        let mut i = 1;
        while joined && i + 1 < bytes.len() {
            joined = LITERAL[bytes[i] as usize];
            i += 1;
        }
        assert!(joined, "a joined key is `&key=` with a key that needs no escaping");
        Self { text, literal: true, joined: true }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_literal_key_is_written_as_the_escaped_one_would_be() {
        let write = |key: Key<'_>| {
            let mut out = FormWriter::with_capacity(0);
            out.key_pair(&key, "a b");
            out.key_pair(&key, "c");
            out.finish()
        };
        assert_eq!(write(Key::literal("Status_Callback.v-1~")), write(Key::text("Status_Callback.v-1~")));
        assert_eq!(write(Key::joined("&Status_Callback.v-1~=")), write(Key::text("Status_Callback.v-1~")));
        assert_eq!(write(Key::text("StartTime>")), "StartTime%3E=a+b&StartTime%3E=c");
    }

    #[test]
    #[should_panic(expected = "a joined key is `&key=`")]
    fn a_joined_key_must_be_joined_and_need_no_escaping() {
        let _ = Key::joined("&Start Time=");
    }

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
    fn escapes_every_byte_by_the_quote_plus_rule() {
        for byte in 0..=127u8 {
            let text = char::from(byte).to_string();
            let expected = match byte {
                b' ' => "+".to_owned(),
                b if b.is_ascii_alphanumeric() || b"_.-~".contains(&b) => text.clone(),
                b => format!("%{b:02X}"),
            };
            assert_eq!(escape(&text), expected, "byte {byte:#04x}");
            // Between literal runs, and next to a multi-byte character.
            assert_eq!(escape(&format!("a{text}é{text}z")), format!("a{expected}%C3%A9{expected}z"));
        }
    }

    #[test]
    fn a_reused_writer_starts_empty_and_keeps_its_capacity() {
        let write = |out: &mut FormWriter| {
            "a b/é".write_field("Key>=", out);
            Some(u64::MAX).write_field("N", out);
            vec![true, false].write_field("Flag", out);
        };
        let mut first = FormWriter::reusing(String::from("left over"));
        write(&mut first);
        let expected = "Key%3E%3D=a+b%2F%C3%A9&N=18446744073709551615&Flag=true&Flag=false";
        assert_eq!(first.as_str(), expected);
        let buf = first.into_buf();
        let capacity = buf.capacity();
        let mut second = FormWriter::reusing(buf);
        write(&mut second);
        assert_eq!(second.as_str(), expected);
        assert_eq!(second.into_buf().capacity(), capacity, "the same body needs no more room");
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
