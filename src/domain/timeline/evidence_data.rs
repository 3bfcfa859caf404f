//! The one data file behind every clinical figure the app shows: each parameter is a range with
//! the key of its source, and a flag when the figure is unconfirmed (then the app says "commonly
//! reported"). Facts come from ../shared/EVIDENCE.md; change them there first, then here.

/// A source on the evidence page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub key: &'static str,
    /// Author and year, for links.
    pub label: &'static str,
    pub citation: &'static str,
    /// What the app uses it for, in a sentence.
    pub supports: &'static str,
    /// Peer-reviewed research, as opposed to a manufacturer's guidance or the app's own model.
    pub peer_reviewed: bool,
}

pub const SOURCES: &[Source] = &[
    Source {
        key: "fernandes2008",
        label: "Fernandes & Signorini 2008",
        citation: "Fernandes & Signorini, Clin Dermatol 2008;26:192-9 (phase model).",
        supports: "The three healing phases after a session: inflammation, proliferation, remodelling.",
        peer_reviewed: true,
    },
    Source {
        key: "chu2021",
        label: "Chu et al. 2021",
        citation: "Chu, Foulad, Mesinkovska, Dermatol Surg 2021 (review of 85 articles).",
        supports: "Redness: many cases resolve within hours to 3 days, and transient effects up to 7 days are within the reported range; dark patches are more frequent in skin types IV-VI.",
        peer_reviewed: true,
    },
    Source {
        key: "aust2008",
        label: "Aust et al. 2008",
        citation: "Aust et al., Plast Reconstr Surg 2008.",
        supports: "Histology: considerable collagen and elastin increase at 6 months; the stratum spinosum about 40% thicker at 1 year. Separately, 480 patients (1-4 sessions) rated their improvement 60-80%.",
        peer_reviewed: true,
    },
    Source {
        key: "harris2015",
        label: "Harris et al. 2015",
        citation: "Harris, Naidoo, Murrell, Int J Womens Dermatol 2015;1:77-81.",
        supports: "Acne-scar studies most often used about 3 sessions about 4 weeks apart, with about 1.5 mm needles.",
        peer_reviewed: true,
    },
    Source {
        key: "alam2014",
        label: "Alam et al. 2014",
        citation: "Alam et al., JAMA Dermatol 2014 (split face, 3 sessions 2 weeks apart).",
        supports: "Acne-scar score improved significantly at 6 months, not yet significantly at 3 months: improvement keeps growing after the last session. A small split-face study.",
        peer_reviewed: true,
    },
    Source {
        key: "eldomyati2015",
        label: "El-Domyati et al. 2015",
        citation: "El-Domyati et al. 2015 (6 sessions 2 weeks apart; biopsies at 0, 1 and 3 months).",
        supports: "Biopsies at 0, 1 and 3 months: collagen types I, III and VII and newly made collagen significantly increased at 1 and 3 months. Histology, not visible change.",
        peer_reviewed: true,
    },
    Source {
        key: "hkjdv2018",
        label: "Hong Kong J Dermatol Venereol 2018",
        citation: "Hong Kong J Dermatol Venereol 2018;26:52-7 (36 patients).",
        supports: "Erythema and swelling lasted 3-6 hours in that study.",
        peer_reviewed: true,
    },
    Source {
        key: "tan2014",
        label: "Tan et al. 2014",
        citation: "Tan et al., JAAD 2014: the Clinician's Erythema Assessment (CEA).",
        supports: "The redness words the diary uses: 0 clear, 1 almost clear, 2 mild, 3 moderate, 4 severe.",
        peer_reviewed: true,
    },
    Source {
        key: "seed",
        label: "Seed article",
        citation: "The seed article behind this app's brief (not peer reviewed).",
        supports: "Sessions are spaced several weeks apart; improvement is noticed over several weeks, and is optimal in a few months.",
        peer_reviewed: false,
    },
    Source {
        key: "manufacturer-depth",
        label: "Manufacturers",
        citation: "Device manufacturers' guidance on recovery by needle depth (not peer reviewed).",
        supports: "Commonly reported redness by depth: 0.2-0.5 mm about 2-3 days, 0.8-1.5 mm about 4-5 days, 2-3 mm about 6-7 days.",
        peer_reviewed: false,
    },
    Source {
        key: "remodel-model",
        label: "Remodel",
        citation: "Remodel's illustration of the ranges above (not a measurement, not a prediction).",
        supports: "The shape of the expected-improvement band: when it starts, how fast it grows, how much later sessions add.",
        peer_reviewed: false,
    },
];

