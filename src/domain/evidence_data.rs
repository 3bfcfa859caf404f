//! The one data file behind every clinical figure the app shows: each parameter is a range with
//! the key of its source, and a flag when the figure is unconfirmed (then the app says "commonly
//! reported"). Facts come from ../shared/EVIDENCE.md; change them there first, then here.

/// A source on the evidence page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub key: &'static str,
    pub citation: &'static str,
    /// What the app uses it for, in a sentence.
    pub supports: &'static str,
    /// Peer-reviewed research, as opposed to a manufacturer's guidance or the app's own model.
    pub peer_reviewed: bool,
}

pub const SOURCES: &[Source] = &[
    Source {
        key: "fernandes2008",
        citation: "Fernandes & Signorini, Clin Dermatol 2008;26:192-9 (phase model).",
        supports: "The three healing phases after a session: inflammation, proliferation, remodelling.",
        peer_reviewed: true,
    },
    Source {
        key: "chu2021",
        citation: "Chu, Foulad, Mesinkovska, Dermatol Surg 2021 (review of 85 articles).",
        supports: "Redness and other transient effects last up to about 7 days; dark patches are more frequent in darker skin types.",
        peer_reviewed: true,
    },
    Source {
        key: "aust2008",
        citation: "Aust et al., Plast Reconstr Surg 2008 (480 patients; histology at 6 months and 1 year).",
        supports: "Collagen and elastin increase considerably by 6 months; the skin keeps thickening to about a year.",
        peer_reviewed: true,
    },
    Source {
        key: "harris2015",
        citation: "Harris, Naidoo, Murrell, Int J Womens Dermatol 2015;1:77-81.",
        supports: "Acne-scar protocols most often use about 3 sessions about 4 weeks apart; photo-ageing protocols 3-6 sessions 2-6 weeks apart.",
        peer_reviewed: true,
    },
    Source {
        key: "alam2014",
        citation: "Alam et al., JAMA Dermatol 2014 (split face, 3 sessions 2 weeks apart).",
        supports: "Improvement keeps growing after the last session: significant at 6 months, not yet at 3.",
        peer_reviewed: true,
    },
    Source {
        key: "eldomyati2015",
        citation: "El-Domyati et al. 2015 (6 sessions 2 weeks apart; biopsies at 0, 1 and 3 months).",
        supports: "New collagen is measurably increased 1 and 3 months after starting treatment.",
        peer_reviewed: true,
    },
    Source {
        key: "manufacturer-depth",
        citation: "Device manufacturers' guidance on recovery by needle depth (not peer reviewed).",
        supports: "Commonly reported redness by depth: 0.2-0.5 mm about 2-3 days, 0.8-1.5 mm about 4-5 days, 2-3 mm about 6-7 days.",
        peer_reviewed: false,
    },
    Source {
        key: "remodel-model",
        citation: "Remodel's illustration of the ranges above (not a measurement, not a prediction).",
        supports: "The shape of the expected-improvement band: when it starts, how fast it grows, how much later sessions add.",
        peer_reviewed: false,
    },
];

/// A range of values with its unit and source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub low: f64,
    pub high: f64,
    pub unit: &'static str,
    pub source: &'static str,
    /// False for figures EVIDENCE.md marks unconfirmed: shown as "commonly reported".
    pub confirmed: bool,
}

const fn range(low: f64, high: f64, unit: &'static str, source: &'static str, confirmed: bool) -> Range {
    Range { low, high, unit, source, confirmed }
}

/// End of the inflammation phase after a session.
pub const INFLAMMATION_END_DAYS: Range = range(3.0, 5.0, "days", "fernandes2008", true);
/// End of the proliferation phase (exact days unconfirmed).
pub const PROLIFERATION_END_WEEKS: Range = range(6.0, 8.0, "weeks", "fernandes2008", false);
/// Remodelling goes on to about a year.
pub const REMODELLING_END_MONTHS: Range = range(12.0, 12.0, "months", "aust2008", true);
/// How long redness usually lasts, and the most it lasts within the usual course.
pub const REDNESS_DAYS: Range = range(0.0, 7.0, "days", "chu2021", true);
/// When change usually becomes visible after the first session (commonly reported; the biopsies
/// show new collagen by 1 month).
pub const VISIBLE_CHANGE_WEEKS: Range = range(4.0, 6.0, "weeks", "eldomyati2015", false);
/// When results are usually at their best, after the last session (commonly reported; Alam saw
/// significant change at 6 months and not yet at 3).
pub const BEST_RESULTS_MONTHS: Range = range(3.0, 6.0, "months", "alam2014", false);
/// Typical number of sessions in a course.
pub const COURSE_SESSIONS: Range = range(3.0, 6.0, "sessions", "harris2015", true);
/// Typical interval between sessions.
pub const INTERVAL_WEEKS: Range = range(2.0, 6.0, "weeks", "harris2015", true);
/// The interval used when no clinic protocol sets one (the most common in the studies).
pub const TYPICAL_INTERVAL_WEEKS: Range = range(4.0, 4.0, "weeks", "harris2015", true);

/// The band model's shape (see `evidence::expected_band`): per-session lag before change shows,
/// time constant of its growth, the first session's share, and how much each later one keeps.
pub const MODEL_LAG_WEEKS: Range = range(4.0, 6.0, "weeks", "remodel-model", false);
pub const MODEL_GROWTH_WEEKS: Range = range(6.0, 10.0, "weeks", "remodel-model", false);
pub const MODEL_FIRST_SHARE: Range = range(0.3, 0.5, "share", "remodel-model", false);
pub const MODEL_LATER_SHARE_FACTOR: Range = range(0.6, 0.75, "factor", "remodel-model", false);

/// Every parameter by name, for the evidence page and its test.
pub const PARAMETERS: &[(&str, Range)] = &[
    ("Inflammation ends", INFLAMMATION_END_DAYS),
    ("Proliferation ends", PROLIFERATION_END_WEEKS),
    ("Remodelling continues to", REMODELLING_END_MONTHS),
    ("Redness lasts", REDNESS_DAYS),
    ("Change becomes visible", VISIBLE_CHANGE_WEEKS),
    ("Best results after the last session", BEST_RESULTS_MONTHS),
    ("Sessions in a course", COURSE_SESSIONS),
    ("Interval between sessions", INTERVAL_WEEKS),
    ("Interval used when no clinic sets one", TYPICAL_INTERVAL_WEEKS),
    ("Model: lag before change shows", MODEL_LAG_WEEKS),
    ("Model: growth time constant", MODEL_GROWTH_WEEKS),
    ("Model: first session's share", MODEL_FIRST_SHARE),
    ("Model: share kept by each later session", MODEL_LATER_SHARE_FACTOR),
];
