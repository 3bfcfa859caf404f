//! The angle a photo is taken from: its own file so that photos, their comparison and redness
//! readings can all name it without importing each other.

use serde::{Deserialize, Serialize};

/// How the camera faced the area. The same angle every time is what makes photos comparable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Angle {
    Front,
    Left45,
    Right45,
    LeftProfile,
    RightProfile,
    Custom,
}

impl Angle {
    pub const ALL: [Angle; 6] =
        [Angle::Front, Angle::Left45, Angle::Right45, Angle::LeftProfile, Angle::RightProfile, Angle::Custom];

    pub const fn label(self) -> &'static str {
        match self {
            Angle::Front => "Front",
            Angle::Left45 => "Left 45°",
            Angle::Right45 => "Right 45°",
            Angle::LeftProfile => "Left profile",
            Angle::RightProfile => "Right profile",
            Angle::Custom => "Custom",
        }
    }

    /// The value in forms and URLs.
    pub const fn key(self) -> &'static str {
        match self {
            Angle::Front => "front",
            Angle::Left45 => "left_45",
            Angle::Right45 => "right_45",
            Angle::LeftProfile => "left_profile",
            Angle::RightProfile => "right_profile",
            Angle::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<Angle> {
        Angle::ALL.into_iter().find(|a| a.key() == key)
    }

    /// What the framing guide tells the client while the camera is on.
    pub const fn guide(self) -> &'static str {
        match self {
            Angle::Front => "Face the camera straight on, eyes level with the line, chin inside the oval.",
            Angle::Left45 => "Turn your head halfway to your right so the camera sees your left cheek.",
            Angle::Right45 => "Turn your head halfway to your left so the camera sees your right cheek.",
            Angle::LeftProfile => "Turn fully to your right: only your left side faces the camera.",
            Angle::RightProfile => "Turn fully to your left: only your right side faces the camera.",
            Angle::Custom => "Fill the frame with the area, from the same distance as last time.",
        }
    }
}
