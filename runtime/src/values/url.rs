//! Callback and TwiML URLs, WebSocket URLs, and [`OrEmpty`] for the parameters where an empty value means
//! something.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{InvalidValue, deserialize_from_str};
use crate::form::{FormValue, FromFormValue, ValueWriter};

const URL: &str = "an absolute `http` or `https` URL";

/// An absolute `http` or `https` URL, such as a status callback.
///
/// It is checked with the `url` crate's parser, but the text is kept and sent exactly as written:
/// the parser normalises (`https://example.com` becomes `https://example.com/`), and Twilio signs its
/// callbacks over the URL it was given, so a rewritten URL could fail the application's own signature
/// check.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Url(String);

impl Url {
    /// The URL as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Url {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        // The parser forgives mistakes it then repairs: surrounding spaces, tabs and newlines (removed),
        // `\` (read as `/`) and a missing `//` (`https:example.com`). The text is sent as written, not
        // repaired, so such input is rejected here.
        let verbatim = !text.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\');
        let http = text.split_once("://").is_some_and(|(scheme, _)| {
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        });
        if verbatim && http && ::url::Url::parse(text).is_ok() {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidValue::new(URL, text))
        }
    }
}

text_value!(Url);

const WEB_SOCKET_URL: &str = "an absolute `wss` URL";

/// An absolute secure WebSocket URL (`wss://…`), where Twilio connects to stream a call's media.
///
/// Only `wss` is taken: Twilio's media streams connect over TLS and refuse `ws`, and an `http` URL
/// here is a mistake (it names no WebSocket server). Checked and kept as written, like [`Url`].
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct WebSocketUrl(String);

impl WebSocketUrl {
    /// The URL as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for WebSocketUrl {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        // Checked as `Url` checks its text: nothing the parser would repair, then the scheme.
        let verbatim = !text.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\');
        let wss = text.split_once("://").is_some_and(|(scheme, _)| scheme.eq_ignore_ascii_case("wss"));
        if verbatim && wss && ::url::Url::parse(text).is_ok_and(|url| url.host().is_some()) {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidValue::new(WEB_SOCKET_URL, text))
        }
    }
}

text_value!(WebSocketUrl);

/// A parameter that may also be sent set to the empty string, which Twilio reads as "none": for
/// example `WaitUrl=` plays no hold music, where leaving `WaitUrl` out plays the default music.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrEmpty<T> {
    /// Sent as the empty string.
    Empty,
    /// Sent as the value.
    Value(T),
}

impl<T> From<T> for OrEmpty<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

impl<T: FormValue> FormValue for OrEmpty<T> {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        if let Self::Value(value) = self {
            value.write_value(out);
        }
    }
}

impl<T: fmt::Display> fmt::Display for OrEmpty<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => Ok(()),
            Self::Value(value) => value.fmt(f),
        }
    }
}

impl<T: FromStr> FromStr for OrEmpty<T> {
    type Err = T::Err;

    /// The empty string is [`OrEmpty::Empty`]; anything else must parse as `T`.
    fn from_str(text: &str) -> Result<Self, T::Err> {
        if text.is_empty() { Ok(Self::Empty) } else { text.parse().map(Self::Value) }
    }
}

/// The empty string is [`OrEmpty::Empty`], as `Key=` is read; anything else is read as `T`.
impl<T: FromFormValue> FromFormValue for OrEmpty<T> {
    type Err = T::Err;

    fn from_form_value(text: &str) -> Result<Self, T::Err> {
        if text.is_empty() { Ok(Self::Empty) } else { T::from_form_value(text).map(Self::Value) }
    }
}

impl<T: Serialize> Serialize for OrEmpty<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Empty => serializer.serialize_str(""),
            Self::Value(value) => value.serialize(serializer),
        }
    }
}

