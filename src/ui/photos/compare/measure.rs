//! Measuring a photo's redness index: drawn into the reference frame, white-balanced by its card
//! when it has one, and a* averaged over the area's region.

use web_sys::HtmlImageElement;

use super::pixels::{fitted_size, rendered};
use crate::analysis::redness::region_stats;
use crate::analysis::white_balance::{gains_from_card, Gains};
use crate::domain::photos::photo::Photo;
use crate::domain::photos::redness::{noise, RednessReading};
use crate::domain::photos::region::{Region, Shape};
use crate::domain::photos::similarity::Similarity;

/// The width photos are measured at: enough pixels for a stable mean, quick to read back.
pub const MEASURE_WIDTH: u32 = 512;

/// The reading of `photo` (decoded as `image`, mapped onto the reference frame by `onto`, whose
/// aspect is `frame_aspect`) inside `region`.
pub fn measure(
    photo: &Photo,
    image: &HtmlImageElement,
    onto: &Similarity,
    frame_aspect: f64,
    region: &Region,
) -> Result<RednessReading, String> {
    let height = ((f64::from(MEASURE_WIDTH) * frame_aspect).round() as u32).max(1);
    let framed = rendered(image, MEASURE_WIDTH, height, Some(onto)).ok_or_else(unreadable)?;
    let (gains, card_spread) = card_balance(photo, image)?;
    let stats = region_stats(&framed, region, gains).ok_or_else(|| {
        "The region is outside this photo once aligned: draw it over skin both photos show.".to_string()
    })?;
    Ok(RednessReading {
        mean: stats.mean,
        spread: stats.spread,
        noise: noise(card_spread, stats.spread),
        calibrated: photo.card.is_some(),
        region: *region,
    })
}

fn unreadable() -> String {
    "This photo's pixels could not be read.".to_string()
}

/// The white balance that makes `photo`'s card neutral, with the card's own a* spread once
/// balanced (the reading's noise); no gains and no spread when it has no card. The index and the
/// redness map both use it.
pub fn card_balance(photo: &Photo, image: &HtmlImageElement) -> Result<(Gains, Option<f64>), String> {
    match &photo.card {
        Some(card) => balance_by(photo, image, card),
        None => Ok((Gains::NONE, None)),
    }
}

/// The white balance that makes `card` (a region of the photo as taken) neutral, read at the
/// measuring size, with the card's a* spread once balanced; the reason when it can't calibrate.
pub fn balance_by(
    photo: &Photo,
    image: &HtmlImageElement,
    card: &Region,
) -> Result<(Gains, Option<f64>), String> {
    let (w, h) = fitted_size(photo.width, photo.height, MEASURE_WIDTH);
    let own = rendered(image, w, h, None).ok_or_else(unreadable)?;
    let gains = gains_from_card(&own, card).map_err(|e| e.message().to_string())?;
    Ok((gains, region_stats(&own, card, gains).map(|s| s.spread)))
}

/// The rectangle bounding `region` once its corners are mapped through `map` (e.g. a card drawn
/// on the reference frame into the photo's own frame, or back), clamped to an image of `aspect`.
pub fn bounding_box_through(region: &Region, map: &Similarity, aspect: f64) -> Option<Region> {
    let corners = [
        (region.x, region.y),
        (region.x + region.width, region.y),
        (region.x, region.y + region.height),
        (region.x + region.width, region.y + region.height),
    ]
    .map(|p| map.apply(p));
    let (min_x, max_x) = corners.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
    let (min_y, max_y) = corners.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    Region::from_corners(Shape::Rectangle, (min_x, min_y), (max_x, max_y), aspect)
}
