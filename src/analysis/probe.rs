//! What a file is, before decoding a single pixel: its format by its first bytes (never by its
//! name or MIME type, which any renamed file fakes), the size its header claims, whether it is
//! whole, and the EXIF orientation and date.

use super::ingest_error::{check_dimensions, IngestError};
use super::jpeg_segments::{exif_block, frame_size, header_segments, reaches_end};

/// Formats Remodel can store. WebP is decoded by the browser only (the `image` crate's WebP
/// support isn't compiled in).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    Jpeg,
    Png,
    Webp,
}

/// What [`probe`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    pub kind: ImageKind,
    /// As stored in the file, before orientation.
    pub width: u32,
    pub height: u32,
    /// EXIF orientation 1-8 (1 when absent or unreadable).
    pub orientation: u8,
    /// EXIF DateTimeOriginal as local `YYYY-MM-DDTHH:MM`, when present and valid.
    pub taken_at: Option<String>,
}

impl Probe {
    /// Width and height once turned upright (orientations 5-8 swap them).
    pub fn upright_size(&self) -> (u32, u32) {
        if self.orientation >= 5 {
            (self.height, self.width)
        } else {
            (self.width, self.height)
        }
    }
}

/// Reads the file's header: its kind, claimed size (refused past the limits), completeness and
/// EXIF. Cheap: it never decodes the image.
pub fn probe(bytes: &[u8]) -> Result<Probe, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let (kind, width, height, exif) = match sniff(bytes)? {
        ImageKind::Jpeg => {
            let (segments, scan_start) = header_segments(bytes)?;
            let (width, height) = frame_size(bytes, &segments).ok_or(IngestError::Corrupt)?;
            check_dimensions(width, height)?;
            if !reaches_end(bytes, scan_start) {
                return Err(IngestError::Truncated);
            }
            (ImageKind::Jpeg, width, height, exif_block(bytes, &segments))
        }
        ImageKind::Png => {
            let (width, height, exif) = png_chunks(bytes)?;
            (ImageKind::Png, width, height, exif)
        }
        ImageKind::Webp => {
            let (width, height, exif) = webp_chunks(bytes)?;
            (ImageKind::Webp, width, height, exif)
        }
    };
    let (orientation, taken_at) = exif.map(read_exif).unwrap_or((1, None));
    Ok(Probe { kind, width, height, orientation, taken_at })
}

/// The format, from the file's first bytes.
fn sniff(bytes: &[u8]) -> Result<ImageKind, IngestError> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ImageKind::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(ImageKind::Png);
    }
    if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Ok(ImageKind::Webp);
    }
    if bytes.get(4..8) == Some(b"ftyp") {
        let brand = bytes.get(8..12).unwrap_or_default();
        return Err(match brand {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                IngestError::Heic
            }
            b"avif" | b"avis" => IngestError::Unsupported("AVIF"),
            _ => IngestError::NotAnImage,
        });
    }
    let other = [
        (&b"GIF8"[..], "GIF"),
        (b"BM", "BMP"),
        (b"II*\0", "TIFF"),
        (b"MM\0*", "TIFF"),
        (b"8BPS", "Photoshop"),
    ];
    match other.iter().find(|(magic, _)| starts(magic)) {
        Some((_, name)) => Err(IngestError::Unsupported(name)),
        None => Err(IngestError::NotAnImage),
    }
}

/// Walks the PNG's chunks to IEND: the size from IHDR, and the `eXIf` chunk.
fn png_chunks(bytes: &[u8]) -> Result<(u32, u32, Option<&[u8]>), IngestError> {
    let mut pos = 8;
    let mut size = None;
    let mut exif = None;
    loop {
        let header = bytes.get(pos..pos + 8).ok_or(IngestError::Truncated)?;
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = &header[4..8];
        let data_end = (pos + 8).checked_add(length).ok_or(IngestError::Corrupt)?;
        let data = bytes.get(pos + 8..data_end).ok_or(IngestError::Truncated)?;
        if bytes.len() < data_end + 4 {
            return Err(IngestError::Truncated);
        }
        match kind {
            b"IHDR" if data.len() >= 8 => {
                let width = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
                let height = u32::from_be_bytes([data[4], data[5], data[6], data[7]]);
                check_dimensions(width, height)?;
                size = Some((width, height));
            }
            b"eXIf" => exif = Some(data),
            b"IEND" => {
                let (width, height) = size.ok_or(IngestError::Corrupt)?;
                return Ok((width, height, exif));
            }
            _ if size.is_none() => return Err(IngestError::Corrupt),
            _ => {}
        }
        pos = data_end + 4;
    }
}

