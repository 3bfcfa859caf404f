//! The client's profile: skin type, concerns, goals, and the areas they treat.

pub mod area;
pub mod screening;
pub mod settings;

use serde::{Deserialize, Serialize};

use super::validation::{bounded_text, FieldErrors};
use crate::domain::profile::area::Area;

/// Longest goals text.
pub const MAX_GOALS_CHARS: usize = 1_000;

/// Fitzpatrick skin type. Darker types (IV-VI) carry a higher risk of dark patches after
/// treatment (post-inflammatory hyperpigmentation; Chu 2021, see the evidence page).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkinType {
    I,
    II,
    III,
    IV,
    V,
    VI,
}

impl SkinType {
    pub const ALL: [SkinType; 6] =
        [SkinType::I, SkinType::II, SkinType::III, SkinType::IV, SkinType::V, SkinType::VI];

    pub const fn label(self) -> &'static str {
        match self {
            SkinType::I => "Type I",
            SkinType::II => "Type II",
            SkinType::III => "Type III",
            SkinType::IV => "Type IV",
            SkinType::V => "Type V",
            SkinType::VI => "Type VI",
        }
    }

    /// The one-line description shown next to each type.
    pub const fn description(self) -> &'static str {
        match self {
            SkinType::I => "Very fair; always burns, never tans.",
            SkinType::II => "Fair; usually burns, tans with difficulty.",
            SkinType::III => "Medium; sometimes burns, tans gradually.",
            SkinType::IV => "Olive; rarely burns, tans easily.",
            SkinType::V => "Brown; very rarely burns, tans very easily.",
            SkinType::VI => "Dark brown to black; never burns.",
        }
    }

    /// Types with a higher risk of dark patches after treatment.
    pub const fn higher_pigmentation_risk(self) -> bool {
        matches!(self, SkinType::IV | SkinType::V | SkinType::VI)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concern {
    FineLines,
    AcneScars,
    Texture,
    Pores,
    StretchMarks,
    Pigmentation,
    Other,
}

impl Concern {
    pub const ALL: [Concern; 7] = [
        Concern::FineLines,
        Concern::AcneScars,
        Concern::Texture,
        Concern::Pores,
        Concern::StretchMarks,
        Concern::Pigmentation,
        Concern::Other,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            Concern::FineLines => "Fine lines",
            Concern::AcneScars => "Acne scars",
            Concern::Texture => "Texture",
            Concern::Pores => "Pores",
            Concern::StretchMarks => "Stretch marks",
            Concern::Pigmentation => "Pigmentation",
            Concern::Other => "Other",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub skin_type: Option<SkinType>,
    pub concerns: Vec<Concern>,
    pub goals: String,
    pub areas: Vec<Area>,
    /// The answers to the before-a-session checklist, once given (it can be skipped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screening: Option<screening::Screening>,
}

impl Profile {
    /// The profile with new skin type, concerns and goals (areas unchanged), if valid.
    pub fn with_details(
        &self,
        skin_type: Option<SkinType>,
        concerns: Vec<Concern>,
        goals: &str,
    ) -> Result<Profile, FieldErrors> {
        let mut errors = FieldErrors::new();
        let goals = bounded_text(&mut errors, "goals", goals, MAX_GOALS_CHARS, "Goals");
        let mut unique = Vec::new();
        for concern in concerns {
            if !unique.contains(&concern) {
                unique.push(concern);
            }
        }
        errors.into_result(Profile {
            skin_type,
            concerns: unique,
            goals,
            areas: self.areas.clone(),
            screening: self.screening.clone(),
        })
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The area's name, or "Removed area" for one no longer in the profile (records keep it).
    pub fn area_name(&self, id: &str) -> String {
        self.area(id).map_or_else(|| "Removed area".into(), |a| a.name.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_skin_type_has_a_description_and_risk_follows_the_evidence() {
        for t in SkinType::ALL {
            assert!(t.description().ends_with('.'));
        }
        let risky: Vec<_> = SkinType::ALL.into_iter().filter(|t| t.higher_pigmentation_risk()).collect();
        assert_eq!(risky, vec![SkinType::IV, SkinType::V, SkinType::VI]);
    }

    #[test]
    fn details_are_validated_and_concerns_deduplicated() {
        let base = Profile::default();
        let updated = base
            .with_details(
                Some(SkinType::III),
                vec![Concern::AcneScars, Concern::AcneScars, Concern::Pores],
                " smoother ",
            )
            .unwrap();
        assert_eq!(updated.concerns, vec![Concern::AcneScars, Concern::Pores]);
        assert_eq!(updated.goals, "smoother");
        let long = base.with_details(None, vec![], &"g".repeat(1_001)).unwrap_err();
        assert!(long.get("goals").unwrap().contains("1,000"));
    }

    #[test]
    fn an_old_record_without_areas_still_reads() {
        let profile: Profile = serde_json::from_str(r#"{"skin_type":"IV"}"#).unwrap();
        assert_eq!(profile.skin_type, Some(SkinType::IV));
        assert!(profile.areas.is_empty());
    }
}
