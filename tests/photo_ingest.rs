//! The photo ingest path on real files (tests/fixtures, copied from ../shared/fixtures): upright
//! whatever the EXIF orientation, no metadata left in what is stored, the stored sizes, and bad
//! input refused with the right error before anything is decoded.

use std::io::Cursor;

use exif::experimental::Writer;
use exif::{Field, In, Rational, Tag, Value};
use image::{DynamicImage, GenericImageView, ImageFormat, RgbImage};
use remodel::analysis::jpeg_segments::{exif_block, header_segments, metadata_markers};
use remodel::analysis::{ingest, probe, IngestError};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
}

fn decode(jpeg: &[u8]) -> DynamicImage {
    image::load_from_memory_with_format(jpeg, ImageFormat::Jpeg).expect("stored JPEG decodes")
}

/// Mean absolute difference per channel (0-255) of two same-sized images, compared at a tenth of
/// their size so that JPEG block noise (each fixture was compressed on its own) doesn't count.
fn mean_difference(a: &DynamicImage, b: &DynamicImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let (w, h) = (a.width() / 10, a.height() / 10);
    let (a, b) = (a.thumbnail_exact(w, h).to_rgb8(), b.thumbnail_exact(w, h).to_rgb8());
    let total: u64 = a.as_raw().iter().zip(b.as_raw()).map(|(x, y)| u64::from(x.abs_diff(*y))).sum();
    total as f64 / a.as_raw().len() as f64
}

#[test]
fn every_exif_orientation_comes_out_upright() {
    let reference = decode(&ingest(&fixture("exif-orientation/Landscape_0.jpg")).unwrap().working);
    assert_eq!(reference.dimensions(), (1800, 1200));
    for n in 1..=8 {
        let bytes = fixture(&format!("exif-orientation/Landscape_{n}.jpg"));
        assert_eq!(probe(&bytes).unwrap().orientation, n, "Landscape_{n} carries orientation {n}");
        let upright = decode(&ingest(&bytes).unwrap().working);
        assert_eq!(upright.dimensions(), reference.dimensions(), "Landscape_{n}");
        let difference = mean_difference(&upright, &reference);
        eprintln!("Landscape_{n}: {difference:.2}");
        assert!(difference < 2.5, "Landscape_{n} differs from Landscape_0 by {difference:.2} on average");
    }
}

#[test]
fn the_orientation_check_can_fail() {
    // Landscape_3 is stored upside down: read without its orientation it is far from upright,
    // which shows the tolerance above is tight enough to catch a missed orientation.
    let stored = image::load_from_memory(&fixture("exif-orientation/Landscape_3.jpg")).unwrap();
    let reference = image::load_from_memory(&fixture("exif-orientation/Landscape_0.jpg")).unwrap();
    assert!(mean_difference(&stored, &reference) > 20.0);
}

/// A JPEG of `image` with an EXIF block holding a camera, a date and a GPS position.
fn jpeg_with_gps(image: &RgbImage) -> Vec<u8> {
    let fields = [
        Field { tag: Tag::Make, ifd_num: In::PRIMARY, value: Value::Ascii(vec![b"SecretCam".to_vec()]) },
        Field { tag: Tag::Model, ifd_num: In::PRIMARY, value: Value::Ascii(vec![b"Model X9".to_vec()]) },
        Field {
            tag: Tag::DateTimeOriginal,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"2026:03:14 09:26:53".to_vec()]),
        },
        Field { tag: Tag::GPSLatitudeRef, ifd_num: In::PRIMARY, value: Value::Ascii(vec![b"N".to_vec()]) },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![
                Rational { num: 51, denom: 1 },
                Rational { num: 30, denom: 1 },
                Rational { num: 1234, denom: 100 },
            ]),
        },
    ];
    let mut writer = Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut tiff = Cursor::new(Vec::new());
    writer.write(&mut tiff, false).unwrap();
    let tiff = tiff.into_inner();

    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90).encode_image(image).unwrap();
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    // A comment segment too: free text is metadata as well.
    out.extend_from_slice(&[0xFF, 0xFE, 0x00, 0x0E]);
    out.extend_from_slice(b"home address");
    out.extend_from_slice(&plain[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn stored_bytes_carry_no_metadata_at_all() {
    let source = image::load_from_memory(&fixture("real/astronaut.png")).unwrap().to_rgb8();
    let bytes = jpeg_with_gps(&source);
    assert!(contains(&bytes, b"SecretCam") && contains(&bytes, b"home address"), "the input has metadata");
    let probed = probe(&bytes).unwrap();
    assert_eq!(probed.taken_at.as_deref(), Some("2026-03-14T09:26"), "DateTimeOriginal is read first");

    let stored = ingest(&bytes).unwrap();
    for jpeg in [&stored.working, &stored.thumb] {
        assert_eq!(metadata_markers(jpeg).unwrap(), Vec::<u8>::new(), "no APP1-APP15 or COM segment");
        let (segments, _) = header_segments(jpeg).unwrap();
        assert!(exif_block(jpeg, &segments).is_none());
        assert!(exif::Reader::new().read_from_container(&mut Cursor::new(jpeg)).is_err(), "no EXIF, no GPS");
        for secret in [&b"SecretCam"[..], b"Model X9", b"home address", b"Exif", b"GPS"] {
            assert!(!contains(jpeg, secret), "{} left in the stored bytes", String::from_utf8_lossy(secret));
        }
    }
    assert_eq!(stored.taken_at.as_deref(), Some("2026-03-14T09:26"));
}

#[test]
fn the_camera_fixtures_lose_their_exif_too() {
    let bytes = fixture("exif-orientation/Landscape_6.jpg");
    assert!(!metadata_markers(&bytes).unwrap().is_empty());
    let stored = ingest(&bytes).unwrap();
    assert!(metadata_markers(&stored.working).unwrap().is_empty());
    assert!(metadata_markers(&stored.thumb).unwrap().is_empty());
}

fn jpeg_of(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 128]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80).encode_image(&image).unwrap();
    out
}

