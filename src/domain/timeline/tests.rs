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
        you_are_here(S1 + Duration::days(2), &sessions).unwrap(),
        "Day 2 after session 1: the skin is healing; redness, warmth and tightness are usual; redness often eases within about 3 days; if it is not improving after day 3 or lasts past day 7, contact your clinic."
    );
    assert_eq!(
        you_are_here(S1 + Duration::days(25), &sessions).unwrap(),
        "Week 4 after session 1: new collagen is being laid down, with little visible change yet; improvement is usually noticed over several weeks."
    );
    assert_eq!(
        you_are_here(s2 + Duration::days(30), &sessions).unwrap(),
        "Week 5 after session 2: new collagen is being laid down, with little visible change yet; change builds on the earlier sessions."
    );
    assert!(you_are_here(s2 + Duration::days(60), &sessions).unwrap().contains("clearer by about 6 months"));
    assert!(you_are_here(s2 + Duration::days(400), &sessions).unwrap().contains("usual course"));
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
    assert!(assumptions.contains(&"Improvement clearer after the last session"));
    // Everything the model uses is an assumption, never presented as a confirmed figure.
    assert!(PARAMETERS.iter().all(|(_, r)| r.source != "remodel-model" || r.status == Status::Assumption));
}