/// The canvas size of a WebP (simple lossy, lossless or extended) and its `EXIF` chunk.
fn webp_chunks(bytes: &[u8]) -> Result<(u32, u32, Option<&[u8]>), IngestError> {
    let riff_size =
        u32::from_le_bytes(bytes.get(4..8).ok_or(IngestError::Truncated)?.try_into().unwrap_or_default());
    if bytes.len() < 8 + riff_size as usize {
        return Err(IngestError::Truncated);
    }
    let mut pos = 12;
    let mut size = None;
    let mut exif = None;
    while let Some(header) = bytes.get(pos..pos + 8) {
        let length = u32::from_le_bytes([header[4], header[5], header[6], header[7]]) as usize;
        let data = bytes.get(pos + 8..pos + 8 + length).ok_or(IngestError::Truncated)?;
        let le24 = |d: &[u8]| u32::from(d[0]) | u32::from(d[1]) << 8 | u32::from(d[2]) << 16;
        match &header[..4] {
            b"VP8X" if data.len() >= 10 => {
                size = size.or(Some((le24(&data[4..7]) + 1, le24(&data[7..10]) + 1)))
            }
            b"VP8 " if data.len() >= 10 => {
                size = size.or(Some((
                    u32::from(u16::from_le_bytes([data[6], data[7]]) & 0x3FFF),
                    u32::from(u16::from_le_bytes([data[8], data[9]]) & 0x3FFF),
                )))
            }
            b"VP8L" if data.len() >= 5 => {
                let bits = u32::from_le_bytes([data[1], data[2], data[3], data[4]]);
                size = size.or(Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)));
            }
            b"EXIF" => exif = Some(data.strip_prefix(b"Exif\0\0").unwrap_or(data)),
            _ => {}
        }
        pos += 8 + length + (length & 1);
    }
    let (width, height) = size.ok_or(IngestError::Corrupt)?;
    check_dimensions(width, height)?;
    Ok((width, height, exif))
}

/// Orientation (1-8) and DateTimeOriginal from an EXIF block; defaults when unreadable (a broken
/// EXIF block must not stop a photo from being imported: it is stripped anyway).
fn read_exif(block: &[u8]) -> (u8, Option<String>) {
    let Ok(exif) = exif::Reader::new().read_raw(block.to_vec()) else {
        return (1, None);
    };
    let orientation = exif
        .get_field(exif::Tag::Orientation, exif::In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .filter(|o| (1..=8).contains(o))
        .map_or(1, |o| o as u8);
    let taken_at = exif
        .get_field(exif::Tag::DateTimeOriginal, exif::In::PRIMARY)
        .and_then(|f| match &f.value {
            exif::Value::Ascii(parts) => parts.first().map(|p| String::from_utf8_lossy(p).into_owned()),
            _ => None,
        })
        .and_then(|text| exif_date_time(&text));
    (orientation, taken_at)
}

/// `YYYY:MM:DD HH:MM:SS` (EXIF) as `YYYY-MM-DDTHH:MM`, if it is a real date and time.
pub fn exif_date_time(text: &str) -> Option<String> {
    // Checked and sliced on the same trimmed text, and only when it is ASCII: a damaged field
    // (leading spaces, a replacement character) can then never slice inside a character.
    let text = text.trim();
    let b = text.as_bytes();
    if !text.is_ascii()
        || b.len() < 16
        || b[4] != b':'
        || b[7] != b':'
        || b[13] != b':'
        || !(b[10] == b' ' || b[10] == b'T')
    {
        return None;
    }
    let date = format!("{}-{}-{}", &text[0..4], &text[5..7], &text[8..10]);
    let time = &text[11..16];
    crate::domain::text::iso::parse_date(&date)?;
    crate::domain::text::iso::parse_time(time)?;
    Some(format!("{date}T{time}"))
}

#[cfg(test)]
mod tests {
    use super::exif_date_time;

    #[test]
    fn exif_dates_become_local_date_times() {
        assert_eq!(exif_date_time("2026:01:31 10:05:59").as_deref(), Some("2026-01-31T10:05"));
        assert_eq!(exif_date_time("  2026:01:31 10:05:59 ").as_deref(), Some("2026-01-31T10:05"));
        assert_eq!(exif_date_time("2026:02:30 10:05:59"), None);
    }

    #[test]
    fn damaged_exif_dates_are_ignored_without_panicking() {
        // A replacement character where a digit should be, and padding before it.
        assert_eq!(exif_date_time("2026:01:01 10:0\u{FFFD}"), None);
        assert_eq!(exif_date_time(" 2026:01:01 1\u{FFFD}:00:00"), None);
        assert_eq!(exif_date_time("    :  :     :  :  "), None);
    }
}
