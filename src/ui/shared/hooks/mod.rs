//! Hooks more than one app uses: the database connection every app opens once, and a clinic link
//! arriving in the address.

pub mod clinic_link;
pub mod storage;
