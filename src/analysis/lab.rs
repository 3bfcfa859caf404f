//! sRGB → CIELAB (D65 white, IEC 61966-2-1 linearisation), exactly and fast.
//!
//! [`srgb_to_lab`] is the reference: f64 and the textbook formula. The per-pixel maps (a*, ΔE)
//! use [`LabTables`]: the 256 linearised channel values and the CIELAB `f(t)` curve sampled at
//! 4,096 steps and interpolated. Interpolating `f` errs by at most h²/8·|f''| ≈ 4e-6 (largest just
//! above its cube-root knee), so a map's a* is within 0.01 of the reference while costing no `cbrt`
//! per pixel (tested). a* (the redness map and index, the hottest loop) has tables of its own:
//! each channel value's X and Y as one 64-bit read, and `500·f` as lines over segments found from
//! t's float bits, so a pixel is five table reads and a multiply-add per curve, no conversions,
//! within 0.0034 of the reference (tested). In the browser the map runs four pixels at a time
//! (`lab_simd.rs`), with the same values.

use std::sync::OnceLock;

/// A CIELAB colour: lightness L* (0-100) and the opponent axes a* (green−/red+) and b* (blue−/yellow+).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lab {
    pub l: f64,
    pub a: f64,
    pub b: f64,
}

/// D65 reference white (CIE 1931 2°), Y = 1.
const WHITE_X: f64 = 0.950_47;
const WHITE_Z: f64 = 1.088_83;

/// sRGB → linear XYZ (IEC 61966-2-1). Rows give X, Y, Z.
pub(crate) const RGB_TO_XYZ: [[f64; 3]; 3] = [
    [0.412_456_4, 0.357_576_1, 0.180_437_5],
    [0.212_672_9, 0.715_152_2, 0.072_175_0],
    [0.019_333_9, 0.119_192_0, 0.950_304_1],
];

/// An 8-bit sRGB channel as linear light in 0..=1.
pub fn linearise(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// CIELAB's companding curve: a cube root, linear near black (CIE 15).
fn lab_f(t: f64) -> f64 {
    const EPSILON: f64 = 216.0 / 24_389.0;
    const KAPPA: f64 = 24_389.0 / 27.0;
    if t > EPSILON {
        t.cbrt()
    } else {
        (KAPPA * t + 16.0) / 116.0
    }
}

/// The reference conversion of one 8-bit sRGB colour.
pub fn srgb_to_lab(r: u8, g: u8, b: u8) -> Lab {
    let rgb = [linearise(r), linearise(g), linearise(b)];
    let [x, y, z] = RGB_TO_XYZ.map(|row| row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]);
    let (fx, fy, fz) = (lab_f(x / WHITE_X), lab_f(y), lab_f(z / WHITE_Z));
    Lab { l: 116.0 * fy - 16.0, a: 500.0 * (fx - fy), b: 200.0 * (fy - fz) }
}

/// Steps of the sampled `f` curve over t in 0..=1.
const F_STEPS: usize = 4096;

/// Lookup tables for converting many pixels: see the module doc.
pub struct LabTables {
    /// Linear light of each 8-bit value.
    linear: [f32; 256],
    /// `f(t)` at t = i / F_STEPS, with one guard entry past the end. (Fixed-size arrays here and
    /// below: indexing them with clamped or 8-bit indices needs no bounds checks in the loop.)
    f: [f32; F_STEPS + 2],
    /// The RGB→XYZ rows, with X and Z already divided by the white point.
    rows: [[f32; 3]; 3],
    /// Each 8-bit channel value's share of white-relative X, Y and Z, already in `f`'s index units
    /// (× F_STEPS): a pixel's index is three table reads and two additions, no multiplications.
    /// Laid out [row × 3 + channel][value].
    shares: [[f32; 256]; 9],
    /// For a*: each 8-bit channel value's share of white-relative X and Y, as the bits of two
    /// f32 in one u64 (X low): one read fetches both, and the browser's kernel loads it straight
    /// into a vector. A pixel's X and Y are three reads and two additions.
    xy_shares: [[u64; 256]; 3],
    /// `500·f(t)` as lines, `[slope, intercept]` as the bits of two f32 in one u64 (slope low),
    /// over segments of t found from its float bits: the exponent and the top 6 bits of the
    /// mantissa ([`CURVE_SHIFT`]), so 64 segments an octave: narrow at small t, where the curve
    /// is steepest and bends most (just above its knee at t ≈ 0.0089), and interpolating needs
    /// no conversion: `slope·t + intercept`. Errs by at most h²/8·|500·f''| with h ≤ t/64:
    /// 0.0034·t^⅓ ≤ 0.0034 a*, and always low (the curve is concave), so a*'s error is below that
    /// too. Covers t in 0..2 (white is 1); the segments below 2⁻¹⁶ are never read (no 8-bit
    /// channel's share is that small but 0), which costs memory, not cache.
    curve: [u64; CURVE_LEN],
}

