//! The daily recovery diary: check-in entries, which session each follows, and the day number.

use serde::{Deserialize, Serialize};
use time::Date;

use super::session::Session;
use super::side_effects::SideEffect;
use crate::domain::text::iso::format_date;
use crate::domain::validation::{bounded_text, optional_number, required_date, FieldErrors, MAX_NOTE_CHARS};

/// Redness 0-4 with the anchored words of the Clinician's Erythema Assessment (Tan et al. 2014).
pub const REDNESS_WORDS: [&str; 5] = ["Clear", "Almost clear", "Mild", "Moderate", "Severe"];
/// Swelling, itch and dryness/peeling 0-3.
pub const MILD_SCALE_WORDS: [&str; 4] = ["None", "Mild", "Moderate", "Severe"];
/// Self-rated improvement since the first session: Global Aesthetic Improvement Scale, 1-5.
pub const GAIS_WORDS: [&str; 5] = ["Very much improved", "Much improved", "Improved", "No change", "Worse"];
/// How far back start-up reads check-ins before showing the first page (the rest follow at once).
/// Six months covers Today (the latest session's check-ins) and, at up to six weeks between
/// sessions, the page of the latest session with its comparison of the last four.
pub const FIRST_READ_DAYS: i64 = 183;

/// A redness level's word inside a sentence ("moderate"); levels past the scale read as its top.
pub fn redness_word(level: u8) -> String {
    REDNESS_WORDS[usize::from(level.min(4))].to_ascii_lowercase()
}

/// An improvement rating's words inside a sentence ("much improved"); ratings past the scale read
/// as its ends.
pub fn gais_word(rating: u8) -> String {
    gais_label(rating).to_ascii_lowercase()
}

/// An improvement rating's words as the scale gives them ("Much improved"): GAIS runs 1-5, not
/// from 0.
pub fn gais_label(rating: u8) -> &'static str {
    GAIS_WORDS[usize::from(rating.clamp(1, 5) - 1)]
}

/// A swelling (or itch, dryness) level's word inside a sentence ("mild").
pub fn mild_scale_word(level: u8) -> String {
    MILD_SCALE_WORDS[usize::from(level.min(3))].to_ascii_lowercase()
}

/// Signs that can mean an infection; any of them ticked prompts contacting the clinic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InfectionSign {
    Pus,
    SpreadingWarmth,
    Fever,
    IncreasingPain,
}

