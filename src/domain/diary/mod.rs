//! The treatment diary: sessions, daily recovery check-ins, recovery curves, and the safety
//! prompts that say when to call the clinic.

pub mod aftercare;
pub mod recovery;
pub mod recovery_curve;
pub mod safety;
pub mod session;
pub mod session_guidance;
pub mod side_effects;