/// A curve segment is t's f32 bits shifted right by this: sign, exponent, 6 mantissa bits.
const CURVE_SHIFT: u32 = 17;
/// Segments for t in 0..2: every exponent up to 2⁰'s, 64 segments each.
const CURVE_LEN: usize = 128 << (23 - CURVE_SHIFT);

impl LabTables {
    /// The shared tables, built once.
    pub fn get() -> &'static LabTables {
        static TABLES: OnceLock<LabTables> = OnceLock::new();
        TABLES.get_or_init(|| {
            let linear: [f32; 256] = std::array::from_fn(|i| linearise(i as u8) as f32);
            let f = std::array::from_fn(|i| lab_f(i as f64 / F_STEPS as f64) as f32);
            let scale = [1.0 / WHITE_X, 1.0, 1.0 / WHITE_Z];
            let rows: [[f32; 3]; 3] = std::array::from_fn(|r| RGB_TO_XYZ[r].map(|v| (v * scale[r]) as f32));
            let shares = std::array::from_fn(|i| {
                let weight = rows[i / 3][i % 3];
                linear.map(|l| weight * l * F_STEPS as f32)
            });
            let pack = |low: f64, high: f64| {
                u64::from((low as f32).to_bits()) | u64::from((high as f32).to_bits()) << 32
            };
            let xy_shares = std::array::from_fn(|channel| {
                std::array::from_fn(|value| {
                    let t = |row: usize| RGB_TO_XYZ[row][channel] * scale[row] * linearise(value as u8);
                    pack(t(0), t(1))
                })
            });
            let curve = std::array::from_fn(|segment| {
                let [lo, hi] =
                    [segment, segment + 1].map(|s| f64::from(f32::from_bits((s as u32) << CURVE_SHIFT)));
                let at = |t: f64| 500.0 * lab_f(t);
                let slope = (at(hi) - at(lo)) / (hi - lo);
                pack(slope, at(lo) - slope * lo)
            });
            LabTables { linear, f, rows, shares, xy_shares, curve }
        })
    }

    /// `f` at a position in index units (t × F_STEPS), by linear interpolation; clamped to t in
    /// 0..=1 (white-relative XYZ of an sRGB colour never leaves it by more than rounding).
    #[inline(always)]
    fn f_at(&self, pos: f32) -> f32 {
        let pos = pos.clamp(0.0, F_STEPS as f32);
        let index = (pos as usize).min(F_STEPS);
        let frac = pos - index as f32;
        let (lo, hi) = (self.f[index], self.f[index + 1]);
        lo + (hi - lo) * frac
    }

    /// `f(t)`.
    #[inline(always)]
    fn f(&self, t: f32) -> f32 {
        self.f_at(t * F_STEPS as f32)
    }

    /// Row `row` (0 X, 1 Y, 2 Z) of an 8-bit pixel, in index units.
    #[inline(always)]
    fn share(&self, row: usize, r: u8, g: u8, b: u8) -> f32 {
        let [sr, sg, sb] = [&self.shares[row * 3], &self.shares[row * 3 + 1], &self.shares[row * 3 + 2]];
        sr[r as usize] + sg[g as usize] + sb[b as usize]
    }

    /// a* of one pixel.
    #[inline(always)]
    pub fn a_star(&self, r: u8, g: u8, b: u8) -> f32 {
        self.a_star_packed(u32::from_le_bytes([r, g, b, 0]))
    }

    /// a* of a pixel read as one little-endian `u32` (red in the low byte; alpha ignored): one
    /// load instead of four.
    #[inline(always)]
    pub fn a_star_packed(&self, pixel: u32) -> f32 {
        let [sr, sg, sb] = &self.xy_shares;
        let [r, g, b] = [
            sr[(pixel & 0xFF) as usize],
            sg[(pixel >> 8 & 0xFF) as usize],
            sb[(pixel >> 16 & 0xFF) as usize],
        ];
        let [r, g, b] = [r, g, b].map(f32_pair);
        // The same additions, in the same order, as the four-pixel kernel's lanes.
        let (x, y) = (r.0 + g.0 + b.0, r.1 + g.1 + b.1);
        self.curve_at(x) - self.curve_at(y)
    }

    /// `500·f(t)` for t in 0..2, from its segment's line.
    #[inline(always)]
    fn curve_at(&self, t: f32) -> f32 {
        debug_assert!((0.0..2.0).contains(&t), "t = {t} is outside the curve's table");
        let (slope, intercept) =
            f32_pair(self.curve[(t.to_bits() >> CURVE_SHIFT) as usize & (CURVE_LEN - 1)]);
        slope * t + intercept
    }

    /// a* of every pixel of an RGBA buffer into `out` (one value per pixel; NaN where alpha is
    /// 0). In the browser, whole groups of four go through the SIMD kernel: the same values
    /// (and a NaN where alpha is 0, whose payload may differ).
    pub fn a_star_pixels(&self, pixels: &[[u8; 4]], out: &mut [f32]) {
        let n = pixels.len().min(out.len());
        let (pixels, out) = (&pixels[..n], &mut out[..n]);
        #[cfg(target_arch = "wasm32")]
        let (pixels, out) = {
            let whole = n / 4 * 4;
            self.a_star_quads(pixels[..whole].as_chunks::<4>().0, out[..whole].as_chunks_mut::<4>().0);
            (&pixels[whole..], &mut out[whole..])
        };
        for (p, o) in pixels.iter().zip(out.iter_mut()) {
            let pixel = u32::from_le_bytes(*p);
            *o = if pixel >> 24 == 0 { f32::NAN } else { self.a_star_packed(pixel) };
        }
    }

    /// Linear light of an 8-bit channel.
    #[inline]
    pub fn linear(&self, channel: u8) -> f32 {
        self.linear[channel as usize]
    }

    /// a* of a colour given in linear light (e.g. after white balance gains).
    #[inline]
    pub fn a_star_linear(&self, rgb: [f32; 3]) -> f32 {
        let [x, y, _] = &self.rows;
        let dot = |row: &[f32; 3]| row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2];
        500.0 * (self.f(dot(x)) - self.f(dot(y)))
    }

    /// L*, a*, b* of one pixel.
    #[inline(always)]
    pub fn lab(&self, r: u8, g: u8, b: u8) -> [f32; 3] {
        let (fx, fy, fz) = (
            self.f_at(self.share(0, r, g, b)),
            self.f_at(self.share(1, r, g, b)),
            self.f_at(self.share(2, r, g, b)),
        );
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }
}

/// The two f32 packed in a table entry: (low 32 bits, high 32 bits).
#[inline(always)]
fn f32_pair(entry: u64) -> (f32, f32) {
    (f32::from_bits(entry as u32), f32::from_bits((entry >> 32) as u32))
}

#[cfg(target_arch = "wasm32")]
#[path = "lab_simd.rs"]
mod simd;

#[cfg(test)]
#[path = "lab_tests.rs"]
mod tests;
