//! Placing the two landmarks of alignment by hand on a photo: by tapping, by dragging a placed
//! point, or from the keyboard (a cursor moved with the arrow keys; Enter places a point).
//! Positions are in the photo's width units: 0..=1 across, 0..=aspect down.

use super::similarity::Point;

/// How near (in width units) a press must land to a placed point to pick it up rather than
/// place a new one: about a fingertip on a phone-sized photo.
pub const GRAB_RADIUS: f64 = 0.04;
/// One arrow key press moves the cursor this far, and ten times as far with Shift.
pub const STEP: f64 = 0.005;
pub const BIG_STEP: f64 = 0.05;

/// The points after placing one at `at`: the second completes the pair, and a third starts a
/// new pair.
pub fn placed(points: &[Point], at: Point) -> Vec<Point> {
    let mut next = if points.len() >= 2 { Vec::new() } else { points.to_vec() };
    next.push(at);
    next
}

/// The placed point a press at `at` picks up: the nearest within [`GRAB_RADIUS`].
pub fn grabbed(points: &[Point], at: Point) -> Option<usize> {
    let distance = |p: &Point| (p.0 - at.0).hypot(p.1 - at.1);
    points
        .iter()
        .enumerate()
        .filter(|(_, p)| distance(p) <= GRAB_RADIUS)
        .min_by(|(_, a), (_, b)| distance(a).total_cmp(&distance(b)))
        .map(|(index, _)| index)
}

/// `points` with point `index` moved to `to`, kept on the photo.
pub fn moved(points: &[Point], index: usize, to: Point, aspect: f64) -> Vec<Point> {
    let mut next = points.to_vec();
    if let Some(point) = next.get_mut(index) {
        *point = on_photo(to, aspect);
    }
    next
}

/// The keyboard cursor moved by `steps` (across, down), kept on the photo.
pub fn nudged(cursor: Point, steps: (f64, f64), big: bool, aspect: f64) -> Point {
    let step = if big { BIG_STEP } else { STEP };
    on_photo((cursor.0 + steps.0 * step, cursor.1 + steps.1 * step), aspect)
}

/// Where the keyboard cursor starts: the photo's centre.
pub fn centre(aspect: f64) -> Point {
    (0.5, aspect / 2.0)
}

fn on_photo(p: Point, aspect: f64) -> Point {
    (p.0.clamp(0.0, 1.0), p.1.clamp(0.0, aspect.max(0.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_third_point_starts_a_new_pair() {
        let one = placed(&[], (0.2, 0.3));
        let two = placed(&one, (0.7, 0.3));
        assert_eq!(two, vec![(0.2, 0.3), (0.7, 0.3)]);
        assert_eq!(placed(&two, (0.5, 0.5)), vec![(0.5, 0.5)]);
    }

    #[test]
    fn a_press_picks_up_the_nearest_point_within_reach_only() {
        let points = [(0.2, 0.3), (0.23, 0.3)];
        assert_eq!(grabbed(&points, (0.24, 0.31)), Some(1));
        assert_eq!(grabbed(&points, (0.19, 0.3)), Some(0));
        assert_eq!(grabbed(&points, (0.5, 0.5)), None, "far from both: a new point, not a grab");
        assert_eq!(grabbed(&[], (0.2, 0.3)), None);
    }

    #[test]
    fn moved_and_nudged_points_stay_on_the_photo() {
        let aspect = 0.75;
        assert_eq!(moved(&[(0.2, 0.3), (0.7, 0.3)], 1, (1.4, -0.2), aspect), vec![(0.2, 0.3), (1.0, 0.0)]);
        assert_eq!(moved(&[(0.2, 0.3)], 5, (0.5, 0.5), aspect), vec![(0.2, 0.3)], "no such point: unchanged");
        let start = centre(aspect);
        assert_eq!(start, (0.5, 0.375));
        let right = nudged(start, (1.0, 0.0), false, aspect);
        assert!((right.0 - 0.505).abs() < 1e-12 && right.1 == 0.375);
        let down = nudged(start, (0.0, 1.0), true, aspect);
        assert!((down.1 - 0.425).abs() < 1e-12);
        assert_eq!(nudged((0.99, 0.74), (1.0, 1.0), true, aspect), (1.0, 0.75), "clamped at the edges");
    }
}
