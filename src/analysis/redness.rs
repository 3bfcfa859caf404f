//! The redness index: CIELAB a* (which tracks erythema; ../shared/EVIDENCE.md, "Redness from
//! photos") inside a region, after white balance when the photo has a marked card.

use image::RgbaImage;

use super::lab::LabTables;
use super::white_balance::Gains;
use crate::domain::photos::region::Region;

/// The a* range the redness overlay spans: skin sits roughly between 5 (pale) and 25 (red).
pub const OVERLAY_RANGE: (f32, f32) = (0.0, 30.0);

/// The redness map's legend: a* values on the ramp, lowest first (`{value} — {words}`).
pub const MAP_LEGEND: [(f32, &str); 4] =
    [(0.0, "no red"), (10.0, "a little red"), (20.0, "redder"), (OVERLAY_RANGE.1, "red (30 or more)")];

/// Mean and spread of a* over a region.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionStats {
    pub mean: f64,
    /// Standard deviation of a* over the region's pixels.
    pub spread: f64,
    pub pixels: usize,
}

/// a* of one pixel with gains applied in linear light.
#[inline]
fn a_star_balanced(tables: &LabTables, p: &[u8], gains: Gains) -> f32 {
    if gains == Gains::NONE {
        return tables.a_star(p[0], p[1], p[2]);
    }
    tables.a_star_linear(std::array::from_fn(|c| tables.linear(p[c]) * gains.0[c]))
}

/// a* of every pixel of an RGBA buffer into `out` (one value per pixel; NaN where transparent).
pub fn a_star_map(rgba: &[u8], gains: Gains, out: &mut [f32]) {
    let tables = LabTables::get();
    if gains == Gains::NONE {
        // The common case: table reads only, four pixels at a time in the browser.
        tables.a_star_pixels(rgba.as_chunks::<4>().0, out);
        return;
    }
    for (p, o) in rgba.chunks_exact(4).zip(out.iter_mut()) {
        *o = if p[3] == 0 { f32::NAN } else { a_star_balanced(tables, p, gains) };
    }
}

/// Mean and spread of a* over the opaque pixels inside `region`; `None` when it covers none.
pub fn region_stats(image: &RgbaImage, region: &Region, gains: Gains) -> Option<RegionStats> {
    let tables = LabTables::get();
    let (cols, rows) = region.pixel_bounds(image.width(), image.height());
    let (mut sum, mut sum_sq, mut n) = (0.0f64, 0.0f64, 0usize);
    for row in rows {
        for col in cols.clone() {
            let p = image.get_pixel(col, row).0;
            if p[3] == 0 || !region.contains_pixel(col, row, image.width()) {
                continue;
            }
            let a = f64::from(a_star_balanced(tables, &p, gains));
            sum += a;
            sum_sq += a * a;
            n += 1;
        }
    }
    (n > 0).then(|| {
        let mean = sum / n as f64;
        RegionStats { mean, spread: (sum_sq / n as f64 - mean * mean).max(0.0).sqrt(), pixels: n }
    })
}

