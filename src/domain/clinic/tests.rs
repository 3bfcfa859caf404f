use super::*;

pub(crate) fn full_form() -> ClinicForm {
    let mut depths: [(String, String); 9] = Default::default();
    depths[2] = ("0.5".into(), "1".into());
    depths[3] = ("0.25".into(), "0.25".into());
    ClinicForm {
        name: "Skin Studio".into(),
        practitioner: "Dr A. Rahman".into(),
        phone: "+44 20 7946 0958".into(),
        email: "reception@skinstudio.example".into(),
        website: "https://skinstudio.example".into(),
        booking: "https://skinstudio.example/book?t=microneedling".into(),
        sessions: "3".into(),
        interval_weeks: "6".into(),
        depths,
        aftercare: "SPF 50 daily\n  \nNo make-up for 24 hours\nSPF 50 daily\n".into(),
        welcome: "Welcome! Log how your skin settles.".into(),
        colour: "#1F6F8B".into(),
    }
}

#[test]
fn a_complete_form_becomes_a_profile() {
    let profile = full_form().validate().unwrap();
    assert_eq!(profile.name, "Skin Studio");
    assert_eq!(profile.protocol, Some(ClinicProtocol { sessions: 3, interval_weeks: 6 }));
    assert_eq!(
        profile.depths,
        vec![
            AreaDepth { area: AreaKind::Cheeks, from_mm: 0.5, to_mm: 1.0 },
            AreaDepth { area: AreaKind::UnderEye, from_mm: 0.25, to_mm: 0.25 }
        ]
    );
    // Blank lines and repeats drop out of the checklist.
    assert_eq!(profile.aftercare, vec!["SPF 50 daily", "No make-up for 24 hours"]);
    assert_eq!(profile.colour, Some(Rgb(0x1f, 0x6f, 0x8b)));
    assert_eq!(profile.tel_href().as_deref(), Some("tel:+442079460958"));
    assert_eq!(profile.mailto_href().as_deref(), Some("mailto:reception@skinstudio.example"));
    assert_eq!(profile.depth_hint(AreaKind::Cheeks).as_deref(), Some("0.5–1 mm"));
    assert_eq!(profile.depth_hint(AreaKind::UnderEye).as_deref(), Some("0.25 mm"));
    assert_eq!(profile.depth_hint(AreaKind::Neck), None);
    // The form shows a stored profile as it was typed (normalised).
    assert_eq!(ClinicForm::from_profile(&profile).validate(), Ok(profile.clone()));
    let summary = profile.summary().join("\n");
    assert!(summary.contains("Welcome message: Welcome! Log how your skin settles."), "{summary}");
    assert!(summary.contains("Brand colour: #1f6f8b"), "{summary}");
    assert!(summary.contains("Protocol: 3 sessions, 6 weeks apart"), "{summary}");
    assert!(summary.contains("Usual needle depth, Cheeks: 0.5–1 mm"), "{summary}");
}

#[test]
fn only_the_name_is_required() {
    let profile = ClinicForm { name: "  Skin Studio ".into(), ..Default::default() }.validate().unwrap();
    assert_eq!(profile.name, "Skin Studio");
    assert_eq!(profile.protocol, None);
    assert!(profile.aftercare_items().is_none());
    let errors = ClinicForm::default().validate().unwrap_err();
    assert_eq!(errors.get(field::NAME), Some("Enter the clinic's name."));
}

fn error_for(change: impl FnOnce(&mut ClinicForm), field: &str) -> String {
    let mut form = full_form();
    change(&mut form);
    let errors = form.validate().expect_err("the change should be refused");
    errors.get(field).unwrap_or_else(|| panic!("no message for {field}: {errors:?}")).to_string()
}

