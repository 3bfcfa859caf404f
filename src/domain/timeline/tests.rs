use super::*;
use crate::domain::diary::recovery::tests::session;
use crate::domain::diary::session::SessionStatus;
use crate::domain::timeline::evidence_data::{PARAMETERS, SOURCES};
use time::macros::date;

const S1: Date = date!(2026 - 01 - 05);

#[test]
fn phase_boundaries_follow_the_ranges() {
    let [inflammation, proliferation, remodelling] = phase_spans(S1);
    assert_eq!((inflammation.start, inflammation.end), (S1, S1 + Duration::days(4)));
    assert_eq!(proliferation.end, S1 + Duration::days(49), "7 weeks, the middle of 6-8");
    assert_eq!(remodelling.end, S1 + Duration::days(365));
    assert_eq!(phase_at(S1, S1 - Duration::days(1)), None);
    assert_eq!(phase_at(S1, S1), Some(Phase::Inflammation));
    assert_eq!(phase_at(S1, S1 + Duration::days(3)), Some(Phase::Inflammation));
    assert_eq!(phase_at(S1, S1 + Duration::days(4)), Some(Phase::Proliferation));
    assert_eq!(phase_at(S1, S1 + Duration::days(48)), Some(Phase::Proliferation));
    assert_eq!(phase_at(S1, S1 + Duration::days(49)), Some(Phase::Remodelling));
    assert_eq!(phase_at(S1, S1 + Duration::days(365)), None);
}

#[test]
fn you_are_here_says_the_week_the_phase_and_what_to_expect() {
    let s2 = S1 + Duration::weeks(4);
    let sessions = vec![session("a", S1, SessionStatus::Done), session("b", s2, SessionStatus::Done)];
    assert_eq!(you_are_here(S1 - Duration::days(1), &sessions), None);
    assert_eq!(
        you_are_here(S1 + Duration::days(2), &sessions).unwrap().sentence,
        "Day 2 after session 1: the skin is healing; redness, warmth and tightness are common; in a review of 85 articles, redness and swelling lasted up to 7 days; if redness is not improving after day 3 or lasts past day 7, contact your clinic."
    );
    assert_eq!(
        you_are_here(S1 + Duration::days(25), &sessions).unwrap().sentence,
        "Week 4 after session 1: in the phase model, new collagen is laid down now, with little visible change yet; in studies, change was noticed over several weeks; results vary from person to person."
    );
    assert_eq!(
        you_are_here(s2 + Duration::days(30), &sessions).unwrap().sentence,
        "Week 5 after session 2: in the phase model, new collagen is laid down now, with little visible change yet; the timeline assumes each session adds to the earlier ones (the app's model, not a measurement)."
    );
    assert!(you_are_here(s2 + Duration::days(60), &sessions)
        .unwrap()
        .sentence
        .contains("in a study that followed 15 people, acne-scar change was significant 6 months after the first session"));
    assert!(you_are_here(s2 + Duration::days(400), &sessions)
        .unwrap()
        .sentence
        .contains("how long remodelling goes on is not established"));
}

#[test]
fn next_due_uses_the_clinic_protocol_else_the_typical_interval() {
    let mut sessions = vec![
        session("a", S1, SessionStatus::Done),
        session("p", S1 + Duration::weeks(9), SessionStatus::Planned),
    ];
    assert_eq!(next_due(&[], None), NextDue::NotStarted);
    assert_eq!(
        next_due(&sessions, None),
        NextDue::Due { date: S1 + Duration::weeks(4), interval_weeks: 4, from_clinic: false }
    );
    let protocol = Protocol { sessions: 2, interval_weeks: 6 };
    assert_eq!(
        next_due(&sessions, Some(protocol)),
        NextDue::Due { date: S1 + Duration::weeks(6), interval_weeks: 6, from_clinic: true }
    );
    sessions.push(session("b", S1 + Duration::weeks(6), SessionStatus::Done));
    assert_eq!(next_due(&sessions, Some(protocol)), NextDue::ProtocolComplete { sessions: 2 });
}

