//! What the session form says beside what was typed, without ever refusing it: the depth clinics
//! commonly use for the area, a caution for a home session deeper than home devices go, the
//! granuloma caution for products, and a note when sessions are closer than studies spaced them.
//! All from `evidence_data` (practical guidance, marked unconfirmed there).

use time::Date;

use super::aftercare::{product_caution, PRODUCT_CAUTION};
use super::session::{DeviceKind, Session};
use crate::domain::profile::area::AreaKind;
use crate::domain::text::dates::display_date;
use crate::domain::text::decimal::format_fixed;
use crate::domain::timeline::evidence_data::{
    Range, DEPTH_ACNE_SCARS_MM, DEPTH_CHEEKS_MM, DEPTH_EYES_FOREHEAD_MM, HOME_CAUTION_ABOVE_MM,
    HOME_DEVICE_MM, STUDY_INTERVAL_WEEKS,
};

fn mm(range: &Range) -> String {
    format!("{}-{} mm", format_fixed(range.low, 2, true), format_fixed(range.high, 2, true))
}

/// The usual clinic depth for an area, when the guides give one.
pub fn clinic_depth(kind: AreaKind, acne_scars: bool) -> Option<Range> {
    match kind {
        AreaKind::UnderEye | AreaKind::Forehead => Some(DEPTH_EYES_FOREHEAD_MM),
        AreaKind::Cheeks | AreaKind::Face if acne_scars => Some(DEPTH_ACNE_SCARS_MM),
        AreaKind::Cheeks => Some(DEPTH_CHEEKS_MM),
        _ => None,
    }
}

/// The hint under an area's depth field, and a caution when a home session goes deeper than
/// home devices are meant to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DepthNote {
    pub hint: Option<String>,
    pub caution: Option<String>,
    /// The source key of the figure in the hint or caution.
    pub source: &'static str,
}

/// Where the app's RF sentences come from: EVIDENCE.md's practical guidance that RF
/// microneedling has its own settings and recovery (no trial figures: "ask your clinic").
pub const RF_SOURCE: &str = "clinic-practice";

/// The note for one area of a session form: `depth_mm` as typed and read (`None` when empty or
/// not a number yet).
pub fn depth_note(
    kind: AreaKind,
    acne_scars: bool,
    at_home: bool,
    device: DeviceKind,
    depth_mm: Option<f64>,
) -> DepthNote {
    if device == DeviceKind::RfMicroneedling {
        return DepthNote {
            hint: Some("RF microneedling uses heat as well as needles, with its own settings and recovery: ask your clinic what to expect.".into()),
            caution: None,
            source: RF_SOURCE,
        };
    }
    if at_home {
        let hint = format!(
            "Home rollers are commonly {} or shorter. Clinics commonly use{} for this area.",
            format_fixed(HOME_DEVICE_MM.high, 2, true) + " mm",
            clinic_depth(kind, acne_scars)
                .map_or_else(|| " their own depths".to_string(), |r| format!(" {}", mm(&r)))
        );
        let caution = depth_mm.filter(|d| *d > HOME_CAUTION_ABOVE_MM.high).map(|d| {
            format!(
                "{} mm is past the {} mm above which a home session warrants a caution. Needles that reach living skin layers are treated as medical devices in the US (FDA 2020); talk to a clinic before going this deep at home.",
                format_fixed(d, 2, true),
                format_fixed(HOME_CAUTION_ABOVE_MM.high, 2, true)
            )
        });
        return DepthNote { hint: Some(hint), caution, source: HOME_CAUTION_ABOVE_MM.source };
    }
    match clinic_depth(kind, acne_scars) {
        Some(range) => DepthNote {
            hint: Some(format!(
                "Clinics commonly use about {} here (practical guidance, not trial evidence).",
                mm(&range)
            )),
            caution: None,
            source: range.source,
        },
        None => DepthNote::default(),
    }
}

/// The strongest product note any product calls for: the granuloma caution before the
/// sterile-products note.
pub fn products_caution(products: &[String]) -> Option<&'static str> {
    let notes: Vec<&'static str> = products.iter().filter_map(|p| product_caution(p)).collect();
    notes.iter().find(|n| **n == PRODUCT_CAUTION).or(notes.first()).copied()
}

/// The source of an [`interval_note`]: the studies' spacing when no clinic protocol sets one;
/// `None` for the clinic's own protocol (the clinic's word, not a study's).
pub fn interval_source(clinic_weeks: Option<u8>) -> Option<&'static str> {
    clinic_weeks.is_none().then_some(STUDY_INTERVAL_WEEKS.source)
}

/// A note when a session on `date` is closer to another session than the clinic's interval
/// (when its protocol sets one) or than the shortest interval in the studies cited.
pub fn interval_note(
    date: Date,
    editing: Option<&str>,
    sessions: &[Session],
    clinic_weeks: Option<u8>,
) -> Option<String> {
    let nearest = sessions
        .iter()
        .filter(|s| Some(s.id.as_str()) != editing)
        .min_by_key(|s| (s.date - date).whole_days().abs())?;
    let days = (nearest.date - date).whole_days().abs();
    let (weeks, whose) = match clinic_weeks {
        Some(weeks) => (i64::from(weeks), "your clinic's protocol spaces sessions".to_string()),
        None => (
            STUDY_INTERVAL_WEEKS.low as i64,
            format!(
                "the studies behind this app spaced sessions at least {} weeks apart",
                format_fixed(STUDY_INTERVAL_WEEKS.low, 0, true)
            ),
        ),
    };
    (days < weeks * 7).then(|| {
        let apart = match days {
            0 => "on the same day as".to_string(),
            1 => "1 day from".to_string(),
            n => format!("{n} days from"),
        };
        format!(
            "This session is {apart} the session of {}, and {whose}{}. Check the timing with your clinic.",
            display_date(nearest.date),
            if clinic_weeks.is_some() { format!(" {weeks} weeks apart") } else { String::new() }
        )
    })
}

#[cfg(test)]
#[path = "session_guidance_tests.rs"]
mod tests;