#[test]
fn every_field_has_its_limit() {
    let long = |n: usize| "x".repeat(n);
    assert_eq!(
        error_for(|f| f.name = long(MAX_NAME_CHARS + 1), field::NAME),
        "The clinic's name can be at most 60 characters (now 61)."
    );
    assert!(ClinicForm { name: long(MAX_NAME_CHARS), ..full_form() }.validate().is_ok());
    assert!(error_for(|f| f.practitioner = long(61), field::PRACTITIONER).contains("at most 60"));
    assert!(error_for(|f| f.name = "Skin\u{1b}[31mStudio".into(), field::NAME).contains("control"));
    for hidden in
        ["\u{202E}oidutS", "Skin\u{200B}Studio", "Skin\u{2066}Studio", "Skin\u{2028}Studio", "\u{FEFF}Skin"]
    {
        assert!(error_for(|f| f.name = hidden.into(), field::NAME).contains("invisible"), "{hidden:?}");
        assert!(
            error_for(|f| f.aftercare = hidden.into(), field::AFTERCARE).contains("invisible"),
            "{hidden:?}"
        );
    }
    assert!(error_for(|f| f.email = format!("{}@skinstudio.example", "a".repeat(64)), field::EMAIL)
        .contains("at most 80"));
    assert!(error_for(
        |f| f.website = format!("https://skinstudio.example/{}", "w".repeat(100)),
        field::WEBSITE
    )
    .contains("at most 120"));
    assert!(error_for(|f| f.phone = "call us".into(), field::PHONE).contains("digits"));
    assert!(error_for(|f| f.phone = "1".repeat(21), field::PHONE).contains("at most 20"));
    assert!(error_for(|f| f.email = "reception".into(), field::EMAIL).contains("email address like"));
    assert_eq!(
        error_for(|f| f.website = "http://skinstudio.example".into(), field::WEBSITE),
        "The website must start with https://."
    );
    assert_eq!(
        error_for(|f| f.website = "https://me@skinstudio.example".into(), field::WEBSITE),
        "The website can't contain a user name or password."
    );
    assert!(error_for(|f| f.website = "javascript:alert(1)".into(), field::WEBSITE).contains("https://"));
    assert!(error_for(|f| f.booking = "data:text/html,hi".into(), field::BOOKING).contains("https://"));
    assert!(error_for(|f| f.booking = format!("https://a.example/{}", long(150)), field::BOOKING)
        .contains("at most 160"));
    assert_eq!(
        error_for(|f| f.sessions = "0".into(), field::SESSIONS),
        "Sessions must be a whole number from 1 to 12."
    );
    assert_eq!(
        error_for(|f| f.interval_weeks = "27".into(), field::INTERVAL),
        "Weeks apart must be a whole number from 1 to 26."
    );
    assert!(error_for(|f| f.interval_weeks.clear(), field::INTERVAL).contains("weeks between sessions too"));
    assert!(error_for(|f| f.sessions.clear(), field::SESSIONS).contains("number of sessions too"));
    let cheeks = depth_field(AreaKind::Cheeks);
    assert!(error_for(|f| f.depths[2].1 = "3.5".into(), &cheeks).contains("between 0.1 and 3 mm"));
    assert!(error_for(|f| f.depths[2].1.clear(), &cheeks).contains("both depths"));
    assert!(error_for(|f| f.depths[2] = ("1".into(), "0.5".into()), &cheeks).contains("not be above"));
    assert!(error_for(|f| f.depths[2].0 = "0.33".into(), &cheeks).contains("steps of 0.05"));
    assert_eq!(
        error_for(|f| f.aftercare = (1..=13).map(|i| format!("Item {i}\n")).collect(), field::AFTERCARE),
        "List at most 12 aftercare items (now 13)."
    );
    assert!(error_for(|f| f.aftercare = long(41), field::AFTERCARE).contains("at most 40 characters"));
    assert!(error_for(|f| f.welcome = long(201), field::WELCOME).contains("at most 200"));
    for bad in ["#12345", "blue", "#1f6f8b; color: red", "url(x)"] {
        assert!(error_for(|f| f.colour = bad.into(), field::COLOUR).contains("six hex digits"), "{bad}");
    }
}

#[test]
fn markup_is_kept_as_plain_text() {
    // The app renders every field as text, never as HTML; the profile keeps what was typed.
    let profile = ClinicForm { name: "<script>alert(1)</script>".into(), ..Default::default() }.validate();
    assert_eq!(profile.unwrap().name, "<script>alert(1)</script>");
}
