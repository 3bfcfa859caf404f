use super::*;
use crate::domain::clinic::ClinicProfile;
use crate::domain::diary::recovery::tests::{entry_after, session};
use crate::domain::diary::session::{AreaTreatment, DeviceKind, SessionStatus};
use crate::domain::photos::angle::Angle;
use crate::domain::photos::photo::tests::photo;
use crate::domain::photos::redness::RednessReading;
use crate::domain::photos::region::{Region, Shape};
use crate::domain::profile::area::{Area, AreaKind};
use crate::domain::profile::{Concern, SkinType};
use time::macros::date;

fn profile() -> Profile {
    let cheeks = Area::new("cheeks".into(), AreaKind::Cheeks, "", &[]).unwrap();
    let neck = Area::new("neck".into(), AreaKind::Neck, "", &[]).unwrap();
    Profile { areas: vec![neck, cheeks], ..Profile::default() }
}

#[test]
fn a_session_without_check_ins_says_so() {
    let s = session("s1", date!(2026 - 10 - 01), SessionStatus::Done);
    let summary = RecoverySummary::of(&s, &[]);
    assert_eq!(summary.sentence(), "No check-ins logged.");
    assert!(summary.flags().is_empty());
}

#[test]
fn a_usual_recovery_reads_as_one_sentence_without_flags() {
    let day0 = date!(2026 - 10 - 01);
    let s = session("s1", day0, SessionStatus::Done);
    let entries: Vec<RecoveryEntry> = [(0, 3), (1, 3), (2, 2), (4, 1), (6, 0)]
        .iter()
        .map(|&(d, r)| entry_after("s1", day0, d, r))
        .collect();
    let refs: Vec<&RecoveryEntry> = entries.iter().collect();
    let summary = RecoverySummary::of(&s, &refs);
    assert_eq!(
        summary.sentence(),
        "5 check-ins, days 0–6. Redness peaked at moderate and settled (almost clear or less) by day 4."
    );
    assert!(summary.flags().is_empty(), "{:?}", summary.flags());
}

#[test]
fn redness_past_a_week_and_warning_signs_are_flagged() {
    let day0 = date!(2026 - 10 - 01);
    let s = session("s1", day0, SessionStatus::Done);
    let mut entries: Vec<RecoveryEntry> =
        [(1, 4), (5, 2), (9, 2)].iter().map(|&(d, r)| entry_after("s1", day0, d, r)).collect();
    entries[1].infection_signs = vec![InfectionSign::Pus, InfectionSign::Fever];
    entries[2].infection_signs = vec![InfectionSign::Pus];
    entries[2].dark_patches = true;
    let refs: Vec<&RecoveryEntry> = entries.iter().collect();
    let summary = RecoverySummary::of(&s, &refs);
    assert_eq!(
        summary.sentence(),
        "3 check-ins, days 1–9. Redness peaked at severe and had not settled by the last check-in (day 9)."
    );
    assert_eq!(
        summary.flags(),
        vec![
            "Redness still noted on day 9: past the 7 days reported for redness.".to_string(),
            "Possible signs of infection noted: pus or yellow crusts, fever.".to_string(),
            "Dark patches noted.".to_string(),
        ]
    );
}

#[test]
fn severe_redness_after_day_three_is_flagged_even_when_it_cleared_within_the_week() {
    let day0 = date!(2026 - 10 - 01);
    let s = session("s1", day0, SessionStatus::Done);
    let entries: Vec<RecoveryEntry> =
        [(1, 3), (5, 4), (6, 0)].iter().map(|&(d, r)| entry_after("s1", day0, d, r)).collect();
    let refs: Vec<&RecoveryEntry> = entries.iter().collect();
    assert_eq!(
        RecoverySummary::of(&s, &refs).flags(),
        vec!["Redness still severe on day 5: not easing after day 3.".to_string()]
    );
}

