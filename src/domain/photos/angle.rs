//! The angle a photo is taken from: its own file so that photos, their comparison and redness
//! readings can all name it without importing each other. A custom angle carries the name the
//! client gives it ("Under the chin"), and photos are comparable when they share an area and a
//! *view*: a preset angle, or a custom angle of the same name.

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

/// The longest name a custom angle can have (it heads gallery rows and the compare view).
pub const MAX_CUSTOM_NAME_CHARS: usize = 40;

/// A view's value in URLs, redness regions and report choices: the preset angle's key
/// (`front`), or `custom-` and the name folded so that "Under the chin" and "under the  chin"
/// are one series (`custom-under-the-chin`). Characters outside ASCII are written as hex so
/// every key is a plain URL segment and no two scripts fold into one key. A custom photo stored before
/// custom angles had names keeps the plain `custom`.
pub fn view_key(angle: Angle, custom_name: &str) -> String {
    let name = custom_name.trim();
    if angle != Angle::Custom || name.is_empty() {
        return angle.key().to_string();
    }
    let mut key = String::from("custom-");
    let mut gap = false;
    // ASCII only: Unicode case and letter tables would cost the photos app kilobytes, so a
    // letter outside ASCII keeps its case ("É" and "é" are two names).
    for c in name.chars() {
        if c.is_ascii() && !c.is_ascii_alphanumeric() {
            gap = true;
            continue;
        }
        if gap && !key.ends_with('-') {
            key.push('-');
        }
        gap = false;
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
        } else {
            // Between underscores, which the ASCII path never writes: no typed name spells it.
            key.push('_');
            key.push_str(&hex(c as u32));
            key.push('_');
        }
    }
    if key == "custom-" {
        // A name of only punctuation ("?!") still names one series.
        key.extend(name.chars().map(|c| format!("_{}_", hex(c as u32))));
    }
    key
}

/// `value` in lower-case hexadecimal.
fn hex(mut value: u32) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b"0123456789abcdef"[(value % 16) as usize] as char);
        value /= 16;
        if value == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// What a view is called on screen: the preset's label, or the custom angle's own name.
pub fn view_label(angle: Angle, custom_name: &str) -> String {
    match custom_name.trim() {
        name if angle == Angle::Custom && !name.is_empty() => name.to_string(),
        _ => angle.label().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preset_angles_keep_their_keys_and_ignore_a_name() {
        assert_eq!(view_key(Angle::Front, ""), "front");
        assert_eq!(view_key(Angle::Left45, "Under the chin"), "left_45");
        assert_eq!(view_label(Angle::Left45, "Under the chin"), "Left 45°");
        assert_eq!(view_key(Angle::Custom, "  "), "custom", "a custom photo from before names");
        assert_eq!(view_label(Angle::Custom, ""), "Custom");
    }

    #[test]
    fn a_custom_name_is_one_series_whatever_its_case_and_spacing() {
        let key = view_key(Angle::Custom, "Under the chin");
        assert_eq!(key, "custom-under-the-chin");
        assert_eq!(view_key(Angle::Custom, " under  the CHIN "), key);
        assert_eq!(view_key(Angle::Custom, "Under the chin!"), key);
        assert_ne!(view_key(Angle::Custom, "Under the jaw"), key);
        assert_eq!(view_label(Angle::Custom, " Under the chin "), "Under the chin");
    }

    #[test]
    fn every_custom_key_is_a_plain_url_segment_and_scripts_stay_apart() {
        for name in ["Ниже подбородка", "あご", "Épaule gauche", "?!", "a/b", "50% & more"] {
            let key = view_key(Angle::Custom, name);
            assert!(key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "{name}: {key}");
            assert!(key.len() > "custom-".len(), "{name}: {key}");
        }
        assert_ne!(view_key(Angle::Custom, "Ниже"), view_key(Angle::Custom, "あご"));
        assert_ne!(view_key(Angle::Custom, "épaule"), view_key(Angle::Custom, "paule"));
        assert_eq!(view_key(Angle::Custom, "Épaule"), "custom-_c9_paule");
        assert_eq!(view_key(Angle::Custom, "?!"), "custom-_3f__21_");
        // No typed ASCII name spells another name's key.
        assert_ne!(view_key(Angle::Custom, "Épaule"), view_key(Angle::Custom, "xc9paule"));
        assert_ne!(view_key(Angle::Custom, "?!"), view_key(Angle::Custom, "3F21"));
    }
}
