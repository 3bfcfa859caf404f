use super::*;
use crate::domain::diary::recovery::tests::session;
use crate::domain::diary::session::SessionStatus;
use icalendar::{parser, Calendar, CalendarComponent, Component, EventLike};
use time::macros::{date, time};

const TODAY: Date = date!(2026 - 11 - 24);
const STAMP: &str = "20261124T093000Z";

fn sessions() -> Vec<Session> {
    let mut timed = session("timed", date!(2026 - 12 - 01), SessionStatus::Planned);
    timed.time = Some(time!(10:30));
    timed.clinic = "Skin Studio, Leeds; 2nd floor".into();
    timed.notes = "Bring the serum\\ and arrive early, please. ".repeat(4);
    let all_day = session("all-day", date!(2027 - 01 - 12), SessionStatus::Planned);
    let done = session("done", date!(2026 - 11 - 01), SessionStatus::Done);
    let overdue = session("overdue", date!(2026 - 11 - 20), SessionStatus::Planned);
    vec![all_day, done, timed, overdue]
}

/// The sample's calendar with check-in reminders at 20:00.
fn with_check_ins() -> String {
    let options = CalendarOptions { check_in_at: Some(time!(20:00)) };
    calendar(&sessions(), &Profile::default(), TODAY, STAMP, options)
}

fn parsed(ics: &str) -> Calendar {
    let unfolded = parser::unfold(ics);
    parser::read_calendar(&unfolded).expect("a valid calendar").into()
}

#[test]
fn planned_sessions_become_events_that_a_parser_reads() {
    let ics = calendar(&sessions(), &Profile::default(), TODAY, STAMP, CalendarOptions { check_in_at: None });
    let calendar = parsed(&ics);
    let events: Vec<_> = calendar.components.iter().filter_map(CalendarComponent::as_event).collect();
    assert_eq!(events.len(), 2, "only planned sessions from today on");
    assert_eq!(events[0].get_uid(), Some("remodel-session-timed"));
    assert_eq!(events[0].get_summary(), Some("Microneedling session"));
    assert_eq!(events[0].get_location(), Some("Skin Studio, Leeds; 2nd floor"));
    assert!(ics.contains("DTSTART:20261201T103000\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20270112\r\nDTEND;VALUE=DATE:20270113\r\n"));
    assert_eq!(ics.matches("BEGIN:VALARM").count(), 2);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
}

#[test]
fn lines_are_crlf_and_folded_at_75_octets() {
    let ics = with_check_ins();
    assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(ics.contains("\r\n "), "the long description is folded");
    // Unfolded, the escaped text is whole again.
    assert!(parser::unfold(&ics).contains("Bring the serum\\\\ and arrive early\\, please."));
}

#[test]
fn check_in_reminders_repeat_daily_for_a_week_after_each_session() {
    let ics = with_check_ins();
    let calendar = parsed(&ics);
    let events: Vec<_> = calendar.components.iter().filter_map(CalendarComponent::as_event).collect();
    assert_eq!(events.len(), 4);
    assert_eq!(events[1].get_uid(), Some("remodel-check-in-timed"));
    assert_eq!(events[1].property_value("RRULE"), Some("FREQ=DAILY;COUNT=7"));
    assert!(ics.contains("DTSTART:20261202T200000\r\n"));
}

#[test]
fn nothing_planned_is_still_a_valid_empty_calendar() {
    let ics = calendar(&[], &Profile::default(), TODAY, STAMP, CalendarOptions { check_in_at: None });
    assert_eq!(parsed(&ics).components.len(), 0);
}

#[test]
fn utc_stamps() {
    assert_eq!(utc_stamp(0), "19700101T000000Z");
    assert_eq!(utc_stamp(1_795_512_600), "20261124T093000Z");
}
