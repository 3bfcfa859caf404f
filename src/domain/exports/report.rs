//! The report for the clinic (`/data/report`): what the page prints, worked out here so the page
//! only lays it out. Each session's recovery in a sentence and its flags, the profile in lines,
//! and which before/after pair to show.
//!
//! The flags use the thresholds of the "contact your clinic" prompt (`domain::safety`, from
//! ../shared/EVIDENCE.md) over every check-in of the session rather than only the latest, since
//! a report looks back: redness still moderate or worse after day 3, any redness past a week,
//! signs of infection, dark patches. (The prompt's "not improving" compares the latest check-in
//! with the ones before it: a moment's judgement the flags above already cover in hindsight.)

use std::collections::HashMap;

use super::areas_and_depths;
use crate::domain::clinic::ClinicProfile;
use crate::domain::diary::recovery::{
    day_number, entries_by_session, redness_word, InfectionSign, RecoveryEntry,
};
use crate::domain::diary::recovery_curve::{recovery_curve, settled_day, SETTLED_REDNESS};
use crate::domain::diary::safety::{INFLAMMATION_DAYS, SEVERE_REDNESS, TRANSIENT_DAYS};
use crate::domain::diary::session::Session;
use crate::domain::diary::side_effects::SideEffect;

use crate::domain::photos::compare::{default_pair, series};
use crate::domain::photos::photo::{gallery, Photo, PhotoFilter};
use crate::domain::photos::redness::{change, label};
use crate::domain::profile::Profile;

/// How one session's recovery went, from the check-ins that follow it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecoverySummary {
    pub check_ins: usize,
    /// The first and the last day after the session with a check-in.
    pub days: Option<(i64, i64)>,
    pub peak_redness: Option<u8>,
    pub settled_day: Option<i64>,
    /// The last day with any redness, when it is past the usual week.
    pub red_past_week: Option<i64>,
    /// The last day redness was still moderate or worse after the usual few days, and how red.
    pub still_high: Option<(i64, u8)>,
    pub infection_signs: Vec<InfectionSign>,
    pub dark_patches: bool,
    pub bleeding_or_bruising: bool,
    /// Every other side effect noted after the session.
    pub side_effects: Vec<SideEffect>,
}

impl RecoverySummary {
    pub fn of(session: &Session, following: &[&RecoveryEntry]) -> RecoverySummary {
        let curve = recovery_curve(session, following);
        // From every check-in on or after the session day, not the curve's one per day: a red
        // morning followed by a calmer evening still peaked red.
        let from_session: Vec<&&RecoveryEntry> =
            following.iter().filter(|e| day_number(session.date, e.date) >= 0).collect();
        let mut summary = RecoverySummary {
            check_ins: from_session.len(),
            days: curve.first().zip(curve.last()).map(|(a, b)| (a.day, b.day)),
            peak_redness: from_session.iter().map(|e| e.redness).max(),
            settled_day: settled_day(&curve),
            red_past_week: curve
                .iter()
                .rev()
                .find(|p| p.redness >= 1)
                .map(|p| p.day)
                .filter(|d| *d > TRANSIENT_DAYS),
            still_high: from_session
                .iter()
                .map(|e| (day_number(session.date, e.date), e.redness))
                .filter(|(day, redness)| *day > INFLAMMATION_DAYS && *redness >= SEVERE_REDNESS)
                .max_by_key(|(day, _)| *day),
            ..RecoverySummary::default()
        };
        for entry in from_session {
            for sign in &entry.infection_signs {
                if !summary.infection_signs.contains(sign) {
                    summary.infection_signs.push(*sign);
                }
            }
            summary.dark_patches |= entry.dark_patches;
            summary.bleeding_or_bruising |= entry.bleeding_or_bruising;
            summary.side_effects.extend(entry.side_effects.iter().copied());
        }
        summary.side_effects.sort();
        summary.side_effects.dedup();
        summary
    }

    /// "4 check-ins, days 0–6. Redness peaked at moderate and settled (almost clear or less) by
    /// day 4."
    pub fn sentence(&self) -> String {
        let Some((first, last)) = self.days else { return "No check-ins logged.".to_string() };
        let count = match self.check_ins {
            1 => "1 check-in".to_string(),
            n => format!("{n} check-ins"),
        };
        let span = if first == last { format!("day {first}") } else { format!("days {first}–{last}") };
        let peak = self.peak_redness.map_or_else(String::new, redness_word);
        let settled = match self.settled_day {
            Some(day) => format!("settled ({} or less) by day {day}", redness_word(SETTLED_REDNESS)),
            None => format!("had not settled by the last check-in (day {last})"),
        };
        format!("{count}, {span}. Redness peaked at {peak} and {settled}.")
    }

    /// What the clinic should look at, one line each (none when recovery went as usual).
    pub fn flags(&self) -> Vec<String> {
        let mut flags = Vec::new();
        if let Some((day, level)) = self.still_high {
            flags.push(format!(
                "Redness still {} on day {day}: not easing after day {INFLAMMATION_DAYS}.",
                redness_word(level)
            ));
        }
        if let Some(day) = self.red_past_week {
            flags.push(format!("Redness still noted on day {day}: past the 7 days reported for redness."));
        }
        if !self.infection_signs.is_empty() {
            let names: Vec<String> =
                self.infection_signs.iter().map(|s| s.label().to_ascii_lowercase()).collect();
            flags.push(format!("Possible signs of infection noted: {}.", names.join(", ")));
        }
        if self.dark_patches {
            flags.push("Dark patches noted.".to_string());
        }
        if self.bleeding_or_bruising {
            flags.push("Bleeding or bruising noted.".to_string());
        }
        for effect in &self.side_effects {
            flags.push(format!("{} noted.", effect.label()));
        }
        flags
    }
}

