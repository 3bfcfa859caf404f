use super::*;
use crate::domain::diary::recovery::RecoveryEntry;
use crate::domain::diary::session::SessionStatus;
use time::macros::date;
use time::Duration;

const SESSION_DATE: Date = date!(2026 - 11 - 01);

fn session() -> Session {
    crate::domain::diary::recovery::tests::session("s1", SESSION_DATE, SessionStatus::Done)
}

/// Check-ins on the given days after the session with the given redness.
fn diary(days_and_redness: &[(i64, u8)]) -> Vec<RecoveryEntry> {
    days_and_redness
        .iter()
        .map(|&(day, redness)| {
            let mut entry =
                crate::domain::diary::recovery::tests::entry_after("s1", SESSION_DATE, day, redness);
            entry.id = format!("e{day}");
            entry.swelling = 0;
            entry.pain = None;
            entry
        })
        .collect()
}

fn reasons(entries: &[RecoveryEntry]) -> Vec<SafetyReason> {
    assess(Some(&session()), entries).map(|p| p.reasons).unwrap_or_default()
}

#[test]
fn redness_rules_follow_the_evidence() {
    use SafetyReason::*;
    type Case<'a> = (&'a str, &'a [(i64, u8)], &'a [SafetyReason]);
    let cases: &[Case] = &[
        ("usual course: severe on day 1, settling", &[(1, 4), (2, 3), (3, 2), (4, 1)], &[]),
        ("still severe on day 3 is within the window", &[(1, 4), (3, 3)], &[]),
        ("still moderate on day 4", &[(1, 4), (4, 3)], &[RednessStillHigh { day: 4, level: 3 }]),
        ("severe on day 5 without history", &[(5, 4)], &[RednessStillHigh { day: 5, level: 4 }]),
        ("not improving since the first days", &[(1, 2), (5, 2)], &[RednessNotImproving { day: 5 }]),
        ("improving after day 3", &[(1, 3), (4, 2), (5, 1)], &[]),
        ("worse than the day before", &[(1, 3), (4, 1), (5, 2)], &[RednessNotImproving { day: 5 }]),
        ("a single mild entry on day 5 has no trend", &[(5, 2)], &[]),
        ("any redness past day 7", &[(1, 3), (8, 1)], &[RednessPastWeek { day: 8 }]),
        ("clear past day 7", &[(1, 3), (8, 0)], &[]),
        ("day 7 itself is within the week", &[(1, 3), (7, 1)], &[]),
        (
            "severe past a week is reported once, as severe",
            &[(10, 3)],
            &[RednessStillHigh { day: 10, level: 3 }],
        ),
    ];
    for (name, days, expected) in cases {
        assert_eq!(reasons(&diary(days)), expected.to_vec(), "{name}");
    }
}

#[test]
fn infection_signs_and_dark_patches_prompt_on_any_day() {
    let mut entries = diary(&[(1, 2)]);
    entries[0].infection_signs = vec![InfectionSign::Pus, InfectionSign::Fever];
    entries[0].dark_patches = true;
    let prompt = assess(None, &entries).unwrap();
    assert_eq!(
        prompt.reasons,
        vec![
            SafetyReason::InfectionSigns(vec![InfectionSign::Pus, InfectionSign::Fever]),
            SafetyReason::DarkPatches
        ]
    );
    assert_eq!(
        prompt.reasons[0].sentence(),
        "You noted pus or yellow crusts, fever, which can be signs of infection."
    );
}

#[test]
fn only_the_latest_check_in_describes_the_skin_now() {
    let mut entries = diary(&[(1, 2), (2, 1)]);
    entries[0].infection_signs = vec![InfectionSign::Pus];
    assert_eq!(assess(Some(&session()), &entries), None);
}

#[test]
fn today_ignores_stale_check_ins() {
    let entries = diary(&[(1, 2), (5, 3)]);
    let sessions = vec![session()];
    let fresh = current_prompt(SESSION_DATE + Duration::days(6), &sessions, &entries).unwrap();
    assert_eq!(fresh.session_id.as_deref(), Some("s1"));
    assert_eq!(current_prompt(SESSION_DATE + Duration::days(13), &sessions, &entries), None);
    assert_eq!(current_prompt(SESSION_DATE, &sessions, &[]), None);
}

#[test]
fn sentences_are_guidance_with_the_day() {
    let s = SafetyReason::RednessStillHigh { day: 5, level: 3 }.sentence();
    assert_eq!(
        s,
        "Redness is still moderate on day 5. Redness that is not easing after day 3 is worth showing your clinic."
    );
    assert!(SafetyReason::RednessPastWeek { day: 9 }.sentence().contains("day 9"));
}

#[test]
fn side_effects_for_the_clinic_prompt_and_the_next_visit_ones_do_not() {
    use crate::domain::diary::side_effects::SideEffect;
    let mut entries = diary(&[(1, 1)]);
    entries[0].side_effects = vec![SideEffect::BreakoutsOrMilia];
    assert_eq!(assess(Some(&session()), &entries), None, "milia wait for the next visit");
    entries[0].side_effects = vec![SideEffect::ColdSoresOrBlisters, SideEffect::BreakoutsOrMilia];
    let prompt = assess(Some(&session()), &entries).unwrap();
    assert_eq!(prompt.reasons, vec![SafetyReason::SideEffect(SideEffect::ColdSoresOrBlisters)]);
    assert!(prompt.reasons[0].sentence().contains("Call your clinic today"));
    assert_eq!(prompt.reasons[0].source(), "clinic-practice");
}

#[test]
fn rf_microneedling_redness_is_not_judged_by_needling_figures() {
    use crate::domain::diary::session::DeviceKind;
    let mut rf = session();
    rf.device = DeviceKind::RfMicroneedling;
    // Needling would call redness 3 on day 4 "still high"; RF asks the clinic instead.
    let prompt = assess(Some(&rf), &diary(&[(1, 3), (4, 3)])).unwrap();
    assert_eq!(prompt.reasons, vec![SafetyReason::RfRedness { day: 4 }]);
    assert!(prompt.reasons[0].sentence().contains("ask your clinic what to expect"));
    assert_eq!(prompt.reasons[0].source(), "clinic-practice");
    assert_eq!(assess(Some(&rf), &diary(&[(1, 3), (3, 2)])), None, "within the first days: nothing");
    assert_eq!(assess(Some(&rf), &diary(&[(1, 3), (9, 0)])), None, "settled: nothing");
    assert_eq!(
        assess(Some(&session()), &diary(&[(1, 3), (4, 3)])).unwrap().reasons,
        vec![SafetyReason::RednessStillHigh { day: 4, level: 3 }],
        "a needling session keeps its figures"
    );
}
