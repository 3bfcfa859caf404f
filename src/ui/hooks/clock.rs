//! Today's date on the device's calendar (the client's local time zone).

use time::{Date, Month};

/// The local calendar date now. Playwright's clock control fixes it in tests.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let month = Month::try_from(now.get_month() as u8 + 1).unwrap_or(Month::January);
    Date::from_calendar_date(now.get_full_year() as i32, month, now.get_date() as u8).unwrap_or(Date::MIN)
}

/// The local date and time now, `YYYY-MM-DDTHH:MM` (what records and backup names use).
pub fn now_local() -> String {
    let now = js_sys::Date::new_0();
    format!("{}T{:02}:{:02}", crate::domain::iso::format_date(today()), now.get_hours(), now.get_minutes())
}

/// Seconds since 1970 now (UTC).
pub fn unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}
