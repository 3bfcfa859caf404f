//! Pure image maths on `image` buffers. No browser calls: the photo worker and native tests call
//! into this module, never the reverse.
//!
//! - [`probe`]: what a file is, how big it claims to be, whether it is whole, and its EXIF
//!   orientation and date, all read before any pixel is decoded (so a decompression bomb is
//!   refused before it can allocate anything).
//! - [`jpeg_segments`]: the JPEG marker walk that strips every metadata segment from stored bytes.
//! - [`ingest`]: decode, orient upright, resize to the working copy and thumbnail, encode as JPEG.
//! - [`sizes`]: the target dimensions both ingest paths (ours and the browser's) share.

pub mod align;
pub mod align_refine;
pub mod difference;
pub mod fft;
pub mod gray;
pub mod ingest;
pub mod ingest_error;
pub mod jpeg_segments;
pub mod lab;
pub mod probe;
pub mod redness;
pub mod sizes;
pub mod white_balance;

pub use ingest::{ingest, Ingested};
pub use ingest_error::IngestError;
pub use probe::{probe, ImageKind, Probe};
