//! The similarity transform (scale, rotation, translation) that registers one photo onto another.
//!
//! Stored with each photo as the map from *its* coordinates to its area's reference photo, in
//! units of each image's width (see [`super::region`]), so one transform serves the working copy,
//! the thumbnail and the analysis copies alike. It maps a point p to `scale · R(rotation) · p +
//! (tx, ty)`; y points down, so a positive rotation turns clockwise on screen.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    pub scale: f64,
    /// Radians.
    pub rotation: f64,
    pub tx: f64,
    pub ty: f64,
}

impl Default for Similarity {
    fn default() -> Self {
        Similarity::IDENTITY
    }
}

/// A point as (x, y).
pub type Point = (f64, f64);

impl Similarity {
    pub const IDENTITY: Similarity = Similarity { scale: 1.0, rotation: 0.0, tx: 0.0, ty: 0.0 };

    /// The linear part as (a, b): the matrix is [[a, −b], [b, a]].
    fn ab(&self) -> (f64, f64) {
        (self.scale * self.rotation.cos(), self.scale * self.rotation.sin())
    }

    fn from_ab(a: f64, b: f64, tx: f64, ty: f64) -> Similarity {
        Similarity { scale: a.hypot(b), rotation: b.atan2(a), tx, ty }
    }

    pub fn apply(&self, (x, y): Point) -> Point {
        let (a, b) = self.ab();
        (a * x - b * y + self.tx, b * x + a * y + self.ty)
    }

    /// The transform that undoes this one. A zero scale has no inverse: it gives the identity.
    pub fn inverse(&self) -> Similarity {
        if self.scale.abs() < 1e-12 || !self.scale.is_finite() {
            return Similarity::IDENTITY;
        }
        let s = 1.0 / self.scale;
        let back = Similarity { scale: s, rotation: -self.rotation, tx: 0.0, ty: 0.0 };
        let (tx, ty) = back.apply((-self.tx, -self.ty));
        Similarity { tx, ty, ..back }
    }

    /// `self` after `first`: p ↦ self(first(p)).
    pub fn after(&self, first: &Similarity) -> Similarity {
        let (a1, b1) = first.ab();
        let (a2, b2) = self.ab();
        let (tx, ty) = self.apply((first.tx, first.ty));
        Similarity::from_ab(a2 * a1 - b2 * b1, a2 * b1 + b2 * a1, tx, ty)
    }

    /// The transform that maps the landmark pair (b1, b2) onto (a1, a2) exactly: two points fix a
    /// similarity. `None` when the two landmarks of a photo coincide.
    pub fn from_landmarks(b1: Point, b2: Point, a1: Point, a2: Point) -> Option<Similarity> {
        let (vbx, vby) = (b2.0 - b1.0, b2.1 - b1.1);
        let (vax, vay) = (a2.0 - a1.0, a2.1 - a1.1);
        let len_b = vbx * vbx + vby * vby;
        if len_b < 1e-12 || vax.hypot(vay) < 1e-6 {
            return None;
        }
        // (a + ib) · vb = va as complex numbers.
        let a = (vax * vbx + vay * vby) / len_b;
        let b = (vay * vbx - vax * vby) / len_b;
        let linear = Similarity::from_ab(a, b, 0.0, 0.0);
        let moved = linear.apply(b1);
        Some(Similarity { tx: a1.0 - moved.0, ty: a1.1 - moved.1, ..linear })
    }

    /// The same transform in pixels: from a source image `source_px` wide to a target image
    /// `target_px` wide (with p_px = p · source_px and q_px = q · target_px,
    /// q_px = target_px · T(p_px / source_px)).
    pub fn in_pixels(&self, source_px: f64, target_px: f64) -> Similarity {
        Similarity {
            scale: self.scale * target_px / source_px,
            rotation: self.rotation,
            tx: self.tx * target_px,
            ty: self.ty * target_px,
        }
    }

    /// The inverse of [`Similarity::in_pixels`]: a pixel transform back to width units.
    pub fn in_width_units(&self, source_px: f64, target_px: f64) -> Similarity {
        Similarity {
            scale: self.scale * source_px / target_px,
            rotation: self.rotation,
            tx: self.tx / target_px,
            ty: self.ty / target_px,
        }
    }

    /// The canvas `setTransform(a, b, c, d, e, f)` arguments.
    pub fn canvas_matrix(&self) -> [f64; 6] {
        let (a, b) = self.ab();
        [a, b, -b, a, self.tx, self.ty]
    }

    /// What the transform does to a photo `height_over_width` tall, in words a person can check
    /// against the pair: "moved 3% right and 1% down, turned 2.5° clockwise, enlarged to 104%"
    /// (shifts of its centre, in hundredths of its width; "not moved" below 0.5%).
    pub fn describe(&self, height_over_width: f64) -> String {
        use crate::domain::text::decimal::format_fixed;
        let centre = (0.5, 0.5 * height_over_width);
        let (x, y) = self.apply(centre);
        let (dx, dy) = ((x - centre.0) * 100.0, (y - centre.1) * 100.0);
        let mut moves = Vec::new();
        if dx.abs() >= 0.5 {
            moves.push(format!(
                "{}% {}",
                format_fixed(dx.abs(), 0, true),
                if dx > 0.0 { "right" } else { "left" }
            ));
        }
        if dy.abs() >= 0.5 {
            moves.push(format!(
                "{}% {}",
                format_fixed(dy.abs(), 0, true),
                if dy > 0.0 { "down" } else { "up" }
            ));
        }
        let moved =
            if moves.is_empty() { "not moved".to_string() } else { format!("moved {}", moves.join(" and ")) };
        let degrees = self.rotation.to_degrees();
        // y points down on screen, so a positive angle turns clockwise.
        let turned = if degrees.abs() < 0.05 {
            "not turned".to_string()
        } else {
            format!(
                "turned {}° {}",
                format_fixed(degrees.abs(), 1, true),
                if degrees > 0.0 { "clockwise" } else { "anticlockwise" }
            )
        };
        let percent = self.scale * 100.0;
        let scaled = if (percent - 100.0).abs() < 0.5 {
            "same size".to_string()
        } else {
            format!(
                "{} to {}%",
                if percent > 100.0 { "enlarged" } else { "reduced" },
                format_fixed(percent, 0, true)
            )
        };
        format!("{moved}, {turned}, {scaled}")
    }

    /// Whether every number is finite and the scale is plausible for two photos of one area
    /// (a stored transform outside this is damage, and is ignored).
    pub fn is_plausible(&self) -> bool {
        [self.scale, self.rotation, self.tx, self.ty].iter().all(|v| v.is_finite())
            && (0.2..=5.0).contains(&self.scale)
    }
}

#[cfg(test)]
#[path = "similarity_tests.rs"]
mod tests;