#[test]
fn milestones_are_windows_after_the_first_and_last_sessions() {
    let planned = S1 + Duration::weeks(8);
    let sessions = vec![
        session("a", S1, SessionStatus::Done),
        session("b", S1 + Duration::weeks(4), SessionStatus::Done),
        session("c", planned, SessionStatus::Planned),
    ];
    let m = milestones(&sessions);
    assert_eq!(m[0].sentence(), "First photo comparison worth taking: 2 Feb 2026 to 16 Feb 2026");
    // Counted from the course's last session, planned included, so it doesn't move after each visit.
    assert_eq!((m[1].from, m[1].to), (planned + Duration::days(183), planned + Duration::days(365)));
    assert!(milestones(&[]).is_empty());
    assert!(
        milestones(&[session("p", S1, SessionStatus::Planned)]).is_empty(),
        "nothing before a done session"
    );
}

#[test]
fn every_parameter_cites_a_source_on_the_evidence_page() {
    for (name, range) in PARAMETERS {
        assert!(
            SOURCES.iter().any(|s| s.key == range.source),
            "{name} cites unknown source {}",
            range.source
        );
        assert!(range.low <= range.high, "{name}");
    }
    for milestone in milestones(&[session("a", S1, SessionStatus::Done)]) {
        assert!(SOURCES.iter().any(|s| s.key == milestone.source));
    }
    let keys: std::collections::HashSet<_> = SOURCES.iter().map(|s| s.key).collect();
    assert_eq!(keys.len(), SOURCES.len(), "source keys are unique");
}

#[test]
fn unconfirmed_figures_and_assumptions_are_marked() {
    use crate::domain::timeline::evidence_data::Status;
    let with = |status: Status| -> Vec<&str> {
        PARAMETERS.iter().filter(|(_, r)| r.status == status).map(|(n, _)| *n).collect()
    };
    assert!(
        with(Status::Unconfirmed).contains(&"Proliferation ends"),
        "EVIDENCE.md marks the exact days unconfirmed"
    );
    let assumptions = with(Status::Assumption);
    assert_eq!(
        assumptions.iter().filter(|n| n.starts_with("Model:")).count(),
        4,
        "the model is not evidence"
    );
    assert!(assumptions.contains(&"First comparison photo worth taking"));
    assert!(assumptions.contains(
        &"Window for clearer change after the last session (the app's reading of a 15-person study)"
    ));
    // Everything the model uses is an assumption, never presented as a confirmed figure.
    assert!(PARAMETERS.iter().all(|(_, r)| r.source != "remodel-model" || r.status == Status::Assumption));
}

