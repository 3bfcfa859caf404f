//! How a photo registers onto its series' reference photo: its own file so that a photo can
//! carry its alignment without importing the comparison that makes it.

use serde::{Deserialize, Serialize};

use super::similarity::Similarity;

/// How a photo registers onto its series' reference photo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// The reference photo's id: if that photo is deleted, the alignment is stale and unused.
    pub reference_id: String,
    /// Maps this photo onto the reference, in width units.
    pub to_reference: Similarity,
    pub method: AlignMethod,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum AlignMethod {
    /// Registered automatically, with its confidence (0-1).
    Automatic { confidence: f32 },
    /// From two landmark pairs the client placed.
    Landmarks,
}
