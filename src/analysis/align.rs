//! Automatic registration of photo B onto photo A: scale, rotation and translation.
//!
//! 1. **Coarse** (at most 256 px): the magnitude of an image's spectrum ignores translation and
//!    turns rotation and scale into shifts once resampled on a log-polar grid, so phase
//!    correlation of the two log-polar spectra gives the rotation and scale (Reddy & Chatterji,
//!    IEEE TIP 1996). B is then turned back and a second phase correlation gives the shift.
//! 2. **Refined** ([`super::align_refine`]): Gauss-Newton on the four similarity parameters plus
//!    gain and offset for lighting, robust to what changed between the photos, to a fraction of
//!    a pixel at the working size.
//! 3. **Confidence**: the normalised cross-correlation of A with the registered B.
//!
//! Transforms map B's pixels to A's (see [`Similarity`]); the caller converts to width units.

use std::f64::consts::PI;

use super::align_refine::refine;
use super::fft::{Complex, Fft2};
use super::gray::Gray;
use crate::domain::photos::similarity::Similarity;

/// The longest side photos are registered at (the benchmark's "512 px working size").
pub const WORKING_SIZE: u32 = 512;

/// Shortest side a photo needs to be registered at all.
const MIN_SIDE: usize = 32;

/// Longest side of the coarse stage.
const COARSE_SIZE: usize = 256;

/// Below this confidence the registration is not trusted: the app says so and offers manual
/// alignment. Registered photos of one face score 0.8-0.95; unrelated photos under 0.3.
pub const MIN_CONFIDENCE: f32 = 0.5;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Registration {
    /// Maps B's pixels onto A's.
    pub b_to_a: Similarity,
    /// 0..=1: how well the registered B matches A.
    pub confidence: f32,
}

impl Registration {
    pub fn is_confident(&self) -> bool {
        self.confidence >= MIN_CONFIDENCE
    }
}

/// Registers `b` onto `a` (grayscale copies, ideally [`WORKING_SIZE`] on their longest side).
pub fn register(a: &Gray, b: &Gray) -> Registration {
    // A sliver of a photo has nothing to register (and would halve down to a single pixel).
    if a.width.min(a.height).min(b.width).min(b.height) < MIN_SIDE {
        return Registration { b_to_a: Similarity::IDENTITY, confidence: 0.0 };
    }
    let (mut small_a, mut small_b, mut factor) = (a.clone(), b.clone(), 1.0f64);
    while small_a.width.max(small_a.height).max(small_b.width).max(small_b.height) > COARSE_SIZE {
        small_a = small_a.halved();
        small_b = small_b.halved();
        factor *= 2.0;
    }
    let coarse = coarse_estimate(&small_a, &small_b);
    // A coarse pixel i covers fine pixels factor·i .. factor·i + factor − 1: centres map by
    // fine = factor · coarse + (factor − 1) / 2.
    let offset = (factor - 1.0) / 2.0;
    let to_fine = Similarity { scale: factor, rotation: 0.0, tx: offset, ty: offset };
    let initial = to_fine.after(&coarse).after(&to_fine.inverse());
    let (b_to_a, confidence) = refine(a, b, initial);
    Registration { b_to_a, confidence }
}

/// Rotation, scale, then shift, by phase correlation (module doc, step 1).
fn coarse_estimate(a: &Gray, b: &Gray) -> Similarity {
    let n = a.width.max(a.height).max(b.width).max(b.height).next_power_of_two();
    let fft = Fft2::new(n, n);
    let (a, b) = (a.standardised(), b.standardised());
    // A's spectrum serves twice: for the rotation and scale, and for the shift below.
    let spectrum_a = spectrum(&fft, &windowed(&a, n));
    let polar_a = log_polar(&magnitude(&spectrum_a, n), n);
    let polar_b = log_polar(&magnitude(&spectrum(&fft, &windowed(&b, n)), n), n);
    let (d_radius, d_angle, _) =
        phase_correlate(&fft, &spectrum(&fft, &polar_a), spectrum(&fft, &polar_b), n);
    // The spectrum of B is A's turned by the rotation and shrunk by the scale: on the log-polar
    // grid, +ln(scale)/step along radius and −rotation along angle (module tests pin the signs).
    let scale = (f64::from(d_radius) * log_step(n)).exp();
    let rotation = -f64::from(d_angle) * PI / n as f64;
    let centre = |g: &Gray| ((g.width as f64 - 1.0) / 2.0, (g.height as f64 - 1.0) / 2.0);
    let (ca, cb) = (centre(&a), centre(&b));
    let turn = Similarity { scale, rotation, tx: 0.0, ty: 0.0 };
    let moved = turn.apply(cb);
    let about_centres = Similarity { tx: ca.0 - moved.0, ty: ca.1 - moved.1, ..turn };
    // B turned into A's frame differs from A only by a shift t: B'(p) = A(p + t), whose phase
    // correlation peaks at −t.
    let turned_b = b.warped(&about_centres.inverse(), a.width, a.height, 0.0);
    let (dx, dy, _) = phase_correlate(&fft, &spectrum_a, spectrum(&fft, &windowed(&turned_b, n)), n);
    Similarity { tx: about_centres.tx - f64::from(dx), ty: about_centres.ty - f64::from(dy), ..about_centres }
}

