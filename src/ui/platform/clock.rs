//! Today's date on the device's calendar (the client's local time zone).

use time::{Date, Month, PrimitiveDateTime, Time};

/// The local calendar date of a moment.
fn local_date(moment: &js_sys::Date) -> Date {
    let month = Month::try_from(moment.get_month() as u8 + 1).unwrap_or(Month::January);
    Date::from_calendar_date(moment.get_full_year() as i32, month, moment.get_date() as u8)
        .unwrap_or(Date::MIN)
}

/// The local calendar date now. Playwright's clock control fixes it in tests.
pub fn today() -> Date {
    local_date(&js_sys::Date::new_0())
}

/// The local date and time now, `YYYY-MM-DDTHH:MM` (what records and backup names use); date and
/// time from one reading of the clock, so a save at midnight can't pair one day with the other's time.
pub fn now_local() -> String {
    let now = js_sys::Date::new_0();
    let time = Time::from_hms(now.get_hours() as u8, now.get_minutes() as u8, 0).unwrap_or(Time::MIDNIGHT);
    crate::domain::text::iso::format_moment(PrimitiveDateTime::new(local_date(&now), time))
}

/// Seconds since 1970 now (UTC).
pub fn unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// The moment now in UTC, as `Date.toISOString` writes it (`2026-12-05T23:51:17.042Z`): the
/// `updated` stamp of a saved record. One fixed width and zone, so two stamps compare as text.
pub fn now_utc() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