/// The redness overlay: each pixel's a* as a colour on the difference map's ramp (transparent
/// outside the image), so redder skin shows hotter.
pub fn overlay(image: &RgbaImage, gains: Gains, out: &mut [u8]) {
    // Through the a* map (the measured one: BENCHMARKS "The a* map, four pixels at a time"),
    // then onto the ramp.
    let mut values = vec![0.0f32; image.as_raw().len() / 4];
    a_star_map(image.as_raw(), gains, &mut values);
    let (lo, hi) = OVERLAY_RANGE;
    let ramp: Vec<[u8; 4]> = (0..256).map(|i| super::difference::ramp_colour(i as f32 / 255.0)).collect();
    for (a, o) in values.iter().zip(out.chunks_exact_mut(4)) {
        if a.is_nan() {
            o.copy_from_slice(&[0, 0, 0, 0]);
            continue;
        }
        let t = (a - lo) / (hi - lo);
        o.copy_from_slice(&ramp[(t.clamp(0.0, 1.0) * 255.0) as usize]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lab::srgb_to_lab;
    use crate::analysis::white_balance::gains_from_card;
    use crate::domain::photos::region::Shape;
    use image::Rgba;

    #[test]
    fn the_map_is_a_star_and_transparent_pixels_are_not_numbers() {
        let rgba = [255, 0, 0, 255, 10, 200, 30, 255, 1, 2, 3, 0];
        let mut out = [0.0f32; 3];
        a_star_map(&rgba, Gains::NONE, &mut out);
        assert!((f64::from(out[0]) - 80.09).abs() < 0.01);
        assert!((f64::from(out[1]) - srgb_to_lab(10, 200, 30).a).abs() < 0.01);
        assert!(out[2].is_nan());
    }

    #[test]
    fn the_map_stays_within_its_bound_of_the_reference_across_the_cube() {
        let values: Vec<u8> = (0..=255).step_by(3).collect();
        let mut rgba = Vec::new();
        for &r in &values {
            for &g in &values {
                for &b in &values {
                    rgba.extend([r, g, b, 255]);
                }
            }
        }
        let mut out = vec![0.0f32; rgba.len() / 4];
        a_star_map(&rgba, Gains::NONE, &mut out);
        for (p, a) in rgba.chunks_exact(4).zip(out) {
            let exact = srgb_to_lab(p[0], p[1], p[2]).a;
            // The curve's bound (`lab.rs`, `LabTables::curve`): 0.0034, well inside 0.01.
            assert!((f64::from(a) - exact).abs() <= 0.0034, "{p:?}: {a} against {exact}");
        }
    }

    /// Every one of the 16.7 million colours, for the worst error BENCHMARKS gives (0.0027). Slow
    /// without optimisation: `cargo test --release --lib every_colour -- --ignored`.
    #[test]
    #[ignore]
    fn every_colour_stays_within_the_bound() {
        let tables = LabTables::get();
        let mut worst = (0.0f64, [0u8; 3]);
        for pixel in 0..1u32 << 24 {
            let [r, g, b, _] = pixel.to_le_bytes();
            let error = (f64::from(tables.a_star_packed(pixel)) - srgb_to_lab(r, g, b).a).abs();
            if error > worst.0 {
                worst = (error, [r, g, b]);
            }
        }
        println!("worst a* error {:.4} at {:?}", worst.0, worst.1);
        assert!(worst.0 <= 0.0034, "worst a* error {:.4} at {:?}", worst.0, worst.1);
    }

    #[test]
    fn region_stats_measure_only_inside_the_ellipse() {
        // Red inside a centred disc, neutral grey outside it.
        let image = RgbaImage::from_fn(100, 100, |x, y| {
            let (dx, dy) = (x as f64 + 0.5 - 50.0, y as f64 + 0.5 - 50.0);
            if dx * dx + dy * dy <= 40.0 * 40.0 {
                Rgba([200, 120, 110, 255])
            } else {
                Rgba([128, 128, 128, 255])
            }
        });
        let disc = Region { shape: Shape::Ellipse, x: 0.1, y: 0.1, width: 0.8, height: 0.8 };
        let stats = region_stats(&image, &disc, Gains::NONE).unwrap();
        let red = srgb_to_lab(200, 120, 110).a;
        assert!((stats.mean - red).abs() < 0.02 && stats.spread < 0.02, "{stats:?}");
        let square = Region { shape: Shape::Rectangle, ..disc };
        assert!(region_stats(&image, &square, Gains::NONE).unwrap().mean < red - 1.0);
    }

    #[test]
    fn calibration_removes_a_colour_cast_from_the_index() {
        // The same skin and grey card, photographed under neutral and under warm light.
        let warm =
            |p: [u8; 3]| [(f32::from(p[0]) * 1.12).min(255.0) as u8, p[1], (f32::from(p[2]) * 0.85) as u8];
        let scene = |cast: &dyn Fn([u8; 3]) -> [u8; 3]| {
            RgbaImage::from_fn(60, 40, |x, _| {
                let p = if x < 30 { cast([190, 140, 125]) } else { cast([140, 140, 140]) };
                Rgba([p[0], p[1], p[2], 255])
            })
        };
        let (neutral, warmed) = (scene(&|p| p), scene(&warm));
        let skin = Region { shape: Shape::Rectangle, x: 0.0, y: 0.0, width: 0.45, height: 0.6 };
        let card = Region { shape: Shape::Rectangle, x: 0.55, y: 0.0, width: 0.45, height: 0.6 };
        let truth = region_stats(&neutral, &skin, Gains::NONE).unwrap().mean;
        let uncalibrated = region_stats(&warmed, &skin, Gains::NONE).unwrap().mean;
        let gains = gains_from_card(&warmed, &card).unwrap();
        let calibrated = region_stats(&warmed, &skin, gains).unwrap().mean;
        assert!((uncalibrated - truth).abs() > 3.0, "the cast moves a*: {uncalibrated} vs {truth}");
        assert!((calibrated - truth).abs() < 1.0, "calibrated {calibrated} vs {truth}");
    }

    #[test]
    fn the_overlay_puts_a_star_on_the_ramp_and_a_card_balance_takes_a_cast_out() {
        use crate::analysis::difference::ramp_colour;
        // Skin-coloured pixels beside a grey card, under warm light; one pixel transparent.
        let warm = RgbaImage::from_fn(20, 10, |x, y| match (x, y) {
            (0, 0) => Rgba([0, 0, 0, 0]),
            (x, _) if x < 10 => Rgba([213, 140, 106, 255]),
            _ => Rgba([165, 140, 115, 255]),
        });
        let mut out = vec![0u8; 20 * 10 * 4];
        overlay(&warm, Gains::NONE, &mut out);
        let at =
            |out: &[u8], x: usize, y: usize| -> [u8; 4] { out[(y * 20 + x) * 4..][..4].try_into().unwrap() };
        assert_eq!(at(&out, 0, 0), [0, 0, 0, 0], "transparent stays transparent");
        let (lo, hi) = OVERLAY_RANGE;
        let expected = |a: f64| ramp_colour(((a as f32 - lo) / (hi - lo)).clamp(0.0, 1.0));
        let close = |got: [u8; 4], want: [u8; 4]| got.iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 8);
        let card_a = srgb_to_lab(165, 140, 115).a;
        assert!(card_a > 3.0, "the cast makes the grey card read red: {card_a}");
        assert!(close(at(&out, 15, 5), expected(card_a)), "{:?} vs {:?}", at(&out, 15, 5), expected(card_a));
        // Balanced by its card, the card reads neutral (a* 0: the ramp's start) and the skin less red.
        let card = Region { shape: Shape::Rectangle, x: 0.55, y: 0.0, width: 0.45, height: 1.0 };
        let gains = gains_from_card(&warm, &card).unwrap();
        let mut balanced = vec![0u8; out.len()];
        overlay(&warm, gains, &mut balanced);
        assert!(close(at(&balanced, 15, 5), expected(0.0)), "{:?}", at(&balanced, 15, 5));
        let skin = region_stats(&warm, &Region { width: 0.45, x: 0.0, ..card }, gains).unwrap().mean;
        assert!(skin < srgb_to_lab(213, 140, 106).a - 3.0);
        assert!(
            close(at(&balanced, 5, 5), expected(skin)),
            "{:?} vs {:?}",
            at(&balanced, 5, 5),
            expected(skin)
        );
    }

    #[test]
    fn a_region_off_the_image_has_no_stats() {
        let image = RgbaImage::from_pixel(10, 10, Rgba([0, 0, 0, 0]));
        let all = Region { shape: Shape::Rectangle, x: 0.0, y: 0.0, width: 1.0, height: 1.0 };
        assert_eq!(region_stats(&image, &all, Gains::NONE), None);
    }
}