/// The log-radius step of the polar grid: radii run from 1 to just under n/2.
fn log_step(n: usize) -> f64 {
    ((n as f64 / 2.0) - 1.0).ln() / n as f64
}

/// The image times a 2-D Hann window (so its edges do not show as a cross in the spectrum),
/// placed top-left on an n × n grid of zeros (its mean: it is standardised).
fn windowed(image: &Gray, n: usize) -> Vec<f32> {
    let hann = |i: usize, len: usize| 0.5 - 0.5 * (2.0 * PI * (i as f64 + 0.5) / len as f64).cos();
    let rows: Vec<f64> = (0..image.height).map(|y| hann(y, image.height)).collect();
    let columns: Vec<f64> = (0..image.width).map(|x| hann(x, image.width)).collect();
    let mut grid = vec![0.0f32; n * n];
    for (y, wy) in rows.iter().enumerate() {
        for (x, wx) in columns.iter().enumerate() {
            grid[y * n + x] = (f64::from(image.at(x, y)) * wy * wx) as f32;
        }
    }
    grid
}

/// The forward transform of a real n × n grid.
fn spectrum(fft: &Fft2, grid: &[f32]) -> Vec<Complex> {
    let mut data: Vec<Complex> = grid.iter().map(|&v| Complex::new(v, 0.0)).collect();
    fft.forward(&mut data);
    data
}

/// The centred magnitude of a spectrum, high-pass emphasised: low frequencies carry little of
/// the rotation and would swamp the correlation (Reddy & Chatterji's emphasis filter).
fn magnitude(data: &[Complex], n: usize) -> Vec<f32> {
    let half = n / 2;
    let mut out = vec![0.0f32; n * n];
    for y in 0..n {
        for x in 0..n {
            let (fy, fx) = ((y + half) % n, (x + half) % n);
            let (u, v) = ((x as f64 - half as f64) / n as f64, (y as f64 - half as f64) / n as f64);
            let c = (PI * u).cos() * (PI * v).cos();
            out[y * n + x] = data[fy * n + fx].norm() * ((1.0 - c) * (2.0 - c)) as f32;
        }
    }
    out
}

/// The spectrum resampled on an n × n grid: rows are angles over 0..π (the spectrum of a real
/// image is symmetric), columns are log radii.
fn log_polar(spectrum: &[f32], n: usize) -> Vec<f32> {
    let centre = (n / 2) as f64;
    let step = log_step(n);
    let mut out = vec![0.0f32; n * n];
    for i in 0..n {
        let angle = PI * i as f64 / n as f64;
        let (sin, cos) = angle.sin_cos();
        for j in 0..n {
            let radius = (j as f64 * step).exp();
            let (x, y) = (centre + radius * cos, centre + radius * sin);
            let (x0, y0) = (x.floor() as usize, y.floor() as usize);
            let (fx, fy) = ((x - x0 as f64) as f32, (y - y0 as f64) as f32);
            let at = |xx: usize, yy: usize| spectrum[yy.min(n - 1) * n + xx.min(n - 1)];
            let top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * fx;
            let bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * fx;
            out[i * n + j] = (top + (bottom - top) * fy).max(0.0).ln_1p();
        }
    }
    out
}

/// The shift d with `second(p) ≈ first(p − d)`, to a fraction of a sample, and the peak's height
/// (1 for a perfect match), from the two grids' spectra ([`spectrum`]; a spectrum can serve more
/// than one correlation). Both grids are n × n; shifts wrap to −n/2..n/2.
fn phase_correlate(fft: &Fft2, first: &[Complex], mut second: Vec<Complex>, n: usize) -> (f32, f32, f32) {
    for (b, a) in second.iter_mut().zip(first) {
        // F2·conj(F1) = |F1|²·e^(−2πik·d/n): its inverse peaks at +d.
        let cross = *b * a.conj();
        let norm = cross.norm();
        *b = if norm > 1e-12 { Complex::new(cross.re / norm, cross.im / norm) } else { Complex::default() };
    }
    fft.inverse(&mut second);
    let correlation = second;
    let (best, peak) =
        correlation
            .iter()
            .enumerate()
            .fold((0, f32::MIN), |acc, (i, c)| if c.re > acc.1 { (i, c.re) } else { acc });
    let (px, py) = (best % n, best / n);
    let at = |x: usize, y: usize| correlation[(y % n) * n + (x % n)].re;
    // A parabola through the peak and its neighbours puts the peak between samples.
    let vertex = |l: f32, c: f32, r: f32| {
        let denom = l - 2.0 * c + r;
        if denom.abs() > 1e-12 {
            (0.5 * (l - r) / denom).clamp(-0.5, 0.5)
        } else {
            0.0
        }
    };
    let sub_x = vertex(at(px + n - 1, py), peak, at(px + 1, py));
    let sub_y = vertex(at(px, py + n - 1), peak, at(px, py + 1));
    let wrap = |v: usize| if v > n / 2 { v as f32 - n as f32 } else { v as f32 };
    (wrap(px) + sub_x, wrap(py) + sub_y, peak)
}

#[cfg(test)]
#[path = "align_tests.rs"]
mod tests;
