//! The clinic link as a QR code: the module grid from the `qrcode` crate, drawn here as one SVG
//! path (horizontal runs merged), so the kit page and the downloaded SVG are the same drawing.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of white border around the code that scanners need (the "quiet zone").
pub const QUIET_ZONE: usize = 4;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrDrawing {
    /// Modules per side, quiet zone included: the SVG's view box is `0 0 size size`.
    pub size: usize,
    /// The dark modules as an SVG path, in module units.
    pub path: String,
    /// Runs of dark modules: (x, y, length), in module units, quiet zone included.
    pub runs: Vec<(usize, usize, usize)>,
}

/// The QR code for `text`: error correction M (15% of the code can be damaged or covered), or L
/// when the text is too long for M. `None` when it fits neither.
pub fn draw(text: &str) -> Option<QrDrawing> {
    let code = QrCode::with_error_correction_level(text, EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text, EcLevel::L))
        .ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == Color::Dark {
                    x += 1;
                }
                runs.push((start + QUIET_ZONE, y + QUIET_ZONE, x - start));
            } else {
                x += 1;
            }
        }
    }
    let path = runs.iter().map(|(x, y, len)| format!("M{x} {y}h{len}v1h-{len}z")).collect();
    Some(QrDrawing { size: width + 2 * QUIET_ZONE, path, runs })
}

impl QrDrawing {
    /// A standalone SVG file: black modules on a white square, crisp at any print size.
    pub fn svg_document(&self) -> String {
        let size = self.size;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{px}\" height=\"{px}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{}\" fill=\"#000\"/></svg>\n",
            self.path,
            px = size * 8,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_every_dark_module_once_inside_the_quiet_zone() {
        let text = "https://remodel.example/#clinic=1.eyJuIjoiU2tpbiBTdHVkaW8ifQ";
        let drawing = draw(text).unwrap();
        let code = QrCode::with_error_correction_level(text, EcLevel::M).unwrap();
        let dark = code.to_colors().iter().filter(|c| **c == Color::Dark).count();
        assert_eq!(drawing.runs.iter().map(|r| r.2).sum::<usize>(), dark);
        assert_eq!(drawing.size, code.width() + 8);
        for &(x, y, len) in &drawing.runs {
            assert!(x >= QUIET_ZONE && y >= QUIET_ZONE && x + len <= drawing.size - QUIET_ZONE);
        }
        assert!(drawing.path.starts_with("M4 4h7v1h-7z"), "finder pattern first: {}", drawing.path);
        let svg = drawing.svg_document();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", drawing.size)));
    }

    #[test]
    fn the_longest_clinic_link_still_fits() {
        let text = format!("https://remodel.example/#clinic=1.{}", "A".repeat(2046));
        assert!(draw(&text).is_some());
        assert_eq!(draw(&"x".repeat(3000)), None);
    }
}
