//! The a* map four pixels at a time, with wasm's 128-bit SIMD (Safari 16.4, Chrome 91, Firefox
//! 89: within the app's browser floor).
//!
//! The same tables and the same f32 operations in the same order as
//! [`LabTables::a_star_packed`], so every lane gives the scalar value, bit for bit, and a NaN
//! where alpha is 0 (tested in Chromium, Firefox and WebKit: tests/web_analysis.rs). Wasm has no
//! gather, so the table reads stay one per lookup; what the vectors save is the rest: each
//! `[X, Y]` and `[slope, intercept]` pair is one 64-bit read into a lane, the four pixels' curves
//! are one multiply-add each, and transparency is one addition.
//! Measured against the scalar loop in BENCHMARKS "The a* map, four pixels at a time".

use core::arch::wasm32::*;

use super::{LabTables, CURVE_LEN, CURVE_SHIFT};

impl LabTables {
    /// a* of whole groups of four pixels (NaN where alpha is 0).
    #[target_feature(enable = "simd128")]
    pub(super) fn a_star_quads(&self, quads: &[[[u8; 4]; 4]], out: &mut [[f32; 4]]) {
        let [sr, sg, sb] = &self.xy_shares;
        let curve = &self.curve;
        // Macros, not closures or helpers: at `opt-level = "z"` those stay calls, one a pixel,
        // and the map ran three times slower (measured).
        //
        // [X, Y, X, Y] of one pixel: a pair's 64 bits in both halves (one `load64_splat`).
        macro_rules! xy {
            ($pixel:expr) => {{
                let pixel = u32::from_le_bytes($pixel);
                let [r, g, b] = [
                    sr[(pixel & 0xFF) as usize],
                    sg[(pixel >> 8 & 0xFF) as usize],
                    sb[(pixel >> 16 & 0xFF) as usize],
                ];
                f32x4_add(f32x4_add(u64x2_splat(r), u64x2_splat(g)), u64x2_splat(b))
            }};
        }
        // `500·f` at four values of t: their segments' byte offsets (8-byte lines), shifted and
        // masked once in the vector rather than four times after extracting; LLVM folds the
        // `>> 3` of the index back into the offset, so each lane is one extract and one read.
        // Then one multiply-add for the four.
        macro_rules! curve {
            ($t:expr) => {{
                let t = $t;
                let offsets =
                    v128_and(u32x4_shr(t, CURVE_SHIFT - 3), u32x4_splat(((CURVE_LEN - 1) << 3) as u32));
                macro_rules! segment_line {
                    ($lane:literal) => {
                        u64x2_splat(curve[(u32x4_extract_lane::<$lane>(offsets) >> 3) as usize])
                    };
                }
                let (l0, l1, l2, l3) =
                    (segment_line!(0), segment_line!(1), segment_line!(2), segment_line!(3));
                // [s0 s1 i0 i1] and [s2 s3 i2 i3], then the slopes and the intercepts.
                let (front, back) =
                    (i32x4_shuffle::<0, 4, 1, 5>(l0, l1), i32x4_shuffle::<0, 4, 1, 5>(l2, l3));
                f32x4_add(
                    f32x4_mul(i64x2_shuffle::<0, 2>(front, back), t),
                    i64x2_shuffle::<1, 3>(front, back),
                )
            }};
        }
        for (quad, o) in quads.iter().zip(out.iter_mut()) {
            // [X0 X1 Y0 Y1] and [X2 X3 Y2 Y3], then all four Xs and all four Ys.
            let front = i32x4_shuffle::<0, 4, 1, 5>(xy!(quad[0]), xy!(quad[1]));
            let back = i32x4_shuffle::<0, 4, 1, 5>(xy!(quad[2]), xy!(quad[3]));
            let (xs, ys) = (i64x2_shuffle::<0, 2>(front, back), i64x2_shuffle::<1, 3>(front, back));
            let a_star = f32x4_sub(curve!(xs), curve!(ys));
            // SAFETY: `quad` is 16 readable bytes, and wasm loads need no alignment.
            let pixels = unsafe { v128_load(quad.as_ptr().cast::<v128>()) };
            // All ones (a NaN) in the lanes whose alpha byte is 0, else +0.0: adding it leaves a*
            // as it is or makes it NaN, with no select and no constant to build.
            let transparent = i32x4_shr(i8x16_eq(pixels, i8x16_splat(0)), 24);
            // SAFETY: `o` is 16 writable bytes, and wasm stores need no alignment.
            unsafe { v128_store(o.as_mut_ptr().cast::<v128>(), f32x4_add(a_star, transparent)) };
        }
    }
}
