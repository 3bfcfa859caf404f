//! White balance from a neutral card in the frame.
//!
//! Lighting and white balance move CIELAB a* more than healing does (../shared/EVIDENCE.md,
//! "Redness from photos"), so when the client marks a white or grey card, every channel is scaled
//! in linear light (a von Kries-style diagonal correction) until the card is neutral, keeping its
//! luminance. Only then is a* comparable between photos.

use image::RgbaImage;

use super::lab::{linearise, RGB_TO_XYZ};
use crate::domain::photos::region::Region;

/// Per-channel gains in linear light.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gains(pub [f32; 3]);

impl Gains {
    pub const NONE: Gains = Gains([1.0, 1.0, 1.0]);
}

/// Why a card region cannot calibrate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardError {
    /// Fewer than 16 opaque pixels inside the region.
    TooSmall,
    /// A channel is (nearly) black or clipped white: no gain can be trusted.
    BadExposure,
}

impl CardError {
    pub const fn message(self) -> &'static str {
        match self {
            CardError::TooSmall => "The card region is too small: draw it over more of the card.",
            CardError::BadExposure => {
                "The card is too dark or too bright to calibrate from (a channel is black or clipped). Mark a grey or white card that is evenly lit."
            }
        }
    }
}

/// The mean linear RGB of the opaque pixels inside `region`, and how many there were.
fn mean_linear_rgb(image: &RgbaImage, region: &Region) -> ([f64; 3], usize) {
    let (cols, rows) = region.pixel_bounds(image.width(), image.height());
    let mut sum = [0.0f64; 3];
    let mut count = 0usize;
    for row in rows {
        for col in cols.clone() {
            let p = image.get_pixel(col, row).0;
            if p[3] == 0 || !region.contains_pixel(col, row, image.width()) {
                continue;
            }
            for c in 0..3 {
                sum[c] += linearise(p[c]);
            }
            count += 1;
        }
    }
    let n = count.max(1) as f64;
    (sum.map(|s| s / n), count)
}

/// The gains that make the card inside `region` neutral at its own luminance.
pub fn gains_from_card(image: &RgbaImage, region: &Region) -> Result<Gains, CardError> {
    let (mean, count) = mean_linear_rgb(image, region);
    if count < 16 {
        return Err(CardError::TooSmall);
    }
    // A channel under 0.2% (sRGB ~ 1) or over 98% (sRGB ~ 253) is noise or clipped.
    if mean.iter().any(|&c| !(0.002..=0.98).contains(&c)) {
        return Err(CardError::BadExposure);
    }
    let [r, g, b] = RGB_TO_XYZ[1];
    let luminance = r * mean[0] + g * mean[1] + b * mean[2];
    Ok(Gains(mean.map(|c| (luminance / c) as f32)))
}

/// Linear light back to an 8-bit sRGB channel.
#[cfg(test)]
fn encode(linear: f32) -> u8 {
    let c = linear.clamp(0.0, 1.0);
    let v = if c <= 0.003_130_8 { 12.92 * c } else { 1.055 * c.powf(1.0 / 2.4) - 0.055 };
    (v * 255.0).round() as u8
}

/// The image with the gains applied. Only the tests use it (to check the gains on real pixels):
/// the redness maps apply gains themselves without a second image.
#[cfg(test)]
pub fn apply(image: &RgbaImage, gains: Gains) -> RgbaImage {
    // 256 entries per channel: the gain is fixed, so each output value depends only on the input.
    let luts: [[u8; 256]; 3] =
        std::array::from_fn(|c| std::array::from_fn(|v| encode(linearise(v as u8) as f32 * gains.0[c])));
    let mut out = image.clone();
    for p in out.pixels_mut() {
        for c in 0..3 {
            p.0[c] = luts[c][p.0[c] as usize];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lab::srgb_to_lab;
    use crate::domain::photos::region::Shape;
    use image::Rgba;

    fn card_photo(card: [u8; 3]) -> (RgbaImage, Region) {
        let mut image = RgbaImage::from_pixel(100, 80, Rgba([180, 120, 100, 255]));
        for y in 20..50 {
            for x in 30..70 {
                image.put_pixel(x, y, Rgba([card[0], card[1], card[2], 255]));
            }
        }
        (image, Region { shape: Shape::Rectangle, x: 0.3, y: 0.2, width: 0.4, height: 0.3 })
    }

    #[test]
    fn a_tinted_grey_card_becomes_neutral() {
        // A grey card under warm light: reddish and yellowish.
        let (image, region) = card_photo([150, 128, 110]);
        let before = srgb_to_lab(150, 128, 110);
        assert!(before.a > 3.0 && before.b > 8.0, "{before:?}");
        let gains = gains_from_card(&image, &region).unwrap();
        let balanced = apply(&image, gains);
        let p = balanced.get_pixel(50, 35).0;
        let after = srgb_to_lab(p[0], p[1], p[2]);
        assert!(after.a.abs() < 0.6 && after.b.abs() < 0.6, "card after balance: {after:?}");
        assert!((after.l - before.l).abs() < 1.0, "luminance kept: {before:?} → {after:?}");
    }

    #[test]
    fn a_neutral_card_changes_nothing() {
        let (image, region) = card_photo([128, 128, 128]);
        let gains = gains_from_card(&image, &region).unwrap();
        assert!(gains.0.iter().all(|g| (g - 1.0).abs() < 1e-4), "{gains:?}");
        assert_eq!(apply(&image, gains), image);
    }

    #[test]
    fn bad_cards_are_refused_with_a_reason() {
        let (image, region) = card_photo([255, 255, 255]);
        assert_eq!(gains_from_card(&image, &region), Err(CardError::BadExposure));
        let tiny = Region { width: 0.01, height: 0.01, ..region };
        assert_eq!(gains_from_card(&image, &tiny), Err(CardError::TooSmall));
        assert!(CardError::BadExposure.message().contains("clipped"));
    }
}
