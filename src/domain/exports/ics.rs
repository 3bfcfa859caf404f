//! An iCalendar file (RFC 5545) of planned sessions, with optional check-in reminders, for the
//! phone's own calendar: the only way a web app without a server can remind anyone of anything
//! when it is closed.
//!
//! Times are floating (no time zone): a session at 10:00 is at 10:00 wherever the phone is, as
//! the client entered it. Each event's UID is made from the session's id, so importing a newer
//! file updates the events instead of doubling them.

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time};

use crate::domain::diary::session::Session;
use crate::domain::profile::Profile;

/// Days of check-in reminders after a session: redness usually settles within days, and
/// anything lasting past a week needs the clinic (EVIDENCE.md, "Recovery").
pub const CHECK_IN_DAYS: u32 = 7;

/// What to put in the calendar besides the sessions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarOptions {
    /// A daily reminder to check in, at this time, for [`CHECK_IN_DAYS`] days after each session.
    pub check_in_at: Option<Time>,
}

/// Text escaped for a TEXT value (§3.3.11).
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends a content line, folded at 75 octets (§3.1) without splitting a character.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// RFC 5545 DATE (`20261124`) and floating local DATE-TIME (`20261124T093000`).
const DATE_VALUE: &[BorrowedFormatItem<'static>] = format_description!("[year][month][day]");
const LOCAL_DATE_TIME: &[BorrowedFormatItem<'static>] =
    format_description!("[year][month][day]T[hour repr:24][minute]00");
const UTC_STAMP: &[BorrowedFormatItem<'static>] =
    format_description!("[year][month][day]T[hour repr:24][minute][second]Z");

fn date_value(date: Date) -> String {
    date.format(DATE_VALUE).unwrap_or_default()
}

fn local_date_time(date: Date, time: Time) -> String {
    PrimitiveDateTime::new(date, time).format(LOCAL_DATE_TIME).unwrap_or_default()
}

/// The planned sessions on or after `today`: what a calendar export holds.
pub fn planned_from(sessions: &[Session], today: Date) -> Vec<&Session> {
    let mut planned: Vec<&Session> = sessions.iter().filter(|s| !s.is_done() && s.date >= today).collect();
    planned.sort_by_key(|s| s.when());
    planned
}

/// What the export says instead of saving an empty calendar.
pub const NOTHING_TO_ADD: &str = "There is nothing to add to your calendar yet: it holds planned sessions, and none is planned from today on. Add a session marked \"planned\" on the Sessions page, then export again. Nothing was saved.";

/// The calendar for every planned session on or after `today`. `stamp` is the moment the file is
/// made, in UTC, as `YYYYMMDDTHHMMSSZ` (DTSTAMP).
pub fn calendar(
    sessions: &[Session],
    profile: &Profile,
    today: Date,
    stamp: &str,
    options: CalendarOptions,
) -> String {
    let mut out = String::new();
    for content in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Remodel//Microneedling progress//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        line(&mut out, content);
    }
    for session in planned_from(sessions, today) {
        session_event(&mut out, session, profile, stamp);
        if let Some(at) = options.check_in_at {
            check_in_event(&mut out, session, stamp, at);
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn session_event(out: &mut String, session: &Session, profile: &Profile, stamp: &str) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:remodel-session-{}", text(&session.id)));
    line(out, &format!("DTSTAMP:{stamp}"));
    match session.time {
        Some(time) => {
            line(out, &format!("DTSTART:{}", local_date_time(session.date, time)));
            line(out, "DURATION:PT1H");
        }
        None => {
            line(out, &format!("DTSTART;VALUE=DATE:{}", date_value(session.date)));
            line(out, &format!("DTEND;VALUE=DATE:{}", date_value(session.date + Duration::days(1))));
        }
    }
    line(out, "SUMMARY:Microneedling session");
    if !session.clinic.is_empty() {
        line(out, &format!("LOCATION:{}", text(&session.clinic)));
    }
    let areas: Vec<String> = session.areas.iter().map(|a| profile.area_name(&a.area_id)).collect();
    let mut description = String::from("Planned in Remodel.");
    if !areas.is_empty() {
        description.push_str(&format!("\nAreas: {}.", areas.join(", ")));
    }
    if !session.notes.is_empty() {
        description.push_str(&format!("\n{}", session.notes));
    }
    line(out, &format!("DESCRIPTION:{}", text(&description)));
    // A reminder the day before, when there is still time to plan around it.
    line(out, "BEGIN:VALARM");
    line(out, "ACTION:DISPLAY");
    line(out, "DESCRIPTION:Microneedling session tomorrow");
    line(out, "TRIGGER:-P1D");
    line(out, "END:VALARM");
    line(out, "END:VEVENT");
}

fn check_in_event(out: &mut String, session: &Session, stamp: &str, at: Time) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:remodel-check-in-{}", text(&session.id)));
    line(out, &format!("DTSTAMP:{stamp}"));
    line(out, &format!("DTSTART:{}", local_date_time(session.date + Duration::days(1), at)));
    line(out, "DURATION:PT5M");
    line(out, &format!("RRULE:FREQ=DAILY;COUNT={CHECK_IN_DAYS}"));
    line(out, "SUMMARY:Remodel check-in");
    line(
        out,
        &format!(
            "DESCRIPTION:{}",
            text("How is your skin today? Log redness and swelling in Remodel. Redness that lasts past a week needs your clinic to look at it.")
        ),
    );
    line(out, "BEGIN:VALARM");
    line(out, "ACTION:DISPLAY");
    line(out, "DESCRIPTION:Remodel check-in");
    line(out, "TRIGGER:PT0M");
    line(out, "END:VALARM");
    line(out, "END:VEVENT");
}

/// DTSTAMP text for a UTC moment given as seconds since 1970.
pub fn utc_stamp(unix_seconds: i64) -> String {
    let moment = OffsetDateTime::from_unix_timestamp(unix_seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    moment.format(UTC_STAMP).unwrap_or_default()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "ics_tests.rs"]
mod tests;
