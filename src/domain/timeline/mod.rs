//! The timeline after sessions: healing phases, "you are here", the next session due, and
//! milestones, all from the ranges in `evidence_data`.

pub mod evidence;
pub mod evidence_data;

use time::{Date, Duration};

use crate::domain::diary::session::{DeviceKind, Session};
use crate::domain::text::dates::display_date;
use crate::domain::timeline::evidence_data::{
    ALAM_SIGNIFICANT_MONTHS, CLEARER_RESULTS_MONTHS, FIRST_COMPARISON_WEEKS, INFLAMMATION_END_DAYS,
    MODEL_LAG_WEEKS, PROLIFERATION_END_WEEKS, REDNESS_MAX_DAYS, REDNESS_TYPICAL_DAYS, REMODELLING_END_MONTHS,
    TYPICAL_INTERVAL_WEEKS,
};

/// A healing phase after a session (Fernandes & Signorini 2008).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Inflammation,
    Proliferation,
    Remodelling,
}

impl Phase {
    pub const fn name(self) -> &'static str {
        match self {
            Phase::Inflammation => "Inflammation",
            Phase::Proliferation => "Proliferation",
            Phase::Remodelling => "Remodelling",
        }
    }

    /// What the client may notice, in plain words.
    pub const fn plain(self) -> &'static str {
        match self {
            Phase::Inflammation => "the skin is healing; redness, warmth and tightness are common",
            Phase::Proliferation => {
                "in the phase model, new collagen is laid down now, with little visible change yet"
            }
            Phase::Remodelling => {
                "in the phase model, new collagen matures now, and any change in texture comes gradually"
            }
        }
    }
}

/// A phase's span after one session: from `start` to `end` (exclusive). Boundaries use the
/// middle of each range (inflammation to day 4, proliferation to week 7, remodelling to month 12):
/// the bands on screen are drawn soft because the real edges vary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhaseSpan {
    pub phase: Phase,
    pub start: Date,
    pub end: Date,
}

fn mid(low: f64, high: f64) -> f64 {
    (low + high) / 2.0
}

/// The phases after a session on `session_date`.
pub fn phase_spans(session_date: Date) -> [PhaseSpan; 3] {
    let inflammation_end = session_date
        + Duration::days(mid(INFLAMMATION_END_DAYS.low, INFLAMMATION_END_DAYS.high).round() as i64);
    let proliferation_end = session_date
        + Duration::days(
            (mid(PROLIFERATION_END_WEEKS.low, PROLIFERATION_END_WEEKS.high) * 7.0).round() as i64
        );
    let remodelling_end =
        session_date + Duration::days((REMODELLING_END_MONTHS.high * 365.25 / 12.0).round() as i64);
    [
        PhaseSpan { phase: Phase::Inflammation, start: session_date, end: inflammation_end },
        PhaseSpan { phase: Phase::Proliferation, start: inflammation_end, end: proliferation_end },
        PhaseSpan { phase: Phase::Remodelling, start: proliferation_end, end: remodelling_end },
    ]
}

/// The phase `date` falls in after a session on `session_date`; `None` before it or after ~12 months.
pub fn phase_at(session_date: Date, date: Date) -> Option<Phase> {
    phase_spans(session_date)
        .into_iter()
        .find(|span| span.start <= date && date < span.end)
        .map(|span| span.phase)
}

/// Where the client is after their latest session, in a sentence, and the source of its figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YouAreHere {
    pub sentence: String,
    /// The key of the source the sentence's figure comes from (on the evidence page).
    pub source: &'static str,
}

