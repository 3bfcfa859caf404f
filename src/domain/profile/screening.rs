//! Before a session: what clinics screen for (../shared/EVIDENCE.md, "Before a session"). The
//! client's answers are kept with the profile. A "yes" never blocks anything: it says to talk to
//! the clinic before the session, and it shows on the report for the clinic.

use serde::{Deserialize, Serialize};
use time::Date;

/// One thing clinics ask about before needling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreeningItem {
    ActiveSkinProblem,
    ColdSoreHistory,
    Isotretinoin,
    RaisedScars,
    Pregnancy,
    BloodThinners,
    ImmuneSuppression,
    Allergies,
    RecentProcedures,
}

impl ScreeningItem {
    pub const ALL: [ScreeningItem; 9] = [
        ScreeningItem::ActiveSkinProblem,
        ScreeningItem::ColdSoreHistory,
        ScreeningItem::Isotretinoin,
        ScreeningItem::RaisedScars,
        ScreeningItem::Pregnancy,
        ScreeningItem::BloodThinners,
        ScreeningItem::ImmuneSuppression,
        ScreeningItem::Allergies,
        ScreeningItem::RecentProcedures,
    ];

    /// The checkbox's label.
    pub const fn label(self) -> &'static str {
        match self {
            ScreeningItem::ActiveSkinProblem => "Active acne, an infection or a cold sore in the area now",
            ScreeningItem::ColdSoreHistory => "Cold sores (herpes simplex) in the past",
            ScreeningItem::Isotretinoin => "Isotretinoin (such as Roaccutane) in the last 6 months",
            ScreeningItem::RaisedScars => "Keloid or raised (hypertrophic) scars",
            ScreeningItem::Pregnancy => "Pregnant",
            ScreeningItem::BloodThinners => "Blood thinners, or a bleeding disorder",
            ScreeningItem::ImmuneSuppression => "A weakened immune system, or medicine that suppresses it",
            ScreeningItem::Allergies => "An allergy to metals (such as nickel) or to skin products",
            ScreeningItem::RecentProcedures => "Fillers, a peel or laser in the area recently",
        }
    }

    /// Why the clinic wants to know, as strong as the source.
    pub const fn why(self) -> &'static str {
        match self {
            ScreeningItem::ColdSoreHistory => "Needling can bring cold sores back; clinics often give antiviral cover.",
            ScreeningItem::Isotretinoin => "The traditional advice is to wait about 6 months; a 2017 expert task force found too little evidence to support waiting for several procedures, so clinics differ.",
            ScreeningItem::Pregnancy => "There is no safety data for needling in pregnancy.",
            _ => "Clinics ask about this before needling.",
        }
    }

    /// The key of its source on the evidence page.
    pub const fn source(self) -> &'static str {
        match self {
            ScreeningItem::Isotretinoin => "waldman2017",
            _ => "alster2018",
        }
    }
}

/// The client's answers: what applied, on the day they answered. Everything not in `yes` was
/// answered "no".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    #[serde(with = "crate::domain::text::iso::date")]
    pub answered_on: Date,
    #[serde(default)]
    pub yes: Vec<ScreeningItem>,
}

impl Screening {
    /// The answers of `answered_on`, each item once, in checklist order.
    pub fn new(answered_on: Date, yes: &[ScreeningItem]) -> Screening {
        let mut yes = yes.to_vec();
        yes.sort();
        yes.dedup();
        Screening { answered_on, yes }
    }

    /// "Talk to your clinic before your next session about: …", when anything applies.
    pub fn clinic_note(&self) -> Option<String> {
        (!self.yes.is_empty()).then(|| {
            let items: Vec<String> = self.yes.iter().map(|i| lower_first(i.label())).collect();
            format!("Talk to your clinic before your next session about: {}.", items.join("; "))
        })
    }

    /// The report's line: what applied, or that nothing on the list did.
    pub fn report_line(&self) -> String {
        let when = crate::domain::text::dates::display_date(self.answered_on);
        if self.yes.is_empty() {
            format!("None of the listed (answered {when})")
        } else {
            let items: Vec<&str> = self.yes.iter().map(|i| i.label()).collect();
            format!("{} (answered {when})", items.join("; "))
        }
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    // The app's own labels: ASCII, so no Unicode case tables in the wasm.
    chars.next().map_or_else(String::new, |c| std::iter::once(c.to_ascii_lowercase()).chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::timeline::evidence_data::SOURCES;
    use time::macros::date;

    #[test]
    fn a_yes_says_to_talk_to_the_clinic_and_never_blocks() {
        let none = Screening::new(date!(2026 - 11 - 20), &[]);
        assert_eq!(none.clinic_note(), None);
        assert_eq!(none.report_line(), "None of the listed (answered 20 Nov 2026)");
        let some = Screening::new(
            date!(2026 - 11 - 20),
            &[ScreeningItem::Pregnancy, ScreeningItem::ColdSoreHistory, ScreeningItem::Pregnancy],
        );
        assert_eq!(some.yes, [ScreeningItem::ColdSoreHistory, ScreeningItem::Pregnancy]);
        assert_eq!(
            some.clinic_note().unwrap(),
            "Talk to your clinic before your next session about: cold sores (herpes simplex) in the past; pregnant."
        );
        assert_eq!(
            some.report_line(),
            "Cold sores (herpes simplex) in the past; Pregnant (answered 20 Nov 2026)"
        );
    }

    #[test]
    fn every_item_has_its_source() {
        for item in ScreeningItem::ALL {
            assert!(SOURCES.iter().any(|s| s.key == item.source()), "{item:?}");
            assert!(item.why().ends_with('.'));
        }
    }

    #[test]
    fn answers_round_trip_and_old_profiles_have_none() {
        let answers = Screening::new(date!(2026 - 11 - 20), &[ScreeningItem::BloodThinners]);
        let json = serde_json::to_string(&answers).unwrap();
        assert_eq!(json, r#"{"answered_on":"2026-11-20","yes":["blood_thinners"]}"#);
        assert_eq!(serde_json::from_str::<Screening>(&json).unwrap(), answers);
        let old: super::super::Profile = serde_json::from_str(r#"{"skin_type":"IV"}"#).unwrap();
        assert_eq!(old.screening, None);
    }
}