#[test]
fn stored_sizes_fit_2048_and_256_and_never_upscale() {
    let big = ingest(&jpeg_of(4000, 3000)).unwrap();
    assert_eq!((big.width, big.height, big.thumb_width, big.thumb_height), (2048, 1536, 256, 192));
    assert_eq!(decode(&big.working).dimensions(), (2048, 1536));
    assert_eq!(decode(&big.thumb).dimensions(), (256, 192));

    let portrait = ingest(&jpeg_of(1500, 2500)).unwrap();
    assert_eq!((portrait.width, portrait.height), (1229, 2048));
    assert_eq!((portrait.thumb_width, portrait.thumb_height), (154, 256));

    let small = ingest(&fixture("real/astronaut.png")).unwrap();
    assert_eq!((small.width, small.height, small.thumb_width, small.thumb_height), (512, 512, 256, 256));
}

/// A PNG signature and IHDR claiming `width` × `height`, then a tiny IDAT and IEND.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&[0, 0, 0, 0]);
    };
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
    chunk(b"IEND", &[]);
    out
}

#[test]
fn decompression_bombs_are_refused_from_the_header() {
    assert_eq!(
        ingest(&png_claiming(100_000, 100_000)),
        Err(IngestError::TooLarge { width: 100_000, height: 100_000 })
    );
    // 64 megapixels: over the 50-megapixel limit although each side is plausible.
    assert_eq!(ingest(&png_claiming(8000, 8000)), Err(IngestError::TooLarge { width: 8000, height: 8000 }));
    // A JPEG whose frame header claims 60000 × 60000.
    let mut jpeg = jpeg_of(16, 16);
    let (segments, _) = header_segments(&jpeg).unwrap();
    let sof = segments.iter().find(|s| s.marker == 0xC0).unwrap().start;
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0xEA, 0x60, 0xEA, 0x60]);
    assert_eq!(ingest(&jpeg), Err(IngestError::TooLarge { width: 60_000, height: 60_000 }));
    assert!(IngestError::TooLarge { width: 60_000, height: 60_000 }.message().contains("3600 megapixels"));
}

#[test]
fn broken_and_foreign_files_get_their_own_error() {
    let whole = fixture("exif-orientation/Landscape_0.jpg");
    assert_eq!(ingest(&whole[..whole.len() / 2]), Err(IngestError::Truncated));
    assert_eq!(ingest(&whole[..300]), Err(IngestError::Truncated));
    let png = fixture("real/astronaut.png");
    assert_eq!(ingest(&png[..png.len() - 100]), Err(IngestError::Truncated));

    // Damaged image data: the PNG's compressed pixels overwritten, its chunks still whole.
    let mut damaged = png.clone();
    let idat = damaged.windows(4).position(|w| w == b"IDAT").unwrap();
    let length = u32::from_be_bytes(damaged[idat - 4..idat].try_into().unwrap()) as usize;
    for byte in &mut damaged[idat + 8..idat + 4 + length.min(5_000)] {
        *byte = 0x5A;
    }
    assert_eq!(ingest(&damaged), Err(IngestError::Corrupt));

    assert_eq!(ingest(b""), Err(IngestError::Empty));
    assert_eq!(ingest(b"Dear clinic, this is a text file renamed photo.jpg\n"), Err(IngestError::NotAnImage));
    assert_eq!(ingest(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"), Err(IngestError::Heic));
    assert!(IngestError::Heic.message().contains("JPEG"));
    assert_eq!(ingest(b"GIF89a\x01\0\x01\0"), Err(IngestError::Unsupported("GIF")));
    // A JPEG start with no frame header before its scan.
    assert_eq!(ingest(&[0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9]), Err(IngestError::Corrupt));
}
