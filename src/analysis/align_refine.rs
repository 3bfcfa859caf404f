//! The refinement step of [`super::align`]: Gauss-Newton on the warp from A's pixels to B's.
//!
//! The warp is W(p) = c + (I + [[a, −b], [b, a]]) (p − c) + w, with c A's centre, plus a gain and
//! an offset so B's exposure can differ; residuals are weighted with Huber's function so what
//! really changed (skin, hair, expression) pulls less than what stayed. Two levels: half size to
//! converge from the coarse estimate, then full size.

// The normal equations read best as the textbook's indexed loops.
#![allow(clippy::needless_range_loop)]

use super::gray::{Gray, PixelMap};
use crate::domain::photos::similarity::Similarity;

/// Parameters: a, b (scaled by the half-size so all six are of similar magnitude), wx, wy, gain,
/// offset.
type Params = [f64; 6];

/// Residuals beyond this many standard deviations count linearly, not squared.
const HUBER: f64 = 0.8;

/// Residuals beyond this many are not the same surface at all (an edge of the frame, a hand in
/// one photo): they get no say.
const OUTLIER: f64 = 2.5;

/// Refines `b_to_a` and returns it with the confidence (module doc of `align`).
pub fn refine(a: &Gray, b: &Gray, b_to_a: Similarity) -> (Similarity, f32) {
    let (a_std, b_std) = (a.standardised(), b.standardised());
    // First at half size (smoother, so it converges from further away, and a quarter of the
    // work), then at full size for the last fraction of a pixel.
    let to_full = Similarity { scale: 2.0, rotation: 0.0, tx: 0.5, ty: 0.5 };
    let half = to_full.inverse().after(&b_to_a.after(&to_full));
    let half = refine_level(&a_std.halved().blurred(1), &b_std.halved().blurred(1), half, 15, 1);
    let (sharp_a, sharp_b) = (a_std.blurred(1), b_std.blurred(1));
    let full = refine_level(&sharp_a, &sharp_b, to_full.after(&half.after(&to_full.inverse())), 8, 2);
    (full, correlation(&sharp_a, &sharp_b, &full.inverse()))
}

/// Gauss-Newton iterations at one level; returns the refined B → A transform.
fn refine_level(a: &Gray, b: &Gray, b_to_a: Similarity, iterations: usize, stride: usize) -> Similarity {
    let centre = ((a.width as f64 - 1.0) / 2.0, (a.height as f64 - 1.0) / 2.0);
    let half = a.width.max(a.height) as f64 / 2.0;
    let mut params = params_of(&b_to_a.inverse(), centre, half);
    let (gx, gy) = b.gradients();
    for _ in 0..iterations {
        let Some(step) = gauss_newton_step(a, b, &gx, &gy, &params, centre, half, stride) else {
            break;
        };
        params.iter_mut().zip(step).for_each(|(p, d)| *p += d);
        if step[2].hypot(step[3]) < 0.005 && step[0].hypot(step[1]) < 0.005 {
            break;
        }
    }
    warp_of(&params, centre, half).inverse()
}

fn params_of(a_to_b: &Similarity, centre: (f64, f64), half: f64) -> Params {
    let m00 = a_to_b.scale * a_to_b.rotation.cos();
    let m10 = a_to_b.scale * a_to_b.rotation.sin();
    let moved = a_to_b.apply(centre);
    [(m00 - 1.0) * half, m10 * half, moved.0 - centre.0, moved.1 - centre.1, 1.0, 0.0]
}

fn warp_of(params: &Params, centre: (f64, f64), half: f64) -> Similarity {
    let (m00, m10) = (1.0 + params[0] / half, params[1] / half);
    let linear = Similarity { scale: m00.hypot(m10), rotation: m10.atan2(m00), tx: 0.0, ty: 0.0 };
    let moved = linear.apply(centre);
    Similarity { tx: centre.0 + params[2] - moved.0, ty: centre.1 + params[3] - moved.1, ..linear }
}

