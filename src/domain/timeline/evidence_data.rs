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
        supports: "Transient effects such as redness and swelling lasted up to 7 days across the studies reviewed; dark patches (post-inflammatory hyperpigmentation) were more frequent in skin types IV-VI.",
        peer_reviewed: true,
    },
    Source {
        key: "aust2008",
        label: "Aust et al. 2008",
        citation: "Aust et al., Plast Reconstr Surg 2008.",
        supports: "Histology: considerable collagen and elastin increase at 6 months; the stratum spinosum about 40% thicker at 1 year. That measures skin at one year; it does not say when remodelling ends. The study treated 480 people with 1-4 sessions; its satisfaction figures come from a subset of them (the German patients), so Remodel does not quote them.",
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
        citation: "Alam et al., JAMA Dermatol 2014;150(8):844-9 (20 enrolled, 15 completed; split face, 3 sessions 2 weeks apart).",
        supports: "In the 15 people who completed the study, the acne-scar score on the needled side was significantly lower than at the start 6 months after the first session, and not yet significantly at 3 months. Its 2-week spacing is the shortest in the studies cited here.",
        peer_reviewed: true,
    },
    Source {
        key: "eldomyati2015",
        label: "El-Domyati et al. 2015",
        citation: "El-Domyati et al., J Clin Aesthet Dermatol 2015;8(7):36-42 (n = 10; 6 sessions 2 weeks apart; biopsies at 0, 1 and 3 months).",
        supports: "In 10 people, collagen types I, III and VII and newly made collagen had significantly increased at 1 and 3 months. Histology, not visible change.",
        peer_reviewed: true,
    },
    Source {
        key: "hkjdv2018",
        label: "Hong Kong J Dermatol Venereol 2018",
        citation: "Hong Kong J Dermatol Venereol 2018;26:52-7 (36 patients).",
        supports: "In 36 people, redness and swelling lasted 3-6 hours.",
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
        supports: "Sessions are spaced several weeks apart; improvement is noticed over several weeks.",
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
        key: "ramaut2018",
        label: "Ramaut et al. 2018",
        citation: "Ramaut et al., J Plast Reconstr Aesthet Surg 2018;71:1-14 (systematic review).",
        supports: "The studies of microneedling are small, often without a control group or blinding, and use varied devices and protocols.",
        peer_reviewed: true,
    },
    Source {
        key: "hou2017",
        label: "Hou et al. 2017",
        citation: "Hou et al., Dermatol Surg 2017;43:321-39 (systematic review).",
        supports: "The same: small studies, mostly unblinded, varied devices and protocols. Results vary from person to person.",
        peer_reviewed: true,
    },
    Source {
        key: "alster2018",
        label: "Alster & Graham 2018",
        citation: "Alster & Graham, Dermatol Surg 2018;44:397-404 (practical guide).",
        supports: "What clinics screen for before a session, and typical clinic needle depths by area (practical guidance, not trial outcomes).",
        peer_reviewed: true,
    },
    Source {
        key: "singh2016",
        label: "Singh & Yadav 2016",
        citation: "Singh & Yadav, Indian Dermatol Online J 2016;7:244-54 (review).",
        supports: "What clinics screen for before a session.",
        peer_reviewed: true,
    },
    Source {
        key: "waldman2017",
        label: "Waldman et al. 2017",
        citation: "Waldman et al., Dermatol Surg 2017;43:1249-62 (ASDS task force).",
        supports: "Isotretinoin: the task force found insufficient evidence to support delaying several procedures; the traditional advice is to wait about 6 months, and clinics differ.",
        peer_reviewed: true,
    },
    Source {
        key: "soltani2014",
        label: "Soltani-Arabshahi et al. 2014",
        citation: "Soltani-Arabshahi et al., JAMA Dermatol 2014;150:68-72.",
        supports: "Allergic granulomas (firm bumps weeks later) were reported after a vitamin C serum was applied during needling.",
        peer_reviewed: true,
    },
    Source {
        key: "pahwa2012",
        label: "Pahwa et al. 2012",
        citation: "Pahwa et al., Dermatol Surg 2012;38:1107-8.",
        supports: "Track or line marks (\"tram-track\") after needling.",
        peer_reviewed: true,
    },
    Source {
        key: "fda2020",
        label: "US FDA 2020",
        citation: "US FDA, guidance on microneedling products, 2020.",
        supports: "Devices that reach living skin layers are medical devices; home rollers are commonly 0.25-0.3 mm or shorter.",
        peer_reviewed: false,
    },
    Source {
        key: "clinic-practice",
        label: "Common clinic practice",
        citation: "Common clinic aftercare and practical guides (not trial evidence; a clinic's link can change the aftercare).",
        supports: "Aftercare windows: no make-up for about 24 hours; no retinoids, acids or vitamin C for about 3-7 days; no sweating exercise, swimming or sauna for about 24-48 hours; sun protection daily. Which side effects clinics ask to hear about, and how soon: signs of infection, cold sores or blisters, hives or lip or eye swelling, swollen glands, breakouts or milia. That RF microneedling (heat as well as needles) has its own settings and recovery, so needling's figures are not applied to it.",
        peer_reviewed: false,
    },
    Source {
        key: "remodel-reading",
        label: "Remodel (assumption)",
        citation: "Figures the app uses where no source above states them; each is marked as the app's assumption.",
        supports: "Redness often easing within about 3 days; drawing remodelling for about a year.",
        peer_reviewed: false,
    },
    Source {
        key: "remodel-model",
        label: "Remodel",
        citation: "Remodel's illustration of the ranges above (not a measurement, not a prediction).",
        supports: "The shape of the band of what studies reported: when it starts, how fast it grows, how much later sessions add.",
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
/// How long the timeline draws remodelling: about a year. An assumption: Aust 2008 measured skin
/// at one year, which does not say remodelling ends then, and no source gives its end.
pub const REMODELLING_END_MONTHS: Range = range(12.0, 12.0, "months", "remodel-reading", Assumption);
/// Redness often easing within 0-3 days: not in Chu 2021's abstract (which says up to 7 days), so
/// the app's assumption. One 36-person study saw 3-6 hours.
pub const REDNESS_TYPICAL_DAYS: Range = range(0.0, 3.0, "days", "remodel-reading", Assumption);
/// Transient effects up to 7 days are within the reported range.
pub const REDNESS_MAX_DAYS: Range = range(7.0, 7.0, "days", "chu2021", Confirmed);
/// When a first comparison photo is worth taking: the app's reading of "improvement is noticed
/// over several weeks" (not a measured onset of visible change).
pub const FIRST_COMPARISON_WEEKS: Range = range(4.0, 6.0, "weeks", "seed", Assumption);
/// When Alam 2014 saw the acne-scar score significantly lower: 6 months after the first session
/// (and not yet at 3), in the 15 people who completed the study.
pub const ALAM_SIGNIFICANT_MONTHS: Range = range(6.0, 6.0, "months", "alam2014", Confirmed);
/// When change was clearer after the last session: significant at 6 months (Alam),
/// considerable collagen increase at 6 months and still changing to a year (Aust). The window is
/// the app's reading of those.
pub const CLEARER_RESULTS_MONTHS: Range = range(6.0, 12.0, "months", "alam2014", Assumption);
/// The interval used when no clinic protocol sets one: acne-scar studies most often ~4 weeks.
pub const TYPICAL_INTERVAL_WEEKS: Range = range(4.0, 4.0, "weeks", "harris2015", Confirmed);

/// Needle depths clinics commonly use, by area (practical guides, not trial outcomes).
pub const DEPTH_EYES_FOREHEAD_MM: Range = range(0.25, 0.5, "mm", "alster2018", Unconfirmed);
pub const DEPTH_CHEEKS_MM: Range = range(1.0, 1.5, "mm", "alster2018", Unconfirmed);
pub const DEPTH_ACNE_SCARS_MM: Range = range(1.5, 2.0, "mm", "alster2018", Unconfirmed);
/// Home rollers' usual needle length, and the depth past which a home session warrants a caution.
pub const HOME_DEVICE_MM: Range = range(0.25, 0.3, "mm", "fda2020", Unconfirmed);
pub const HOME_CAUTION_ABOVE_MM: Range = range(0.5, 0.5, "mm", "fda2020", Unconfirmed);
/// The shortest interval between sessions in the studies cited (Alam 2014, El-Domyati 2015: 2
/// weeks); photo-ageing protocols commonly 2-6 weeks.
pub const STUDY_INTERVAL_WEEKS: Range = range(2.0, 6.0, "weeks", "alam2014", Unconfirmed);

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
    ("Remodelling drawn for (its end is not established)", REMODELLING_END_MONTHS),
    ("Redness often eases within", REDNESS_TYPICAL_DAYS),
    ("Redness and swelling reported up to", REDNESS_MAX_DAYS),
    ("First comparison photo worth taking", FIRST_COMPARISON_WEEKS),
    ("Acne-scar change significant after the first session (15 people)", ALAM_SIGNIFICANT_MONTHS),
    (
        "Window for clearer change after the last session (the app's reading of a 15-person study)",
        CLEARER_RESULTS_MONTHS,
    ),
    ("Interval used when no clinic sets one", TYPICAL_INTERVAL_WEEKS),
    ("Intervals between sessions in studies", STUDY_INTERVAL_WEEKS),
    ("Clinic depth around the eyes and forehead", DEPTH_EYES_FOREHEAD_MM),
    ("Clinic depth on the cheeks", DEPTH_CHEEKS_MM),
    ("Clinic depth for acne scars", DEPTH_ACNE_SCARS_MM),
    ("Home rollers' usual needle length", HOME_DEVICE_MM),
    ("Home session depth that warrants a caution, above", HOME_CAUTION_ABOVE_MM),
    ("Model: lag before change shows", MODEL_LAG_WEEKS),
    ("Model: growth time constant", MODEL_GROWTH_WEEKS),
    ("Model: first session's share", MODEL_FIRST_SHARE),
    ("Model: share kept by each later session", MODEL_LATER_SHARE_FACTOR),
];
