//! Rules about the device the app runs on: record ids, storage figures and wording, and when to
//! offer the "Add to Home Screen" guide.

pub mod getting_started;
pub mod home_screen;
pub mod ids;
pub mod storage_usage;
