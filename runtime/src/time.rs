//! Twilio's dates: sent as ISO 8601 in UTC, received in replies as RFC 2822.
//!
//! The date types the setters take and the replies hold are chrono's, re-exported here so that an
//! application builds them without a `chrono` dependency of its own (whose version would have to
//! match this crate's):
//!
//! ```
//! use twilio_endpoint_runtime::time::{TimeZone as _, Utc};
//!
//! let send_at = Utc.with_ymd_and_hms(2026, 12, 24, 18, 0, 0).unwrap();
//! assert_eq!(send_at.to_rfc3339(), "2026-12-24T18:00:00+00:00");
//! ```

use std::fmt::{self, Write as _};

pub use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono::{Datelike as _, FixedOffset};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serializer};

use crate::form::{FormValue, ValueWriter};
use crate::values::InvalidValue;

/// Sent in UTC with whole seconds, `YYYY-MM-DDTHH:MM:SSZ`, as the official Python SDK formats a date-time
/// parameter (`StartTime>=`, `SendAt`, ...).
impl<Tz: TimeZone> FormValue for DateTime<Tz> {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        // The writer escapes what it is given and cannot fail.
        let _ = write!(out, "{}", self.with_timezone(&Utc).format("%Y-%m-%dT%H:%M:%SZ"));
    }
}

/// Sent as `YYYY-MM-DD`, the format of date parameters such as `DateCreated>=`.
impl FormValue for NaiveDate {
    fn write_value(&self, out: &mut ValueWriter<'_>) {
        let _ = write!(out, "{}", self.format("%Y-%m-%d"));
    }
}

/// Serde helpers for a `DateTime<Utc>` written in RFC 2822, as in Twilio's replies
/// (`Fri, 18 Feb 2011 21:07:19 +0000`); use with `#[serde(with = "twilio_endpoint_runtime::time::rfc2822")]`.
///
/// Any offset is accepted and converted to UTC.
pub mod rfc2822 {
    use super::*;

