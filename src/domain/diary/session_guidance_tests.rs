use super::*;
use crate::domain::diary::recovery::tests::session;
use crate::domain::diary::session::SessionStatus;
use time::macros::date;

#[test]
fn clinic_sessions_show_the_usual_depth_for_the_area() {
    let note = depth_note(AreaKind::UnderEye, false, false, DeviceKind::Pen, Some(0.5));
    assert_eq!(
        note.hint.as_deref(),
        Some("Clinics commonly use about 0.25-0.5 mm here (practical guidance, not trial evidence).")
    );
    assert_eq!(note.caution, None, "a clinic's depth is never cautioned");
    let cheeks = depth_note(AreaKind::Cheeks, false, false, DeviceKind::Pen, Some(2.5));
    assert!(cheeks.hint.unwrap().contains("1-1.5 mm"));
    assert!(depth_note(AreaKind::Cheeks, true, false, DeviceKind::Pen, None)
        .hint
        .unwrap()
        .contains("1.5-2 mm"));
    assert_eq!(depth_note(AreaKind::Hands, false, false, DeviceKind::Pen, Some(1.0)), DepthNote::default());
}

#[test]
fn a_home_session_deeper_than_home_devices_is_cautioned() {
    let shallow = depth_note(AreaKind::Cheeks, false, true, DeviceKind::Roller, Some(0.25));
    assert!(shallow.hint.as_deref().unwrap().starts_with("Home rollers are commonly 0.3 mm or shorter."));
    assert_eq!(shallow.caution, None);
    assert_eq!(
        depth_note(AreaKind::Cheeks, false, true, DeviceKind::Roller, Some(0.5)).caution,
        None,
        "at the limit"
    );
    let deep = depth_note(AreaKind::UnderEye, false, true, DeviceKind::Roller, Some(1.0));
    let caution = deep.caution.unwrap();
    assert!(
        caution.starts_with("1 mm is past the 0.5 mm above which a home session warrants a caution"),
        "{caution}"
    );
    assert!(deep.hint.unwrap().contains("0.25-0.5 mm"), "the eye area's clinic depth is shown too");
    assert_eq!(deep.source, "fda2020");
}

#[test]
fn rf_microneedling_has_its_own_expectations() {
    let note = depth_note(AreaKind::Cheeks, false, false, DeviceKind::RfMicroneedling, Some(2.0));
    assert!(note.hint.unwrap().contains("ask your clinic"));
    assert_eq!(note.caution, None);
}

#[test]
fn sessions_closer_than_studies_or_the_clinic_spaced_them_get_a_note() {
    let sessions = vec![session("a", date!(2026 - 11 - 01), SessionStatus::Done)];
    let note = interval_note(date!(2026 - 11 - 10), None, &sessions, None).unwrap();
    assert_eq!(
        note,
        "This session is 9 days from the session of 1 Nov 2026, and the studies behind this app spaced sessions at least 2 weeks apart. Check the timing with your clinic."
    );
    assert_eq!(
        interval_note(date!(2026 - 11 - 15), None, &sessions, None),
        None,
        "2 weeks is within the studies"
    );
    let clinic = interval_note(date!(2026 - 11 - 22), None, &sessions, Some(4)).unwrap();
    assert!(
        clinic.contains("21 days from")
            && clinic.contains("your clinic's protocol spaces sessions 4 weeks apart")
    );
    assert_eq!(interval_note(date!(2026 - 11 - 29), None, &sessions, Some(4)), None);
    assert_eq!(interval_note(date!(2026 - 11 - 02), Some("a"), &sessions, None), None, "not against itself");
    assert!(
        interval_note(date!(2026 - 10 - 28), None, &sessions, None).is_some(),
        "a session before counts too"
    );
}

#[test]
fn products_for_freshly_needled_skin_carry_the_granuloma_caution() {
    assert!(products_caution(&["Hyaluronic acid".into(), "Vitamin C serum".into()])
        .unwrap()
        .contains("granulomas"));
    assert!(products_caution(&["Hyaluronic acid".into()]).unwrap().contains("only sterile products"));
    assert_eq!(products_caution(&["Sterile saline".into(), String::new()]), None);
}
