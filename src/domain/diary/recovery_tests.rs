use super::*;
use crate::domain::diary::session::{DeviceKind, SessionStatus};
use time::macros::{date, time};

const TODAY: Date = date!(2026 - 11 - 24);

pub(crate) fn session(id: &str, date: Date, status: SessionStatus) -> Session {
    Session {
        id: id.into(),
        date,
        time: None,
        status,
        areas: vec![],
        device: DeviceKind::Pen,
        device_model: String::new(),
        passes: None,
        products: vec![],
        numbing: false,
        at_home: false,
        clinic: String::new(),
        practitioner: String::new(),
        pain: None,
        notes: String::new(),
        updated: None,
    }
}

/// A check-in record `day` days after `session_date`, explicitly following `session_id`.
pub(crate) fn entry_after(session_id: &str, session_date: Date, day: i64, redness: u8) -> RecoveryEntry {
    RecoveryEntry {
        id: format!("{session_id}-{day}-{redness}"),
        date: session_date + time::Duration::days(day),
        session_id: Some(session_id.into()),
        redness,
        swelling: redness.min(3),
        pain: Some(redness),
        itch: None,
        dryness: None,
        bleeding_or_bruising: false,
        infection_signs: vec![],
        dark_patches: false,
        side_effects: Vec::new(),
        aftercare_done: vec![],
        gais: None,
        notes: String::new(),
        updated: None,
    }
}

fn check_in(date: &str) -> RecoveryForm {
    RecoveryForm { date: date.into(), redness: Some(2), swelling: Some(1), ..RecoveryForm::default() }
}

#[test]
fn a_check_in_follows_the_latest_done_session_on_or_before_its_date() {
    let mut later_same_day = session("c", date!(2026 - 11 - 10), SessionStatus::Done);
    later_same_day.time = Some(time!(15:00));
    let sessions = vec![
        session("a", date!(2026 - 10 - 01), SessionStatus::Done),
        session("b", date!(2026 - 11 - 10), SessionStatus::Done),
        later_same_day,
        session("planned", date!(2026 - 11 - 20), SessionStatus::Planned),
    ];
    let pick = |d| default_session_for(d, &sessions).map(|s| s.id.as_str());
    assert_eq!(pick(date!(2026 - 09 - 30)), None);
    assert_eq!(pick(date!(2026 - 10 - 01)), Some("a"));
    assert_eq!(pick(date!(2026 - 11 - 09)), Some("a"));
    assert_eq!(pick(date!(2026 - 11 - 10)), Some("c"), "the later session that day");
    assert_eq!(pick(date!(2026 - 11 - 24)), Some("c"), "planned sessions are not followed");
}

#[test]
fn day_numbers_count_calendar_days_across_month_year_leap_and_dst_boundaries() {
    let cases = [
        (date!(2026 - 11 - 24), date!(2026 - 11 - 24), 0),
        (date!(2026 - 11 - 24), date!(2026 - 11 - 25), 1),
        (date!(2026 - 01 - 30), date!(2026 - 02 - 02), 3),
        (date!(2026 - 12 - 30), date!(2027 - 01 - 02), 3),
        (date!(2028 - 02 - 27), date!(2028 - 03 - 01), 3),
        (date!(2027 - 02 - 27), date!(2027 - 03 - 01), 2),
        // Daylight saving starts (EU 2026-03-29, US 2026-03-08) and ends (EU 2026-10-25).
        (date!(2026 - 03 - 28), date!(2026 - 03 - 30), 2),
        (date!(2026 - 03 - 07), date!(2026 - 03 - 09), 2),
        (date!(2026 - 10 - 24), date!(2026 - 10 - 26), 2),
    ];
    for (session, entry, expected) in cases {
        assert_eq!(day_number(session, entry), expected, "{session} -> {entry}");
    }
}

#[test]
fn a_valid_check_in_links_its_session() {
    let sessions = vec![session("s1", date!(2026 - 11 - 20), SessionStatus::Done)];
    let mut form = check_in("2026-11-22");
    form.aftercare_done = vec!["Sun protection".into(), "Sun protection".into()];
    form.infection_signs = vec![InfectionSign::Fever];
    let entry = form.validate("e1".into(), TODAY, &sessions).unwrap();
    assert_eq!(entry.session_id, None, "the default link is not stored");
    assert_eq!(session_of(&entry, &sessions).map(|s| s.id.as_str()), Some("s1"));
    assert!(follows(&entry, "s1", &sessions));
    assert_eq!(day_number(sessions[0].date, entry.date), 2);
    assert_eq!(entry.aftercare_done, vec!["Sun protection".to_string()]);
    assert_eq!(RecoveryForm::from_entry(&entry).validate("e1".into(), TODAY, &sessions), Ok(entry));
}

