//! Serde helpers for numbers in Twilio's replies, which the description types as numbers but Twilio
//! (and the description's own examples) sometimes writes as strings: `"price": "-0.75000"`,
//! `"error_code": "0"`. Use with `#[serde(default, with = "twilio_endpoint::lenient::integer")]` on an
//! `Option<i64>`, or `lenient::decimal` on an `Option<String>` that keeps a decimal's text exactly.
//! Twilio also writes an unset SID as `""`: `lenient::empty_as_none` reads it as `None`.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serializer};

/// An `Option<i64>` read from a JSON integer, a string of one, or `null`; written as a number.
pub mod integer {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<i64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(n) => serializer.serialize_some(n),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
        deserializer.deserialize_any(IntegerVisitor)
    }

    struct IntegerVisitor;

    impl<'de> Visitor<'de> for IntegerVisitor {
        type Value = Option<i64>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an integer, a string holding one, or null")
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_any(self)
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            i64::try_from(v).map(Some).map_err(|_| E::custom(format!("{v} is too large")))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            v.trim().parse().map(Some).map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }
}

/// An `Option<String>` holding a decimal's text, read from a JSON number or string (or `null`);
/// written as a string.
pub mod decimal {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<String>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(text) => serializer.serialize_some(text),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
        // A number is kept as serde_json writes it back, which is its shortest exact form.
        match Option::<serde_json::Value>::deserialize(deserializer)? {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(text)) => Ok(Some(text)),
            Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
            Some(other) => Err(de::Error::custom(format!("expected a number or a string, got {other}"))),
        }
    }
}

/// An `Option<T>` read from a string that [`FromStr`](std::str::FromStr) parses, where the empty
/// string and `null` are `None`; written as `T` serializes.
pub mod empty_as_none {
    use std::borrow::Cow;
    use std::str::FromStr;

    use serde::Serialize;

    use super::*;

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
    where
        T: FromStr,
        T::Err: fmt::Display,
        D: Deserializer<'de>,
    {
        match Option::<Cow<'de, str>>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) if text.is_empty() => Ok(None),
            Some(text) => text.parse().map(Some).map_err(de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use crate::values::CallSid;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Sids {
        #[serde(default, with = "super::empty_as_none")]
        call: Option<CallSid>,
    }

    #[test]
    fn an_empty_sid_is_none() {
        let read = |json: &str| serde_json::from_str::<Sids>(json);
        assert_eq!(read(r#"{"call": ""}"#).unwrap(), Sids { call: None });
        assert_eq!(read(r#"{"call": null}"#).unwrap(), Sids { call: None });
        assert_eq!(read("{}").unwrap(), Sids { call: None });
        let sid = "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        assert_eq!(read(&format!(r#"{{"call": "{sid}"}}"#)).unwrap().call.unwrap().as_str(), sid);
        assert!(read(r#"{"call": "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}"#).is_err());
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Reply {
        #[serde(default, with = "super::integer")]
        code: Option<i64>,
        #[serde(default, with = "super::decimal")]
        price: Option<String>,
    }

    #[test]
    fn numbers_or_strings() {
        let read = |json: &str| serde_json::from_str::<Reply>(json);
        assert_eq!(
            read(r#"{"code": 5, "price": -0.75}"#).unwrap(),
            Reply { code: Some(5), price: Some("-0.75".into()) }
        );
        assert_eq!(
            read(r#"{"code": "21211", "price": "-0.75000"}"#).unwrap(),
            Reply { code: Some(21211), price: Some("-0.75000".into()) }
        );
        assert_eq!(read(r#"{"code": null, "price": null}"#).unwrap(), Reply { code: None, price: None });
        assert_eq!(read("{}").unwrap(), Reply { code: None, price: None });
        assert!(read(r#"{"code": "x"}"#).is_err());
        assert!(read(r#"{"price": true}"#).is_err());
    }
}
