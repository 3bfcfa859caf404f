//! Recovery curves: how redness, swelling and pain change by day after a session, when redness
//! settled, and a sentence comparing an area's sessions.

use super::recovery::{day_number, RecoveryEntry};
use super::session::Session;

/// Redness at or below this counts as settled ("almost clear").
pub const SETTLED_REDNESS: u8 = 1;

/// One day of a session's recovery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurvePoint {
    pub day: i64,
    pub redness: u8,
    pub swelling: u8,
    pub pain: Option<u8>,
}

/// A session's curve from the check-ins that follow it (see `recovery::entries_by_session`),
/// one point per day (the last entry of a day wins), by day.
pub fn recovery_curve(session: &Session, following: &[&RecoveryEntry]) -> Vec<CurvePoint> {
    let mut points: Vec<CurvePoint> = Vec::new();
    for entry in following {
        let day = day_number(session.date, entry.date);
        if day < 0 {
            continue;
        }
        let point = CurvePoint { day, redness: entry.redness, swelling: entry.swelling, pain: entry.pain };
        match points.iter_mut().find(|p| p.day == day) {
            Some(existing) => *existing = point,
            None => points.push(point),
        }
    }
    points.sort_by_key(|p| p.day);
    points
}

/// The first day from which redness stayed at or below [`SETTLED_REDNESS`] in every later
/// check-in; `None` while the latest check-in is still redder than that.
pub fn settled_day(curve: &[CurvePoint]) -> Option<i64> {
    let unsettled_after = curve.iter().rposition(|p| p.redness > SETTLED_REDNESS);
    match unsettled_after {
        None => curve.first().map(|p| p.day),
        Some(i) => curve.get(i + 1).map(|p| p.day),
    }
}

/// The number of each of an area's done sessions, oldest first: session 1, 2, 3…
pub fn session_number(area_id: &str, session_id: &str, sessions: &[Session]) -> Option<usize> {
    let mut of_area: Vec<&Session> = sessions.iter().filter(|s| s.is_done() && s.treats(area_id)).collect();
    of_area.sort_by_key(|s| s.when());
    of_area.iter().position(|s| s.id == session_id).map(|i| i + 1)
}

/// A session of an area, its number in the area's series, and its curve.
pub struct NumberedCurve<'a> {
    pub number: usize,
    pub curve: &'a [CurvePoint],
}

