//! Photo records and what is measured on them: angles, pairs to compare, alignment, regions,
//! landmarks and redness readings. The pixels themselves are `crate::analysis`'s.

pub mod alignment;
pub mod angle;
pub mod compare;
pub mod gallery_window;
pub mod landmarks;
pub mod photo;
pub mod redness;
pub mod region;
pub mod similarity;