/// How firm a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Stated by the cited source.
    Confirmed,
    /// Marked unconfirmed in EVIDENCE.md: shown as "commonly reported".
    Unconfirmed,
    /// The app's own reading or modelling choice, shown as such: never presented as evidence.
    Assumption,
}

/// A range of values with its unit, source and status.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub low: f64,
    pub high: f64,
    pub unit: &'static str,
    pub source: &'static str,
    pub status: Status,
}

const fn range(low: f64, high: f64, unit: &'static str, source: &'static str, status: Status) -> Range {
    Range { low, high, unit, source, status }
}
use Status::{Assumption, Confirmed, Unconfirmed};

/// End of the inflammation phase after a session (the exact days are unconfirmed).
pub const INFLAMMATION_END_DAYS: Range = range(3.0, 5.0, "days", "fernandes2008", Unconfirmed);
/// End of the proliferation phase (exact days unconfirmed).
pub const PROLIFERATION_END_WEEKS: Range = range(6.0, 8.0, "weeks", "fernandes2008", Unconfirmed);
/// Remodelling goes on to about a year.
pub const REMODELLING_END_MONTHS: Range = range(12.0, 12.0, "months", "aust2008", Confirmed);
/// Redness: many resolve within hours to 3 days.
pub const REDNESS_TYPICAL_DAYS: Range = range(0.0, 3.0, "days", "chu2021", Confirmed);
/// Transient effects up to 7 days are within the reported range.
pub const REDNESS_MAX_DAYS: Range = range(7.0, 7.0, "days", "chu2021", Confirmed);
/// When a first comparison photo is worth taking: the app's reading of "improvement is noticed
/// over several weeks" (not a measured onset of visible change).
pub const FIRST_COMPARISON_WEEKS: Range = range(4.0, 6.0, "weeks", "seed", Assumption);
/// When improvement is usually clearer after the last session: significant at 6 months (Alam),
/// considerable collagen increase at 6 months and still changing to a year (Aust). The window is
/// the app's reading of those.
pub const CLEARER_RESULTS_MONTHS: Range = range(6.0, 12.0, "months", "alam2014", Assumption);
/// The interval used when no clinic protocol sets one: acne-scar studies most often ~4 weeks.
pub const TYPICAL_INTERVAL_WEEKS: Range = range(4.0, 4.0, "weeks", "harris2015", Confirmed);

/// The band model's shape (see `evidence::expected_band`): per-session lag before change shows,
/// time constant of its growth, the first session's share, and how much each later one keeps.
pub const MODEL_LAG_WEEKS: Range = range(4.0, 6.0, "weeks", "remodel-model", Assumption);
pub const MODEL_GROWTH_WEEKS: Range = range(6.0, 10.0, "weeks", "remodel-model", Assumption);
pub const MODEL_FIRST_SHARE: Range = range(0.3, 0.5, "share", "remodel-model", Assumption);
pub const MODEL_LATER_SHARE_FACTOR: Range = range(0.6, 0.75, "factor", "remodel-model", Assumption);

/// Every parameter by name, for the evidence page and its test.
pub const PARAMETERS: &[(&str, Range)] = &[
    ("Inflammation ends", INFLAMMATION_END_DAYS),
    ("Proliferation ends", PROLIFERATION_END_WEEKS),
    ("Remodelling continues to", REMODELLING_END_MONTHS),
    ("Redness usually resolves within", REDNESS_TYPICAL_DAYS),
    ("Transient effects reported up to", REDNESS_MAX_DAYS),
    ("First comparison photo worth taking", FIRST_COMPARISON_WEEKS),
    ("Improvement clearer after the last session", CLEARER_RESULTS_MONTHS),
    ("Interval used when no clinic sets one", TYPICAL_INTERVAL_WEEKS),
    ("Model: lag before change shows", MODEL_LAG_WEEKS),
    ("Model: growth time constant", MODEL_GROWTH_WEEKS),
    ("Model: first session's share", MODEL_FIRST_SHARE),
    ("Model: share kept by each later session", MODEL_LATER_SHARE_FACTOR),
];
