//! A region the client draws on a photo: the redness region of interest (one per area, in the
//! area's reference frame) or the white/grey card used for calibration (one per photo).
//!
//! Coordinates are in units of the image's *width* (x in 0..=1, y in 0..=height/width), the same
//! units as [`super::similarity::Similarity`], so a region means the same place at any resolution
//! (the 2,048 px working copy, the 256 px thumbnail, a 512 px analysis copy).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    #[default]
    Rectangle,
    Ellipse,
}

impl Shape {
    pub const fn label(self) -> &'static str {
        match self {
            Shape::Rectangle => "Rectangle",
            Shape::Ellipse => "Ellipse",
        }
    }
}

/// An axis-aligned rectangle, or the ellipse inscribed in it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub shape: Shape,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Smallest side a region may have, in width units (about 10 px on a 2,048 px photo): anything
/// smaller is a slip of the finger, and too few pixels to measure.
pub const MIN_SIDE: f64 = 0.005;

impl Region {
    /// The region spanned by two corners in any order (a drag), clamped to the image
    /// (`aspect` = height / width). `None` when it is too small to be meant.
    pub fn from_corners(shape: Shape, a: (f64, f64), b: (f64, f64), aspect: f64) -> Option<Region> {
        let clamp = |v: f64, max: f64| if v.is_finite() { v.clamp(0.0, max) } else { 0.0 };
        let (x0, x1) = (clamp(a.0.min(b.0), 1.0), clamp(a.0.max(b.0), 1.0));
        let (y0, y1) = (clamp(a.1.min(b.1), aspect), clamp(a.1.max(b.1), aspect));
        let region = Region { shape, x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
        (region.width >= MIN_SIDE && region.height >= MIN_SIDE).then_some(region)
    }

    /// Moved by (dx, dy) and grown by (dw, dh), kept inside the image and above the minimum size:
    /// the keyboard's way of drawing.
    pub fn nudged(self, dx: f64, dy: f64, dw: f64, dh: f64, aspect: f64) -> Region {
        let width = (self.width + dw).clamp(MIN_SIDE, 1.0);
        let height = (self.height + dh).clamp(MIN_SIDE, aspect.max(MIN_SIDE));
        let x = (self.x + dx).clamp(0.0, 1.0 - width);
        let y = (self.y + dy).clamp(0.0, (aspect - height).max(0.0));
        Region { x, y, width, height, ..self }
    }

    /// Whether the point (in width units) is inside.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        match self.shape {
            Shape::Rectangle => {
                x >= self.x && x <= self.x + self.width && y >= self.y && y <= self.y + self.height
            }
            Shape::Ellipse => {
                let (rx, ry) = (self.width / 2.0, self.height / 2.0);
                let (dx, dy) = ((x - self.x - rx) / rx, (y - self.y - ry) / ry);
                dx * dx + dy * dy <= 1.0
            }
        }
    }

    /// The pixel rows and columns it covers on an image `image_width` px wide (half-open ranges,
    /// clipped to `image_width` × `image_height`).
    pub fn pixel_bounds(
        &self,
        image_width: u32,
        image_height: u32,
    ) -> (std::ops::Range<u32>, std::ops::Range<u32>) {
        let unit = f64::from(image_width);
        let span = |start: f64, len: f64, max: u32| {
            let lo = (start * unit).floor().clamp(0.0, f64::from(max)) as u32;
            let hi = ((start + len) * unit).ceil().clamp(0.0, f64::from(max)) as u32;
            lo..hi.max(lo)
        };
        (span(self.x, self.width, image_width), span(self.y, self.height, image_height))
    }

    /// Whether the pixel (column, row) of an image `image_width` px wide is inside: tested at
    /// the pixel's centre.
    pub fn contains_pixel(&self, column: u32, row: u32, image_width: u32) -> bool {
        let unit = f64::from(image_width);
        self.contains((f64::from(column) + 0.5) / unit, (f64::from(row) + 0.5) / unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drag_in_any_direction_spans_the_same_region() {
        let a = Region::from_corners(Shape::Rectangle, (0.2, 0.3), (0.6, 0.5), 0.75).unwrap();
        let b = Region::from_corners(Shape::Rectangle, (0.6, 0.5), (0.2, 0.3), 0.75).unwrap();
        assert_eq!(a, b);
        assert!((a.width - 0.4).abs() < 1e-12 && (a.height - 0.2).abs() < 1e-12);
    }

    #[test]
    fn a_drag_is_clipped_to_the_image_and_a_tap_is_not_a_region() {
        let r = Region::from_corners(Shape::Ellipse, (-0.5, -1.0), (2.0, 9.0), 0.75).unwrap();
        assert_eq!((r.x, r.y, r.width, r.height), (0.0, 0.0, 1.0, 0.75));
        assert_eq!(Region::from_corners(Shape::Rectangle, (0.5, 0.5), (0.501, 0.6), 1.0), None);
        assert_eq!(Region::from_corners(Shape::Rectangle, (f64::NAN, 0.5), (0.5, 0.6), 1.0), None);
    }

    #[test]
    fn an_ellipse_leaves_out_its_bounding_box_corners() {
        let r = Region { shape: Shape::Ellipse, x: 0.0, y: 0.0, width: 1.0, height: 0.5 };
        assert!(r.contains(0.5, 0.25));
        assert!(!r.contains(0.02, 0.02));
        assert!(Region { shape: Shape::Rectangle, ..r }.contains(0.02, 0.02));
    }

    #[test]
    fn nudging_keeps_the_region_inside_and_visible() {
        let r = Region { shape: Shape::Rectangle, x: 0.9, y: 0.1, width: 0.05, height: 0.05 };
        let moved = r.nudged(0.2, -0.5, 0.0, 0.0, 0.75);
        assert_eq!((moved.x, moved.y), (0.95, 0.0));
        let shrunk = r.nudged(0.0, 0.0, -1.0, -1.0, 0.75);
        assert_eq!((shrunk.width, shrunk.height), (MIN_SIDE, MIN_SIDE));
    }

    #[test]
    fn pixel_bounds_cover_the_region_and_stay_on_the_image() {
        let r = Region { shape: Shape::Rectangle, x: 0.25, y: 0.5, width: 0.5, height: 0.5 };
        let (cols, rows) = r.pixel_bounds(100, 80);
        assert_eq!((cols, rows), (25..75, 50..80));
        assert!(r.contains_pixel(25, 50, 100) && !r.contains_pixel(24, 50, 100));
    }
}
