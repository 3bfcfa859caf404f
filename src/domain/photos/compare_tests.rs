use super::*;
use crate::domain::photos::photo::tests::{photo, sessions};
use time::macros::date;

fn library() -> Vec<Photo> {
    vec![
        photo("late", "cheeks", Angle::Front, "2026-11-20T09:00"),
        photo("first", "cheeks", Angle::Front, "2026-08-30T09:00"),
        photo("side", "cheeks", Angle::Left45, "2026-09-02T09:00"),
        photo("middle", "cheeks", Angle::Front, "2026-10-02T09:00"),
        photo("neck", "neck", Angle::Front, "2026-10-02T09:00"),
    ]
}

#[test]
fn a_series_is_one_area_and_angle_oldest_first_and_pairs_its_ends() {
    let photos = library();
    let list = series(&photos, "cheeks", "front");
    assert_eq!(list.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["first", "middle", "late"]);
    let (a, b) = default_pair(&list).unwrap();
    assert_eq!((a.id.as_str(), b.id.as_str()), ("first", "late"));
    assert_eq!(reference(&list).unwrap().id, "first");
    assert!(default_pair(&series(&photos, "neck", "front")).is_none());
}

#[test]
fn transforms_chain_through_the_reference() {
    let photos = library();
    let (reference_photo, mut middle, mut late) = (photos[1].clone(), photos[3].clone(), photos[0].clone());
    let m = Similarity { scale: 1.05, rotation: 0.05, tx: 0.02, ty: -0.01 };
    let l = Similarity { scale: 0.95, rotation: -0.08, tx: -0.03, ty: 0.04 };
    let method = AlignMethod::Automatic { confidence: 0.9 };
    middle.alignment = Some(Alignment { reference_id: "first".into(), to_reference: m, method });
    // Registering late onto middle stores late's map onto the reference.
    let late_onto_middle = m.inverse().after(&l);
    late.alignment = Some(alignment_from(&middle, late_onto_middle, "first", method));
    let stored = late.alignment.as_ref().unwrap().to_reference;
    let p = (0.4, 0.3);
    let (got, want) = (stored.apply(p), l.apply(p));
    assert!((got.0 - want.0).abs() < 1e-12 && (got.1 - want.1).abs() < 1e-12);
    let back = b_onto_a(&middle, &late, "first").apply(p);
    let want = late_onto_middle.apply(p);
    assert!((back.0 - want.0).abs() < 1e-12 && (back.1 - want.1).abs() < 1e-12);
    assert!(is_aligned(&late, "first") && is_aligned(&reference_photo, "first"));
}

#[test]
fn a_stale_or_damaged_alignment_counts_as_none() {
    let mut p = photo("b", "cheeks", Angle::Front, "2026-10-02T09:00");
    let method = AlignMethod::Landmarks;
    p.alignment = Some(Alignment {
        reference_id: "gone".into(),
        to_reference: Similarity { tx: 0.1, ..Similarity::IDENTITY },
        method,
    });
    assert_eq!(to_reference(&p, "first"), Similarity::IDENTITY);
    p.alignment = Some(Alignment {
        reference_id: "first".into(),
        to_reference: Similarity { scale: f64::NAN, ..Similarity::IDENTITY },
        method,
    });
    assert_eq!(to_reference(&p, "first"), Similarity::IDENTITY);
    assert!(!is_aligned(&p, "first"));
}

#[test]
fn captions_count_days_from_the_first_done_session() {
    let first = first_session(&sessions());
    assert_eq!(first, Some(date!(2026 - 09 - 01)));
    let p = photo("x", "cheeks", Angle::Front, "2026-10-14T09:00");
    assert_eq!(caption(&p, first), "14 Oct 2026 · day 43 since the first session");
    let before = photo("y", "cheeks", Angle::Front, "2026-08-30T09:00");
    assert_eq!(caption(&before, first), "30 Aug 2026 · before the first session");
    assert_eq!(caption(&p, None), "14 Oct 2026");
}

#[test]
fn alignment_survives_a_storage_round_trip() {
    let a = Alignment {
        reference_id: "first".into(),
        to_reference: Similarity { scale: 1.01, rotation: 0.02, tx: 0.003, ty: -0.004 },
        method: AlignMethod::Automatic { confidence: 0.87 },
    };
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(serde_json::from_str::<Alignment>(&json).unwrap(), a);
}