impl<'de, T> Deserialize<'de> for OrEmpty<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize_from_str(deserializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormWriter;

    #[test]
    fn accepts_absolute_http_urls_and_keeps_the_text() {
        for text in [
            "https://example.com",
            "http://example.com/twiml?a=b",
            "HTTPS://Example.com:8443/hold%20music.mp3#x",
            "https://user:pw@example.com/cb?x=1&y=%2F",
        ] {
            let url: Url = text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"));
            assert_eq!(url.as_str(), text);
            assert_eq!(url.to_string(), text);
        }
    }

    #[test]
    fn rejects_anything_else() {
        for text in [
            "",
            "example.com",
            "/relative/path",
            "ftp://example.com",
            "mailto:a@example.com",
            "https:example.com",
            "https://",
            " https://example.com",
            "https://example.com/a b",
            "https://example.com\n",
            "https://example.com\\a",
            "https://exa mple.com",
        ] {
            assert!(text.parse::<Url>().is_err(), "{text:?} should be rejected");
        }
        assert_eq!(
            "ftp://x".parse::<Url>().unwrap_err().to_string(),
            "expected an absolute `http` or `https` URL, got `ftp://x`"
        );
    }

    #[test]
    fn sent_and_serialized_as_written() {
        let url: Url = "https://example.com".parse().unwrap();
        let mut out = FormWriter::default();
        out.pair("StatusCallback", &url);
        assert_eq!(out.finish(), "StatusCallback=https%3A%2F%2Fexample.com");
        assert_eq!(format!("{url:?}"), "Url(\"https://example.com\")");

        let json = serde_json::to_string(&url).unwrap();
        assert_eq!(json, "\"https://example.com\"");
        assert_eq!(serde_json::from_str::<Url>(&json).unwrap(), url);
        assert!(serde_json::from_str::<Url>("\"example.com\"").is_err());
    }

    #[test]
    fn web_socket_urls_are_wss_only_and_kept_as_written() {
        for text in ["wss://example.com/stream?token=a+b", "WSS://Example.com:8443/media%20in"] {
            let url: WebSocketUrl = text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"));
            assert_eq!(url.as_str(), text);
            assert_eq!(url.to_string(), text);
        }
        for text in [
            "",
            "ws://example.com/stream",
            "https://example.com/stream",
            "wss:example.com",
            "wss://",
            "/stream",
            " wss://example.com",
            "wss://example.com/a b",
        ] {
            assert!(text.parse::<WebSocketUrl>().is_err(), "{text:?} should be rejected");
        }
        assert_eq!(
            "ws://x".parse::<WebSocketUrl>().unwrap_err().to_string(),
            "expected an absolute `wss` URL, got `ws://x`"
        );

        let url: WebSocketUrl = "wss://example.com/s?t=a+b".parse().unwrap();
        let mut out = FormWriter::default();
        out.pair("Url", &url);
        assert_eq!(out.finish(), "Url=wss%3A%2F%2Fexample.com%2Fs%3Ft%3Da%2Bb");
        assert_eq!(format!("{url:?}"), "WebSocketUrl(\"wss://example.com/s?t=a+b\")");
        let json = serde_json::to_string(&url).unwrap();
        assert_eq!(serde_json::from_str::<WebSocketUrl>(&json).unwrap(), url);
        assert!(serde_json::from_str::<WebSocketUrl>("\"https://example.com\"").is_err());
    }

    #[test]
    fn or_empty_sends_an_empty_value() {
        let url: Url = "https://example.com/hold".parse().unwrap();
        let mut out = FormWriter::default();
        out.pair("WaitUrl", &OrEmpty::<Url>::Empty);
        out.pair("WaitUrl", &OrEmpty::from(url.clone()));
        assert_eq!(out.finish(), "WaitUrl=&WaitUrl=https%3A%2F%2Fexample.com%2Fhold");
        assert_eq!(OrEmpty::<Url>::Empty.to_string(), "");
        assert_eq!(OrEmpty::Value(url.clone()).to_string(), "https://example.com/hold");

        assert_eq!("".parse::<OrEmpty<Url>>().unwrap(), OrEmpty::Empty);
        assert_eq!(serde_json::to_string(&OrEmpty::<Url>::Empty).unwrap(), "\"\"");
        assert_eq!(serde_json::from_str::<OrEmpty<Url>>("\"\"").unwrap(), OrEmpty::Empty);
        let json = serde_json::to_string(&OrEmpty::Value(url.clone())).unwrap();
        assert_eq!(serde_json::from_str::<OrEmpty<Url>>(&json).unwrap(), OrEmpty::Value(url));
        assert!(serde_json::from_str::<OrEmpty<Url>>("\"nope\"").is_err());
    }
}
