//! The photo worker: ingests photos off the main thread, so the page never freezes while a
//! 12-megapixel photo is decoded and resized.
//!
//! # Messages
//! [`protocol`]: typed, versioned serde enums shared by the page and the worker (the only part
//! that builds natively, for its round-trip tests). The worker says [`protocol::Reply::Ready`]
//! once its wasm runs, answers each [`protocol::Request::Ingest`] with the photo's copies or a
//! sentence saying why not, and refuses a message from another version. A worker of its own also
//! writes a large backup into a file (`file_writer`): [`protocol::Request::OpenFile`] and after.
//!
//! # Engines (measured: docs/BENCHMARKS.md, "Photo ingest")
//! Every file is first checked by [`crate::analysis::probe`] (format, claimed size, completeness,
//! EXIF), so the browser's decoder never sees a bomb, a truncated file or a renamed text file.
//! Then `auto` decodes, orients and resizes with the browser's own decoder (createImageBitmap
//! and OffscreenCanvas), which measured several times faster than the `image` crate in wasm, and
//! falls back to the crate where the browser lacks those or doesn't turn the photo upright.
//! Either way the JPEGs written are walked by [`crate::analysis::jpeg_segments::strip_metadata`],
//! so nothing but pixels is stored.

pub mod protocol;

#[cfg(target_arch = "wasm32")]
mod browser_engine;
#[cfg(target_arch = "wasm32")]
mod file_writer;
#[cfg(target_arch = "wasm32")]
mod jobs;

#[cfg(target_arch = "wasm32")]
pub use jobs::run;
