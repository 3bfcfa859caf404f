//! Remodel: a private, offline-first microneedling progress tracker.
//!
//! - [`domain`] and [`analysis`] are pure Rust, tested natively with `cargo test`.
//! - [`storage`] is the only code that touches IndexedDB (its pure schema and errors build
//!   natively too).
//! - `ui` is the Yew app; it only builds for the browser (wasm32).
//!
//! Data flows one way: browser event → UI action → reducer → effect (storage, service worker)
//! → action with the result → view.

pub mod analysis;
pub mod domain;
pub mod site;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod worker;
