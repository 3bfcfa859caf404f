//! The difference map: per-pixel perceptual colour difference ΔE*ab (CIE 1976: the Euclidean
//! distance in CIELAB) between two aligned photos, drawn as a heat map.
//!
//! Transparent pixels (outside a photo after alignment) have no difference: they are drawn
//! transparent and left out of the summary.

use image::RgbaImage;

use super::lab::LabTables;

/// ΔE at which the heat map's ramp tops out: larger changes all look "large".
pub const RAMP_MAX: f32 = 20.0;

/// The legend: ΔE values and what a change of that size looks like. About 2.3 is the smallest
/// difference most people can see side by side (Sharma, Digital Color Imaging Handbook, 2003).
pub const LEGEND: [(f32, &str); 4] =
    [(0.0, "no change"), (2.3, "just visible"), (10.0, "clear"), (RAMP_MAX, "large (20 or more)")];

/// The ramp's colour stops, evenly spaced over 0..=RAMP_MAX: transparent-dark blue through teal
/// and yellow to red (perceptually ordered and readable by most colour-blind people).
const STOPS: [[u8; 4]; 5] =
    [[20, 30, 90, 200], [30, 120, 150, 215], [90, 180, 100, 230], [240, 210, 60, 240], [215, 40, 40, 255]];

/// The ramp's colour for a value in 0..=1.
pub fn ramp_colour(t: f32) -> [u8; 4] {
    let pos = t.clamp(0.0, 1.0) * (STOPS.len() - 1) as f32;
    let i = (pos as usize).min(STOPS.len() - 2);
    let frac = pos - i as f32;
    std::array::from_fn(|c| {
        let (lo, hi) = (f32::from(STOPS[i][c]), f32::from(STOPS[i + 1][c]));
        (lo + (hi - lo) * frac).round() as u8
    })
}

/// A summary of a difference map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DifferenceSummary {
    /// Mean ΔE over the pixels both photos cover.
    pub mean: f32,
    /// Share of those pixels with a visible change (ΔE ≥ 2.3).
    pub visible_share: f32,
    pub compared_pixels: usize,
}

/// The two images are not the same size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeMismatch;

/// ΔE of every pixel (`None` where either pixel is transparent): the maths [`heat_map`] does in
/// one pass, kept for the tests that pin it.
#[cfg(test)]
pub fn delta_e(a: &RgbaImage, b: &RgbaImage) -> Result<Vec<Option<f32>>, SizeMismatch> {
    if a.dimensions() != b.dimensions() {
        return Err(SizeMismatch);
    }
    let tables = LabTables::get();
    Ok(a.pixels()
        .zip(b.pixels())
        .map(|(p, q)| {
            let (p, q) = (p.0, q.0);
            (p[3] != 0 && q[3] != 0).then(|| {
                let (x, y) = (tables.lab(p[0], p[1], p[2]), tables.lab(q[0], q[1], q[2]));
                let d: [f32; 3] = std::array::from_fn(|i| x[i] - y[i]);
                (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt()
            })
        })
        .collect())
}

/// The heat map of `a` against `b` into `out` (RGBA, same size), in one pass, with its summary.
pub fn heat_map(a: &RgbaImage, b: &RgbaImage, out: &mut [u8]) -> Result<DifferenceSummary, SizeMismatch> {
    if a.dimensions() != b.dimensions() || out.len() != a.as_raw().len() {
        return Err(SizeMismatch);
    }
    let tables = LabTables::get();
    let ramp: Vec<[u8; 4]> = (0..256).map(|i| ramp_colour(i as f32 / 255.0)).collect();
    let to_index = 255.0 / RAMP_MAX;
    let (mut sum, mut visible, mut count) = (0.0f64, 0usize, 0usize);
    for ((p, q), o) in a.as_raw().chunks_exact(4).zip(b.as_raw().chunks_exact(4)).zip(out.chunks_exact_mut(4))
    {
        if p[3] == 0 || q[3] == 0 {
            o.copy_from_slice(&[0, 0, 0, 0]);
            continue;
        }
        let (x, y) = (tables.lab(p[0], p[1], p[2]), tables.lab(q[0], q[1], q[2]));
        let (dl, da, db) = (x[0] - y[0], x[1] - y[1], x[2] - y[2]);
        let de = (dl * dl + da * da + db * db).sqrt();
        o.copy_from_slice(&ramp[((de * to_index) as usize).min(255)]);
        sum += f64::from(de);
        visible += usize::from(de >= LEGEND[1].0);
        count += 1;
    }
    let n = count.max(1) as f64;
    Ok(DifferenceSummary {
        mean: (sum / n) as f32,
        visible_share: (visible as f64 / n) as f32,
        compared_pixels: count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lab::srgb_to_lab;
    use image::Rgba;

    fn noisy(width: u32, height: u32, seed: u32) -> RgbaImage {
        let mut state = seed;
        RgbaImage::from_fn(width, height, |_, _| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let [r, g, b, _] = state.to_le_bytes();
            Rgba([r, g, b, 255])
        })
    }

    #[test]
    fn identical_images_differ_nowhere() {
        let a = noisy(64, 48, 7);
        assert!(delta_e(&a, &a).unwrap().iter().all(|d| *d == Some(0.0)));
        let mut out = vec![9u8; a.as_raw().len()];
        let summary = heat_map(&a, &a, &mut out).unwrap();
        assert_eq!((summary.mean, summary.visible_share, summary.compared_pixels), (0.0, 0.0, 64 * 48));
        assert!(out.chunks_exact(4).all(|o| o == ramp_colour(0.0)));
    }

    #[test]
    fn a_changed_pixel_has_its_delta_e_and_a_hot_colour() {
        let a = RgbaImage::from_pixel(4, 4, Rgba([200, 150, 130, 255]));
        let mut b = a.clone();
        b.put_pixel(1, 2, Rgba([230, 120, 110, 255]));
        let (x, y) = (srgb_to_lab(200, 150, 130), srgb_to_lab(230, 120, 110));
        let expected = ((x.l - y.l).powi(2) + (x.a - y.a).powi(2) + (x.b - y.b).powi(2)).sqrt();
        let map = delta_e(&a, &b).unwrap();
        assert!((f64::from(map[2 * 4 + 1].unwrap()) - expected).abs() < 0.02);
        let mut out = vec![0u8; 64];
        let summary = heat_map(&a, &b, &mut out).unwrap();
        assert!((summary.visible_share - 1.0 / 16.0).abs() < 1e-6);
        assert_eq!(&out[(2 * 4 + 1) * 4..][..4], ramp_colour(expected as f32 / RAMP_MAX));
    }

    #[test]
    fn transparent_pixels_are_left_out() {
        let a = RgbaImage::from_pixel(2, 1, Rgba([10, 10, 10, 255]));
        let mut b = RgbaImage::from_pixel(2, 1, Rgba([250, 10, 10, 255]));
        b.put_pixel(0, 0, Rgba([0, 0, 0, 0]));
        assert_eq!(delta_e(&a, &b).unwrap()[0], None);
        let mut out = vec![1u8; 8];
        assert_eq!(heat_map(&a, &b, &mut out).unwrap().compared_pixels, 1);
        assert_eq!(&out[..4], &[0, 0, 0, 0]);
    }

    #[test]
    fn images_of_different_sizes_are_refused() {
        let (a, b) = (noisy(4, 4, 1), noisy(4, 5, 1));
        assert_eq!(delta_e(&a, &b), Err(SizeMismatch));
    }
}
