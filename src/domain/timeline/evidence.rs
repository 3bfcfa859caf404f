//! The expected-improvement band: an illustration of population ranges over time for the
//! client's sessions, never a prediction for this person.
//!
//! # Formula
//!
//! Each session `i` (in date order, `i = 0, 1, …`) at time `tᵢ` contributes a lagged, saturating
//! response
//!
//! ```text
//! rᵢ(t) = aᵢ · (1 − exp(−(t − tᵢ − L) / K))   for t − tᵢ > L, else 0
//! aᵢ    = a₀ · dⁱ                              (diminishing returns: later sessions add less)
//! ```
//!
//! and the responses combine as independent shares of what is left to improve:
//!
//! ```text
//! band(t) = 1 − Πᵢ (1 − rᵢ(t))
//! ```
//!
//! so the band is 0 before the first session, never decreases, never exceeds 1, and levels off.
//! `L` (lag), `K` (growth time constant), `a₀` (first session's share) and `d` (share factor of
//! each later session) come from `evidence_data`: the low edge uses the slow end of every range
//! (longest lag and time constant, smallest shares) and the high edge the fast end, so
//! `low <= high` everywhere. The value is a share of "the improvement a typical full course
//! brings", shown without units.

use time::Date;

use super::evidence_data::{
    MODEL_FIRST_SHARE, MODEL_GROWTH_WEEKS, MODEL_LAG_WEEKS, MODEL_LATER_SHARE_FACTOR,
};

/// One edge of the band: its model parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Edge {
    lag_days: f64,
    growth_days: f64,
    first_share: f64,
    later_factor: f64,
}

const SLOW: Edge = Edge {
    lag_days: MODEL_LAG_WEEKS.high * 7.0,
    growth_days: MODEL_GROWTH_WEEKS.high * 7.0,
    first_share: MODEL_FIRST_SHARE.low,
    later_factor: MODEL_LATER_SHARE_FACTOR.low,
};

const FAST: Edge = Edge {
    lag_days: MODEL_LAG_WEEKS.low * 7.0,
    growth_days: MODEL_GROWTH_WEEKS.low * 7.0,
    first_share: MODEL_FIRST_SHARE.high,
    later_factor: MODEL_LATER_SHARE_FACTOR.high,
};

/// The band at one date: `0 <= low <= high < 1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandPoint {
    pub date: Date,
    pub low: f64,
    pub high: f64,
}

fn edge_value(edge: Edge, session_dates: &[Date], at: Date) -> f64 {
    let mut remaining = 1.0;
    let mut share = edge.first_share;
    for &session in session_dates {
        let since = (at - session).whole_days() as f64 - edge.lag_days;
        if since > 0.0 {
            remaining *= 1.0 - share * (1.0 - (-since / edge.growth_days).exp());
        }
        share *= edge.later_factor;
    }
    1.0 - remaining
}

/// The band at `at` for sessions on `session_dates` (done and planned, any order).
pub fn expected_band(session_dates: &[Date], at: Date) -> BandPoint {
    let mut sorted = session_dates.to_vec();
    sorted.sort();
    BandPoint { date: at, low: edge_value(SLOW, &sorted, at), high: edge_value(FAST, &sorted, at) }
}

/// The band every `step_days` from `from` to `to` (both included), for drawing.
pub fn band_series(session_dates: &[Date], from: Date, to: Date, step_days: i64) -> Vec<BandPoint> {
    let step = time::Duration::days(step_days.max(1));
    let mut points = Vec::new();
    let mut at = from;
    while at <= to {
        points.push(expected_band(session_dates, at));
        at += step;
    }
    if points.last().is_some_and(|p| p.date < to) {
        points.push(expected_band(session_dates, to));
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;
    use time::Duration;

    const FIRST: Date = date!(2026 - 01 - 05);

    fn course(count: i64, interval_weeks: i64) -> Vec<Date> {
        (0..count).map(|i| FIRST + Duration::weeks(i * interval_weeks)).collect()
    }

    #[test]
    fn the_band_is_ordered_and_zero_before_the_first_session() {
        let sessions = course(3, 4);
        for point in band_series(&sessions, FIRST - Duration::days(30), FIRST + Duration::days(500), 3) {
            assert!(point.low <= point.high, "{point:?}");
            assert!((0.0..1.0).contains(&point.low) && point.high < 1.0, "{point:?}");
            if point.date <= FIRST {
                assert_eq!((point.low, point.high), (0.0, 0.0));
            }
        }
    }

    #[test]
    fn nothing_shows_before_the_lag() {
        let at = FIRST + Duration::weeks(4);
        assert_eq!(expected_band(&[FIRST], at).high, 0.0, "the fast edge starts after 4 weeks");
        assert!(expected_band(&[FIRST], at + Duration::days(7)).high > 0.0);
        assert_eq!(expected_band(&[FIRST], FIRST + Duration::weeks(6)).low, 0.0, "the slow edge after 6");
    }

    #[test]
    fn the_band_never_decreases_and_more_sessions_never_lower_it() {
        let sessions = course(4, 4);
        let series = band_series(&sessions, FIRST, FIRST + Duration::days(730), 1);
        for pair in series.windows(2) {
            assert!(pair[1].low >= pair[0].low && pair[1].high >= pair[0].high, "{pair:?}");
        }
        let at = FIRST + Duration::days(200);
        for n in 1..4 {
            let fewer = expected_band(&sessions[..n], at);
            let more = expected_band(&sessions[..n + 1], at);
            assert!(more.low >= fewer.low && more.high >= fewer.high);
        }
    }

    #[test]
    fn the_band_saturates_with_diminishing_returns() {
        let sessions = course(3, 4);
        let year = expected_band(&sessions, FIRST + Duration::days(365));
        let two_years = expected_band(&sessions, FIRST + Duration::days(730));
        assert!(two_years.high - year.high < 0.01, "levels off: {year:?} -> {two_years:?}");
        let gain = |n: usize| {
            expected_band(&course(n as i64 + 1, 4), FIRST + Duration::days(900)).high
                - expected_band(&course(n as i64, 4), FIRST + Duration::days(900)).high
        };
        assert!(gain(1) > gain(2) && gain(2) > gain(3), "each later session adds less");
    }

    #[test]
    fn session_order_does_not_matter() {
        let mut sessions = course(3, 4);
        let at = FIRST + Duration::days(120);
        let sorted = expected_band(&sessions, at);
        sessions.reverse();
        assert_eq!(expected_band(&sessions, at), sorted);
    }
}
