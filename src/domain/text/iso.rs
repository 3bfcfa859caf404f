//! ISO 8601 calendar dates ("2026-11-24") and times of day ("09:30"): what date and time inputs
//! give, and how records store them. Parsed and written by `time`'s format descriptions.

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, PrimitiveDateTime, Time};

const DATE: &[BorrowedFormatItem<'static>] =
    format_description!("[year repr:full sign:automatic]-[month]-[day]");
const TIME: &[BorrowedFormatItem<'static>] = format_description!("[hour repr:24]:[minute]");
const MOMENT: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour repr:24]:[minute]");

/// Parses exactly `YYYY-MM-DD` (surrounding white space allowed); `None` for anything else,
/// including dates that don't exist (2026-02-29).
pub fn parse_date(input: &str) -> Option<Date> {
    let text = input.trim();
    // Four-digit years only (the format would also take a sign, or five digits).
    if text.len() != 10 || !text.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    Date::parse(text, DATE).ok()
}

/// Parses exactly `HH:MM` (24-hour clock).
pub fn parse_time(input: &str) -> Option<Time> {
    Time::parse(input.trim(), TIME).ok()
}

/// `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    date.format(DATE).unwrap_or_default()
}

/// `HH:MM`.
pub fn format_time(time: Time) -> String {
    time.format(TIME).unwrap_or_default()
}

/// A local date and time to the minute, `YYYY-MM-DDTHH:MM`: when a photo was taken, and backup
/// names. Sorts as text in time order.
pub fn format_moment(moment: PrimitiveDateTime) -> String {
    moment.format(MOMENT).unwrap_or_default()
}

/// Serde for a [`Date`] field as `YYYY-MM-DD` text: `#[serde(with = "iso::date")]`.
pub mod date {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::format_date(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_date(&text).ok_or_else(|| D::Error::custom(format!("not a date: {text}")))
    }
}

/// Serde for an optional [`Time`] field as `HH:MM` text: `#[serde(default, with = "iso::optional_time")]`.
pub mod optional_time {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    use time::Time;

    pub fn serialize<S: Serializer>(time: &Option<Time>, serializer: S) -> Result<S::Ok, S::Error> {
        match time {
            Some(time) => serializer.serialize_some(&super::format_time(*time)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Time>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) => super::parse_time(&text)
                .map(Some)
                .ok_or_else(|| D::Error::custom(format!("not a time: {text}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, time};

    #[test]
    fn parses_exactly_what_date_and_time_inputs_give() {
        assert_eq!(parse_date("2026-02-28"), Some(date!(2026 - 02 - 28)));
        assert_eq!(parse_date(" 2024-02-29 "), Some(date!(2024 - 02 - 29)));
        assert_eq!(parse_date("0999-01-01"), Some(date!(0999 - 01 - 01)));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "24/11/2026",
            "2026-1-05",
            "+026-01-01",
            "2026-01-0x",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
        assert_eq!(parse_time("09:30"), Some(time!(9:30)));
        assert_eq!(parse_time("23:59"), Some(time!(23:59)));
        for bad in ["24:00", "9:30", "09:60", "09-30", "+9:30"] {
            assert_eq!(parse_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn formats_round_trip() {
        for d in [date!(2026 - 11 - 24), date!(2024 - 02 - 29), date!(0999 - 01 - 01)] {
            assert_eq!(parse_date(&format_date(d)), Some(d));
            assert_eq!(format_date(d), d.to_string());
        }
        assert_eq!(format_time(time!(8:05)), "08:05");
        assert_eq!(format_moment(datetime!(2026-11-24 8:05:59)), "2026-11-24T08:05");
    }
}
