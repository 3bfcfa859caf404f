//! Brand colours: parsed strictly, and paired with whichever text colour reads on them.
//!
//! A clinic's colour is only ever an accent (a band behind its name). The text on it is black or
//! white, whichever contrasts more; for any colour at all that is at least 4.58:1, above the
//! WCAG AA 4.5:1 for normal text, so no brand colour can make the clinic's name unreadable.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The text colour chosen for an accent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextOn {
    Black,
    White,
}

impl Rgb {
    /// `#1f6f8b` (either case). Nothing else: no names, no shorthand, no `rgb()`.
    pub fn parse_hex(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    pub fn contrast_with(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Black or white text, whichever contrasts more on this colour.
    pub fn text_on(self) -> TextOn {
        if self.contrast_with(Rgb(0, 0, 0)) >= self.contrast_with(Rgb(255, 255, 255)) {
            TextOn::Black
        } else {
            TextOn::White
        }
    }

    /// The contrast the chosen text colour gets.
    pub fn text_contrast(self) -> f64 {
        match self.text_on() {
            TextOn::Black => self.contrast_with(Rgb(0, 0, 0)),
            TextOn::White => self.contrast_with(Rgb(255, 255, 255)),
        }
    }
}

/// `x^2.4` for `x` in (0, 1], as `x² · (x²)^(1/5)` with Newton's method for the fifth root:
/// `powf` would bring libm's `pow` into the wasm (about 1 KB brotli) for one formula.
fn pow_2_4(x: f64) -> f64 {
    let square = x * x;
    let mut root = 1.0_f64;
    for _ in 0..40 {
        let fourth = root * root * root * root;
        root -= (fourth * root - square) / (5.0 * fourth);
    }
    square * root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_power_matches_powf() {
        for c in 11..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-12, "{c}");
        }
    }

    #[test]
    fn only_six_digit_hex_parses() {
        assert_eq!(Rgb::parse_hex("#1F6f8b"), Some(Rgb(0x1f, 0x6f, 0x8b)));
        assert_eq!(Rgb(0x1f, 0x6f, 0x8b).to_hex(), "#1f6f8b");
        for bad in ["1f6f8b", "#fff", "#1f6f8g", "red", "#1f6f8b;background:url(x)", "", "#", "#+1f6f8"] {
            assert_eq!(Rgb::parse_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_colour_gets_text_above_aa_contrast() {
        // Every 4th value of each channel: 262,144 colours, mid-greys included.
        let mut worst = f64::MAX;
        for r in (0..=255u8).step_by(4) {
            for g in (0..=255u8).step_by(4) {
                for b in (0..=255u8).step_by(4) {
                    worst = worst.min(Rgb(r, g, b).text_contrast());
                }
            }
        }
        assert!(worst >= 4.5, "worst contrast {worst}");
        assert_eq!(Rgb(255, 255, 0).text_on(), TextOn::Black);
        assert_eq!(Rgb(0, 0, 128).text_on(), TextOn::White);
    }
}
