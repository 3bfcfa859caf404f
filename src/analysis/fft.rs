//! A small radix-2 complex FFT, for phase correlation in [`super::align`].
//!
//! Hand-written rather than `rustfft`: alignment needs only power-of-two sizes up to 512, and this
//! is ~100 lines against a crate whose planner and many algorithms would all be linked into the
//! photos app's wasm. It is tested against a direct DFT.

use std::ops::{Add, Mul, Sub};

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Complex {
    pub re: f32,
    pub im: f32,
}

impl Complex {
    pub const fn new(re: f32, im: f32) -> Complex {
        Complex { re, im }
    }

    pub fn conj(self) -> Complex {
        Complex { re: self.re, im: -self.im }
    }

    pub fn norm(self) -> f32 {
        self.re.hypot(self.im)
    }
}

impl Add for Complex {
    type Output = Complex;
    fn add(self, o: Complex) -> Complex {
        Complex::new(self.re + o.re, self.im + o.im)
    }
}

impl Sub for Complex {
    type Output = Complex;
    fn sub(self, o: Complex) -> Complex {
        Complex::new(self.re - o.re, self.im - o.im)
    }
}

impl Mul for Complex {
    type Output = Complex;
    fn mul(self, o: Complex) -> Complex {
        Complex::new(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)
    }
}

/// A planned transform of one power-of-two length.
pub struct Fft {
    len: usize,
    /// e^(−2πik/len) for k < len/2.
    twiddles: Vec<Complex>,
    /// Bit-reversed index of each position.
    reversed: Vec<usize>,
}

impl Fft {
    /// Plans a transform of `len` points. Panics unless `len` is a power of two (a programming
    /// error: callers pick the sizes).
    pub fn new(len: usize) -> Fft {
        assert!(len.is_power_of_two(), "FFT length {len} is not a power of two");
        let bits = len.trailing_zeros();
        let twiddles = (0..len / 2)
            .map(|k| {
                let angle = -2.0 * std::f64::consts::PI * k as f64 / len as f64;
                Complex::new(angle.cos() as f32, angle.sin() as f32)
            })
            .collect();
        let reversed =
            (0..len).map(|i| if bits == 0 { 0 } else { i.reverse_bits() >> (usize::BITS - bits) }).collect();
        Fft { len, twiddles, reversed }
    }

    /// In-place forward transform (no scaling).
    pub fn forward(&self, data: &mut [Complex]) {
        debug_assert_eq!(data.len(), self.len);
        for i in 0..self.len {
            let j = self.reversed[i];
            if i < j {
                data.swap(i, j);
            }
        }
        let mut size = 2;
        while size <= self.len {
            let half = size / 2;
            let step = self.len / size;
            for start in (0..self.len).step_by(size) {
                for k in 0..half {
                    let w = self.twiddles[k * step];
                    let odd = data[start + k + half] * w;
                    let even = data[start + k];
                    data[start + k] = even + odd;
                    data[start + k + half] = even - odd;
                }
            }
            size *= 2;
        }
    }

    /// In-place inverse transform, scaled by 1/len.
    pub fn inverse(&self, data: &mut [Complex]) {
        data.iter_mut().for_each(|c| *c = c.conj());
        self.forward(data);
        let scale = 1.0 / self.len as f32;
        data.iter_mut().for_each(|c| *c = Complex::new(c.re * scale, -c.im * scale));
    }
}

/// A 2-D transform of a `width` × `height` grid stored row by row (both powers of two).
pub struct Fft2 {
    width: usize,
    height: usize,
    rows: Fft,
    columns: Fft,
}

impl Fft2 {
    pub fn new(width: usize, height: usize) -> Fft2 {
        Fft2 { width, height, rows: Fft::new(width), columns: Fft::new(height) }
    }

    pub fn forward(&self, data: &mut [Complex]) {
        self.run(data, false);
    }

    pub fn inverse(&self, data: &mut [Complex]) {
        self.run(data, true);
    }

    fn run(&self, data: &mut [Complex], inverse: bool) {
        let pass =
            |fft: &Fft, line: &mut [Complex]| if inverse { fft.inverse(line) } else { fft.forward(line) };
        for row in data.chunks_exact_mut(self.width) {
            pass(&self.rows, row);
        }
        // Columns through one gathered line: strided access would thrash the cache.
        let mut column = vec![Complex::default(); self.height];
        for x in 0..self.width {
            for (y, c) in column.iter_mut().enumerate() {
                *c = data[y * self.width + x];
            }
            pass(&self.columns, &mut column);
            for (y, c) in column.iter().enumerate() {
                data[y * self.width + x] = *c;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dft(input: &[Complex]) -> Vec<Complex> {
        let n = input.len();
        (0..n)
            .map(|k| {
                input.iter().enumerate().fold(Complex::default(), |acc, (t, x)| {
                    let angle = -2.0 * std::f64::consts::PI * (k * t) as f64 / n as f64;
                    acc + *x * Complex::new(angle.cos() as f32, angle.sin() as f32)
                })
            })
            .collect()
    }

    fn signal(n: usize) -> Vec<Complex> {
        (0..n).map(|i| Complex::new(((i * 7 + 3) % 11) as f32 - 5.0, ((i * 5) % 7) as f32 * 0.5)).collect()
    }

    #[test]
    fn matches_a_direct_dft_and_inverts() {
        for n in [1, 2, 8, 64, 256] {
            let input = signal(n);
            let mut data = input.clone();
            let fft = Fft::new(n);
            fft.forward(&mut data);
            for (got, want) in data.iter().zip(dft(&input)) {
                assert!((*got - want).norm() < 1e-3 * n as f32, "n={n}: {got:?} vs {want:?}");
            }
            fft.inverse(&mut data);
            for (got, want) in data.iter().zip(&input) {
                assert!((*got - *want).norm() < 1e-4, "n={n} round trip");
            }
        }
    }

    #[test]
    fn the_2d_transform_of_an_impulse_is_flat_and_inverts() {
        let (w, h) = (16, 8);
        let mut data = vec![Complex::default(); w * h];
        data[0] = Complex::new(1.0, 0.0);
        let fft = Fft2::new(w, h);
        fft.forward(&mut data);
        assert!(data.iter().all(|c| (c.re - 1.0).abs() < 1e-6 && c.im.abs() < 1e-6));
        fft.inverse(&mut data);
        assert!((data[0].re - 1.0).abs() < 1e-6 && data[1..].iter().all(|c| c.norm() < 1e-6));
    }

    #[test]
    #[should_panic(expected = "not a power of two")]
    fn other_lengths_are_a_programming_error() {
        Fft::new(12);
    }
}
