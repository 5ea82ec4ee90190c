//! [`UsageDate`]: a day of the usage records' filters, given as a date or as an offset from today.

use std::str::FromStr;

use chrono::NaiveDate;

use super::InvalidValue;

const USAGE_DATE: &str = "a date (`YYYY-MM-DD`) or an offset from today in days (`-30days`, `+30days`)";

/// The first or last day of the usage records to list: a date (`2024-03-09`), or a number of days
/// before or after today, which Twilio resolves when it answers (`-30days`, `+30days`).
///
/// The text is kept and sent exactly as given; `+` is escaped on the wire (`%2B30days`), so that it
/// is not read back as a space.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct UsageDate(String);

impl UsageDate {
    /// The day `date`, sent as `YYYY-MM-DD`.
    pub fn date(date: NaiveDate) -> Self {
        Self(date.format("%Y-%m-%d").to_string())
    }

    /// `days` days from today, before it when negative: `-30` is sent as `-30days`, `30` as `+30days`.
    pub fn days_from_today(days: i32) -> Self {
        Self(format!("{days:+}days"))
    }

    /// The text as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<NaiveDate> for UsageDate {
    fn from(date: NaiveDate) -> Self {
        Self::date(date)
    }
}

impl FromStr for UsageDate {
    type Err = InvalidValue;

    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        // An offset: a sign, then days (as many as an `i32` holds, so that the text is one
        // `days_from_today` would write, leading zeros aside), then `days`.
        let offset = text
            .strip_prefix(['+', '-'])
            .and_then(|rest| rest.strip_suffix("days"))
            .is_some_and(|days| digits(days) && days.parse::<i32>().is_ok());
        // A date: exactly `YYYY-MM-DD` (chrono alone would take `2024-3-9`), and a real day.
        let date = text.len() == 10
            && text
                .bytes()
                .enumerate()
                .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
            && NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok();
        if offset || date { Ok(Self(text.to_owned())) } else { Err(InvalidValue::new(USAGE_DATE, text)) }
    }
}

text_value!(UsageDate);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormWriter;

    #[test]
    fn dates_and_offsets_are_kept_as_given() {
        for text in ["2024-02-29", "-30days", "+30days", "+0days", "-007days"] {
            let date: UsageDate = text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"));
            assert_eq!(date.as_str(), text);
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(UsageDate::days_from_today(-30).as_str(), "-30days");
        assert_eq!(UsageDate::days_from_today(30).as_str(), "+30days");
        assert_eq!(UsageDate::days_from_today(0).as_str(), "+0days");
        let leap = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(UsageDate::from(leap).as_str(), "2024-02-29");
    }

    #[test]
    fn anything_else_is_rejected_naming_both_forms() {
        for text in [
            "",
            "2023-02-29",
            "2024-3-9",
            "2024/03/09",
            "20240309",
            "30days",
            "-30",
            "-30 days",
            "-days",
            "+-3days",
            "-30Days",
            " -30days",
            "-99999999999days",
            "today",
        ] {
            assert!(text.parse::<UsageDate>().is_err(), "{text:?} should be rejected");
        }
        assert_eq!(
            "-30d".parse::<UsageDate>().unwrap_err().to_string(),
            "expected a date (`YYYY-MM-DD`) or an offset from today in days (`-30days`, `+30days`), got `-30d`"
        );
    }

    #[test]
    fn sent_as_the_sdk_sends_it() {
        let mut out = FormWriter::default();
        out.pair("StartDate", &"-30days".parse::<UsageDate>().unwrap());
        out.pair("EndDate", &UsageDate::days_from_today(30));
        out.pair("EndDate", &"2024-03-09".parse::<UsageDate>().unwrap());
        assert_eq!(out.finish(), "StartDate=-30days&EndDate=%2B30days&EndDate=2024-03-09");

        let date = UsageDate::days_from_today(30);
        let json = serde_json::to_string(&date).unwrap();
        assert_eq!(json, "\"+30days\"");
        assert_eq!(serde_json::from_str::<UsageDate>(&json).unwrap(), date);
        assert!(serde_json::from_str::<UsageDate>("\"30days\"").is_err());
    }
}
