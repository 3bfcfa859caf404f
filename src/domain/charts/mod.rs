//! Chart maths: frames, linear scales, nice ticks and SVG path strings.
//!
//! Every chart in the app (recovery curves, the progress timeline) is SVG built from these pure
//! functions, so the geometry is tested natively and the UI only places the strings.

pub mod redness;

/// Space around the plot area, in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub left: f64,
}

/// The whole chart's size and margins; the plot area is what is left inside the margins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub margins: Margins,
}

impl Frame {
    /// x of the plot area's left edge.
    pub fn plot_left(&self) -> f64 {
        self.margins.left
    }

    /// x of the plot area's right edge; never left of `plot_left`.
    pub fn plot_right(&self) -> f64 {
        self.plot_left() + self.plot_width()
    }

    /// y of the plot area's top edge.
    pub fn plot_top(&self) -> f64 {
        self.margins.top
    }

    /// y of the plot area's bottom edge; never above `plot_top`.
    pub fn plot_bottom(&self) -> f64 {
        self.plot_top() + self.plot_height()
    }

    /// Width inside the margins, clamped at 0 so oversized margins cannot flip the axes.
    pub fn plot_width(&self) -> f64 {
        (self.width - self.margins.left - self.margins.right).max(0.0)
    }

    /// Height inside the margins, clamped at 0.
    pub fn plot_height(&self) -> f64 {
        (self.height - self.margins.top - self.margins.bottom).max(0.0)
    }

    /// "0 0 W H" for the svg viewBox attribute.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", fmt_coord(self.width), fmt_coord(self.height))
    }
}

/// Maps a data interval linearly onto a pixel interval (range may be reversed, e.g. y axes go down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    /// A scale from `domain` (data units) onto `range` (pixels).
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Self { domain, range }
    }

    /// Data value to pixel. A zero-width domain maps everything to the middle of the range (no NaN).
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Pixel back to data value (inverse of map). A zero-width domain or range returns
    /// `domain.0`, since no single answer is right and NaN would poison later maths.
    pub fn invert(&self, pixel: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 || r1 == r0 {
            return d0;
        }
        d0 + (pixel - r0) / (r1 - r0) * (d1 - d0)
    }

    /// Like map but clamps the result inside the range.
    pub fn map_clamped(&self, value: f64) -> f64 {
        let (r0, r1) = self.range;
        self.map(value).clamp(r0.min(r1), r0.max(r1))
    }

    /// "Nice" tick values covering the domain: the step is 1, 2 or 5 times a power of ten, the
    /// smallest such step giving at most `max_count` ticks. Ticks lie within the domain
    /// (inclusive, with a small epsilon), ascend even for a reversed domain, and carry no floating
    /// noise. When no nice step yields 2 ticks (e.g. 1..9 with max 3) and `max_count >= 2`, the two
    /// domain ends are returned instead, so an axis with width always gets at least 2 labels.
    /// A zero-width domain gives its single value; a non-finite domain or `max_count == 0` none.
    pub fn ticks(&self, max_count: usize) -> Vec<f64> {
        nice_ticks(self.domain, max_count, false)
    }

    /// Integer ticks only (for day numbers and 0-4 scores): same as ticks but step is at least 1.
    /// The fallback ends are the outermost whole numbers inside the domain.
    pub fn integer_ticks(&self, max_count: usize) -> Vec<i64> {
        nice_ticks(self.domain, max_count, true).into_iter().map(|t| t.round() as i64).collect()
    }
}

/// Shared tick search for `ticks` and `integer_ticks`.
fn nice_ticks(domain: (f64, f64), max_count: usize, integer: bool) -> Vec<f64> {
    // Checked before min/max, which would quietly drop a NaN end.
    if max_count == 0 || !domain.0.is_finite() || !domain.1.is_finite() {
        return Vec::new();
    }
    let (lo, hi) = (domain.0.min(domain.1), domain.0.max(domain.1));
    let width = hi - lo;
    if width == 0.0 {
        return if !integer || lo.fract() == 0.0 { vec![lo + 0.0] } else { Vec::new() };
    }
    // Tolerance in step units, so a domain end that is a multiple of the step up to rounding
    // error (e.g. 0.3 vs 3 * 0.1) still counts as a tick.
    const EPS: f64 = 1e-9;
    let raw = width / (max_count.saturating_sub(1).max(1)) as f64;
    let k0 = raw.log10().floor() as i32;
    let k_start = if integer { (k0 - 1).max(0) } else { k0 - 1 };
    // Any step >= raw gives at most max_count ticks, and that is reached within two decades.
    for k in k_start..=k_start.max(k0) + 3 {
        for m in [1.0, 2.0, 5.0] {
            // Tick value i * m * 10^k; for negative k dividing by the exact power of ten gives the
            // closest double (3 * 0.1 would be 0.30000000000000004, 3 / 10 is 0.3).
            let value = |i: f64| if k >= 0 { i * m * 10f64.powi(k) } else { i * m / 10f64.powi(-k) };
            let step = value(1.0);
            if !step.is_finite() || step <= 0.0 {
                continue;
            }
            let first = (lo / step - EPS).ceil();
            let last = (hi / step + EPS).floor();
            let count = if last >= first { last - first + 1.0 } else { 0.0 };
            if count > max_count as f64 {
                continue;
            }
            // Adding 0.0 turns -0.0 into 0.0.
            let mut ticks: Vec<f64> = (0..count as usize).map(|n| value(first + n as f64) + 0.0).collect();
            if ticks.len() < 2 && max_count >= 2 {
                let (a, b) = if integer { (lo.ceil(), hi.floor()) } else { (lo, hi) };
                if a < b {
                    ticks = vec![a + 0.0, b + 0.0];
                }
            }
            return ticks;
        }
    }
    Vec::new()
}