/// One sentence comparing when redness settled after each of an area's sessions, newest first,
/// e.g. "Redness settled (≤1) on day 2 after session 3, day 4 after session 1." Sessions without
/// check-ins are left out; `None` when no session has any.
pub fn comparison_sentence(curves: &[NumberedCurve]) -> Option<String> {
    let mut with_data: Vec<&NumberedCurve> = curves.iter().filter(|c| !c.curve.is_empty()).collect();
    with_data.sort_by_key(|c| std::cmp::Reverse(c.number));
    if with_data.is_empty() {
        return None;
    }
    let (settled, unsettled): (Vec<&&NumberedCurve>, Vec<&&NumberedCurve>) =
        with_data.iter().partition(|c| settled_day(c.curve).is_some());
    let mut parts = Vec::new();
    if !settled.is_empty() {
        let list: Vec<String> = settled
            .iter()
            .map(|c| format!("day {} after session {}", settled_day(c.curve).unwrap_or_default(), c.number))
            .collect();
        parts.push(format!("Redness settled (≤1) on {}", list.join(", ")));
    }
    if !unsettled.is_empty() {
        let list: Vec<String> = unsettled
            .iter()
            .map(|c| {
                let last = c.curve.last().map(|p| p.day).unwrap_or_default();
                format!("session {} (last check-in day {last})", c.number)
            })
            .collect();
        let lead = if settled.is_empty() { "Redness has not settled yet after" } else { "not yet after" };
        parts.push(format!("{lead} {}", list.join(", ")));
    }
    Some(format!("{}.", parts.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::diary::recovery::tests::{entry_after as entry, session as make_session};
    use crate::domain::diary::session::{AreaTreatment, SessionStatus};
    use time::macros::date;

    fn points(reds: &[(i64, u8)]) -> Vec<CurvePoint> {
        reds.iter().map(|&(day, redness)| CurvePoint { day, redness, swelling: 0, pain: None }).collect()
    }

    #[test]
    fn a_curve_has_one_point_per_day_of_its_own_session() {
        let s = make_session("s1", date!(2026 - 11 - 01), SessionStatus::Done);
        let other = make_session("other", date!(2026 - 10 - 01), SessionStatus::Done);
        let entries = vec![
            entry("s1", s.date, 2, 2),
            entry("s1", s.date, 0, 4),
            entry("s1", s.date, 2, 1),
            entry("other", s.date, 1, 3),
            entry("s1", s.date, -1, 0),
        ];
        let sessions = [s.clone(), other];
        let groups = crate::domain::diary::recovery::entries_by_session(&entries, &sessions);
        let curve = recovery_curve(&s, &groups["s1"]);
        assert_eq!(curve.iter().map(|p| (p.day, p.redness)).collect::<Vec<_>>(), vec![(0, 4), (2, 1)]);
    }

    #[test]
    fn settled_means_at_most_one_from_then_on() {
        assert_eq!(settled_day(&points(&[(0, 4), (1, 3), (2, 1), (3, 0)])), Some(2));
        assert_eq!(settled_day(&points(&[(0, 4), (2, 1), (3, 2), (4, 1)])), Some(4), "a relapse resets it");
        assert_eq!(settled_day(&points(&[(0, 4), (1, 2)])), None);
        assert_eq!(settled_day(&points(&[(1, 0)])), Some(1));
        assert_eq!(settled_day(&[]), None);
    }

    #[test]
    fn sessions_are_numbered_per_area_in_date_order() {
        let mut sessions = vec![
            make_session("late", date!(2026 - 12 - 01), SessionStatus::Done),
            make_session("early", date!(2026 - 10 - 01), SessionStatus::Done),
            make_session("neck-only", date!(2026 - 11 - 01), SessionStatus::Done),
            make_session("planned", date!(2027 - 01 - 01), SessionStatus::Planned),
        ];
        for s in &mut sessions {
            let area = if s.id == "neck-only" { "neck" } else { "cheeks" };
            s.areas = vec![AreaTreatment { area_id: area.into(), depth_mm: Some(1.0) }];
        }
        assert_eq!(session_number("cheeks", "early", &sessions), Some(1));
        assert_eq!(session_number("cheeks", "late", &sessions), Some(2));
        assert_eq!(session_number("cheeks", "neck-only", &sessions), None);
        assert_eq!(session_number("cheeks", "planned", &sessions), None);
    }

    #[test]
    fn the_comparison_sentence_is_computed_from_the_data() {
        let first = points(&[(0, 4), (2, 3), (4, 1)]);
        let second = points(&[]);
        let third = points(&[(0, 3), (2, 1)]);
        let curves = [
            NumberedCurve { number: 1, curve: &first },
            NumberedCurve { number: 2, curve: &second },
            NumberedCurve { number: 3, curve: &third },
        ];
        assert_eq!(
            comparison_sentence(&curves).unwrap(),
            "Redness settled (≤1) on day 2 after session 3, day 4 after session 1."
        );
        let open = points(&[(0, 4), (1, 3)]);
        let mixed = [NumberedCurve { number: 1, curve: &first }, NumberedCurve { number: 2, curve: &open }];
        assert_eq!(
            comparison_sentence(&mixed).unwrap(),
            "Redness settled (≤1) on day 4 after session 1; not yet after session 2 (last check-in day 1)."
        );
        let only_open = [NumberedCurve { number: 2, curve: &open }];
        assert_eq!(
            comparison_sentence(&only_open).unwrap(),
            "Redness has not settled yet after session 2 (last check-in day 1)."
        );
        assert_eq!(comparison_sentence(&[NumberedCurve { number: 1, curve: &second }]), None);
    }
}
