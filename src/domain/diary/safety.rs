//! When to tell a client to contact their clinic, from ../shared/EVIDENCE.md:
//! redness not improving or still at 3+ after day 3, any redness past day 7 (transient effects
//! last up to 7 days: Chu et al. 2021), signs of infection, or dark patches appearing
//! (post-inflammatory hyperpigmentation), and the side effects of `side_effects` that need the
//! clinic soon. The words are guidance, never a diagnosis.

use time::Date;

use super::recovery::{day_number, follows, redness_word, session_of, InfectionSign, RecoveryEntry};
use super::session::Session;
use super::side_effects::{SideEffect, Urgency};

/// Redness at or above this after day 3 is more than the usual course.
pub const SEVERE_REDNESS: u8 = 3;
/// The usual inflammation window, in days after the session.
pub const INFLAMMATION_DAYS: i64 = 3;
/// Transient effects are reported to last up to this many days.
pub const TRANSIENT_DAYS: i64 = 7;
/// A check-in older than this many days no longer describes how the skin is now.
pub const PROMPT_FRESH_DAYS: i64 = 7;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SafetyReason {
    RednessStillHigh {
        day: i64,
        level: u8,
    },
    RednessNotImproving {
        day: i64,
    },
    RednessPastWeek {
        day: i64,
    },
    /// Redness after an RF microneedling session past the days needling's figures cover: RF has
    /// its own recovery, so the app does not judge it, and asks the client to ask the clinic.
    RfRedness {
        day: i64,
    },
    InfectionSigns(Vec<InfectionSign>),
    DarkPatches,
    /// A side effect to tell the clinic about today or soon (not the "next visit" ones).
    SideEffect(SideEffect),
}

impl SafetyReason {
    /// One plain sentence for the prompt card.
    pub fn sentence(&self) -> String {
        match self {
            SafetyReason::RednessStillHigh { day, level } => format!(
                "Redness is still {} on day {day}. Redness that is not easing after day 3 is worth showing your clinic.",
                redness_word(*level)
            ),
            SafetyReason::RednessNotImproving { day } => format!(
                "Redness has not improved by day {day}. Redness that is not easing after day 3 is worth showing your clinic."
            ),
            SafetyReason::RednessPastWeek { day } => format!(
                "There is still redness on day {day}. In a review of 85 articles, redness and swelling lasted up to 7 days; longer is beyond that range."
            ),
            SafetyReason::RfRedness { day } => format!(
                "There is still redness on day {day} after RF microneedling. RF has its own recovery, which the needling figures in this app do not describe: ask your clinic what to expect."
            ),
            SafetyReason::InfectionSigns(signs) => {
                let names: Vec<String> = signs.iter().map(|s| s.label().to_ascii_lowercase()).collect();
                format!("You noted {}, which can be signs of infection.", names.join(", "))
            }
            SafetyReason::DarkPatches => {
                "You noted dark patches appearing, which can follow treatment (more often in darker skin types)."
                    .to_string()
            }
            SafetyReason::SideEffect(effect) => effect.advice().to_string(),
        }
    }

    /// The key of the source behind the sentence, on the evidence page.
    pub const fn source(&self) -> &'static str {
        match self {
            SafetyReason::SideEffect(effect) => effect.source(),
            // Which signs mean infection is clinic guidance; the redness figures are Chu 2021's.
            SafetyReason::InfectionSigns(_) | SafetyReason::RfRedness { .. } => "clinic-practice",
            _ => "chu2021",
        }
    }
}

/// A "contact your clinic" prompt and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafetyPrompt {
    pub session_id: Option<String>,
    pub reasons: Vec<SafetyReason>,
}

/// The reasons to contact the clinic given the check-ins after one session (any order). Only
/// the latest check-in describes the skin now; earlier ones give the trend.
pub fn assess(session: Option<&Session>, entries: &[RecoveryEntry]) -> Option<SafetyPrompt> {
    let mut sorted: Vec<&RecoveryEntry> = entries.iter().collect();
    sorted.sort_by_key(|e| e.date);
    let (latest, earlier) = sorted.split_last()?;
    let mut reasons = Vec::new();

    if let Some(session) = session {
        let day = day_number(session.date, latest.date);
        let in_window_peak = earlier
            .iter()
            .filter(|e| (0..=INFLAMMATION_DAYS).contains(&day_number(session.date, e.date)))
            .map(|e| e.redness)
            .max();
        let previous = earlier.last().map(|e| e.redness);
        if !session.device.follows_needling_figures() {
            if day > INFLAMMATION_DAYS && latest.redness >= 1 {
                reasons.push(SafetyReason::RfRedness { day });
            }
        } else if day > INFLAMMATION_DAYS && latest.redness >= SEVERE_REDNESS {
            reasons.push(SafetyReason::RednessStillHigh { day, level: latest.redness });
        } else if day > TRANSIENT_DAYS && latest.redness >= 1 {
            reasons.push(SafetyReason::RednessPastWeek { day });
        } else if day > INFLAMMATION_DAYS && latest.redness >= 1 {
            let baseline = in_window_peak.or(previous);
            let not_lower = baseline.is_some_and(|b| latest.redness >= b);
            let worse = previous.is_some_and(|p| latest.redness > p);
            if not_lower || worse {
                reasons.push(SafetyReason::RednessNotImproving { day });
            }
        }
    }
    if !latest.infection_signs.is_empty() {
        reasons.push(SafetyReason::InfectionSigns(latest.infection_signs.clone()));
    }
    if latest.dark_patches {
        reasons.push(SafetyReason::DarkPatches);
    }
    reasons.extend(
        latest
            .side_effects
            .iter()
            .filter(|effect| effect.urgency() != Urgency::NextVisit)
            .map(|effect| SafetyReason::SideEffect(*effect)),
    );
    (!reasons.is_empty()).then(|| SafetyPrompt { session_id: session.map(|s| s.id.clone()), reasons })
}

/// The prompt for Today: from the latest check-in, if it is recent, and its session's trend.
pub fn current_prompt(today: Date, sessions: &[Session], entries: &[RecoveryEntry]) -> Option<SafetyPrompt> {
    let latest = entries.iter().max_by_key(|e| e.date)?;
    if (today - latest.date).whole_days() > PROMPT_FRESH_DAYS {
        return None;
    }
    let session = session_of(latest, sessions);
    let same_session: Vec<RecoveryEntry> = match session {
        Some(session) => entries.iter().filter(|e| follows(e, &session.id, sessions)).cloned().collect(),
        None => vec![latest.clone()],
    };
    assess(session, &same_session)
}

#[cfg(test)]
#[path = "safety_tests.rs"]
mod tests;
