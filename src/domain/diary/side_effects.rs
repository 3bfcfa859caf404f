//! Side effects a check-in asks about, and what each one means for contacting the clinic
//! (../shared/EVIDENCE.md, "Side effects that should prompt a call to the clinic"). Each has its
//! advice and the source it comes from; the app never names a diagnosis, only what is worth
//! telling the clinic and how soon.

use serde::{Deserialize, Serialize};

/// How soon the clinic should hear about a side effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Call the clinic today.
    Today,
    /// Contact the clinic (not an emergency, but don't wait for the next visit).
    Soon,
    /// Usually mild: mention it at the next visit.
    NextVisit,
}

impl Urgency {
    pub const fn words(self) -> &'static str {
        match self {
            Urgency::Today => "Call your clinic today",
            Urgency::Soon => "Contact your clinic",
            Urgency::NextVisit => "Mention it at your next visit",
        }
    }
}

/// A side effect the daily check-in asks about. Signs of infection and dark patches have their
/// own fields on the check-in (older than this list); these are the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SideEffect {
    ColdSoresOrBlisters,
    HivesOrSwelling,
    FirmBumps,
    TrackMarks,
    SwollenLymphNodes,
    BreakoutsOrMilia,
}

impl SideEffect {
    pub const ALL: [SideEffect; 6] = [
        SideEffect::ColdSoresOrBlisters,
        SideEffect::HivesOrSwelling,
        SideEffect::FirmBumps,
        SideEffect::TrackMarks,
        SideEffect::SwollenLymphNodes,
        SideEffect::BreakoutsOrMilia,
    ];

    /// The checkbox's label.
    pub const fn label(self) -> &'static str {
        match self {
            SideEffect::ColdSoresOrBlisters => "Cold sores or blisters",
            SideEffect::HivesOrSwelling => "Hives, or lip or eye swelling",
            SideEffect::FirmBumps => "New firm bumps under the skin",
            SideEffect::TrackMarks => "Lines or track marks",
            SideEffect::SwollenLymphNodes => "Swollen glands (neck, jaw or behind the ears)",
            SideEffect::BreakoutsOrMilia => "Breakouts or tiny white bumps (milia)",
        }
    }

    pub const fn urgency(self) -> Urgency {
        match self {
            SideEffect::ColdSoresOrBlisters | SideEffect::HivesOrSwelling => Urgency::Today,
            SideEffect::FirmBumps | SideEffect::TrackMarks | SideEffect::SwollenLymphNodes => Urgency::Soon,
            SideEffect::BreakoutsOrMilia => Urgency::NextVisit,
        }
    }

    /// What it can mean and what to do, as strong as the source and no stronger.
    pub const fn advice(self) -> &'static str {
        match self {
            SideEffect::ColdSoresOrBlisters => {
                "Cold sores or blisters after needling can be the cold-sore virus (HSV) flaring up. Call your clinic today."
            }
            SideEffect::HivesOrSwelling => {
                "Hives or swelling of the lips or eyes can be an allergic reaction. Call your clinic today; if breathing or swallowing is hard, call emergency services."
            }
            SideEffect::FirmBumps => {
                "Firm bumps that appear weeks later have been reported as allergic granulomas, for example after a vitamin C serum was put on during needling. Contact your clinic."
            }
            SideEffect::TrackMarks => {
                "Lines or track marks in the pattern of the device have been reported after needling. Contact your clinic."
            }
            SideEffect::SwollenLymphNodes => {
                "Swollen glands near the treated area are worth a call to your clinic."
            }
            SideEffect::BreakoutsOrMilia => {
                "Breakouts and milia after needling are usually mild. Mention them at your next visit."
            }
        }
    }

    /// The key of the source on the evidence page.
    pub const fn source(self) -> &'static str {
        match self {
            SideEffect::FirmBumps => "soltani2014",
            SideEffect::TrackMarks => "pahwa2012",
            // What clinics ask to hear about: practical guidance in EVIDENCE.md, no trial behind it.
            _ => "clinic-practice",
        }
    }
}

/// One piece of advice a check-in shows as soon as a box is ticked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advice {
    pub urgency: Urgency,
    pub text: &'static str,
    /// The source's key on the evidence page.
    pub source: &'static str,
}

/// The advice for what a check-in has ticked, the most urgent first: signs of infection and dark
/// patches (their own fields) and every side effect.
pub fn check_in_advice(infection_signs: bool, dark_patches: bool, effects: &[SideEffect]) -> Vec<Advice> {
    let mut advice = Vec::new();
    if infection_signs {
        advice.push(Advice {
            urgency: Urgency::Today,
            text: "Pus, spreading warmth, fever or pain getting worse can be signs of infection. Call your clinic today.",
            source: "clinic-practice",
        });
    }
    if dark_patches {
        advice.push(Advice {
            urgency: Urgency::Soon,
            text: "Dark patches after needling (post-inflammatory hyperpigmentation) were more frequent in skin types IV-VI. Contact your clinic, and protect the area from the sun every day.",
            source: "chu2021",
        });
    }
    let mut effects = effects.to_vec();
    effects.sort();
    effects.dedup();
    advice.extend(effects.into_iter().map(|e| Advice {
        urgency: e.urgency(),
        text: e.advice(),
        source: e.source(),
    }));
    advice.sort_by_key(|a| a.urgency);
    advice
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::timeline::evidence_data::SOURCES;

    #[test]
    fn every_side_effect_has_advice_matching_its_urgency_and_a_real_source() {
        for effect in SideEffect::ALL {
            assert!(SOURCES.iter().any(|s| s.key == effect.source()), "{effect:?}");
            let advice = effect.advice();
            match effect.urgency() {
                Urgency::Today => assert!(advice.contains("Call your clinic today"), "{effect:?}"),
                Urgency::Soon => assert!(advice.contains("clinic"), "{effect:?}"),
                Urgency::NextVisit => assert!(advice.contains("next visit"), "{effect:?}"),
            }
        }
        assert!(SideEffect::FirmBumps.advice().contains("vitamin C"), "the granuloma caution");
    }

    #[test]
    fn advice_lists_the_most_urgent_first() {
        let advice =
            check_in_advice(false, true, &[SideEffect::BreakoutsOrMilia, SideEffect::HivesOrSwelling]);
        let urgencies: Vec<Urgency> = advice.iter().map(|a| a.urgency).collect();
        assert_eq!(urgencies, [Urgency::Today, Urgency::Soon, Urgency::NextVisit]);
        assert!(advice[0].text.contains("allergic reaction"));
        assert!(advice[1].text.contains("skin types IV-VI") && advice[1].source == "chu2021");
        assert!(check_in_advice(false, false, &[]).is_empty());
        assert_eq!(check_in_advice(true, false, &[])[0].urgency, Urgency::Today);
    }

    #[test]
    fn stored_as_snake_case_names() {
        let json = serde_json::to_string(&SideEffect::ALL).unwrap();
        assert_eq!(
            json,
            r#"["cold_sores_or_blisters","hives_or_swelling","firm_bumps","track_marks","swollen_lymph_nodes","breakouts_or_milia"]"#
        );
    }
}
