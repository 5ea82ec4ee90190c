//! Hiding personal data and credentials in texts that errors and logs show: phone numbers in a body
//! excerpt, values in an encoded query or form, secrets in `Debug` output. Whatever is hidden and not
//! a phone number shows as the one marker `<redacted>`.

use std::fmt;

/// What a phone number is replaced with: it says what was there, which helps reading an error.
const PHONE: &str = "[phone]";
/// What a credential, a secret or a parameter's value is replaced with, everywhere.
pub(crate) const REDACTED: &str = "<redacted>";
/// Digits a phone number has at least: E.164 numbers have 8 to 15, local ones at least 7.
const MIN_PHONE_DIGITS: usize = 7;
/// Base64 characters after `Basic ` from which they are taken for credentials (`AC…:token` has 60).
const MIN_CREDENTIALS: usize = 20;
/// Digits in a row, without `+`, from which a number is taken for a phone number.
const MIN_BARE_DIGITS: usize = 10;

/// `text` with phone numbers replaced by `[phone]` and the credentials of a `Basic` header by
/// `<redacted>`.
///
/// A phone number is `+` (or `%2B`, escaped) followed by at least 7 digits, which single spaces,
/// `-`, `.`, `(` and `)` may separate, or a bare run of at least 10 digits; either only as a whole
/// word, so the digits inside a SID (`CA0123456789abcdef…`) are left alone.
pub(crate) fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut previous: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let at_word_start = !previous.is_some_and(char::is_alphanumeric);
        if at_word_start && let Some(len) = phone_number_len(rest) {
            out.push_str(PHONE);
            previous = rest[..len].chars().next_back();
            rest = &rest[len..];
            continue;
        }
        if at_word_start && let Some(len) = basic_credentials_len(rest) {
            out.push_str(&rest[..6]);
            out.push_str(REDACTED);
            previous = Some('>');
            rest = &rest[len..];
            continue;
        }
        out.push(c);
        previous = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The length of the phone number `text` starts with, if it starts with one that ends a word.
fn phone_number_len(text: &str) -> Option<usize> {
    let (prefix, min_digits, separators) = if text.starts_with('+') {
        (1, MIN_PHONE_DIGITS, true)
    } else if text.as_bytes().get(..3).is_some_and(|start| start.eq_ignore_ascii_case(b"%2b")) {
        (3, MIN_PHONE_DIGITS, true)
    } else {
        (0, MIN_BARE_DIGITS, false)
    };
    let bytes = text.as_bytes();
    let (mut digits, mut end, mut index) = (0, prefix, prefix);
    while index < bytes.len() {
        match bytes[index] {
            b'0'..=b'9' => {
                digits += 1;
                index += 1;
                end = index;
            }
            b' ' | b'-' | b'.' | b'(' | b')' if separators && digits > 0 => index += 1,
            _ => break,
        }
    }
    let ends_word = !text[end..].chars().next().is_some_and(char::is_alphanumeric);
    (digits >= min_digits && ends_word).then_some(end)
}

