//! Treatment areas. Each area has its own series of sessions, check-ins and photos.

use serde::{Deserialize, Serialize};

use crate::domain::validation::FieldErrors;

/// Longest name of a custom area.
pub const MAX_AREA_NAME_CHARS: usize = 40;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    Face,
    Forehead,
    Cheeks,
    UnderEye,
    Neck,
    Decollete,
    Hands,
    BodyScars,
    StretchMarks,
    Custom,
}

impl AreaKind {
    /// The named areas (everything but a custom one), in picker order: a clinic's protocol can
    /// give depths for these, since every client's app knows them by the same key.
    pub const NAMED: [AreaKind; 9] = [
        AreaKind::Face,
        AreaKind::Forehead,
        AreaKind::Cheeks,
        AreaKind::UnderEye,
        AreaKind::Neck,
        AreaKind::Decollete,
        AreaKind::Hands,
        AreaKind::BodyScars,
        AreaKind::StretchMarks,
    ];

    /// The areas offered in the picker, in that order.
    pub const ALL: [AreaKind; 10] = {
        let mut all = [AreaKind::Custom; 10];
        let mut i = 0;
        while i < Self::NAMED.len() {
            all[i] = Self::NAMED[i];
            i += 1;
        }
        all
    };

    pub const fn label(self) -> &'static str {
        match self {
            AreaKind::Face => "Face",
            AreaKind::Forehead => "Forehead",
            AreaKind::Cheeks => "Cheeks",
            AreaKind::UnderEye => "Under-eye",
            AreaKind::Neck => "Neck",
            AreaKind::Decollete => "Décolleté",
            AreaKind::Hands => "Hands",
            AreaKind::BodyScars => "Body scars",
            AreaKind::StretchMarks => "Stretch marks",
            AreaKind::Custom => "Other (name it)",
        }
    }

    /// Stable text for form values.
    pub const fn key(self) -> &'static str {
        match self {
            AreaKind::Face => "face",
            AreaKind::Forehead => "forehead",
            AreaKind::Cheeks => "cheeks",
            AreaKind::UnderEye => "under_eye",
            AreaKind::Neck => "neck",
            AreaKind::Decollete => "decollete",
            AreaKind::Hands => "hands",
            AreaKind::BodyScars => "body_scars",
            AreaKind::StretchMarks => "stretch_marks",
            AreaKind::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<AreaKind> {
        AreaKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One area the client treats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Area {
    pub id: String,
    pub kind: AreaKind,
    /// What the app calls the area: the kind's label, or the client's own name for a custom one.
    pub name: String,
}

impl Area {
    /// A new area; a custom area needs a name, and no two areas may share a name.
    pub fn new(
        id: String,
        kind: AreaKind,
        custom_name: &str,
        existing: &[Area],
    ) -> Result<Area, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = match kind {
            AreaKind::Custom => {
                let name = custom_name.trim();
                if name.is_empty() {
                    errors.add("area-name", "Name the area, for example \"Left knee scar\".");
                } else if name.chars().count() > MAX_AREA_NAME_CHARS {
                    errors.add(
                        "area-name",
                        format!("An area name can be at most {MAX_AREA_NAME_CHARS} characters."),
                    );
                }
                name.to_string()
            }
            preset => preset.label().to_string(),
        };
        // ASCII case folding ("Cheeks" and "cheeks" are one name; "É" and "é" are two): the
        // Unicode case tables would cost the first load about 4 KB brotli.
        if existing.iter().any(|a| a.name.eq_ignore_ascii_case(&name)) {
            let field = if kind == AreaKind::Custom { "area-name" } else { "area-kind" };
            errors.add(field, format!("You already have an area called {name}."));
        }
        errors.into_result(Area { id, kind, name })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preset_areas_take_their_label() {
        let area = Area::new("a1".into(), AreaKind::Decollete, "ignored", &[]).unwrap();
        assert_eq!(area.name, "Décolleté");
    }

    #[test]
    fn custom_areas_need_a_short_name() {
        let empty = Area::new("a".into(), AreaKind::Custom, "  ", &[]).unwrap_err();
        assert!(empty.get("area-name").unwrap().starts_with("Name the area"));
        let long = Area::new("a".into(), AreaKind::Custom, &"x".repeat(41), &[]).unwrap_err();
        assert!(long.get("area-name").unwrap().contains("40 characters"));
        let ok = Area::new("a".into(), AreaKind::Custom, " Left knee scar ", &[]).unwrap();
        assert_eq!(ok.name, "Left knee scar");
    }

    #[test]
    fn names_are_unique_ignoring_case() {
        let cheeks = Area::new("a".into(), AreaKind::Cheeks, "", &[]).unwrap();
        let again = Area::new("b".into(), AreaKind::Cheeks, "", std::slice::from_ref(&cheeks)).unwrap_err();
        assert_eq!(again.get("area-kind"), Some("You already have an area called Cheeks."));
        let custom = Area::new("c".into(), AreaKind::Custom, "CHEEKS", &[cheeks]).unwrap_err();
        assert!(custom.get("area-name").is_some());
    }

    #[test]
    fn keys_round_trip() {
        for kind in AreaKind::ALL {
            assert_eq!(AreaKind::from_key(kind.key()), Some(kind));
        }
    }
}