impl InfectionSign {
    pub const ALL: [InfectionSign; 4] = [
        InfectionSign::Pus,
        InfectionSign::SpreadingWarmth,
        InfectionSign::Fever,
        InfectionSign::IncreasingPain,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            InfectionSign::Pus => "Pus or yellow crusts",
            InfectionSign::SpreadingWarmth => "Warmth or redness spreading",
            InfectionSign::Fever => "Fever",
            InfectionSign::IncreasingPain => "Pain getting worse",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryEntry {
    pub id: String,
    #[serde(with = "crate::domain::text::iso::date")]
    pub date: Date,
    /// The session the client chose for this check-in. `None` means "the latest done session on
    /// or before its date", worked out when read (see [`session_of`]), so a session logged after
    /// its check-ins, or a changed date, still links them correctly.
    pub session_id: Option<String>,
    pub redness: u8,
    pub swelling: u8,
    pub pain: Option<u8>,
    pub itch: Option<u8>,
    pub dryness: Option<u8>,
    #[serde(default)]
    pub bleeding_or_bruising: bool,
    #[serde(default)]
    pub infection_signs: Vec<InfectionSign>,
    #[serde(default)]
    pub dark_patches: bool,
    /// The other side effects noticed that day (cold sores, hives, firm bumps, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub side_effects: Vec<SideEffect>,
    /// The aftercare items done that day.
    #[serde(default)]
    pub aftercare_done: Vec<String>,
    pub gais: Option<u8>,
    #[serde(default)]
    pub notes: String,
    /// When this device last saved the record (UTC, RFC 3339 with milliseconds, as the
    /// browser's `Date.toISOString` writes it): a merge restore keeps the newer of two versions.
    /// `None` for records saved before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

/// The done session a check-in on `date` follows by default: the most recent one on or before it.
pub fn default_session_for(date: Date, sessions: &[Session]) -> Option<&Session> {
    sessions.iter().filter(|s| s.is_done() && s.date <= date).max_by_key(|s| s.when())
}

/// The session a check-in follows: the client's explicit choice while it exists and is done,
/// else the latest done session on or before the check-in's date.
pub fn session_of<'a>(entry: &RecoveryEntry, sessions: &'a [Session]) -> Option<&'a Session> {
    entry
        .session_id
        .as_ref()
        .and_then(|id| sessions.iter().find(|s| &s.id == id && s.is_done()))
        .or_else(|| default_session_for(entry.date, sessions))
}

/// Every check-in grouped under the id of the session it follows, in one pass: done sessions are
/// sorted once and each check-in finds its default session by binary search, so a diary of
/// thousands of check-ins groups in milliseconds. Check-ins before any session are left out.
pub fn entries_by_session<'e, 's>(
    entries: &'e [RecoveryEntry],
    sessions: &'s [Session],
) -> std::collections::HashMap<&'s str, Vec<&'e RecoveryEntry>> {
    let mut done: Vec<&Session> = sessions.iter().filter(|s| s.is_done()).collect();
    done.sort_by_key(|s| s.when());
    let mut groups: std::collections::HashMap<&str, Vec<&RecoveryEntry>> = std::collections::HashMap::new();
    for entry in entries {
        let chosen = entry.session_id.as_ref().and_then(|id| done.iter().find(|s| &s.id == id));
        // The last done session dated on or before the entry (ties: the later one that day).
        let default = || done.partition_point(|s| s.date <= entry.date).checked_sub(1).map(|i| &done[i]);
        if let Some(session) = chosen.or_else(default) {
            groups.entry(session.id.as_str()).or_default().push(entry);
        }
    }
    groups
}

/// Whether a check-in follows the session with `session_id`.
pub fn follows(entry: &RecoveryEntry, session_id: &str, sessions: &[Session]) -> bool {
    session_of(entry, sessions).is_some_and(|s| s.id == session_id)
}

/// Days from the session to the check-in: 0 on the day of the session, 1 the day after. Counted
/// on calendar dates, so month ends and daylight-saving changes can't shift it.
pub fn day_number(session_date: Date, entry_date: Date) -> i64 {
    (entry_date - session_date).whole_days()
}

/// How often the client is asked to rate improvement (GAIS) since the first session.
pub const IMPROVEMENT_RATING_EVERY_DAYS: i64 = 7;

/// Whether to ask for the weekly improvement rating today: the first done session was at least a
/// week ago, and no check-in of the last week carries a rating.
pub fn improvement_rating_due(today: Date, sessions: &[Session], entries: &[RecoveryEntry]) -> bool {
    let Some(first) = sessions.iter().filter(|s| s.is_done()).map(|s| s.date).min() else { return false };
    if (today - first).whole_days() < IMPROVEMENT_RATING_EVERY_DAYS {
        return false;
    }
    !entries.iter().any(|e| e.gais.is_some() && (today - e.date).whole_days() < IMPROVEMENT_RATING_EVERY_DAYS)
}

/// The day after its session (0 = the session's day) of a check-in form's date and session
/// choice, with that session's date; `None` when the date is not valid yet or no session
/// precedes it.
pub fn day_after_session(date: &str, chosen: Option<&str>, sessions: &[Session]) -> Option<(i64, Date)> {
    let date = crate::domain::text::iso::parse_date(date)?;
    let session = chosen
        .and_then(|id| sessions.iter().find(|s| s.id == id && s.is_done()))
        .or_else(|| default_session_for(date, sessions))?;
    let day = day_number(session.date, date);
    (day >= 0).then_some((day, session.date))
}

/// "Day 3 after the session of 20 Nov 2026" for a check-in form's date and session choice.
pub fn day_preview(date: &str, chosen: Option<&str>, sessions: &[Session]) -> Option<String> {
    let (day, session) = day_after_session(date, chosen, sessions)?;
    Some(format!("Day {day} after the session of {}", crate::domain::text::dates::display_date(session)))
}

/// The check-in form as typed. Redness and swelling are chosen with buttons, so they are numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecoveryForm {
    pub date: String,
    /// `None` means "the default session for the date".
    pub session_id: Option<String>,
    pub redness: Option<u8>,
    pub swelling: Option<u8>,
    pub pain: String,
    pub itch: Option<u8>,
    pub dryness: Option<u8>,
    pub bleeding_or_bruising: bool,
    pub infection_signs: Vec<InfectionSign>,
    pub dark_patches: bool,
    pub side_effects: Vec<SideEffect>,
    pub aftercare_done: Vec<String>,
    pub gais: Option<u8>,
    pub notes: String,
}