#[test]
fn the_peak_and_count_use_every_check_in_from_the_session_day_on() {
    let day0 = date!(2026 - 10 - 01);
    let s = session("s1", day0, SessionStatus::Done);
    // A red morning and a calmer evening on day 1; one check-in dated before the session.
    let entries =
        [entry_after("s1", day0, 1, 4), entry_after("s1", day0, 1, 1), entry_after("s1", day0, -1, 0)];
    let refs: Vec<&RecoveryEntry> = entries.iter().collect();
    let summary = RecoverySummary::of(&s, &refs);
    assert_eq!(summary.peak_redness, Some(4));
    assert_eq!(summary.check_ins, 2);
    assert!(
        summary.sentence().starts_with("2 check-ins, day 1. Redness peaked at severe"),
        "{}",
        summary.sentence()
    );
}

#[test]
fn the_clinic_line_names_whoever_can_be_reached() {
    let mut clinic = ClinicProfile {
        name: "Skin Studio".into(),
        practitioner: None,
        phone: None,
        email: None,
        website: Some("https://example.com".into()),
        booking: None,
        protocol: None,
        depths: vec![],
        aftercare: vec![],
        welcome: None,
        colour: None,
    };
    assert_eq!(clinic_line(&clinic), "Skin Studio");
    clinic.practitioner = Some("Dr Lee".into());
    clinic.email = Some("hello@example.com".into());
    assert_eq!(clinic_line(&clinic), "Skin Studio (Dr Lee, hello@example.com)");
}

#[test]
fn redness_that_ended_within_the_week_is_not_flagged_even_with_later_check_ins() {
    let day0 = date!(2026 - 10 - 01);
    let s = session("s1", day0, SessionStatus::Done);
    let entries: Vec<RecoveryEntry> =
        [(2, 2), (7, 1), (12, 0)].iter().map(|&(d, r)| entry_after("s1", day0, d, r)).collect();
    let refs: Vec<&RecoveryEntry> = entries.iter().collect();
    assert_eq!(RecoverySummary::of(&s, &refs).red_past_week, None);
}

#[test]
fn rows_are_the_done_sessions_oldest_first_with_their_own_check_ins() {
    let mut later = session("later", date!(2026 - 11 - 01), SessionStatus::Done);
    later.areas = vec![
        AreaTreatment { area_id: "cheeks".into(), depth_mm: Some(1.5) },
        AreaTreatment { area_id: "gone".into(), depth_mm: None },
    ];
    later.device_model = "Dermapen 4".into();
    later.pain = Some(4);
    let earlier = session("earlier", date!(2026 - 10 - 01), SessionStatus::Done);
    let planned = session("planned", date!(2026 - 12 - 01), SessionStatus::Planned);
    let entries = vec![
        entry_after("earlier", earlier.date, 1, 2),
        entry_after("later", later.date, 1, 3),
        entry_after("later", later.date, 2, 1),
    ];
    let rows = session_rows(&[later, planned, earlier], &entries, &profile());
    assert_eq!(rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["earlier", "later"]);
    assert_eq!(rows[0].recovery.check_ins, 1);
    assert_eq!(rows[0].device, DeviceKind::Pen.label());
    assert_eq!(rows[1].recovery.check_ins, 2);
    assert_eq!(rows[1].areas, "Cheeks 1.5 mm; Removed area");
    assert_eq!(rows[1].device, format!("Dermapen 4 ({})", DeviceKind::Pen.label().to_lowercase()));
    assert_eq!(rows[1].pain, Some(4));
}

