use super::*;

fn close(a: Point, b: Point) -> bool {
    (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
}

const T: Similarity = Similarity { scale: 1.07, rotation: 0.12, tx: 0.03, ty: -0.05 };

#[test]
fn inverse_undoes_and_composition_chains() {
    let p = (0.31, 0.58);
    assert!(close(T.inverse().apply(T.apply(p)), p));
    let u = Similarity { scale: 0.93, rotation: -0.2, tx: -0.1, ty: 0.02 };
    assert!(close(u.after(&T).apply(p), u.apply(T.apply(p))));
    assert!(close(Similarity::IDENTITY.after(&T).apply(p), T.apply(p)));
}

#[test]
fn two_landmark_pairs_fix_the_transform() {
    let (b1, b2) = ((0.3, 0.4), (0.7, 0.42));
    let found = Similarity::from_landmarks(b1, b2, T.apply(b1), T.apply(b2)).unwrap();
    assert!((found.scale - T.scale).abs() < 1e-9 && (found.rotation - T.rotation).abs() < 1e-9);
    assert!(close(found.apply((0.9, 0.1)), T.apply((0.9, 0.1))));
}

#[test]
fn coincident_landmarks_fix_nothing() {
    assert_eq!(Similarity::from_landmarks((0.5, 0.5), (0.5, 0.5), (0.1, 0.1), (0.2, 0.2)), None);
    assert_eq!(Similarity::from_landmarks((0.1, 0.5), (0.5, 0.5), (0.2, 0.2), (0.2, 0.2)), None);
}

#[test]
fn pixel_units_round_trip_and_agree_with_width_units() {
    // Source 2048 px wide, target 1024 px wide.
    let px = T.in_pixels(2048.0, 1024.0);
    let p = (0.25, 0.5);
    let q = T.apply(p);
    let q_px = px.apply((p.0 * 2048.0, p.1 * 2048.0));
    assert!(close((q_px.0 / 1024.0, q_px.1 / 1024.0), q));
    let back = px.in_width_units(2048.0, 1024.0);
    assert!(close(back.apply(p), q));
}

#[test]
fn the_canvas_matrix_maps_like_apply() {
    let [a, b, c, d, e, f] = T.canvas_matrix();
    let (x, y) = (0.2, 0.9);
    assert!(close((a * x + c * y + e, b * x + d * y + f), T.apply((x, y))));
}

#[test]
fn damaged_transforms_are_not_plausible() {
    assert!(T.is_plausible());
    assert!(!Similarity { scale: f64::NAN, ..T }.is_plausible());
    assert!(!Similarity { scale: 0.0, ..T }.is_plausible());
    assert_eq!(Similarity { scale: 0.0, ..T }.inverse(), Similarity::IDENTITY);
}

#[test]
fn a_transform_says_what_it_did_in_words() {
    assert_eq!(Similarity::IDENTITY.describe(0.75), "not moved, not turned, same size");
    let shifted = Similarity { scale: 1.0, rotation: 0.0, tx: 0.03, ty: -0.01 };
    assert_eq!(shifted.describe(0.75), "moved 3% right and 1% up, not turned, same size");
    // Turned and enlarged about the centre: the centre stays put.
    let (r, s) = (2.5_f64.to_radians(), 1.04);
    let centre = (0.5, 0.375);
    let about = Similarity { scale: s, rotation: r, tx: 0.0, ty: 0.0 };
    let (x, y) = about.apply(centre);
    let turned = Similarity { tx: centre.0 - x, ty: centre.1 - y, ..about };
    assert_eq!(turned.describe(0.75), "not moved, turned 2.5° clockwise, enlarged to 104%");
    let back = Similarity { scale: 0.9, rotation: -0.1_f64.to_radians() * 30.0, ..Similarity::IDENTITY };
    assert!(back.describe(0.75).contains("anticlockwise") && back.describe(0.75).ends_with("reduced to 90%"));
}
