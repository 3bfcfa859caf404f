use super::*;
use crate::analysis::gray::Gray;
use image::RgbaImage;

fn astronaut() -> Gray {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/real/astronaut.png");
    let image: RgbaImage = image::open(path).expect("fixture").to_rgba8();
    Gray::from_rgba(&image)
}

/// Side of the photos compared: a centred crop of the 512 px portrait, so that B, drawn from the
/// whole portrait, shows real picture everywhere (as a second photo would) at every transform
/// below, and never a fill colour that A lacks.
const SIDE: usize = 352;

/// A (the centred crop) and B with B(q) = A(T(q)) for the true B → A transform T about the
/// centre, drawn from the whole portrait.
fn pair(portrait: &Gray, scale: f64, degrees: f64, tx: f64, ty: f64) -> (Gray, Gray, Similarity) {
    let offset = ((portrait.width - SIDE) / 2) as f64;
    let shift = |dx: f64, dy: f64| Similarity { tx: dx, ty: dy, ..Similarity::IDENTITY };
    let a = portrait.warped(&shift(offset, offset), SIDE, SIDE, f32::NAN);
    let c = ((SIDE as f64 - 1.0) / 2.0, (SIDE as f64 - 1.0) / 2.0);
    let turn = Similarity { scale, rotation: degrees.to_radians(), tx: 0.0, ty: 0.0 };
    let moved = turn.apply(c);
    let truth = Similarity { tx: c.0 - moved.0 + tx, ty: c.1 - moved.1 + ty, ..turn };
    let b = portrait.warped(&shift(offset, offset).after(&truth), SIDE, SIDE, f32::NAN);
    assert!(b.data.iter().all(|v| v.is_finite()), "B must lie inside the portrait");
    (a, b, truth)
}

fn corner_error(found: &Similarity, truth: &Similarity, width: usize, height: usize) -> f64 {
    let (w, h) = ((width - 1) as f64, (height - 1) as f64);
    [(0.0, 0.0), (w, 0.0), (0.0, h), (w, h)]
        .iter()
        .map(|&p| {
            let (f, t) = (found.apply(p), truth.apply(p));
            (f.0 - t.0).hypot(f.1 - t.1)
        })
        .fold(0.0, f64::max)
}

/// The ranges: shifts to ±40 px, rotations to ±10°, scales 0.9-1.1, alone and together.
const CASES: &[(f64, f64, f64, f64)] = &[
    (1.0, 0.0, 40.0, -25.0),
    (1.0, 0.0, -40.0, 40.0),
    (1.0, 10.0, 0.0, 0.0),
    (1.0, -10.0, 0.0, 0.0),
    (0.9, 0.0, 0.0, 0.0),
    (1.1, 0.0, 0.0, 0.0),
    (1.08, 7.0, -30.0, 18.0),
    (0.92, -9.0, 35.0, 30.0),
    (1.0, 0.0, 0.0, 0.0),
];

#[test]
fn recovers_shifts_rotations_and_scales_of_a_real_portrait_to_a_pixel_and_a_half() {
    let portrait = astronaut();
    for &(scale, degrees, tx, ty) in CASES {
        let (a, b, truth) = pair(&portrait, scale, degrees, tx, ty);
        let found = register(&a, &b);
        let error = corner_error(&found.b_to_a, &truth, a.width, a.height);
        eprintln!(
            "{scale} {degrees}° ({tx}, {ty}): corner error {error:.3} px, confidence {:.3}",
            found.confidence
        );
        assert!(
            error <= 1.5,
            "scale {scale} rotation {degrees}° shift ({tx}, {ty}): corner error {error:.2} px, found {:?}",
            found.b_to_a
        );
        assert!(found.is_confident(), "confidence {} for {scale} {degrees} {tx} {ty}", found.confidence);
    }
}

#[test]
fn survives_a_change_of_exposure_and_sensor_noise() {
    let portrait = astronaut();
    for &(scale, degrees, tx, ty) in &CASES[6..8] {
        let (a, mut b, truth) = pair(&portrait, scale, degrees, tx, ty);
        // Darker, lifted blacks, and noise of about 3% of the range (seeded, so repeatable).
        let mut state = 12_345u32;
        for v in &mut b.data {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let noise = (state >> 8) as f32 / (1 << 24) as f32 - 0.5;
            *v = 0.75 * *v + 0.06 + 0.1 * noise;
        }
        let found = register(&a, &b);
        let error = corner_error(&found.b_to_a, &truth, a.width, a.height);
        assert!(
            error <= 1.5 && found.is_confident(),
            "{scale} {degrees}°: {error:.2} px, {}",
            found.confidence
        );
    }
}

#[test]
fn a_sliver_of_a_photo_is_not_registered_and_does_not_panic() {
    let a = astronaut();
    let sliver = Gray { width: 512, height: 1, data: a.data[..512].to_vec() };
    assert!(!register(&a, &sliver).is_confident());
    assert!(!register(&sliver, &sliver).is_confident());
    assert_eq!(sliver.sample(3.0, 0.0), None);
}

#[test]
fn unrelated_images_are_not_confident() {
    let a = astronaut();
    // The portrait against itself turned upside down and scrambled by rows.
    let mut b = a.clone();
    for y in 0..b.height {
        let source = (y * 197) % a.height;
        let row: Vec<f32> = (0..a.width).map(|x| a.at(a.width - 1 - x, source)).collect();
        b.data[y * b.width..(y + 1) * b.width].copy_from_slice(&row);
    }
    let found = register(&a, &b);
    eprintln!("unrelated: confidence {:.3}", found.confidence);
    assert!(!found.is_confident(), "confidence {}", found.confidence);
}
