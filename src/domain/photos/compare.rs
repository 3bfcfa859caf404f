//! Comparing photos of one area and angle: the series in date order, the default pair, the
//! reference photo every alignment is relative to, and the captions.

use time::Date;

use super::alignment::{AlignMethod, Alignment};
#[cfg(test)]
use super::angle::Angle;
use super::photo::Photo;
use super::similarity::Similarity;
use crate::domain::diary::session::Session;
use crate::domain::text::dates::display_date;

/// The compare view's ways of showing two photos.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareMode {
    SideBySide,
    Slider,
    Blend,
    Difference,
    Redness,
    Timelapse,
}

impl CompareMode {
    pub const ALL: [CompareMode; 6] = [
        CompareMode::SideBySide,
        CompareMode::Slider,
        CompareMode::Blend,
        CompareMode::Difference,
        CompareMode::Redness,
        CompareMode::Timelapse,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            CompareMode::SideBySide => "Side by side",
            CompareMode::Slider => "Slider",
            CompareMode::Blend => "Blend",
            CompareMode::Difference => "Difference",
            CompareMode::Redness => "Redness",
            CompareMode::Timelapse => "Timelapse",
        }
    }
}

/// The photos of one area and view (an angle, or a named custom angle: `super::angle::view_key`),
/// oldest first: the compare view's choices and the timelapse's frames.
pub fn series<'a>(photos: &'a [Photo], area_id: &str, view_key: &str) -> Vec<&'a Photo> {
    let mut list: Vec<&Photo> =
        photos.iter().filter(|p| p.area_id == area_id && p.view_key() == view_key).collect();
    list.sort_by(|a, b| a.taken_at.cmp(&b.taken_at).then_with(|| a.id.cmp(&b.id)));
    list
}

/// The first and the latest photo of a series (when it has two).
pub fn default_pair<'a>(series: &[&'a Photo]) -> Option<(&'a Photo, &'a Photo)> {
    match series {
        [first, .., last] => Some((first, last)),
        _ => None,
    }
}

/// The photo every other photo of the series is aligned to: the oldest.
pub fn reference<'a>(series: &[&'a Photo]) -> Option<&'a Photo> {
    series.first().copied()
}

/// The photo's map onto the reference (identity for the reference itself, or when it has no
/// alignment to this reference, or a damaged one).
pub fn to_reference(photo: &Photo, reference_id: &str) -> Similarity {
    match &photo.alignment {
        Some(a)
            if a.reference_id == reference_id
                && photo.id != reference_id
                && a.to_reference.is_plausible() =>
        {
            a.to_reference
        }
        _ => Similarity::IDENTITY,
    }
}

/// Whether the photo is aligned to the reference (the reference always is).
#[cfg(test)]
pub fn is_aligned(photo: &Photo, reference_id: &str) -> bool {
    photo.id == reference_id || to_reference(photo, reference_id) != Similarity::IDENTITY
}

/// The map from photo `b` onto photo `a`, in width units, through the reference.
#[cfg(test)]
pub fn b_onto_a(a: &Photo, b: &Photo, reference_id: &str) -> Similarity {
    to_reference(a, reference_id).inverse().after(&to_reference(b, reference_id))
}

/// The alignment to store on `b` when it was registered onto `a` by `b_to_a`.
pub fn alignment_from(a: &Photo, b_to_a: Similarity, reference_id: &str, method: AlignMethod) -> Alignment {
    Alignment {
        reference_id: reference_id.to_string(),
        to_reference: to_reference(a, reference_id).after(&b_to_a),
        method,
    }
}

/// The first done session's date (the "day 0" of progress).
pub fn first_session(sessions: &[Session]) -> Option<Date> {
    sessions.iter().filter(|s| s.is_done()).map(|s| s.date).min()
}

/// "3 Oct 2026 · day 43 since the first session" (or "before the first session").
pub fn caption(photo: &Photo, first_session: Option<Date>) -> String {
    let Some(date) = photo.date() else { return photo.taken_at.clone() };
    let since = first_session.map(|first| (date - first).whole_days());
    match since {
        Some(days) if days >= 0 => format!("{} · day {days} since the first session", display_date(date)),
        Some(_) => format!("{} · before the first session", display_date(date)),
        None => display_date(date),
    }
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
