//! Twilio's dates: sent as ISO 8601 in UTC, received in replies as RFC 2822.

use std::fmt::{self, Write as _};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serializer};

use crate::encode::{FormValue, ValueWriter};
use crate::values::InvalidValue;

/// Sent in UTC with whole seconds, `YYYY-MM-DDTHH:MM:SSZ`, as the official Python SDK formats a date-time
/// parameter (`StartTime>=`, `SendAt`, ...).
impl<Tz: TimeZone> FormValue for DateTime<Tz> {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        // The writer escapes what it is given and cannot fail.
        let _ = write!(out, "{}", self.with_timezone(&Utc).format("%Y-%m-%dT%H:%M:%SZ"));
    }

    fn size_hint(&self) -> usize {
        "YYYY-MM-DDTHH:MM:SSZ".len()
    }
}

/// Sent as `YYYY-MM-DD`, the format of date parameters such as `DateCreated>=`.
impl FormValue for NaiveDate {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        let _ = write!(out, "{}", self.format("%Y-%m-%d"));
    }

    fn size_hint(&self) -> usize {
        "YYYY-MM-DD".len()
    }
}

/// Serde helpers for a `DateTime<Utc>` written in RFC 2822, as in Twilio's replies
/// (`Fri, 18 Feb 2011 21:07:19 +0000`); use with `#[serde(with = "twilio_endpoint_runtime::time::rfc2822")]`.
///
/// Any offset is accepted and converted to UTC.
pub mod rfc2822 {
    use super::*;

    /// Writes the date in RFC 2822, with a `+0000` offset.
    pub fn serialize<S: Serializer>(date: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&date.to_rfc2822())
    }

    /// Reads an RFC 2822 date with any offset, as the same instant in UTC.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
        deserializer.deserialize_str(Rfc2822Visitor)
    }

    struct Rfc2822Visitor;

    impl Visitor<'_> for Rfc2822Visitor {
        type Value = DateTime<Utc>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an RFC 2822 date")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime<Utc>, E> {
            DateTime::parse_from_rfc2822(text).map(|date| date.with_timezone(&Utc)).map_err(|_| {
                E::custom(InvalidValue::new(
                    "an RFC 2822 date such as `Fri, 18 Feb 2011 21:07:19 +0000`",
                    text,
                ))
            })
        }
    }

    /// The same for an `Option<DateTime<Utc>>`, `null` being `None`; use with
    /// `#[serde(default, with = "twilio_endpoint_runtime::time::rfc2822::option")]`.
    pub mod option {
        use super::*;

        /// Writes the date in RFC 2822, or `null`.
        pub fn serialize<S: Serializer>(
            date: &Option<DateTime<Utc>>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match date {
                Some(date) => serializer.serialize_some(&date.to_rfc2822()),
                None => serializer.serialize_none(),
            }
        }

        /// Reads an RFC 2822 date as in [`rfc2822::deserialize`](super::deserialize), or `null` as `None`.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            Ok(Option::<Rfc2822>::deserialize(deserializer)?.map(|Rfc2822(date)| date))
        }

        /// A date that deserializes through [`rfc2822::deserialize`](super::deserialize), so that
        /// `Option`'s own impl can handle `null`.
        struct Rfc2822(DateTime<Utc>);

        impl<'de> Deserialize<'de> for Rfc2822 {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                super::deserialize(deserializer).map(Rfc2822)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;
    use serde::Serialize;

    use super::*;
    use crate::encode::FormWriter;

    fn sent(value: &impl FormValue) -> String {
        let mut out = FormWriter::default();
        out.pair("K", value);
        out.finish()
    }

    #[test]
    fn date_times_are_sent_in_utc_with_seconds() {
        let utc = Utc.with_ymd_and_hms(2024, 3, 9, 7, 5, 3).unwrap();
        assert_eq!(sent(&utc), "K=2024-03-09T07%3A05%3A03Z");

        let paris = FixedOffset::east_opt(2 * 3600).unwrap();
        let local =
            paris.with_ymd_and_hms(2024, 3, 9, 1, 30, 0).unwrap() + chrono::Duration::milliseconds(999);
        assert_eq!(sent(&local), "K=2024-03-08T23%3A30%3A00Z");
    }

    #[test]
    fn dates_are_sent_as_year_month_day() {
        assert_eq!(sent(&NaiveDate::from_ymd_opt(2009, 7, 6).unwrap()), "K=2009-07-06");
    }

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Reply {
        #[serde(with = "rfc2822")]
        date_created: DateTime<Utc>,
        #[serde(default, with = "rfc2822::option")]
        end_time: Option<DateTime<Utc>>,
    }

    #[test]
    fn reads_rfc2822_dates_with_any_offset() {
        let reply: Reply = serde_json::from_str(
            r#"{"date_created": "Fri, 18 Feb 2011 23:07:19 +0200", "end_time": "Fri, 18 Feb 2011 21:07:19 +0000"}"#,
        )
        .unwrap();
        let expected = Utc.with_ymd_and_hms(2011, 2, 18, 21, 7, 19).unwrap();
        assert_eq!(reply, Reply { date_created: expected, end_time: Some(expected) });
    }

    #[test]
    fn null_or_missing_is_none() {
        let reply: Reply =
            serde_json::from_str(r#"{"date_created": "Fri, 18 Feb 2011 21:07:19 +0000", "end_time": null}"#)
                .unwrap();
        assert_eq!(reply.end_time, None);
        let reply: Reply =
            serde_json::from_str(r#"{"date_created": "Fri, 18 Feb 2011 21:07:19 +0000"}"#).unwrap();
        assert_eq!(reply.end_time, None);
    }

    #[test]
    fn rejects_other_formats() {
        let error = serde_json::from_str::<Reply>(r#"{"date_created": "2011-02-18T21:07:19Z"}"#).unwrap_err();
        assert!(
            error.to_string().starts_with(
                "expected an RFC 2822 date such as `Fri, 18 Feb 2011 21:07:19 +0000`, got `2011-02-18T21:07:19Z`"
            ),
            "{error}"
        );
        assert!(serde_json::from_str::<Reply>(r#"{"date_created": null}"#).is_err());
        assert!(serde_json::from_str::<Reply>(r#"{"date_created": "x", "end_time": "y"}"#).is_err());
    }

    #[test]
    fn writes_rfc2822_dates_back() {
        let date = Utc.with_ymd_and_hms(2011, 2, 18, 21, 7, 19).unwrap();
        let reply = Reply { date_created: date, end_time: None };
        let json = serde_json::to_string(&reply).unwrap();
        assert_eq!(json, r#"{"date_created":"Fri, 18 Feb 2011 21:07:19 +0000","end_time":null}"#);
        assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), reply);
    }
}
