//! A grayscale working image for alignment: float samples, bilinear sampling, warping and blur.

use image::RgbaImage;

use crate::domain::photos::similarity::Similarity;

/// A similarity as a matrix, for mapping many pixels (no trigonometry per pixel).
pub struct PixelMap([f64; 6]);

impl PixelMap {
    pub fn new(transform: &Similarity) -> PixelMap {
        PixelMap(transform.canvas_matrix())
    }

    #[inline]
    pub fn apply(&self, x: usize, y: usize) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        let (x, y) = (x as f64, y as f64);
        ((a * x + c * y + e) as f32, (b * x + d * y + f) as f32)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub data: Vec<f32>,
}

impl Gray {
    pub fn new(width: usize, height: usize) -> Gray {
        Gray { width, height, data: vec![0.0; width * height] }
    }

    /// Luma (Rec. 601 weights on the encoded values: alignment needs structure, not colorimetry).
    pub fn from_rgba(image: &RgbaImage) -> Gray {
        let data = image
            .pixels()
            .map(|p| {
                (0.299 * f32::from(p.0[0]) + 0.587 * f32::from(p.0[1]) + 0.114 * f32::from(p.0[2])) / 255.0
            })
            .collect();
        Gray { width: image.width() as usize, height: image.height() as usize, data }
    }

    #[inline]
    pub fn at(&self, x: usize, y: usize) -> f32 {
        self.data[y * self.width + x]
    }

    /// Bilinear sample at (x, y) in pixel coordinates (pixel centres at integers); `None` outside.
    #[inline]
    pub fn sample(&self, x: f32, y: f32) -> Option<f32> {
        if self.width < 2
            || self.height < 2
            || !(x >= 0.0 && y >= 0.0 && x <= (self.width - 1) as f32 && y <= (self.height - 1) as f32)
        {
            return None;
        }
        let (x0, y0) = ((x as usize).min(self.width - 2), (y as usize).min(self.height - 2));
        let (fx, fy) = (x - x0 as f32, y - y0 as f32);
        let i = y0 * self.width + x0;
        let (a, b, c, d) =
            (self.data[i], self.data[i + 1], self.data[i + self.width], self.data[i + self.width + 1]);
        let top = a + (b - a) * fx;
        let bottom = c + (d - c) * fx;
        Some(top + (bottom - top) * fy)
    }

    /// A `width` × `height` image whose pixel p shows this image at `source_of(p)` (a map from
    /// output to source pixels); `fill` where that falls outside.
    pub fn warped(&self, source_of: &Similarity, width: usize, height: usize, fill: f32) -> Gray {
        let mut out = Gray::new(width, height);
        let map = PixelMap::new(source_of);
        for y in 0..height {
            for x in 0..width {
                let (sx, sy) = map.apply(x, y);
                out.data[y * width + x] = self.sample(sx, sy).unwrap_or(fill);
            }
        }
        out
    }

    /// Half the size, by averaging 2×2 blocks.
    pub fn halved(&self) -> Gray {
        let (w, h) = ((self.width / 2).max(1), (self.height / 2).max(1));
        let mut out = Gray::new(w, h);
        for y in 0..h {
            for x in 0..w {
                let (x2, y2) = ((2 * x).min(self.width - 1), (2 * y).min(self.height - 1));
                let (x3, y3) = ((x2 + 1).min(self.width - 1), (y2 + 1).min(self.height - 1));
                out.data[y * w + x] =
                    (self.at(x2, y2) + self.at(x3, y2) + self.at(x2, y3) + self.at(x3, y3)) / 4.0;
            }
        }
        out
    }

    /// A box blur of the given radius, run twice (close to a Gaussian), with edges clamped.
    pub fn blurred(&self, radius: usize) -> Gray {
        if radius == 0 {
            return self.clone();
        }
        let mut image = self.clone();
        for _ in 0..2 {
            image = image.box_pass(radius, true).box_pass(radius, false);
        }
        image
    }

