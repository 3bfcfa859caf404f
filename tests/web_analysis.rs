//! In-browser tests of the a* map's four-pixel SIMD kernel (`src/analysis/lab_simd.rs`), which
//! only a wasm build runs: every lane must give what the scalar path gives for the same pixel.
#![cfg(target_arch = "wasm32")]

use remodel::analysis::lab::LabTables;
use remodel::analysis::redness::a_star_map;
use remodel::analysis::white_balance::Gains;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The scalar path's a* of one RGBA pixel: NaN where alpha is 0.
fn scalar(tables: &LabTables, p: [u8; 4]) -> f32 {
    if p[3] == 0 {
        f32::NAN
    } else {
        tables.a_star_packed(u32::from_le_bytes(p))
    }
}

/// Maps `pixels` and checks each value against the scalar one, bit for bit (any NaN for NaN);
/// returns the map.
fn assert_map_matches_scalar(pixels: &[[u8; 4]]) -> Vec<f32> {
    let tables = LabTables::get();
    let mut out = vec![0.0f32; pixels.len()];
    a_star_map(pixels.as_flattened(), Gains::NONE, &mut out);
    for (i, (p, a)) in pixels.iter().zip(&out).enumerate() {
        let expected = scalar(tables, *p);
        let same = if expected.is_nan() { a.is_nan() } else { a.to_bits() == expected.to_bits() };
        assert!(same, "pixel {i} {p:?}: the map gave {a}, the scalar path {expected}");
    }
    out
}

#[wasm_bindgen_test]
fn every_lane_matches_the_scalar_path_across_the_cube() {
    // A 1-in-3 grid of the colour cube (86³ colours), opaque: every lane position sees every
    // part of the curve, from black through the cube-root knee to white.
    let mut pixels = Vec::new();
    for r in (0..=255u8).step_by(3) {
        for g in (0..=255u8).step_by(3) {
            for b in (0..=255u8).step_by(3) {
                pixels.push([r, g, b, 255]);
            }
        }
    }
    assert_map_matches_scalar(&pixels);
}

#[wasm_bindgen_test]
fn transparent_lanes_are_nan_and_their_neighbours_are_not() {
    // Alpha 0 in each lane position in turn (five alphas over groups of four), next to alphas 1,
    // 128 and 254 (opaque enough to measure); some colours are black with blue 0 too, so only
    // alpha tells a transparent pixel from an opaque one.
    let alphas = [0u8, 1, 128, 254, 255];
    let mut pixels = Vec::new();
    for (i, alpha) in alphas.iter().cycle().take(4 * 5 * 7).enumerate() {
        let v = (i * 37 % 256) as u8;
        let rgb = if i % 7 == 0 { [0, 0, 0] } else { [v, 255 - v, if i % 3 == 0 { 0 } else { v / 2 }] };
        pixels.push([rgb[0], rgb[1], rgb[2], *alpha]);
    }
    pixels.push([0, 0, 0, 0]);
    let out = assert_map_matches_scalar(&pixels);
    for (p, a) in pixels.iter().zip(&out) {
        assert_eq!(a.is_nan(), p[3] == 0, "{p:?} gave {a}");
    }
}

#[wasm_bindgen_test]
fn lengths_that_are_not_whole_groups_of_four_are_mapped_to_the_last_pixel() {
    let tables = LabTables::get();
    for len in 0..=9usize {
        let pixels: Vec<[u8; 4]> = (0..len).map(|i| [200, 120 + i as u8, 90, 255]).collect();
        assert_map_matches_scalar(&pixels);
        // A longer output is left alone past the image.
        let mut out = vec![-1.0f32; len + 3];
        a_star_map(pixels.as_flattened(), Gains::NONE, &mut out);
        assert!(out[len..].iter().all(|&v| v == -1.0));
        if let Some(last) = pixels.last() {
            assert_eq!(out[len - 1], scalar(tables, *last));
        }
    }
}
