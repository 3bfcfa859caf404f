//! Redness readings from photos, and what a change between two of them means.
//!
//! A reading is the mean CIELAB a* inside the area's region (../shared/EVIDENCE.md, "Redness
//! from photos"). Lighting moves a* more than healing does, so a reading is *calibrated* only when
//! the photo's white/grey card was used to white-balance it first.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[cfg(test)]
use super::angle::Angle;
use super::region::Region;
use crate::domain::text::decimal::format_fixed;

/// The redness region of interest of each area and view, drawn once on the series' reference
/// photo and used for every photo of the series (through its alignment). Keyed by area *and*
/// view (`super::angle::view_key`: a preset angle keeps its plain key, so regions drawn before
/// custom angles had names still match): each view has its own reference photo, so its own frame.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RednessRegions {
    #[serde(default)]
    regions: BTreeMap<String, Region>,
}

impl RednessRegions {
    fn key(area_id: &str, view_key: &str) -> String {
        format!("{area_id}/{view_key}")
    }

    pub fn get(&self, area_id: &str, view_key: &str) -> Option<Region> {
        self.regions.get(&Self::key(area_id, view_key)).copied()
    }

    pub fn set(&mut self, area_id: &str, view_key: &str, region: Region) {
        self.regions.insert(Self::key(area_id, view_key), region);
    }
}

/// The smallest noise a reading is given, in a* units: even a perfect card cannot make two
/// photos' a* agree better than the camera's own variation between shots.
pub const NOISE_FLOOR: f64 = 0.5;

/// How many noise widths a change must exceed to be called clear (about 95% for normal noise).
pub const CLEAR_CHANGE_FACTOR: f64 = 2.0;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct RednessReading {
    /// Mean a* in the region.
    pub mean: f64,
    /// Standard deviation of a* across the region's pixels.
    pub spread: f64,
    /// The reading's measurement noise (see [`noise`]).
    pub noise: f64,
    pub calibrated: bool,
    /// The region it was measured in (the reference frame); a reading for another region is stale.
    pub region: Region,
}

/// The measurement noise of a reading: with a card, how much a* varies across that neutral card
/// (uneven light and sensor noise); without one, lighting cannot be told from skin, so the
/// region's own spread is used, which is large and keeps uncalibrated comparisons cautious.
pub fn noise(card_spread: Option<f64>, region_spread: f64) -> f64 {
    card_spread.unwrap_or(region_spread).max(NOISE_FLOOR)
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    Redder(f64),
    LessRed(f64),
    NoClearChange(f64),
}

impl Change {
    pub fn describe(self) -> String {
        match self {
            Change::Redder(d) => format!("redder by {} a*", format_fixed(d, 1, false)),
            Change::LessRed(d) => format!("less red by {} a*", format_fixed(d.abs(), 1, false)),
            Change::NoClearChange(d) => {
                let d = format_fixed(d, 1, false);
                let sign = if d.starts_with('-') { "" } else { "+" };
                format!("no clear change ({sign}{d} a*, within the measurement noise)")
            }
        }
    }
}

/// The change from `before` to `after`: clear only beyond twice their combined noise.
pub fn change(before: &RednessReading, after: &RednessReading) -> Change {
    let delta = after.mean - before.mean;
    let threshold = CLEAR_CHANGE_FACTOR * before.noise.hypot(after.noise);
    if delta.abs() <= threshold {
        Change::NoClearChange(delta)
    } else if delta > 0.0 {
        Change::Redder(delta)
    } else {
        Change::LessRed(delta)
    }
}

/// "12.4 a* (calibrated)" / "12.4 a* (uncalibrated — lighting changes affect this number)".
pub fn label(reading: &RednessReading) -> String {
    let kind = if reading.calibrated {
        "calibrated"
    } else {
        "uncalibrated — lighting changes affect this number"
    };
    format!(
        "{} a* ± {} ({kind})",
        format_fixed(reading.mean, 1, false),
        format_fixed(reading.spread, 1, false)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::photos::region::Shape;

    fn reading(mean: f64, noise: f64, calibrated: bool) -> RednessReading {
        let region = Region { shape: Shape::Ellipse, x: 0.2, y: 0.2, width: 0.3, height: 0.2 };
        RednessReading { mean, spread: 3.0, noise, calibrated, region }
    }

    #[test]
    fn changes_within_the_noise_are_not_clear() {
        assert!(matches!(
            change(&reading(14.0, 0.6, true), &reading(15.0, 0.6, true)),
            Change::NoClearChange(_)
        ));
        assert_eq!(change(&reading(14.0, 0.6, true), &reading(11.0, 0.6, true)), Change::LessRed(-3.0));
        assert!(matches!(change(&reading(11.0, 0.6, true), &reading(14.0, 0.6, true)), Change::Redder(_)));
        // The same 3-unit drop without a card is within an uncalibrated reading's noise.
        assert!(matches!(
            change(&reading(14.0, 3.0, false), &reading(11.0, 3.0, false)),
            Change::NoClearChange(_)
        ));
    }

    #[test]
    fn regions_are_kept_apart_for_each_angle_of_an_area() {
        let region = reading(0.0, 0.0, false).region;
        let mut regions = RednessRegions::default();
        regions.set("cheeks", Angle::Front.key(), region);
        assert_eq!(regions.get("cheeks", Angle::Front.key()), Some(region));
        assert_eq!(regions.get("cheeks", Angle::Left45.key()), None);
        assert_eq!(regions.get("neck", Angle::Front.key()), None);
        regions.set("neck", "custom-under-the-chin", region);
        assert_eq!(regions.get("neck", "custom-under-the-chin"), Some(region));
        assert_eq!(regions.get("neck", "custom-under-the-jaw"), None);
    }

    #[test]
    fn noise_comes_from_the_card_when_there_is_one_and_has_a_floor() {
        assert_eq!(noise(Some(0.8), 4.0), 0.8);
        assert_eq!(noise(Some(0.1), 4.0), NOISE_FLOOR);
        assert_eq!(noise(None, 4.0), 4.0);
    }

    #[test]
    fn labels_say_whether_lighting_was_corrected() {
        assert_eq!(label(&reading(12.44, 0.5, true)), "12.4 a* ± 3.0 (calibrated)");
        assert!(
            label(&reading(12.44, 0.5, false)).contains("uncalibrated — lighting changes affect this number")
        );
        assert!(Change::NoClearChange(0.4).describe().starts_with("no clear change"));
    }
}
