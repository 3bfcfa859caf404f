//! Pure domain code: the records, their validation, rules and models.
//!
//! Nothing in here may touch the browser (no yew, no web-sys, no wasm-bindgen): every function runs
//! under native `cargo test`. Browser code in `crate::ui` and `crate::storage` calls into this
//! module, never the other way round.

pub mod alignment;
pub mod angle;
pub mod area;
pub mod backup;
pub mod base64url;
pub mod chart;
pub mod clinic;
pub mod clinic_link;
pub mod colour;
pub mod compare;
pub mod dates;
pub mod decimal;
pub mod evidence;
pub mod evidence_data;
pub mod exports;
pub mod home_screen;
pub mod ids;
pub mod iso;
pub mod landmarks;
pub mod photo;
pub mod profile;
pub mod qr;
pub mod recovery;
pub mod recovery_curve;
pub mod redness;
pub mod redness_chart;
pub mod region;
pub mod safety;
pub mod sections;
pub mod session;
pub mod settings;
pub mod similarity;
pub mod storage_usage;
pub mod timeline;
pub mod validation;
pub mod web_text;
