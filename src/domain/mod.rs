//! Pure domain code: the records, their validation, rules and models, in the product's concepts.
//!
//! Nothing in here may touch the browser (no yew, no web-sys, no wasm-bindgen): every function runs
//! under native `cargo test`. Browser code in `crate::ui` and `crate::storage` calls into this
//! module, never the other way round.
//!
//! - [`diary`]: treatment sessions, the recovery diary, recovery curves and when to call the clinic.
//! - [`photos`]: photo records, angles, comparisons, alignment, regions, landmarks, redness readings.
//! - [`timeline`]: the expected-change model and the sourced evidence behind it.
//! - [`clinic`]: the clinic's profile, its link format, brand colour and QR code.
//! - [`profile`]: the client's profile, treatment areas and app settings.
//! - [`backup`], [`exports`]: the backup file, the spreadsheets, calendar and report.
//! - [`charts`]: scales and SVG paths for every chart.
//! - [`text`]: dates, decimals, web text and base64url, as the app reads and writes them.
//! - [`device`]: ids, storage figures and the Home Screen guide's rules.
//! - [`sections`], [`validation`]: the navigation's sections, and field errors every form shares.

pub mod backup;
pub mod charts;
pub mod clinic;
pub mod device;
pub mod diary;
pub mod exports;
pub mod photos;
pub mod profile;
pub mod sections;
pub mod text;
pub mod timeline;
pub mod validation;