impl RecoveryForm {
    pub fn new(today: Date) -> RecoveryForm {
        RecoveryForm { date: format_date(today), ..RecoveryForm::default() }
    }

    pub fn from_entry(entry: &RecoveryEntry) -> RecoveryForm {
        RecoveryForm {
            date: format_date(entry.date),
            session_id: entry.session_id.clone(),
            redness: Some(entry.redness),
            swelling: Some(entry.swelling),
            pain: entry.pain.map(|p| p.to_string()).unwrap_or_default(),
            itch: entry.itch,
            dryness: entry.dryness,
            bleeding_or_bruising: entry.bleeding_or_bruising,
            infection_signs: entry.infection_signs.clone(),
            dark_patches: entry.dark_patches,
            side_effects: entry.side_effects.clone(),
            aftercare_done: entry.aftercare_done.clone(),
            gais: entry.gais,
            notes: entry.notes.clone(),
        }
    }

    /// Checks every field and links the entry to its session.
    pub fn validate(
        &self,
        id: String,
        today: Date,
        sessions: &[Session],
    ) -> Result<RecoveryEntry, FieldErrors> {
        let mut errors = FieldErrors::new();
        let date = required_date(&mut errors, "date", &self.date, "the check-in date");
        if date.is_some_and(|d| d > today) {
            errors.add("date", "A check-in can't be dated in the future.");
        }
        let session = match (&self.session_id, date) {
            (Some(id), _) => match sessions.iter().find(|s| &s.id == id && s.is_done()) {
                Some(session) => Some(session),
                None => {
                    errors
                        .add("session", "That session no longer exists or is not done yet. Choose another.");
                    None
                }
            },
            (None, Some(date)) => default_session_for(date, sessions),
            (None, None) => None,
        };
        if let (Some(session), Some(date), Some(_)) = (session, date, &self.session_id) {
            if date < session.date {
                errors.add("date", "This check-in is dated before the session it follows.");
            }
        }
        let redness = in_scale(
            &mut errors,
            "redness",
            self.redness,
            4,
            "Choose how red the skin is, from 0 (clear) to 4 (severe).",
        );
        let swelling = in_scale(
            &mut errors,
            "swelling",
            self.swelling,
            3,
            "Choose how swollen the skin is, from 0 (none) to 3.",
        );
        let pain = optional_number(&mut errors, "pain", &self.pain, (0, 10), "Pain");
        let itch = self.itch.filter(|&v| check_max(&mut errors, "itch", v, 3));
        let dryness = self.dryness.filter(|&v| check_max(&mut errors, "dryness", v, 3));
        if let Some(g) = self.gais {
            if !(1..=5).contains(&g) {
                errors.add("gais", "Choose an improvement rating from 1 (very much improved) to 5 (worse).");
            }
        }
        let notes = bounded_text(&mut errors, "notes", &self.notes, MAX_NOTE_CHARS, "Notes");
        let mut aftercare_done: Vec<String> = Vec::new();
        for item in &self.aftercare_done {
            if !aftercare_done.contains(item) {
                aftercare_done.push(item.clone());
            }
        }
        match (date, redness, swelling) {
            (Some(date), Some(redness), Some(swelling)) if errors.is_empty() => Ok(RecoveryEntry {
                id,
                date,
                // Only an explicit choice is stored; the default is worked out when read.
                session_id: self.session_id.clone(),
                redness,
                swelling,
                pain,
                itch,
                dryness,
                bleeding_or_bruising: self.bleeding_or_bruising,
                infection_signs: self.infection_signs.clone(),
                dark_patches: self.dark_patches,
                side_effects: {
                    let mut effects = self.side_effects.clone();
                    effects.sort();
                    effects.dedup();
                    effects
                },
                aftercare_done,
                gais: self.gais,
                notes,
                // Stamped by the action that saves it (the clock is the browser's).
                updated: None,
            }),
            _ => Err(errors),
        }
    }
}

fn in_scale(errors: &mut FieldErrors, field: &str, value: Option<u8>, max: u8, missing: &str) -> Option<u8> {
    match value {
        Some(v) if v <= max => Some(v),
        _ => {
            errors.add(field, missing);
            None
        }
    }
}

fn check_max(errors: &mut FieldErrors, field: &str, value: u8, max: u8) -> bool {
    if value > max {
        errors.add(field, format!("Choose a value from 0 to {max}."));
    }
    value <= max
}

#[cfg(test)]
#[path = "recovery_tests.rs"]
pub(crate) mod tests;