/// A polyline through the points as an SVG path `d`: "M x y L x y ...", numbers formatted with
/// `fmt_coord`. Empty string for no points; a single point gives just "M x y".
pub fn line_path(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, &(x, y))| {
            let cmd = if i == 0 { 'M' } else { 'L' };
            format!("{cmd} {} {}", fmt_coord(x), fmt_coord(y))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Like line_path but `None` breaks the line (days with no entry): each run of Some points starts
/// with a new "M". Runs are joined with a single space.
pub fn line_path_with_gaps(points: &[Option<(f64, f64)>]) -> String {
    points
        .split(|p| p.is_none())
        .filter(|run| !run.is_empty())
        .map(|run| line_path(&run.iter().flatten().copied().collect::<Vec<_>>()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A closed band between an upper and a lower line sharing the same x values (the expected range
/// over time): along `upper` left to right, then back along `lower` right to left, then "Z".
/// Empty string when either is empty; if lengths differ use the shorter length.
pub fn band_path(upper: &[(f64, f64)], lower: &[(f64, f64)]) -> String {
    let n = upper.len().min(lower.len());
    if n == 0 {
        return String::new();
    }
    let outline: Vec<(f64, f64)> = upper[..n].iter().chain(lower[..n].iter().rev()).copied().collect();
    format!("{} Z", line_path(&outline))
}

/// A coordinate with at most 2 decimals and no trailing zeros ("12", "12.5", "12.25", "-3"),
/// never "-0"; non-finite input formats as "0" so a bad value can never produce an invalid path.
/// Rounding is of the exact binary value, so 1.005 (really 1.00499999...) gives "1".
pub fn fmt_coord(value: f64) -> String {
    crate::domain::text::decimal::format_fixed(value, 2, true)
}

/// A share (0..1) as an axis label: "0%", "50%", "100%".
pub fn percent_label(share: f64) -> String {
    format!("{}%", crate::domain::text::decimal::format_fixed(share * 100.0, 0, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_label_as_whole_percentages() {
        let labels: Vec<String> =
            LinearScale::new((0.0, 1.0), (0.0, 100.0)).ticks(3).into_iter().map(percent_label).collect();
        assert_eq!(labels, ["0%", "50%", "100%"]);
        assert_eq!(percent_label(0.333), "33%");
    }

    fn frame(width: f64, height: f64) -> Frame {
        let margins = Margins { top: 10.0, right: 20.0, bottom: 30.0, left: 40.0 };
        Frame { width, height, margins }
    }

    #[test]
    fn frame_plot_area_and_clamp() {
        let f = frame(300.0, 200.0);
        assert_eq!((f.plot_left(), f.plot_right()), (40.0, 280.0));
        assert_eq!((f.plot_top(), f.plot_bottom()), (10.0, 170.0));
        assert_eq!((f.plot_width(), f.plot_height()), (240.0, 160.0));
        assert_eq!(f.view_box(), "0 0 300 200");
        let tiny = frame(50.0, 20.0);
        assert_eq!((tiny.plot_width(), tiny.plot_height()), (0.0, 0.0));
        assert_eq!(tiny.plot_right(), tiny.plot_left());
        assert_eq!(tiny.plot_bottom(), tiny.plot_top());
    }

    #[test]
    fn map_and_invert() {
        let s = LinearScale::new((0.0, 10.0), (40.0, 280.0));
        assert_eq!(s.map(0.0), 40.0);
        assert_eq!(s.map(5.0), 160.0);
        for v in [0.0, 2.5, 7.0, 10.0, -3.0] {
            assert!((s.invert(s.map(v)) - v).abs() < 1e-9);
        }
        let y = LinearScale::new((0.0, 4.0), (200.0, 0.0));
        assert_eq!((y.map(0.0), y.map(4.0), y.map(1.0)), (200.0, 0.0, 150.0));
        assert_eq!(y.invert(50.0), 3.0);
    }

    #[test]
    fn degenerate_scales_do_not_produce_nan() {
        let s = LinearScale::new((3.0, 3.0), (0.0, 100.0));
        assert_eq!(s.map(3.0), 50.0);
        assert_eq!(s.map(99.0), 50.0);
        assert_eq!(s.invert(10.0), 3.0);
        assert_eq!(LinearScale::new((0.0, 4.0), (7.0, 7.0)).invert(7.0), 0.0);
    }

    #[test]
    fn map_clamped_stays_in_range() {
        let y = LinearScale::new((0.0, 4.0), (200.0, 0.0));
        assert_eq!(y.map_clamped(6.0), 0.0);
        assert_eq!(y.map_clamped(-1.0), 200.0);
        assert_eq!(y.map_clamped(2.0), 100.0);
    }

    fn ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
        LinearScale::new((lo, hi), (0.0, 100.0)).ticks(max)
    }

    #[test]
    fn nice_ticks() {
        assert_eq!(ticks(0.0, 10.0, 6), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(0.0, 1.0, 6), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        // Six ticks would exceed the limit of 5, so the next nice step is used.
        assert_eq!(ticks(0.0, 1.0, 5), vec![0.0, 0.5, 1.0]);
        assert_eq!(ticks(0.0, 0.3, 4), vec![0.0, 0.1, 0.2, 0.3]);
        assert_eq!(ticks(0.0, 4.0, 5), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
        assert_eq!(ticks(-1.0, 1.0, 3), vec![-1.0, 0.0, 1.0]);
        assert_eq!(ticks(10.0, 0.0, 6), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(2.0, 2.0, 5), vec![2.0]);
        assert!(ticks(0.0, 10.0, 0).is_empty());
        assert!(ticks(0.0, f64::NAN, 5).is_empty());
        // No nice step gives 2 or 3 ticks inside 1..9, so the ends are used.
        assert_eq!(ticks(1.0, 9.0, 3), vec![1.0, 9.0]);
    }

    #[test]
    fn tick_count_within_limits() {
        let domains = [(0.0, 10.0), (0.0, 1.0), (0.0, 4.0), (-7.3, 13.9), (0.001, 0.0042)];
        let more = [(0.0, 365.0), (1e6, 3.3e7), (-0.5, 0.5), (1.0, 9.0)];
        for (lo, hi) in domains.into_iter().chain(more) {
            for max in 2..12 {
                let t = ticks(lo, hi, max);
                assert!(t.len() <= max && t.len() >= 2, "{lo}..{hi} max {max}: {t:?}");
                assert!(t.windows(2).all(|w| w[0] < w[1]), "{t:?}");
                assert!(t.iter().all(|&v| v >= lo - 1e-9 * (hi - lo) && v <= hi + 1e-9 * (hi - lo)));
            }
        }
    }

    #[test]
    fn integer_ticks() {
        let s = |lo: f64, hi: f64| LinearScale::new((lo, hi), (0.0, 100.0));
        assert_eq!(s(0.0, 3.0).integer_ticks(10), vec![0, 1, 2, 3]);
        assert_eq!(s(0.0, 60.0).integer_ticks(7), vec![0, 10, 20, 30, 40, 50, 60]);
        assert_eq!(s(0.0, 4.0).integer_ticks(3), vec![0, 2, 4]);
        assert_eq!(s(0.0, 1.0).integer_ticks(6), vec![0, 1]);
        assert_eq!(s(0.5, 1.5).integer_ticks(6), vec![1]);
        assert_eq!(s(14.0, 1.0).integer_ticks(5), vec![5, 10]);
    }

    #[test]
    fn paths() {
        assert_eq!(line_path(&[]), "");
        assert_eq!(line_path(&[(1.0, 2.0)]), "M 1 2");
        assert_eq!(line_path(&[(0.0, 200.0), (10.5, 150.25), (20.0, 0.0)]), "M 0 200 L 10.5 150.25 L 20 0");
        let gaps = [Some((0.0, 1.0)), Some((1.0, 2.0)), None, None, Some((4.0, 5.0)), Some((5.0, 6.0)), None];
        assert_eq!(line_path_with_gaps(&gaps), "M 0 1 L 1 2 M 4 5 L 5 6");
        assert_eq!(line_path_with_gaps(&[None, None]), "");
        assert_eq!(
            band_path(&[(0.0, 0.0), (10.0, 5.0)], &[(0.0, 3.0), (10.0, 8.0)]),
            "M 0 0 L 10 5 L 10 8 L 0 3 Z"
        );
        assert_eq!(band_path(&[(0.0, 0.0), (10.0, 5.0)], &[(0.0, 3.0)]), "M 0 0 L 0 3 Z");
        assert_eq!(band_path(&[], &[(0.0, 3.0)]), "");
    }

    #[test]
    fn coordinates_format_compactly() {
        assert_eq!(fmt_coord(12.0), "12");
        assert_eq!(fmt_coord(12.5), "12.5");
        assert_eq!(fmt_coord(12.25), "12.25");
        assert_eq!(fmt_coord(-3.0), "-3");
        assert_eq!(fmt_coord(12.3456), "12.35");
        assert_eq!(fmt_coord(-0.0), "0");
        assert_eq!(fmt_coord(-0.001), "0");
        assert_eq!(fmt_coord(1e-9), "0");
        assert_eq!(fmt_coord(f64::NAN), "0");
        assert_eq!(fmt_coord(f64::INFINITY), "0");
        assert_eq!(fmt_coord(1.005), "1");
        assert_eq!(fmt_coord(1.006), "1.01");
        assert_eq!(fmt_coord(0.1 + 0.2), "0.3");
    }
}