    /// One box pass along rows or columns, as running sums over whole lines (edges clamped).
    fn box_pass(&self, radius: usize, horizontal: bool) -> Gray {
        let (w, h) = (self.width, self.height);
        let span = (2 * radius + 1) as f32;
        let mut out = Gray::new(w, h);
        if horizontal {
            for (row, out_row) in self.data.chunks_exact(w).zip(out.data.chunks_exact_mut(w)) {
                let at = |i: isize| row[i.clamp(0, w as isize - 1) as usize];
                let r = radius as isize;
                let mut sum: f32 = (-r..=r).map(at).sum();
                for (i, o) in out_row.iter_mut().enumerate() {
                    *o = sum / span;
                    sum += at(i as isize + r + 1) - at(i as isize - r);
                }
            }
        } else {
            // Columns a whole row at a time: the inner loop runs along memory.
            let row = |i: isize| &self.data[i.clamp(0, h as isize - 1) as usize * w..][..w];
            let r = radius as isize;
            let mut sum = vec![0.0f32; w];
            for i in -r..=r {
                sum.iter_mut().zip(row(i)).for_each(|(s, v)| *s += v);
            }
            for (y, out_row) in out.data.chunks_exact_mut(w).enumerate() {
                out_row.iter_mut().zip(&sum).for_each(|(o, s)| *o = s / span);
                let (enter, leave) = (row(y as isize + r + 1), row(y as isize - r));
                for ((s, e), l) in sum.iter_mut().zip(enter).zip(leave) {
                    *s += e - l;
                }
            }
        }
        out
    }

    /// Rescaled to mean 0 and standard deviation 1, so two exposures compare.
    pub fn standardised(&self) -> Gray {
        let n = self.data.len().max(1) as f64;
        let mean = self.data.iter().map(|&v| f64::from(v)).sum::<f64>() / n;
        let var = self.data.iter().map(|&v| (f64::from(v) - mean).powi(2)).sum::<f64>() / n;
        let sd = var.sqrt().max(1e-6);
        Gray { data: self.data.iter().map(|&v| ((f64::from(v) - mean) / sd) as f32).collect(), ..*self }
    }

    /// Central-difference gradients (x, y).
    pub fn gradients(&self) -> (Gray, Gray) {
        let (w, h) = (self.width, self.height);
        let (mut gx, mut gy) = (Gray::new(w, h), Gray::new(w, h));
        for y in 0..h {
            for x in 0..w {
                let (l, r) = (x.saturating_sub(1), (x + 1).min(w - 1));
                let (u, d) = (y.saturating_sub(1), (y + 1).min(h - 1));
                gx.data[y * w + x] = (self.at(r, y) - self.at(l, y)) / (r - l).max(1) as f32;
                gy.data[y * w + x] = (self.at(x, d) - self.at(x, u)) / (d - u).max(1) as f32;
            }
        }
        (gx, gy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ramp() -> Gray {
        let mut g = Gray::new(8, 6);
        for (i, v) in g.data.iter_mut().enumerate() {
            *v = (i % 8) as f32 + 10.0 * (i / 8) as f32;
        }
        g
    }

    #[test]
    fn bilinear_sampling_is_exact_on_a_linear_ramp_and_none_outside() {
        let g = ramp();
        assert_eq!(g.sample(2.5, 1.25), Some(2.5 + 12.5));
        assert_eq!(g.sample(7.0, 5.0), Some(57.0));
        assert_eq!(g.sample(-0.1, 0.0), None);
        assert_eq!(g.sample(0.0, 5.01), None);
    }

    #[test]
    fn warping_by_a_shift_moves_the_content() {
        let g = ramp();
        let shifted = g.warped(&Similarity { tx: 1.0, ..Similarity::IDENTITY }, 8, 6, -1.0);
        assert_eq!(shifted.at(0, 0), 1.0);
        assert_eq!(shifted.at(7, 0), -1.0);
    }

    #[test]
    fn blur_keeps_a_flat_image_and_the_mean() {
        let flat = Gray { data: vec![3.0; 48], ..ramp() };
        assert!(flat.blurred(2).data.iter().all(|&v| (v - 3.0).abs() < 1e-5));
        let s = ramp().standardised();
        let mean: f32 = s.data.iter().sum::<f32>() / 48.0;
        assert!(mean.abs() < 1e-5);
    }

    #[test]
    fn gradients_of_a_ramp_are_its_slopes() {
        let (gx, gy) = ramp().gradients();
        assert_eq!((gx.at(3, 2), gy.at(3, 2)), (1.0, 10.0));
    }
}
