use super::*;
use crate::domain::profile::area::{Area, AreaKind};
use time::macros::{date, time};

const TODAY: Date = date!(2026 - 11 - 24);

fn profile() -> Profile {
    let cheeks = Area::new("cheeks".into(), AreaKind::Cheeks, "", &[]).unwrap();
    let neck = Area::new("neck".into(), AreaKind::Neck, "", &[]).unwrap();
    Profile { areas: vec![cheeks, neck], ..Profile::default() }
}

fn form() -> SessionForm {
    let mut form = SessionForm::new(TODAY);
    form.areas = vec![("cheeks".into(), "1.25".into())];
    form
}

#[test]
fn a_valid_form_becomes_a_session() {
    let mut form = form();
    form.time = "14:30".into();
    form.products = vec!["PRP".into(), " prp ".into(), "Hyaluronic acid".into(), "".into()];
    form.pain = "4".into();
    form.notes = "  Stung a little  ".into();
    let session = form.validate("s1".into(), TODAY, &profile()).unwrap();
    assert_eq!(session.date, TODAY);
    assert_eq!(session.time, Some(time!(14:30)));
    assert_eq!(session.areas, vec![AreaTreatment { area_id: "cheeks".into(), depth_mm: Some(1.25) }]);
    assert_eq!(session.products, vec!["PRP".to_string(), "Hyaluronic acid".to_string()]);
    assert_eq!(session.pain, Some(4));
    assert_eq!(session.notes, "Stung a little");
}

#[test]
fn each_rule_reports_on_its_own_field() {
    // (field, change to a valid form, start of the expected message)
    type Change = fn(&mut SessionForm);
    let cases: &[(&str, Change, &str)] = &[
        ("date", |f| f.date = "".into(), "Enter the session date."),
        ("date", |f| f.date = "2026-02-30".into(), "Enter the session date as a real date"),
        ("date", |f| f.date = "2026-11-25".into(), "A session marked done can't be in the future"),
        ("time", |f| f.time = "25:00".into(), "Enter the time like 14:30"),
        ("areas", |f| f.areas.clear(), "Choose at least one treated area."),
        (
            "areas",
            |f| f.areas = vec![("gone".into(), "1".into())],
            "One of the chosen areas no longer exists",
        ),
        (
            "depth-cheeks",
            |f| f.areas[0].1 = "3.5".into(),
            "Cheeks: needle depth must be between 0.1 and 3 mm.",
        ),
        ("depth-cheeks", |f| f.areas[0].1 = "0.05".into(), "Cheeks: needle depth must be between"),
        ("depth-cheeks", |f| f.areas[0].1 = "1.23".into(), "Cheeks: needle depth goes in steps of 0.05 mm"),
        ("depth-cheeks", |f| f.areas[0].1 = "deep".into(), "Cheeks: enter the needle depth as a number"),
        ("depth-cheeks", |f| f.areas[0].1 = "".into(), "Cheeks: enter the needle depth used, in mm."),
        ("passes", |f| f.passes = "0".into(), "Passes must be a whole number from 1 to 20."),
        ("pain", |f| f.pain = "11".into(), "Pain must be a whole number from 0 to 10."),
        ("device_model", |f| f.device_model = "m".repeat(101), "The device model can be at most 100"),
        ("products", |f| f.products = vec!["p".repeat(61)], "A product name can be at most 60"),
        (
            "products",
            |f| f.products = (0..21).map(|i| format!("P{i}")).collect(),
            "List at most 20 products.",
        ),
        ("notes", |f| f.notes = "n".repeat(5_001), "Notes can be at most 5,000 characters (now 5,001)."),
    ];
    for (field, change, expected) in cases {
        let mut form = form();
        change(&mut form);
        let errors = form.validate("s".into(), TODAY, &profile()).unwrap_err();
        let message = errors.get(field).unwrap_or_else(|| panic!("no message for {field}: {errors:?}"));
        assert!(message.starts_with(expected), "{field}: {message:?} should start with {expected:?}");
    }
}

#[test]
fn planned_sessions_may_be_in_the_future_without_a_depth() {
    let mut form = form();
    form.status = SessionStatus::Planned;
    form.date = "2027-01-05".into();
    form.areas[0].1 = "".into();
    let session = form.validate("p".into(), TODAY, &profile()).unwrap();
    assert_eq!(session.areas[0].depth_mm, None);
    assert!(!session.is_done());
}

#[test]
fn depths_accept_commas_and_snap_to_the_step() {
    assert_eq!(parse_depth("1,5"), Ok(Some(1.5)));
    assert_eq!(parse_depth("0.1"), Ok(Some(0.1)));
    assert_eq!(parse_depth("3.0"), Ok(Some(3.0)));
    assert_eq!(parse_depth("0.15"), Ok(Some(0.15)));
    assert_eq!(parse_depth(" "), Ok(None));
    assert_eq!(parse_depth("NaN"), Err("enter the needle depth as a number of mm, like 1.25.".to_string()));
    assert_eq!(format_depth(1.25), "1.25");
    assert_eq!(format_depth(1.5), "1.5");
    assert_eq!(format_depth(2.0), "2");
}

#[test]
fn a_session_survives_the_form_and_storage_round_trips() {
    let mut form = form();
    form.time = "08:05".into();
    form.passes = "3".into();
    let session = form.validate("s1".into(), TODAY, &profile()).unwrap();
    assert_eq!(SessionForm::from_session(&session), form);
    let json = serde_json::to_string(&session).unwrap();
    assert!(json.contains(r#""date":"2026-11-24""#), "{json}");
    assert!(json.contains(r#""time":"08:05""#), "{json}");
    assert_eq!(serde_json::from_str::<Session>(&json).unwrap(), session);
}

#[test]
fn sessions_order_by_date_then_time() {
    let mut a = form().validate("a".into(), TODAY, &profile()).unwrap();
    let mut b = a.clone();
    a.time = Some(time!(9:00));
    b.time = None;
    assert!(b.when() < a.when());
}