#[test]
fn invalid_check_ins_say_what_is_wrong() {
    let sessions = vec![
        session("s1", date!(2026 - 11 - 20), SessionStatus::Done),
        session("p", date!(2026 - 11 - 30), SessionStatus::Planned),
    ];
    type Change = fn(&mut RecoveryForm);
    let cases: &[(&str, Change, &str)] = &[
        ("date", |f| f.date = "".into(), "Enter the check-in date."),
        ("date", |f| f.date = "2026-11-25".into(), "A check-in can't be dated in the future."),
        (
            "date",
            |f| {
                f.session_id = Some("s1".into());
                f.date = "2026-11-19".into();
            },
            "This check-in is dated before the session",
        ),
        ("session", |f| f.session_id = Some("p".into()), "That session no longer exists or is not done"),
        ("redness", |f| f.redness = None, "Choose how red the skin is"),
        ("redness", |f| f.redness = Some(5), "Choose how red the skin is"),
        ("swelling", |f| f.swelling = Some(4), "Choose how swollen"),
        ("pain", |f| f.pain = "12".into(), "Pain must be a whole number from 0 to 10."),
        ("itch", |f| f.itch = Some(4), "Choose a value from 0 to 3."),
        ("gais", |f| f.gais = Some(0), "Choose an improvement rating"),
        ("notes", |f| f.notes = "x".repeat(5_001), "Notes can be at most 5,000"),
    ];
    for (field, change, expected) in cases {
        let mut form = check_in("2026-11-22");
        change(&mut form);
        let errors = form.validate("e".into(), TODAY, &sessions).unwrap_err();
        let message = errors.get(field).unwrap_or_else(|| panic!("no message for {field}: {errors:?}"));
        assert!(message.starts_with(expected), "{field}: {message:?}");
    }
}

#[test]
fn a_session_logged_after_its_check_ins_picks_them_up() {
    let entry = check_in("2026-11-21").validate("e".into(), TODAY, &[]).unwrap();
    assert_eq!(session_of(&entry, &[]), None);
    let logged_later = vec![session("s1", date!(2026 - 11 - 20), SessionStatus::Done)];
    assert_eq!(session_of(&entry, &logged_later).map(|s| s.id.as_str()), Some("s1"));
}

#[test]
fn an_explicit_choice_wins_until_its_session_is_gone() {
    let sessions = vec![
        session("old", date!(2026 - 10 - 01), SessionStatus::Done),
        session("new", date!(2026 - 11 - 20), SessionStatus::Done),
    ];
    let mut form = check_in("2026-11-22");
    form.session_id = Some("old".into());
    let entry = form.validate("e".into(), TODAY, &sessions).unwrap();
    assert_eq!(session_of(&entry, &sessions).map(|s| s.id.as_str()), Some("old"));
    assert_eq!(
        session_of(&entry, &sessions[1..]).map(|s| s.id.as_str()),
        Some("new"),
        "falls back to the default"
    );
}

#[test]
fn scales_have_their_anchored_words() {
    assert_eq!(REDNESS_WORDS, ["Clear", "Almost clear", "Mild", "Moderate", "Severe"]);
    assert_eq!(GAIS_WORDS[0], "Very much improved");
    assert_eq!(GAIS_WORDS[4], "Worse");
}

#[test]
fn grouping_agrees_with_linking_one_by_one() {
    let sessions = vec![
        session("a", date!(2026 - 10 - 01), SessionStatus::Done),
        session("b", date!(2026 - 11 - 10), SessionStatus::Done),
        session("p", date!(2026 - 11 - 12), SessionStatus::Planned),
    ];
    let mut entries = Vec::new();
    for (i, d) in ["2026-09-30", "2026-10-01", "2026-11-09", "2026-11-10", "2026-11-20"].iter().enumerate() {
        entries.push(check_in(d).validate(format!("e{i}"), TODAY, &sessions).unwrap());
    }
    let mut chosen = check_in("2026-11-20");
    chosen.session_id = Some("a".into());
    entries.push(chosen.validate("chosen".into(), TODAY, &sessions).unwrap());
    let groups = entries_by_session(&entries, &sessions);
    for entry in &entries {
        let expected = session_of(entry, &sessions).map(|s| s.id.as_str());
        let found = groups.iter().find(|(_, list)| list.iter().any(|e| e.id == entry.id)).map(|(id, _)| *id);
        assert_eq!(found, expected, "{}", entry.id);
    }
}

#[test]
fn the_improvement_rating_is_asked_weekly_from_a_week_after_the_first_session() {
    let sessions = vec![session("s1", date!(2026 - 11 - 10), SessionStatus::Done)];
    let mut rated = check_in("2026-11-18").validate("e".into(), TODAY, &sessions).unwrap();
    rated.gais = Some(3);
    assert!(!improvement_rating_due(date!(2026 - 11 - 16), &sessions, &[]), "6 days after the session");
    assert!(improvement_rating_due(date!(2026 - 11 - 17), &sessions, &[]));
    assert!(
        !improvement_rating_due(date!(2026 - 11 - 24), &sessions, std::slice::from_ref(&rated)),
        "rated 6 days ago"
    );
    assert!(improvement_rating_due(date!(2026 - 11 - 25), &sessions, &[rated]));
    assert!(!improvement_rating_due(TODAY, &[], &[]));
}

#[test]
fn the_form_previews_the_day_number() {
    let sessions = vec![session("s1", date!(2026 - 11 - 20), SessionStatus::Done)];
    assert_eq!(
        day_preview("2026-11-23", None, &sessions).as_deref(),
        Some("Day 3 after the session of 20 Nov 2026")
    );
    assert_eq!(day_preview("2026-11-19", None, &sessions), None);
    assert_eq!(day_preview("not a date", None, &sessions), None);
}

#[test]
fn improvement_ratings_read_as_words() {
    use super::gais_word;
    assert_eq!(gais_word(1), "very much improved");
    assert_eq!(gais_word(4), "no change");
    assert_eq!(gais_word(9), "worse");
    assert_eq!(gais_word(0), "very much improved");
}