/// The length of `Basic <credentials>` at the start of `text`, when the credentials look like base64.
fn basic_credentials_len(text: &str) -> Option<usize> {
    const SCHEME: &str = "basic ";
    // Compared as bytes: `text` may hold a multibyte character where the scheme would end.
    if !text.as_bytes().get(..SCHEME.len()).is_some_and(|start| start.eq_ignore_ascii_case(SCHEME.as_bytes()))
    {
        return None;
    }
    let credentials = text[SCHEME.len()..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        .count();
    (credentials >= MIN_CREDENTIALS).then_some(SCHEME.len() + credentials)
}

/// An encoded query or form with every value hidden: the keys stay, so a log still says which
/// parameters were sent (`To=<redacted>&Body=<redacted>`).
pub(crate) fn form_keys(params: &str) -> String {
    let mut out = String::new();
    for pair in params.split('&').filter(|pair| !pair.is_empty()) {
        if !out.is_empty() {
            out.push('&');
        }
        let key = pair.split_once('=').map_or(pair, |(key, _)| key);
        out.push_str(key);
        out.push('=');
        out.push_str(REDACTED);
    }
    out
}

/// The top-level keys of a JSON body (in key order), each with its value redacted (`{"limit": <redacted>}`), for the
/// trace log of a request whose values are not logged; a body that is not a JSON object is redacted
/// whole.
pub(crate) fn json_keys(body: &str) -> String {
    match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(body) {
        Ok(members) => {
            let keys: Vec<String> = members
                .keys()
                .map(|key| format!("{}: {REDACTED}", serde_json::Value::from(key.as_str())))
                .collect();
            format!("{{{}}}", keys.join(", "))
        }
        Err(_) => REDACTED.to_owned(),
    }
}

/// Stands in for a secret in `Debug` output: a request's `sensitive` field, a client's credentials.
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// At most `max_chars` characters of `bytes`, read as UTF-8 (invalid sequences and control
/// characters become `�`), with every run of whitespace collapsed to one space, `…` appended when
/// something was cut, and phone numbers and `Basic` credentials redacted. Only the start of the
/// input is read, however long it is.
pub(crate) fn excerpt(bytes: &[u8], max_chars: usize) -> String {
    // Redacting never lengthens the text: `[phone]` replaces at least 8 characters, `<redacted>` at
    // least 20.
    redact(&collapsed_prefix(bytes, max_chars))
}

fn collapsed_prefix(bytes: &[u8], max_chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut space_pending = false;
    let chars = bytes.utf8_chunks().flat_map(|chunk| {
        let invalid = (!chunk.invalid().is_empty()).then_some(char::REPLACEMENT_CHARACTER);
        chunk.valid().chars().chain(invalid)
    });
    for c in chars {
        if c.is_whitespace() {
            space_pending = count > 0;
            continue;
        }
        let needed = 1 + usize::from(space_pending);
        if count + needed > max_chars {
            out.push('…');
            break;
        }
        if space_pending {
            out.push(' ');
            space_pending = false;
        }
        out.push(if c.is_control() { char::REPLACEMENT_CHARACTER } else { c });
        count += needed;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_hidden_in_any_usual_spelling() {
        for (text, expected) in [
            ("The 'To' number +15558675310 is not valid", "The 'To' number [phone] is not valid"),
            ("to +1 (555) 867-5310.", "to [phone]."),
            ("\"to\": \"+447911123456\"", "\"to\": \"[phone]\""),
            ("To=%2B15558675310&Body=hi", "To=[phone]&Body=hi"),
            ("call 5558675310 now", "call [phone] now"),
        ] {
            assert_eq!(redact(text), expected, "{text:?}");
        }
    }

    #[test]
    fn sids_codes_and_dates_are_left_alone() {
        for text in [
            "Call CA0123456789abcdef0123456789abcdef not found",
            "error 21205 (https://www.twilio.com/docs/errors/21205)",
            "at 2024-01-02 12:00:00, +1 day",
            "é+12345",
            "%éé",
            "Basiéééé",
        ] {
            assert_eq!(redact(text), text);
        }
    }

    #[test]
    fn basic_credentials_are_hidden() {
        assert_eq!(
            redact("Authorization: Basic QUMxMjM6c2VjcmV0dG9rZW4= echoed"),
            "Authorization: Basic <redacted> echoed"
        );
        assert_eq!(redact("basic research"), "basic research");
    }

    #[test]
    fn json_keys_keep_the_top_level_keys_only() {
        let body = r#"{"phone_numbers": [{"phone_number": "+14155552671"}], "reason": "x"}"#;
        assert_eq!(json_keys(body), format!(r#"{{"phone_numbers": {REDACTED}, "reason": {REDACTED}}}"#));
        assert_eq!(json_keys("{}"), "{}");
        assert_eq!(json_keys("+14155552671"), REDACTED);
    }

    #[test]
    fn form_keys_keep_the_keys_only() {
        assert_eq!(
            form_keys("To=%2B15558675310&Body=Hello&StartTime%3E=2024"),
            "To=<redacted>&Body=<redacted>&StartTime%3E=<redacted>"
        );
        assert_eq!(form_keys(""), "");
    }

    #[test]
    fn excerpt_collapses_whitespace_and_cuts_on_a_char_boundary() {
        assert_eq!(excerpt(b"  <html>\n\t<body> Oops </body>  ", 200), "<html> <body> Oops </body>");
        assert_eq!(excerpt("éééé".as_bytes(), 3), "ééé…");
        assert_eq!(excerpt(b"ab cd", 3), "ab…");
        assert_eq!(excerpt(b"ab cd", 5), "ab cd");
        assert_eq!(excerpt(b"", 200), "");
        assert_eq!(excerpt(b" \r\n ", 200), "");
    }

    #[test]
    fn excerpt_replaces_invalid_utf8_and_control_characters() {
        assert_eq!(excerpt(b"a\xff\xfeb\x1b[31mc", 200), "a\u{FFFD}\u{FFFD}b\u{FFFD}[31mc");
        assert_eq!(excerpt(&[0xE6, 0xBC], 200), "\u{FFFD}");
    }

    #[test]
    fn excerpt_reads_only_the_start_of_a_huge_body() {
        let body = "x".repeat(10_000_000);
        assert_eq!(excerpt(body.as_bytes(), 200).chars().count(), 201);
    }

    #[test]
    fn secrets_in_debug_output_show_the_one_marker() {
        assert_eq!(format!("{:?}", Redacted), REDACTED);
        assert_eq!(format!("{:?}", Some(Redacted)), "Some(<redacted>)");
    }
}
