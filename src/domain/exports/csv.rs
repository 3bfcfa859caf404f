//! CSV exports of sessions and check-ins, for a spreadsheet or the clinic.
//!
//! RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, lines end in
//! CRLF. Safe against formula injection: a spreadsheet runs a cell starting with `=`, `+`, `-` or
//! `@` (or a tab or carriage return) as a formula, so such a cell gets a leading `'` (OWASP's
//! advice); a note such as `=HYPERLINK(…)` then shows as text. A UTF-8 byte-order mark leads the
//! file so Excel reads accents and symbols right.

use crate::domain::diary::recovery::{
    day_number, gais_label, session_of, RecoveryEntry, MILD_SCALE_WORDS, REDNESS_WORDS,
};
use crate::domain::diary::session::{Session, SessionStatus};
use crate::domain::profile::Profile;
use crate::domain::text::iso::{format_date, format_time};

const BOM: &str = "\u{FEFF}";

/// One cell, escaped for CSV and made safe from formulas.
pub fn cell(text: &str) -> String {
    let guarded = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn row(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_string()
}

/// Every session, oldest first.
pub fn sessions_csv(sessions: &[Session], profile: &Profile) -> String {
    let mut text = String::from(BOM);
    text.push_str(&row(&[
        "Date",
        "Time",
        "Status",
        "Areas and depth",
        "Device",
        "Device model",
        "Passes",
        "Products",
        "Numbing",
        "Clinic",
        "Practitioner",
        "Pain (0-10)",
        "Notes",
    ]
    .map(String::from)));
    let mut sorted: Vec<&Session> = sessions.iter().collect();
    sorted.sort_by_key(|s| s.when());
    for session in sorted {
        let areas = super::areas_and_depths(session, profile);
        text.push_str(&row(&[
            format_date(session.date),
            session.time.map(format_time).unwrap_or_default(),
            match session.status {
                SessionStatus::Done => "done",
                SessionStatus::Planned => "planned",
            }
            .to_string(),
            areas,
            session.device.label().to_string(),
            session.device_model.clone(),
            optional(session.passes),
            session.products.join("; "),
            yes_no(session.numbing),
            session.clinic.clone(),
            session.practitioner.clone(),
            optional(session.pain),
            session.notes.clone(),
        ]));
    }
    text
}

fn word(words: &[&str], value: Option<u8>) -> String {
    value.and_then(|v| words.get(usize::from(v))).map(|w| w.to_string()).unwrap_or_default()
}

/// Every check-in, oldest first, with the session it follows and the day after it.
pub fn recovery_csv(entries: &[RecoveryEntry], sessions: &[Session]) -> String {
    let mut text = String::from(BOM);
    text.push_str(&row(&[
        "Date",
        "Session",
        "Day after session",
        "Redness (0-4)",
        "Redness",
        "Swelling (0-3)",
        "Pain (0-10)",
        "Itch",
        "Dryness",
        "Bleeding or bruising",
        "Signs of infection",
        "Dark patches",
        "Other side effects",
        "Aftercare done",
        "Improvement",
        "Notes",
    ]
    .map(String::from)));
    let mut sorted: Vec<&RecoveryEntry> = entries.iter().collect();
    sorted.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    for entry in sorted {
        let session = session_of(entry, sessions);
        text.push_str(&row(&[
            format_date(entry.date),
            session.map(|s| format_date(s.date)).unwrap_or_default(),
            optional(session.map(|s| day_number(s.date, entry.date))),
            entry.redness.to_string(),
            word(&REDNESS_WORDS, Some(entry.redness)),
            entry.swelling.to_string(),
            optional(entry.pain),
            word(&MILD_SCALE_WORDS, entry.itch),
            word(&MILD_SCALE_WORDS, entry.dryness),
            yes_no(entry.bleeding_or_bruising),
            entry.infection_signs.iter().map(|s| s.label()).collect::<Vec<_>>().join("; "),
            yes_no(entry.dark_patches),
            entry.side_effects.iter().map(|e| e.label()).collect::<Vec<_>>().join("; "),
            entry.aftercare_done.join("; "),
            entry.gais.map(|g| gais_label(g).to_string()).unwrap_or_default(),
            entry.notes.clone(),
        ]));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::diary::recovery::tests::{entry_after, session};
    use crate::domain::diary::side_effects::SideEffect;
    use time::macros::date;

    /// A strict RFC 4180 reader for the tests: fields, quoted fields with doubled quotes, CRLF.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix(BOM).expect("a BOM");
        let mut rows = vec![];
        let mut row = vec![];
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "a bare CR");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, '\n') => panic!("a bare LF outside quotes"),
                (false, '"') => panic!("a quote inside an unquoted field"),
                (false, c) => field.push(c),
            }
        }
        assert!(!quoted && field.is_empty() && row.is_empty(), "the file ends mid-row");
        rows
    }

    #[test]
    fn cells_are_quoted_only_when_needed() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn formulas_are_defused() {
        for text in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(cell(text).trim_start_matches('"').starts_with('\''), "{text:?} → {}", cell(text));
        }
        assert_eq!(cell("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assert_eq!(cell("1.5"), "1.5");
    }

    #[test]
    fn sessions_read_back_field_for_field() {
        let mut first = session("a", date!(2026 - 10 - 01), SessionStatus::Done);
        first.notes = "Stung, \"a bit\"\r\nthen fine".into();
        first.products = vec!["Hyaluronic acid".into(), "=cmd|' /C calc'!A0".into()];
        first.pain = Some(4);
        let planned = session("b", date!(2026 - 12 - 01), SessionStatus::Planned);
        let csv = sessions_csv(&[planned, first], &Profile::default());
        let rows = parse(&csv);
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.len() == 13));
        assert_eq!(rows[0][0], "Date");
        assert_eq!(rows[1][0], "2026-10-01");
        assert_eq!(rows[1][12], "Stung, \"a bit\"\r\nthen fine");
        assert_eq!(rows[1][7], "Hyaluronic acid; =cmd|' /C calc'!A0");
        assert_eq!(rows[1][11], "4");
        assert_eq!((rows[2][0].as_str(), rows[2][2].as_str()), ("2026-12-01", "planned"));
    }

    #[test]
    fn check_ins_name_their_session_and_day() {
        let s = session("a", date!(2026 - 10 - 01), SessionStatus::Done);
        let mut entry = entry_after("a", s.date, 2, 3);
        entry.notes = "-5 degrees outside".into();
        entry.side_effects = vec![SideEffect::ColdSoresOrBlisters, SideEffect::TrackMarks];
        let rows = parse(&recovery_csv(&[entry], &[s]));
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|r| r.len() == 16));
        assert_eq!(&rows[1][..5], &["2026-10-03", "2026-10-01", "2", "3", "Moderate"].map(String::from));
        assert_eq!(
            (rows[0][12].as_str(), rows[1][12].as_str()),
            ("Other side effects", "Cold sores or blisters; Lines or track marks")
        );
        assert_eq!(rows[1][15], "'-5 degrees outside");
    }
}

#[cfg(test)]
mod gais_tests {
    use super::*;
    use crate::domain::diary::recovery::tests::{entry_after, session};
    use crate::domain::diary::recovery::GAIS_WORDS;
    use crate::domain::diary::session::SessionStatus;
    use time::macros::date;

    #[test]
    fn every_improvement_grade_reads_as_its_own_words() {
        let s = session("a", date!(2026 - 10 - 01), SessionStatus::Done);
        let entries: Vec<RecoveryEntry> = (1..=5)
            .map(|g| {
                let mut entry = entry_after("a", s.date, i64::from(g), 1);
                entry.id = format!("e{g}");
                entry.gais = Some(g);
                entry
            })
            .collect();
        let csv = recovery_csv(&entries, &[s]);
        let column: Vec<&str> =
            csv.lines().skip(1).map(|line| line.split(',').nth(14).unwrap_or("")).collect();
        assert_eq!(column, GAIS_WORDS);
    }
}
