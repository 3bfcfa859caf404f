//! The JPEG marker walk: where each header segment is, so metadata can be found and removed
//! without decoding (and so a file that stops early is caught).

use super::ingest_error::IngestError;

/// A header segment: its marker byte and where it lies, from its `FF` to its last byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub marker: u8,
    pub start: usize,
    pub end: usize,
}

impl Segment {
    /// The segment's payload (after the marker and length).
    pub fn payload<'a>(&self, bytes: &'a [u8]) -> &'a [u8] {
        &bytes[(self.start + 4).min(self.end)..self.end]
    }

    /// APP1 to APP15 and comments: EXIF (camera, GPS, dates), XMP, ICC, maker notes, Photoshop
    /// IRB, free text. APP0 (JFIF) says only how to read the pixels, so it stays.
    pub fn is_metadata(&self) -> bool {
        matches!(self.marker, 0xE1..=0xEF | 0xFE)
    }
}

/// Every header segment before the first scan, and where the scan's entropy-coded data starts.
pub fn header_segments(bytes: &[u8]) -> Result<(Vec<Segment>, usize), IngestError> {
    if bytes.len() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8 {
        return Err(IngestError::NotAnImage);
    }
    let mut segments = Vec::new();
    let mut pos = 2;
    loop {
        // Markers may be preceded by any number of fill bytes (FF).
        while pos < bytes.len() && bytes[pos] == 0xFF && bytes.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        if pos + 1 >= bytes.len() {
            return Err(IngestError::Truncated);
        }
        if bytes[pos] != 0xFF {
            return Err(IngestError::Corrupt);
        }
        let marker = bytes[pos + 1];
        match marker {
            // A bare marker without a length.
            0x01 | 0xD0..=0xD7 => {
                pos += 2;
                continue;
            }
            0xD9 => return Err(IngestError::Corrupt),
            _ => {}
        }
        if pos + 4 > bytes.len() {
            return Err(IngestError::Truncated);
        }
        let length = usize::from(u16::from_be_bytes([bytes[pos + 2], bytes[pos + 3]]));
        if length < 2 {
            return Err(IngestError::Corrupt);
        }
        let end = pos + 2 + length;
        if end > bytes.len() {
            return Err(IngestError::Truncated);
        }
        segments.push(Segment { marker, start: pos, end });
        pos = end;
        if marker == 0xDA {
            return Ok((segments, pos));
        }
    }
}

/// Whether the image data after `scan_start` reaches its end marker. Entropy-coded data can't
/// contain `FF D9` (a data byte FF is always followed by 00), so finding it means the file is whole.
pub fn reaches_end(bytes: &[u8], scan_start: usize) -> bool {
    bytes[scan_start.min(bytes.len())..].windows(2).any(|pair| pair == [0xFF, 0xD9])
}

/// The width and height in the frame header (SOF0 to SOF15, except DHT, JPG and DAC).
pub fn frame_size(bytes: &[u8], segments: &[Segment]) -> Option<(u32, u32)> {
    segments
        .iter()
        .find(|s| matches!(s.marker, 0xC0..=0xCF) && !matches!(s.marker, 0xC4 | 0xC8 | 0xCC))
        .and_then(|sof| {
            let p = sof.payload(bytes);
            (p.len() >= 5).then(|| {
                (u32::from(u16::from_be_bytes([p[3], p[4]])), u32::from(u16::from_be_bytes([p[1], p[2]])))
            })
        })
}

/// The EXIF block (a TIFF structure) of the APP1 `Exif` segment, if there is one.
pub fn exif_block<'a>(bytes: &'a [u8], segments: &[Segment]) -> Option<&'a [u8]> {
    segments
        .iter()
        .filter(|s| s.marker == 0xE1)
        .map(|s| s.payload(bytes))
        .find(|p| p.starts_with(b"Exif\0\0"))
        .map(|p| &p[6..])
}

/// The same JPEG without any metadata segment: what Remodel stores. Pixels are untouched (the
/// bytes from the first scan on are copied as they are).
pub fn strip_metadata(bytes: &[u8]) -> Result<Vec<u8>, IngestError> {
    let (segments, scan_start) = header_segments(bytes)?;
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..2]);
    for segment in segments.iter().filter(|s| !s.is_metadata()) {
        out.extend_from_slice(&bytes[segment.start..segment.end]);
    }
    out.extend_from_slice(&bytes[scan_start..]);
    Ok(out)
}

/// The metadata markers a JPEG carries (empty for what Remodel stores).
pub fn metadata_markers(bytes: &[u8]) -> Result<Vec<u8>, IngestError> {
    let (segments, _) = header_segments(bytes)?;
    Ok(segments.iter().filter(|s| s.is_metadata()).map(|s| s.marker).collect())
}
