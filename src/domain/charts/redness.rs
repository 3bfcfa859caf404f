//! The redness-over-time chart's geometry: readings by date, sessions as marks.

use time::Date;

use crate::domain::charts::{fmt_coord, line_path, Frame, LinearScale, Margins};

/// One plotted reading.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub calibrated: bool,
    /// "12 Oct 2026: 14.2 a* (calibrated)".
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RednessChart {
    pub frame: Frame,
    pub points: Vec<ChartPoint>,
    pub line: String,
    /// x of each session.
    pub sessions: Vec<f64>,
    /// (y, label) of the value axis ticks.
    pub ticks: Vec<(f64, String)>,
}

pub const FRAME: Frame = Frame {
    width: 640.0,
    height: 240.0,
    margins: Margins { top: 12.0, right: 16.0, bottom: 28.0, left: 44.0 },
};

/// The chart of `readings` (date, mean a*, calibrated), with `sessions` inside its dates marked.
/// `None` with fewer than one reading.
pub fn redness_chart(readings: &[(Date, f64, bool)], sessions: &[Date]) -> Option<RednessChart> {
    let first = readings.iter().map(|r| r.0).min()?;
    let last = readings.iter().map(|r| r.0).max()?;
    let day = |d: Date| (d - first).whole_days() as f64;
    let span = day(last).max(1.0);
    let x = LinearScale::new((0.0, span), (FRAME.plot_left(), FRAME.plot_right()));
    let (lo, hi) = readings.iter().fold((f64::MAX, f64::MIN), |(lo, hi), r| (lo.min(r.1), hi.max(r.1)));
    // At least 4 a* of range, so noise-sized wiggles do not fill the chart.
    let mid = (lo + hi) / 2.0;
    let half = ((hi - lo) / 2.0).max(2.0) * 1.15;
    let y = LinearScale::new((mid - half, mid + half), (FRAME.plot_bottom(), FRAME.plot_top()));
    let mut sorted = readings.to_vec();
    sorted.sort_by_key(|r| r.0);
    let points: Vec<ChartPoint> = sorted
        .iter()
        .map(|&(date, value, calibrated)| ChartPoint {
            x: x.map(day(date)),
            y: y.map(value),
            calibrated,
            label: format!(
                "{}: {} a* ({})",
                crate::domain::text::dates::display_date(date),
                crate::domain::text::decimal::format_fixed(value, 1, false),
                if calibrated { "calibrated" } else { "uncalibrated" }
            ),
        })
        .collect();
    let line = line_path(&points.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>());
    let sessions = sessions.iter().filter(|d| **d >= first && **d <= last).map(|d| x.map(day(*d))).collect();
    let ticks = y.ticks(4).into_iter().map(|v| (y.map(v), fmt_coord(v))).collect();
    Some(RednessChart { frame: FRAME, points, line, sessions, ticks })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn readings_are_placed_by_date_and_sessions_marked_within_them() {
        let readings = [(date!(2026 - 10 - 11), 12.0, false), (date!(2026 - 09 - 01), 15.0, true)];
        let sessions = [date!(2026 - 08 - 01), date!(2026 - 09 - 01), date!(2026 - 10 - 01)];
        let chart = redness_chart(&readings, &sessions).unwrap();
        assert_eq!(chart.points[0].x, FRAME.plot_left());
        assert_eq!(chart.points[1].x, FRAME.plot_right());
        assert!(chart.points[0].y < chart.points[1].y, "the redder reading is higher");
        assert_eq!(chart.sessions.len(), 2);
        assert!(chart.line.starts_with('M'));
        assert_eq!(chart.points[0].label, "1 Sep 2026: 15.0 a* (calibrated)");
        assert!(!chart.ticks.is_empty());
    }

    #[test]
    fn no_readings_no_chart() {
        assert_eq!(redness_chart(&[], &[]), None);
    }
}
