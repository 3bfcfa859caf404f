//! Dates as the app shows them.

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::Date;

/// "24 Nov 2026": unambiguous in every locale, unlike 11/24 or 24/11.
const DISPLAY: &[BorrowedFormatItem<'static>] =
    format_description!("[day padding:none] [month repr:short] [year]");

/// "24 Nov 2026".
pub fn display_date(date: Date) -> String {
    date.format(DISPLAY).unwrap_or_default()
}

/// "November 2026": the gallery's month headings.
const MONTH: &[BorrowedFormatItem<'static>] = format_description!("[month repr:long] [year]");

/// "November 2026".
pub fn display_month(date: Date) -> String {
    date.format(MONTH).unwrap_or_default()
}

/// "today", "yesterday", "3 days ago", "in 2 days".
pub fn relative_days(date: Date, today: Date) -> String {
    match (today - date).whole_days() {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        -1 => "tomorrow".to_string(),
        n if n > 0 => format!("{n} days ago"),
        n => format!("in {} days", -n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_read_the_same_everywhere() {
        assert_eq!(display_date(date!(2026 - 11 - 24)), "24 Nov 2026");
        assert_eq!(display_date(date!(2027 - 01 - 05)), "5 Jan 2027");
    }

    #[test]
    fn relative_days_in_words() {
        let today = date!(2026 - 11 - 24);
        assert_eq!(relative_days(today, today), "today");
        assert_eq!(relative_days(date!(2026 - 11 - 23), today), "yesterday");
        assert_eq!(relative_days(date!(2026 - 10 - 31), today), "24 days ago");
        assert_eq!(relative_days(date!(2026 - 11 - 25), today), "tomorrow");
        assert_eq!(relative_days(date!(2026 - 12 - 01), today), "in 7 days");
    }
}
