//! The form encoder round trip: fields of every kind the encoder takes, written with `FormWriter` as a
//! request's parameters are, then decoded by `form_urlencoded` (the WHATWG parser servers use) into
//! exactly the pairs that were written, in order. Each escaped key and value is also compared with an
//! independent `quote_plus`, the escaping Twilio's official SDKs use.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use twilio_endpoint::values::{Address, PhoneNumber, Url};
use twilio_endpoint_runtime::{FormField, FormWriter, escape};

#[derive(Arbitrary, Debug)]
enum Field {
    Text(String),
    Integer(i64),
    Unsigned(u64),
    Flag(bool),
    Optional(Option<String>),
    List(Vec<String>),
    /// Text that is sent as a typed value when it parses as one: its text is sent unchanged.
    Typed(String),
}

fuzz_target!(|fields: Vec<(String, Field)>| {
    let mut form = FormWriter::default();
    let mut expected: Vec<(String, String)> = Vec::new();
    for (key, field) in &fields {
        let mut put = |value: &dyn FormField, texts: &[&str]| {
            value.write_field(key, &mut form);
            expected.extend(texts.iter().map(|text| (key.clone(), (*text).to_owned())));
        };
        match field {
            Field::Text(text) => put(text, &[text]),
            Field::Integer(n) => put(n, &[&n.to_string()]),
            Field::Unsigned(n) => put(n, &[&n.to_string()]),
            Field::Flag(flag) => put(flag, &[if *flag { "true" } else { "false" }]),
            Field::Optional(value) => put(value, &value.iter().map(String::as_str).collect::<Vec<_>>()),
            Field::List(items) => put(items, &items.iter().map(String::as_str).collect::<Vec<_>>()),
            Field::Typed(text) => {
                if let Ok(url) = text.parse::<Url>() {
                    put(&url, &[text]);
                }
                if let Ok(address) = text.parse::<Address>() {
                    put(&address, &[text]);
                }
                if let Ok(number) = text.parse::<PhoneNumber>() {
                    put(&number, &[text]);
                }
            }
        }
    }
    let body = form.finish();

    let decoded: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
        .map(|(key, value)| (key.into_owned(), value.into_owned()))
        .collect();
    assert_eq!(decoded, expected, "body {body:?}");

    let quoted: Vec<String> =
        expected.iter().map(|(key, value)| format!("{}={}", quote_plus(key), quote_plus(value))).collect();
    assert_eq!(body, quoted.join("&"));
    for (key, _) in &expected {
        assert_eq!(escape(key), quote_plus(key));
    }
});

/// Python's `urllib.parse.quote_plus`, byte by byte.
fn quote_plus(text: &str) -> String {
    let mut out = String::new();
    for &byte in text.as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => out.push(char::from(byte)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
