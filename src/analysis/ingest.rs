//! Our ingest path with the `image` crate: decode, turn upright, resize, encode, strip. The photo
//! worker uses it where the browser can't do the same work faster (see README "Photos"), and
//! native tests check every step on real files.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageError, ImageFormat, ImageReader, Limits, RgbImage};

use super::ingest_error::{IngestError, MAX_PIXELS, MAX_SIDE};
use super::jpeg_segments::strip_metadata;
use super::probe::{probe, ImageKind, Probe};
use super::sizes::{fit_within, THUMB_LONG_SIDE, THUMB_QUALITY, WORKING_LONG_SIDE, WORKING_QUALITY};

/// A photo ready to store: two metadata-free JPEGs and what the file said about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ingested {
    pub working: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub thumb: Vec<u8>,
    pub thumb_width: u32,
    pub thumb_height: u32,
    /// EXIF DateTimeOriginal (`YYYY-MM-DDTHH:MM`), if the file had one.
    pub taken_at: Option<String>,
}

/// The whole path for one file's bytes. Refuses bad input before decoding (see [`probe`]).
pub fn ingest(bytes: &[u8]) -> Result<Ingested, IngestError> {
    ingest_probed(bytes, probe(bytes)?)
}

/// [`ingest`] for bytes already probed (the worker probes once, before choosing an engine).
pub fn ingest_probed(bytes: &[u8], probe: Probe) -> Result<Ingested, IngestError> {
    let upright = decode_upright(bytes, &probe)?;
    let (width, height) = fit_within(upright.width(), upright.height(), WORKING_LONG_SIDE);
    let working = resized(&upright, width, height);
    drop(upright);
    let (thumb_width, thumb_height) = fit_within(width, height, THUMB_LONG_SIDE);
    let thumb = resized(&DynamicImage::ImageRgb8(working.clone()), thumb_width, thumb_height);
    Ok(Ingested {
        working: encode_jpeg(&working, WORKING_QUALITY)?,
        width,
        height,
        thumb: encode_jpeg(&thumb, THUMB_QUALITY)?,
        thumb_width,
        thumb_height,
        taken_at: probe.taken_at,
    })
}

/// Decodes the pixels (within the size limits) and applies the EXIF orientation.
pub fn decode_upright(bytes: &[u8], probe: &Probe) -> Result<DynamicImage, IngestError> {
    let format = match probe.kind {
        ImageKind::Jpeg => ImageFormat::Jpeg,
        ImageKind::Png => ImageFormat::Png,
        ImageKind::Webp => return Err(IngestError::Unsupported("WebP")),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    // 16-bit RGBA is the widest a PNG decodes to: 8 bytes a pixel.
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    let mut image = reader.decode().map_err(|error| from_image_error(error, probe))?;
    if let Some(orientation) = Orientation::from_exif(probe.orientation) {
        image.apply_orientation(orientation);
    }
    Ok(image)
}

/// An area-averaging downscale (sharp, no ringing) to exactly `width` × `height`, as 8-bit RGB.
fn resized(image: &DynamicImage, width: u32, height: u32) -> RgbImage {
    if (image.width(), image.height()) == (width, height) {
        image.to_rgb8()
    } else {
        image.thumbnail_exact(width, height).to_rgb8()
    }
}

/// Baseline JPEG at `quality`, with no metadata segment at all.
pub fn encode_jpeg(image: &RgbImage, quality: u8) -> Result<Vec<u8>, IngestError> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality).encode_image(image).map_err(|_| IngestError::Encode)?;
    strip_metadata(&out)
}

fn from_image_error(error: ImageError, probe: &Probe) -> IngestError {
    match error {
        ImageError::Limits(_) => IngestError::TooLarge { width: probe.width, height: probe.height },
        // The probe has already seen the file end where it should, so data the decoder can't
        // read (even an early end inside compressed data) is damage, not a cut-short file.
        _ => IngestError::Corrupt,
    }
}