/// "Week 5 after session 2: new collagen is being laid down, …; in studies, …" for the latest
/// done session on or before `today`; `None` before any session.
pub fn you_are_here(today: Date, sessions: &[Session]) -> Option<YouAreHere> {
    let mut done: Vec<&Session> = sessions.iter().filter(|s| s.is_done() && s.date <= today).collect();
    done.sort_by_key(|s| s.when());
    let latest = done.last()?;
    let number = done.len();
    let days = (today - latest.date).whole_days();
    let when = if days < 7 { format!("Day {days}") } else { format!("Week {}", days / 7 + 1) };
    // RF microneedling adds heat: the needling phases and figures below are not its own.
    if latest.device == DeviceKind::RfMicroneedling {
        return Some(YouAreHere {
            sentence: format!(
                "{when} after session {number} (RF microneedling): heat as well as needles, with its own recovery; the figures here are for needling alone, so ask your clinic what to expect."
            ),
            source: crate::domain::diary::session_guidance::RF_SOURCE,
        });
    }
    let Some(phase) = phase_at(latest.date, today) else {
        return Some(YouAreHere {
            sentence: format!(
                "{when} after session {number}: past the year the timeline draws; how long remodelling goes on is not established."
            ),
            source: REMODELLING_END_MONTHS.source,
        });
    };
    let (outlook, source) = match phase {
        Phase::Inflammation => (format!(
            "in a review of 85 articles, redness and swelling lasted up to {} days; if redness is not improving after day {} or lasts past day {}, contact your clinic",
            REDNESS_MAX_DAYS.high, REDNESS_TYPICAL_DAYS.high, REDNESS_MAX_DAYS.high
        ), REDNESS_MAX_DAYS.source),
        Phase::Proliferation if number == 1 => (
            "in studies, change was noticed over several weeks; results vary from person to person".to_string(),
            FIRST_COMPARISON_WEEKS.source,
        ),
        Phase::Proliferation => {
            ("the timeline assumes each session adds to the earlier ones (the app's model, not a measurement)".to_string(), MODEL_LAG_WEEKS.source)
        }
        Phase::Remodelling => (format!(
            "in a study that followed 15 people, acne-scar change was significant {} months after the first session and not yet at 3; results vary from person to person",
            ALAM_SIGNIFICANT_MONTHS.high
        ), ALAM_SIGNIFICANT_MONTHS.source),
    };
    Some(YouAreHere {
        sentence: format!("{when} after session {number}: {}; {outlook}.", phase.plain()),
        source,
    })
}

/// A clinic's protocol, when a clinic link set one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Protocol {
    pub sessions: u8,
    pub interval_weeks: u8,
}

/// When the next session is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextDue {
    /// No session done yet.
    NotStarted,
    /// Due on this date (the last done session plus the interval).
    Due { date: Date, interval_weeks: u8, from_clinic: bool },
    /// The clinic's planned number of sessions is done.
    ProtocolComplete { sessions: u8 },
}

/// The next session due: from the clinic's protocol when there is one, else the typical interval.
pub fn next_due(sessions: &[Session], protocol: Option<Protocol>) -> NextDue {
    let done: Vec<&Session> = sessions.iter().filter(|s| s.is_done()).collect();
    let Some(last) = done.iter().map(|s| s.date).max() else { return NextDue::NotStarted };
    if let Some(protocol) = protocol {
        if done.len() >= usize::from(protocol.sessions) {
            return NextDue::ProtocolComplete { sessions: protocol.sessions };
        }
    }
    let (interval_weeks, from_clinic) = match protocol {
        Some(p) => (p.interval_weeks, true),
        None => (TYPICAL_INTERVAL_WEEKS.low as u8, false),
    };
    NextDue::Due { date: last + Duration::weeks(i64::from(interval_weeks)), interval_weeks, from_clinic }
}

/// A date window worth marking on the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub label: &'static str,
    pub from: Date,
    pub to: Date,
    /// The evidence behind it (a source key).
    pub source: &'static str,
}

/// "First photo comparison worth taking" (weeks after the first session) and when studies saw
/// clearer change (the months after the last session of the course, planned ones included).
pub fn milestones(sessions: &[Session]) -> Vec<Milestone> {
    let first = sessions.iter().filter(|s| s.is_done()).map(|s| s.date).min();
    // The course's last session, planned ones included: the window does not jump after each visit.
    let last = sessions.iter().map(|s| s.date).max();
    let (Some(first), Some(last)) = (first.as_ref(), last.as_ref()) else { return Vec::new() };
    let months = |m: f64| Duration::days((m * 365.25 / 12.0).round() as i64);
    vec![
        Milestone {
            label: "First photo comparison worth taking",
            from: *first + Duration::weeks(FIRST_COMPARISON_WEEKS.low as i64),
            to: *first + Duration::weeks(FIRST_COMPARISON_WEEKS.high as i64),
            source: FIRST_COMPARISON_WEEKS.source,
        },
        Milestone {
            label: "Clearer change window (the app's reading of a 15-person study)",
            from: *last + months(CLEARER_RESULTS_MONTHS.low),
            to: *last + months(CLEARER_RESULTS_MONTHS.high),
            source: CLEARER_RESULTS_MONTHS.source,
        },
    ]
}

impl Milestone {
    /// "First photo comparison worth taking: 2 Feb 2026 to 16 Feb 2026".
    pub fn sentence(&self) -> String {
        format!("{}: {} to {}", self.label, display_date(self.from), display_date(self.to))
    }
}

#[cfg(test)]
mod tests;
