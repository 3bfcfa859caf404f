//! The compare benchmark's wasm side (`make bench` → e2e/bench-compare.mjs): our difference map,
//! a* map and registration, built with the release profile the app ships with, called from a
//! headless Chromium page next to the peers the issue names (npm `pixelmatch`; a plain copy pass).
//! Images are handed over once ([`load_pair`], [`set_portrait`]) so each timed call measures only
//! the work.

#[cfg(target_arch = "wasm32")]
mod bench {
    use std::cell::RefCell;

    use image::RgbaImage;
    use remodel::analysis::align::register;
    use remodel::analysis::difference::heat_map;
    use remodel::analysis::gray::Gray;
    use remodel::analysis::redness::a_star_map;
    use remodel::analysis::white_balance::Gains;
    use remodel::domain::photos::similarity::Similarity;
    use wasm_bindgen::prelude::*;

    #[derive(Default)]
    struct State {
        pair: Option<(RgbaImage, RgbaImage)>,
        heat: Vec<u8>,
        values: Vec<f32>,
        portrait: Option<Gray>,
        case: Option<(Gray, Gray, Similarity)>,
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::new(State::default());
    }

    /// The two photos, RGBA, `width` × `height`.
    #[wasm_bindgen]
    pub fn load_pair(a: Vec<u8>, b: Vec<u8>, width: u32, height: u32) {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            let len = a.len();
            s.pair = Some((
                RgbaImage::from_raw(width, height, a).unwrap(),
                RgbaImage::from_raw(width, height, b).unwrap(),
            ));
            s.heat = vec![0; len];
            s.values = vec![0.0; len / 4];
        });
    }

    /// Our difference map (ΔE heat map into an RGBA buffer); returns the mean ΔE.
    #[wasm_bindgen]
    pub fn difference() -> f32 {
        STATE.with(|s| {
            let s = &mut *s.borrow_mut();
            let (a, b) = s.pair.as_ref().unwrap();
            heat_map(a, b, &mut s.heat).unwrap().mean
        })
    }

    /// Our a* map of the first photo; returns a sample so the work cannot be skipped.
    #[wasm_bindgen]
    pub fn a_star() -> f32 {
        STATE.with(|s| {
            let s = &mut *s.borrow_mut();
            let (a, _) = s.pair.as_ref().unwrap();
            a_star_map(a.as_raw(), Gains::NONE, &mut s.values);
            s.values[s.values.len() / 2]
        })
    }

    /// The floor: the same pixels read and one value per pixel written, with no maths.
    #[wasm_bindgen]
    pub fn copy_pass() -> f32 {
        STATE.with(|s| {
            let s = &mut *s.borrow_mut();
            let (a, _) = s.pair.as_ref().unwrap();
            let (pixels, _) = a.as_raw().as_chunks::<4>();
            for (&[r, _, _, alpha], o) in pixels.iter().zip(s.values.iter_mut()) {
                *o = if alpha == 0 { f32::NAN } else { f32::from(r) };
            }
            s.values[s.values.len() / 2]
        })
    }

    /// The floor again, four pixels at a time with SIMD, as the a* map's kernel runs: printed
    /// beside the plain one so the ratio against a vectorised floor is on record too.
    #[wasm_bindgen]
    pub fn copy_pass_simd() -> f32 {
        STATE.with(|s| {
            let s = &mut *s.borrow_mut();
            let (a, _) = s.pair.as_ref().unwrap();
            copy_quads(a.as_raw().as_chunks::<16>().0, s.values.as_chunks_mut::<4>().0);
            s.values[s.values.len() / 2]
        })
    }

    #[target_feature(enable = "simd128")]
    fn copy_quads(quads: &[[u8; 16]], out: &mut [[f32; 4]]) {
        use std::arch::wasm32::*;
        for (quad, o) in quads.iter().zip(out.iter_mut()) {
            // SAFETY: `quad` is 16 readable bytes; wasm loads need no alignment.
            let pixels = unsafe { v128_load(quad.as_ptr().cast::<v128>()) };
            let red = f32x4_convert_u32x4(v128_and(pixels, u32x4_splat(0xFF)));
            let transparent = i32x4_shr(i8x16_eq(pixels, i8x16_splat(0)), 24);
            // SAFETY: `o` is 16 writable bytes; wasm stores need no alignment.
            unsafe { v128_store(o.as_mut_ptr().cast::<v128>(), f32x4_add(red, transparent)) };
        }
    }

    /// The portrait the alignment cases are cut from (RGBA), at least 2 × 512 px a side.
    #[wasm_bindgen]
    pub fn set_portrait(rgba: Vec<u8>, width: u32, height: u32) {
        let image = RgbaImage::from_raw(width, height, rgba).unwrap();
        STATE.with(|s| s.borrow_mut().portrait = Some(Gray::from_rgba(&image)));
    }

    /// Prepares a case: A is the portrait's central 512 px, B shows A through the true B → A
    /// transform (scale, rotation in degrees, shift in px, about the centre), drawn from the whole
    /// portrait so it has picture everywhere, with its own exposure and noise.
    #[wasm_bindgen]
    pub fn prepare_case(scale: f64, degrees: f64, tx: f64, ty: f64) {
        const SIDE: usize = 512;
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            let portrait = s.portrait.as_ref().unwrap();
            let offset = ((portrait.width - SIDE) / 2) as f64;
            let shift = Similarity { tx: offset, ty: offset, ..Similarity::IDENTITY };
            let a = portrait.warped(&shift, SIDE, SIDE, 0.0);
            let c = ((SIDE as f64 - 1.0) / 2.0, (SIDE as f64 - 1.0) / 2.0);
            let turn = Similarity { scale, rotation: degrees.to_radians(), tx: 0.0, ty: 0.0 };
            let moved = turn.apply(c);
            let truth = Similarity { tx: c.0 - moved.0 + tx, ty: c.1 - moved.1 + ty, ..turn };
            let mut b = portrait.warped(&shift.after(&truth), SIDE, SIDE, 0.0);
            // B is a second exposure, not a resampled copy of A: darker, lifted blacks, and its
            // own sensor noise of about 3% of the range (seeded, as in the native test).
            let mut state = 12_345u32;
            for v in &mut b.data {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                let noise = (state >> 8) as f32 / (1 << 24) as f32 - 0.5;
                *v = 0.75 * *v + 0.06 + 0.1 * noise;
            }
            s.case = Some((a, b, truth));
        });
    }

    /// Registers the prepared case; returns [worst corner error in px, confidence].
    #[wasm_bindgen]
    pub fn register_case() -> Vec<f64> {
        STATE.with(|s| {
            let s = s.borrow();
            let (a, b, truth) = s.case.as_ref().unwrap();
            let found = register(a, b);
            let edge = (a.width - 1) as f64;
            let error = [(0.0, 0.0), (edge, 0.0), (0.0, edge), (edge, edge)]
                .iter()
                .map(|&p| {
                    let (f, t) = (found.b_to_a.apply(p), truth.apply(p));
                    (f.0 - t.0).hypot(f.1 - t.1)
                })
                .fold(0.0, f64::max);
            vec![error, f64::from(found.confidence)]
        })
    }
}