/// One done session's row in the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    pub id: String,
    pub date: time::Date,
    /// "Cheeks 1.5 mm; Forehead 0.5 mm".
    pub areas: String,
    /// "Dermapen 4 (pen)", or the device kind alone.
    pub device: String,
    pub pain: Option<u8>,
    pub recovery: RecoverySummary,
}

/// Every done session, oldest first, with its recovery. Planned sessions are in the timeline,
/// not here: they have no recovery to report.
pub fn session_rows(sessions: &[Session], entries: &[RecoveryEntry], profile: &Profile) -> Vec<SessionRow> {
    let groups: HashMap<&str, Vec<&RecoveryEntry>> = entries_by_session(entries, sessions);
    let mut done: Vec<&Session> = sessions.iter().filter(|s| s.is_done()).collect();
    done.sort_by_key(|s| s.when());
    done.into_iter()
        .map(|session| {
            let following = groups.get(session.id.as_str()).map(Vec::as_slice).unwrap_or_default();
            let kind = session.device.label();
            SessionRow {
                id: session.id.clone(),
                date: session.date,
                areas: areas_and_depths(session, profile),
                device: format!(
                    "{}{}",
                    if session.device_model.is_empty() {
                        kind.to_string()
                    } else {
                        format!("{} ({})", session.device_model, kind.to_ascii_lowercase())
                    },
                    if session.at_home { ", at home" } else { "" }
                ),
                pain: session.pain,
                recovery: RecoverySummary::of(session, following),
            }
        })
        .collect()
}

/// The profile as "label: value" lines, leaving out what the client has not filled in.
pub fn profile_lines(profile: &Profile) -> Vec<(&'static str, String)> {
    let mut lines = Vec::new();
    if let Some(skin) = profile.skin_type {
        lines.push(("Skin type", skin.label().to_string()));
    }
    if !profile.concerns.is_empty() {
        let names: Vec<&str> = profile.concerns.iter().map(|c| c.label()).collect();
        lines.push(("Concerns", names.join(", ")));
    }
    if !profile.areas.is_empty() {
        let names: Vec<&str> = profile.areas.iter().map(|a| a.name.as_str()).collect();
        lines.push(("Areas", names.join(", ")));
    }
    if !profile.goals.trim().is_empty() {
        lines.push(("Goals", profile.goals.trim().to_string()));
    }
    if let Some(screening) = &profile.screening {
        lines.push(("Before treatment, the client noted", screening.report_line()));
    }
    lines
}

/// The clinic and how to reach it: "Skin Studio (Dr Lee, 0113 496 0000, hello@example.com)".
pub fn clinic_line(clinic: &ClinicProfile) -> String {
    let contact: Vec<&str> = [&clinic.practitioner, &clinic.phone, &clinic.email]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
    if contact.is_empty() {
        clinic.name.clone()
    } else {
        format!("{} ({})", clinic.name, contact.join(", "))
    }
}

/// An area and view (angle, or named custom angle) with at least two photos: a pair can be
/// chosen from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub area_id: String,
    /// The view's key (`crate::domain::photos::angle::view_key`).
    pub view_key: String,
    /// "Cheeks · Front", "Neck · Under the chin".
    pub name: String,
}

/// Every series with two or more photos, in the gallery's order (the profile's areas, then
/// angles), as the Compare section lists them.
pub fn pair_series(photos: &[Photo], profile: &Profile) -> Vec<Series> {
    gallery(photos, &PhotoFilter::default(), profile)
        .into_iter()
        .filter(|group| group.photos.len() >= 2)
        .map(|group| Series {
            name: format!("{} · {}", profile.area_name(group.area_id), group.label),
            area_id: group.area_id.to_string(),
            view_key: group.view_key,
        })
        .collect()
}

/// The pair the client asked for (by photo ids), when both exist, differ and are of one series.
/// Else the first and latest photo of the series of either id the client named, or of the first
/// series. Always oldest first.
pub fn chosen_pair<'a>(
    photos: &'a [Photo],
    profile: &Profile,
    wanted: Option<(&str, &str)>,
) -> Option<(&'a Photo, &'a Photo)> {
    let find = |id: &str| photos.iter().find(|p| p.id == id);
    let (a, b) = wanted.map_or((None, None), |(a, b)| (find(a), find(b)));
    if let (Some(a), Some(b)) = (a, b) {
        if a.id != b.id && a.area_id == b.area_id && a.view_key() == b.view_key() {
            return Some(if (&b.taken_at, &b.id) < (&a.taken_at, &a.id) { (b, a) } else { (a, b) });
        }
    }
    let named =
        [a, b].into_iter().flatten().find_map(|p| default_pair(&series(photos, &p.area_id, &p.view_key())));
    named.or_else(|| {
        let first = pair_series(photos, profile).into_iter().next()?;
        default_pair(&series(photos, &first.area_id, &first.view_key))
    })
}

/// The redness index lines under the pair: each photo's reading, and the change when both were
/// measured in the same region (a reading for another region is not comparable).
pub fn redness_lines(before: &Photo, after: &Photo) -> Vec<String> {
    let reading = |photo: &Photo, name: &str| match &photo.redness {
        Some(r) => format!("{name}: {}", label(r)),
        None => format!("{name}: not measured (measure it in Compare)"),
    };
    let mut lines = vec![reading(before, "Before"), reading(after, "After")];
    if let (Some(a), Some(b)) = (&before.redness, &after.redness) {
        if a.region == b.region {
            lines.push(format!("From before to after: {}.", change(a, b).describe()));
        }
    }
    lines
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