#[test]
fn the_profile_lists_only_what_was_filled_in() {
    assert_eq!(profile_lines(&Profile::default()), vec![]);
    let filled = Profile {
        skin_type: Some(SkinType::ALL[2]),
        concerns: vec![Concern::ALL[0], Concern::ALL[1]],
        goals: "  Softer scars \n".into(),
        ..profile()
    };
    let lines = profile_lines(&filled);
    let labels: Vec<&str> = lines.iter().map(|(l, _)| *l).collect();
    assert_eq!(labels, ["Skin type", "Concerns", "Areas", "Goals"]);
    assert_eq!(lines[1].1, format!("{}, {}", Concern::ALL[0].label(), Concern::ALL[1].label()));
    assert_eq!(lines[2].1, "Neck, Cheeks");
    assert_eq!(lines[3].1, "Softer scars");
}

fn photos() -> Vec<Photo> {
    vec![
        photo("c-late", "cheeks", Angle::Front, "2026-11-20T10:00"),
        photo("lonely", "forehead", Angle::Front, "2026-10-01T10:00"),
        photo("c-early", "cheeks", Angle::Front, "2026-09-01T10:00"),
        photo("c-mid", "cheeks", Angle::Front, "2026-10-01T10:00"),
        photo("n-1", "neck", Angle::Left45, "2026-09-02T10:00"),
        photo("n-2", "neck", Angle::Left45, "2026-10-02T10:00"),
        photo("c-left", "cheeks", Angle::Left45, "2026-10-02T10:00"),
    ]
}

#[test]
fn series_with_two_photos_follow_the_profiles_area_order() {
    let names: Vec<String> = pair_series(&photos(), &profile()).into_iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        [format!("Neck · {}", Angle::Left45.label()), format!("Cheeks · {}", Angle::Front.label())]
    );
}

#[test]
fn the_chosen_pair_is_used_when_valid_and_put_in_time_order() {
    let (all, profile) = (photos(), profile());
    let ids = |pair: Option<(&Photo, &Photo)>| pair.map(|(a, b)| (a.id.clone(), b.id.clone()));
    let pick = |wanted| ids(chosen_pair(&all, &profile, wanted));
    assert_eq!(pick(Some(("c-late", "c-mid"))), Some(("c-mid".into(), "c-late".into())));
    // Not one series, one photo twice, or an unknown id: the first and latest of the series
    // named; with no id known, of the first series.
    let cheeks = Some(("c-early".to_string(), "c-late".to_string()));
    assert_eq!(pick(Some(("c-late", "c-left"))), cheeks);
    assert_eq!(pick(Some(("c-mid", "c-mid"))), cheeks);
    assert_eq!(pick(Some(("missing", "c-mid"))), cheeks);
    // The first id's photo is alone in its series: the second id's series is used.
    assert_eq!(pick(Some(("lonely", "c-mid"))), cheeks);
    let first_series = Some(("n-1".to_string(), "n-2".to_string()));
    assert_eq!(pick(Some(("missing", "gone"))), first_series);
    assert_eq!(pick(None), first_series);
    assert_eq!(ids(chosen_pair(&all[..2], &profile, None)), None);
}

#[test]
fn redness_lines_compare_only_readings_of_one_region() {
    let region = Region { shape: Shape::Ellipse, x: 0.2, y: 0.2, width: 0.3, height: 0.2 };
    let reading = |mean: f64, region: Region| RednessReading {
        mean,
        spread: 1.0,
        noise: 0.5,
        calibrated: true,
        region,
    };
    let (mut before, mut after) = (
        photo("a", "cheeks", Angle::Front, "2026-09-01T10:00"),
        photo("b", "cheeks", Angle::Front, "2026-11-01T10:00"),
    );
    let lines = redness_lines(&before, &after);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("Before: not measured"), "{lines:?}");
    before.redness = Some(reading(14.0, region));
    after.redness = Some(reading(9.0, region));
    let lines = redness_lines(&before, &after);
    assert_eq!(lines[0], "Before: 14.0 a* ± 1.0 (calibrated)");
    assert_eq!(lines[2], "From before to after: less red by 5.0 a*.");
    after.redness = Some(reading(9.0, Region { x: 0.5, ..region }));
    assert_eq!(redness_lines(&before, &after).len(), 2);
}