    /// Writes the date in RFC 2822 as Twilio does, the day in two digits and a `+0000` offset
    /// (`Tue, 01 Dec 2026 15:48:29 +0000`; chrono's `to_rfc2822` writes `Tue, 1 Dec 2026`).
    pub fn serialize<S: Serializer>(date: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&twilio_format(date))
    }

    /// The date as Twilio writes one in its replies.
    pub(super) fn twilio_format(date: &DateTime<Utc>) -> impl fmt::Display + '_ {
        date.format("%a, %d %b %Y %H:%M:%S %z")
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
            if let Some(date) = parse_twilio_shape(text) {
                return Ok(date);
            }
            DateTime::parse_from_rfc2822(text).map(|date| date.with_timezone(&Utc)).map_err(|_| {
                E::custom(InvalidValue::new(
                    "an RFC 2822 date such as `Fri, 18 Feb 2011 21:07:19 +0000`",
                    text,
                ))
            })
        }
    }

    const WEEKDAYS: [&[u8; 3]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
    const MONTHS: [&[u8; 3]; 12] =
        [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];

    /// Reads the one shape of RFC 2822 that Twilio writes, `Fri, 18 Feb 2011 21:07:19 +0000` (two-digit
    /// day, four-digit year, numeric offset), at a tenth of the cost of chrono's general parser: every
    /// reply carries two or more dates, and reading them was a quarter of decoding a participant.
    /// `None` for anything else, which chrono then reads or refuses, so what is accepted and how it is
    /// read stay chrono's (a unit test compares the two on valid and mangled dates).
    pub(super) fn parse_twilio_shape(text: &str) -> Option<DateTime<Utc>> {
        let b = text.as_bytes();
        let shape = b.len() == 31
            && &b[3..5] == b", "
            && [7, 11, 16, 25].iter().all(|&at| b[at] == b' ')
            && b[19] == b':'
            && b[22] == b':';
        if !shape {
            return None;
        }
        let number = |from: usize, to: usize| {
            b[from..to].iter().try_fold(0, |n: u32, &digit| {
                digit.is_ascii_digit().then(|| n * 10 + u32::from(digit - b'0'))
            })
        };
        let weekday = WEEKDAYS.iter().position(|name| name[..] == b[0..3])?;
        let month = MONTHS.iter().position(|name| name[..] == b[8..11])?;
        let date = NaiveDate::from_ymd_opt(
            i32::try_from(number(12, 16)?).ok()?,
            u32::try_from(month).ok()? + 1,
            number(5, 7)?,
        )?;
        if usize::try_from(date.weekday().num_days_from_monday()).ok()? != weekday {
            return None;
        }
        let time = date.and_hms_opt(number(17, 19)?, number(20, 22)?, number(23, 25)?)?;
        let (offset_hours, offset_minutes) = (number(27, 29)?, number(29, 31)?);
        if offset_minutes >= 60 {
            return None;
        }
        let offset = i32::try_from(offset_hours * 3600 + offset_minutes * 60).ok()?;
        let offset = match b[26] {
            b'+' => FixedOffset::east_opt(offset)?,
            b'-' => FixedOffset::west_opt(offset)?,
            _ => return None,
        };
        Some(offset.from_local_datetime(&time).single()?.with_timezone(&Utc))
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
                Some(date) => serializer.serialize_some(&super::twilio_format(date).to_string()),
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
    use crate::form::FormWriter;

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

    /// Where the fast reader takes a date, it reads what chrono reads; elsewhere chrono decides.
    #[test]
    fn the_twilio_shape_is_read_as_chrono_reads_it() {
        let chrono_reads =
            |text: &str| DateTime::parse_from_rfc2822(text).ok().map(|d| d.with_timezone(&Utc));
        let mut rng = fastrand::Rng::with_seed(7);
        let mut taken = 0;
        for _ in 0..20_000 {
            let seconds = rng.i64(-62_000_000_000..250_000_000_000);
            let offset = FixedOffset::east_opt(rng.i32(-86_399..86_400) / 60 * 60).unwrap();
            let date = DateTime::from_timestamp(seconds, 0).unwrap().with_timezone(&offset);
            let valid = date.format("%a, %d %b %Y %H:%M:%S %z").to_string();
            let mut mangled = valid.clone().into_bytes();
            let at = rng.usize(..mangled.len());
            mangled[at] = *rng.choice(b"0123456789 +-:,AaZz\xff").unwrap();
            for text in [valid, String::from_utf8_lossy(&mangled).into_owned()] {
                let fast = rfc2822::parse_twilio_shape(&text);
                taken += usize::from(fast.is_some());
                assert!(fast.is_none() || fast == chrono_reads(&text), "{text}: {fast:?}");
            }
        }
        // Every four-digit-year date of the valid half, and the mangled ones still valid.
        assert!(taken > 15_000, "{taken}");
        let twilio = rfc2822::parse_twilio_shape("Fri, 18 Feb 2011 23:07:19 +0200");
        assert_eq!(twilio, Some(Utc.with_ymd_and_hms(2011, 2, 18, 21, 7, 19).unwrap()));
        for other in [
            "Fri, 18 Feb 2011 21:07:19 GMT",
            "Fri, 8 Feb 2011 21:07:19 +0000",
            "Sat, 18 Feb 2011 21:07:19 +0000",
        ] {
            assert_eq!(rfc2822::parse_twilio_shape(other), None, "{other}");
        }
    }

    #[test]
    fn writes_rfc2822_dates_back() {
        let date = Utc.with_ymd_and_hms(2011, 2, 18, 21, 7, 19).unwrap();
        let reply = Reply { date_created: date, end_time: None };
        let json = serde_json::to_string(&reply).unwrap();
        assert_eq!(json, r#"{"date_created":"Fri, 18 Feb 2011 21:07:19 +0000","end_time":null}"#);
        assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), reply);

        // The day in two digits, as Twilio writes it, and the field of an `Option` alike.
        let early = Utc.with_ymd_and_hms(2026, 12, 1, 9, 5, 3).unwrap();
        let reply = Reply { date_created: early, end_time: Some(early) };
        let json = serde_json::to_string(&reply).unwrap();
        assert_eq!(
            json,
            r#"{"date_created":"Tue, 01 Dec 2026 09:05:03 +0000","end_time":"Tue, 01 Dec 2026 09:05:03 +0000"}"#
        );
        assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), reply);
    }
}