/// Every figure's status and source, checked against ../shared/EVIDENCE.md by hand: a change to
/// either side has to change this table too.
#[test]
fn every_figure_has_the_status_and_source_evidence_md_gives_it() {
    use crate::domain::timeline::evidence_data::Status::{Assumption, Confirmed, Unconfirmed};
    let expected = [
        ("Inflammation ends", Unconfirmed, "fernandes2008"),
        ("Proliferation ends", Unconfirmed, "fernandes2008"),
        // Aust 2008 measured skin at one year; it does not say remodelling ends then.
        ("Remodelling drawn for (its end is not established)", Assumption, "remodel-reading"),
        // Chu 2021's abstract says "up to 7 days", not 0-3 days.
        ("Redness often eases within", Assumption, "remodel-reading"),
        ("Redness and swelling reported up to", Confirmed, "chu2021"),
        ("First comparison photo worth taking", Assumption, "seed"),
        ("Acne-scar change significant after the first session (15 people)", Confirmed, "alam2014"),
        (
            "Window for clearer change after the last session (the app's reading of a 15-person study)",
            Assumption,
            "alam2014",
        ),
        ("Interval used when no clinic sets one", Confirmed, "harris2015"),
        ("Intervals between sessions in studies", Unconfirmed, "alam2014"),
        ("Clinic depth around the eyes and forehead", Unconfirmed, "alster2018"),
        ("Clinic depth on the cheeks", Unconfirmed, "alster2018"),
        ("Clinic depth for acne scars", Unconfirmed, "alster2018"),
        ("Home rollers' usual needle length", Unconfirmed, "fda2020"),
        ("Home session depth that warrants a caution, above", Unconfirmed, "fda2020"),
        ("Model: lag before change shows", Assumption, "remodel-model"),
        ("Model: growth time constant", Assumption, "remodel-model"),
        ("Model: first session's share", Assumption, "remodel-model"),
        ("Model: share kept by each later session", Assumption, "remodel-model"),
    ];
    let actual: Vec<_> = PARAMETERS.iter().map(|(name, r)| (*name, r.status, r.source)).collect();
    assert_eq!(actual, expected);

    let citation = |key: &str| SOURCES.iter().find(|s| s.key == key).map(|s| s.citation).unwrap_or("");
    for (key, cited) in [
        ("fernandes2008", "Clin Dermatol 2008;26:192-9"),
        ("chu2021", "Dermatol Surg 2021"),
        ("aust2008", "Plast Reconstr Surg 2008"),
        ("harris2015", "Int J Womens Dermatol 2015;1:77-81"),
        ("alam2014", "JAMA Dermatol 2014;150(8):844-9 (20 enrolled, 15 completed"),
        ("eldomyati2015", "J Clin Aesthet Dermatol 2015;8(7):36-42 (n = 10"),
        ("hkjdv2018", "2018;26:52-7 (36 patients)"),
        ("tan2014", "JAAD 2014"),
        ("ramaut2018", "J Plast Reconstr Aesthet Surg 2018;71:1-14"),
        ("hou2017", "Dermatol Surg 2017;43:321-39"),
        ("alster2018", "Dermatol Surg 2018;44:397-404"),
        ("singh2016", "Indian Dermatol Online J 2016;7:244-54"),
        ("waldman2017", "Dermatol Surg 2017;43:1249-62"),
        ("soltani2014", "JAMA Dermatol 2014;150:68-72"),
        ("pahwa2012", "Dermatol Surg 2012;38:1107-8"),
        ("fda2020", "US FDA, guidance on microneedling products, 2020"),
        ("seed", "not peer reviewed"),
        ("manufacturer-depth", "not peer reviewed"),
        ("clinic-practice", "not trial evidence"),
        ("remodel-reading", "marked as the app's assumption"),
        ("remodel-model", "not a measurement, not a prediction"),
    ] {
        assert!(citation(key).contains(cited), "{key}: {}", citation(key));
    }
    let aust = SOURCES.iter().find(|s| s.key == "aust2008").unwrap();
    assert!(aust.supports.contains("subset") && !aust.supports.contains("60-80%"), "no figure for all 480");
    // Every source is checked above, and only peer-reviewed papers say they are.
    for source in SOURCES {
        assert!(!citation(source.key).is_empty(), "{} has a citation", source.key);
        let unreviewed =
            ["seed", "manufacturer-depth", "fda2020", "clinic-practice", "remodel-reading", "remodel-model"];
        assert_eq!(source.peer_reviewed, !unreviewed.contains(&source.key), "{}", source.key);
    }
    let alam = SOURCES.iter().find(|s| s.key == "alam2014").unwrap();
    assert!(alam.supports.contains("15 people") && !alam.supports.contains("20 people"), "15 completed");
    let chu = SOURCES.iter().find(|s| s.key == "chu2021").unwrap();
    assert!(chu.supports.contains("up to 7 days") && !chu.supports.contains("3 days"));
}

#[test]
fn rf_microneedling_is_not_given_needling_expectations() {
    let mut rf = session("a", S1, SessionStatus::Done);
    rf.device = crate::domain::diary::session::DeviceKind::RfMicroneedling;
    let here = you_are_here(S1 + Duration::days(2), &[rf]).unwrap();
    assert!(here.sentence.starts_with("Day 2 after session 1 (RF microneedling)"), "{}", here.sentence);
    assert!(here.sentence.contains("ask your clinic") && !here.sentence.contains("7 days"));
}
