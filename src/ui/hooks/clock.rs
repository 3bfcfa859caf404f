//! Today's date on the device's calendar (the client's local time zone).

use time::{Date, Month};

/// The local calendar date now. Playwright's clock control fixes it in tests.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let month = Month::try_from(now.get_month() as u8 + 1).unwrap_or(Month::January);
    Date::from_calendar_date(now.get_full_year() as i32, month, now.get_date() as u8).unwrap_or(Date::MIN)
}