/// One robust Gauss-Newton step; `None` when too little of A lands on B or the system is singular.
#[allow(clippy::too_many_arguments)]
fn gauss_newton_step(
    a: &Gray,
    b: &Gray,
    gx: &Gray,
    gy: &Gray,
    params: &Params,
    centre: (f64, f64),
    half: f64,
    stride: usize,
) -> Option<Params> {
    let warp = warp_of(params, centre, half);
    let (gain, offset) = (params[4], params[5]);
    let mut h = [[0.0f64; 6]; 6];
    let mut g = [0.0f64; 6];
    let mut used = 0usize;
    let map = PixelMap::new(&warp);
    for y in (0..a.height).step_by(stride) {
        for x in (0..a.width).step_by(stride) {
            let (qx, qy) = map.apply(x, y);
            let Some(value) = b.sample(qx, qy) else { continue };
            let (dx, dy) = ((gx.sample(qx, qy)? as f64), (gy.sample(qx, qy)? as f64));
            let (ux, uy) = ((x as f64 - centre.0) / half, (y as f64 - centre.1) / half);
            let value = f64::from(value);
            let residual = gain * value + offset - f64::from(a.at(x, y));
            let weight = if residual.abs() <= HUBER {
                1.0
            } else if residual.abs() > OUTLIER {
                0.0
            } else {
                HUBER / residual.abs()
            };
            let jacobian =
                [gain * (dx * ux + dy * uy), gain * (dy * ux - dx * uy), gain * dx, gain * dy, value, 1.0];
            for i in 0..6 {
                g[i] += weight * jacobian[i] * residual;
                for j in i..6 {
                    h[i][j] += weight * jacobian[i] * jacobian[j];
                }
            }
            used += 1;
        }
    }
    if used < 64 {
        return None;
    }
    for i in 0..6 {
        for j in 0..i {
            h[i][j] = h[j][i];
        }
    }
    solve(h, g.map(|v| -v))
}

/// Solves h · x = g by Gaussian elimination with partial pivoting.
fn solve(mut h: [[f64; 6]; 6], mut g: [f64; 6]) -> Option<[f64; 6]> {
    for col in 0..6 {
        let pivot = (col..6).max_by(|&i, &j| h[i][col].abs().total_cmp(&h[j][col].abs()))?;
        if h[pivot][col].abs() < 1e-12 {
            return None;
        }
        h.swap(col, pivot);
        g.swap(col, pivot);
        for row in col + 1..6 {
            let factor = h[row][col] / h[col][col];
            for k in col..6 {
                h[row][k] -= factor * h[col][k];
            }
            g[row] -= factor * g[col];
        }
    }
    let mut x = [0.0f64; 6];
    for row in (0..6).rev() {
        let rest: f64 = (row + 1..6).map(|k| h[row][k] * x[k]).sum();
        x[row] = (g[row] - rest) / h[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// Normalised cross-correlation of A with B seen through `a_to_b`, over the pixels both cover
/// (every second pixel), clamped to 0..=1.
fn correlation(a: &Gray, b: &Gray, a_to_b: &Similarity) -> f32 {
    let (mut sa, mut sb, mut saa, mut sbb, mut sab, mut n) = (0.0f64, 0.0, 0.0, 0.0, 0.0, 0.0);
    let map = PixelMap::new(a_to_b);
    for y in (0..a.height).step_by(2) {
        for x in (0..a.width).step_by(2) {
            let (qx, qy) = map.apply(x, y);
            let Some(vb) = b.sample(qx, qy) else { continue };
            let (va, vb) = (f64::from(a.at(x, y)), f64::from(vb));
            sa += va;
            sb += vb;
            saa += va * va;
            sbb += vb * vb;
            sab += va * vb;
            n += 1.0;
        }
    }
    // Less than a quarter of A covered is no registration at all.
    if n < (a.width * a.height) as f64 / 16.0 {
        return 0.0;
    }
    let cov = sab / n - (sa / n) * (sb / n);
    let var = (saa / n - (sa / n).powi(2)) * (sbb / n - (sb / n).powi(2));
    if var <= 1e-12 {
        return 0.0;
    }
    ((cov / var.sqrt()) as f32).clamp(0.0, 1.0)
}
