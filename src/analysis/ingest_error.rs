//! Why a file could not become a stored photo, in words a client can act on.

/// The most pixels a photo may have (the limit: phone cameras top out near this).
pub const MAX_MEGAPIXELS: u64 = 50;
/// The most pixels a photo may have.
pub const MAX_PIXELS: u64 = MAX_MEGAPIXELS * 1_000_000;
/// The longest side a header may claim. Real cameras stay far below; anything above is a
/// malformed or hostile file.
pub const MAX_SIDE: u32 = 30_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IngestError {
    /// Zero bytes.
    Empty,
    /// Not an image at all (a text file renamed `.jpg`, a PDF…).
    NotAnImage,
    /// HEIC/HEIF: what iPhones save by default, which browsers other than Safari can't decode.
    Heic,
    /// An image format we don't take (GIF, TIFF, BMP…), by name.
    Unsupported(&'static str),
    /// The file stops before the image ends (an interrupted copy or download).
    Truncated,
    /// The header claims more than [`MAX_PIXELS`], or an impossible size.
    TooLarge { width: u32, height: u32 },
    /// The data is damaged: it can't be decoded.
    Corrupt,
    /// Encoding the stored copy failed (should not happen for a decoded image).
    Encode,
}

impl IngestError {
    /// One or two sentences for the per-file result: what is wrong and what to do.
    pub fn message(&self) -> String {
        match self {
            IngestError::Empty => "This file is empty.".into(),
            IngestError::NotAnImage => "This file isn't a photo. Choose a JPEG, PNG or WebP image.".into(),
            IngestError::Heic => "This is a HEIC photo, which this browser can't open. On an iPhone, \
                 choose Settings › Camera › Formats › Most Compatible to take JPEG photos, or export \
                 this one as JPEG and import that."
                .into(),
            IngestError::Unsupported(kind) => {
                format!("{kind} images can't be imported. Save the photo as JPEG or PNG and import that.")
            }
            IngestError::Truncated => {
                "This photo is incomplete: the file ends before the picture does. Copy it again from \
                 where it came from."
                    .into()
            }
            IngestError::TooLarge { width, height } => {
                let megapixels = (u64::from(*width) * u64::from(*height)).div_ceil(1_000_000);
                format!(
                    "This image says it is {width} × {height} pixels ({megapixels} megapixels); the \
                     limit is {MAX_MEGAPIXELS} megapixels. Export a smaller copy and import that."
                )
            }
            IngestError::Corrupt => "This photo is damaged and can't be read.".into(),
            IngestError::Encode => "This photo could not be saved. Try importing it again.".into(),
        }
    }
}

/// Refuses sizes past the limits before anything is decoded.
pub fn check_dimensions(width: u32, height: u32) -> Result<(), IngestError> {
    let pixels = u64::from(width) * u64::from(height);
    if width == 0 || height == 0 {
        return Err(IngestError::Corrupt);
    }
    if width > MAX_SIDE || height > MAX_SIDE || pixels > MAX_PIXELS {
        return Err(IngestError::TooLarge { width, height });
    }
    Ok(())
}
