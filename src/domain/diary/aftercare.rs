//! The aftercare checklist a check-in offers, with each item's time window
//! (../shared/EVIDENCE.md, "Aftercare windows": common clinic practice, not trial evidence; a
//! clinic's link replaces the list). An item is asked about only while it is in its window.

use super::side_effects::SideEffect;
use crate::domain::profile::SkinType;

/// An aftercare item of the default list: until which day after the session it applies (`None`:
/// every day), in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DefaultItem {
    pub name: &'static str,
    /// The last day after the session (0 = the session's day) it applies to.
    pub until_day: Option<i64>,
    pub when: &'static str,
}

const fn item(name: &'static str, until_day: Option<i64>, when: &'static str) -> DefaultItem {
    DefaultItem { name, until_day, when }
}

/// The checklist offered when no clinic has set its own. Windows at the long end of each range:
/// an item is not dropped while a clinic might still ask for it.
pub const DEFAULT_AFTERCARE: [DefaultItem; 6] = [
    item("No make-up", Some(1), "For about 24 hours: until the day after the session."),
    item(
        "No sweating exercise, swimming or sauna",
        Some(2),
        "For about 24-48 hours: until 2 days after the session.",
    ),
    item(
        "No actives (retinoids, acids, vitamin C)",
        Some(7),
        "For about 3-7 days: until a week after the session at the latest. Ask your clinic when to restart.",
    ),
    item("Gentle cleanser and moisturiser", None, "Every day, from the day after the session."),
    item("Sun protection", None, "Every day."),
    item("Hydration", None, "Every day."),
];

/// The sun protection item's words for skin types IV-VI: dark patches were more frequent there
/// (Chu 2021), and EVIDENCE.md says "strictly for weeks".
pub const SUN_STRICT: &str =
    "Every day, strictly, for weeks: dark patches after needling were more frequent in skin types IV-VI.";

/// The caution for skin types IV-VI, on the timeline and beside the aftercare: `None` for
/// other types or when no type is set.
pub fn pigmentation_caution(skin_type: Option<SkinType>) -> Option<String> {
    let skin_type = skin_type.filter(|t| t.higher_pigmentation_risk())?;
    Some(format!(
        "Dark patches after needling (post-inflammatory hyperpigmentation) were more frequent in skin types IV-VI, and yours is {}. Protect the treated area from the sun every day, strictly, for weeks, and tell your clinic if dark patches appear.",
        skin_type.label()
    ))
}

/// One item as a check-in shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AftercareItem {
    pub name: String,
    /// Until when it applies, in words; empty for a clinic's own item (its text says so).
    pub when: String,
}

/// The items a check-in on `day` after its session offers (`None`: no session before it, so
/// every item): the clinic's list when it set one, else the default items still in their window;
/// then anything already ticked that is not on it (an edited check-in keeps what it recorded).
/// `pigmentation_risk` (skin types IV-VI) makes sun protection strict.
pub fn aftercare_checklist(
    clinic_items: Option<&[String]>,
    day: Option<i64>,
    ticked: &[String],
    pigmentation_risk: bool,
) -> Vec<AftercareItem> {
    let mut items: Vec<AftercareItem> = match clinic_items {
        Some(items) => {
            items.iter().map(|name| AftercareItem { name: name.clone(), when: String::new() }).collect()
        }
        None => DEFAULT_AFTERCARE
            .iter()
            .filter(|item| match (item.until_day, day) {
                (Some(until), Some(day)) => day <= until,
                _ => true,
            })
            .map(|item| AftercareItem {
                name: item.name.to_string(),
                when: if item.name == "Sun protection" && pigmentation_risk { SUN_STRICT } else { item.when }
                    .to_string(),
            })
            .collect(),
    };
    for name in ticked {
        if !items.iter().any(|item| &item.name == name) {
            items.push(AftercareItem { name: name.clone(), when: String::new() });
        }
    }
    items
}

/// What to say about a product put on during or right after needling: the granuloma caution for
/// the actives it was reported with (vitamin C, exosomes, growth factors), the sterile-products
/// note for any other topical, and `None` for what says it is sterile (or is saline).
pub fn product_caution(product: &str) -> Option<&'static str> {
    const RISKY: [&str; 4] = ["vitamin c", "ascorbic", "exosome", "growth factor"];
    const STERILE: [&str; 2] = ["sterile", "saline"];
    let lower = product.trim().to_ascii_lowercase();
    if RISKY.iter().any(|word| lower.contains(word)) {
        Some(PRODUCT_CAUTION)
    } else if lower.is_empty() || STERILE.iter().any(|word| lower.contains(word)) {
        None
    } else {
        Some(STERILE_NOTE)
    }
}

/// What EVIDENCE.md says about products on freshly needled skin.
pub const PRODUCT_CAUTION: &str = "Products put on during or right after needling reach deeper layers. Allergic granulomas (firm bumps weeks later) were reported after a vitamin C serum was used this way; only sterile products made for needling are meant for it. Ask your clinic.";

/// What EVIDENCE.md says about every other product on freshly needled skin.
pub const STERILE_NOTE: &str = "Products put on during or right after needling reach deeper layers; only sterile products made for needling are meant for it. If you are not sure a product here is, ask your clinic.";

/// The source of the product caution (the firm-bumps side effect's).
pub const PRODUCT_CAUTION_SOURCE: &str = SideEffect::FirmBumps.source();

#[cfg(test)]
mod tests {
    use super::*;

    fn names(items: &[AftercareItem]) -> Vec<&str> {
        items.iter().map(|i| i.name.as_str()).collect()
    }

    #[test]
    fn each_item_leaves_the_checklist_after_its_window() {
        let day = |d: i64| names(&aftercare_checklist(None, Some(d), &[], false)).len();
        assert_eq!(day(0), 6);
        assert_eq!(day(1), 6);
        assert_eq!(day(2), 5, "make-up is fine again after about 24 hours");
        assert_eq!(day(3), 4, "so is exercise after 48");
        assert_eq!(day(7), 4);
        let later = aftercare_checklist(None, Some(8), &[], false);
        assert_eq!(names(&later), ["Gentle cleanser and moisturiser", "Sun protection", "Hydration"]);
        assert_eq!(names(&aftercare_checklist(None, None, &[], false)).len(), 6, "no session: all");
        for item in &later {
            assert!(!item.when.is_empty(), "{} says until when", item.name);
        }
    }

    #[test]
    fn darker_skin_types_get_strict_sun_protection() {
        let sun = |risk| {
            aftercare_checklist(None, Some(10), &[], risk)
                .into_iter()
                .find(|i| i.name == "Sun protection")
                .unwrap()
        };
        assert_eq!(sun(false).when, "Every day.");
        assert_eq!(sun(true).when, SUN_STRICT);
    }

    #[test]
    fn skin_types_iv_to_vi_get_the_pigmentation_caution() {
        assert_eq!(pigmentation_caution(None), None);
        assert_eq!(pigmentation_caution(Some(SkinType::III)), None);
        let caution = pigmentation_caution(Some(SkinType::V)).unwrap();
        assert!(caution.contains("skin types IV-VI") && caution.contains("sun every day"), "{caution}");
    }

    #[test]
    fn the_checklist_is_the_clinics_when_it_set_one() {
        let clinic = vec!["SPF 50".to_string(), "No gym for 48 hours".to_string()];
        assert_eq!(
            names(&aftercare_checklist(Some(&clinic), Some(9), &[], false)),
            ["SPF 50", "No gym for 48 hours"]
        );
        // An older check-in keeps what it recorded under the earlier list.
        let ticked = vec!["Hydration".to_string(), "SPF 50".to_string()];
        assert_eq!(
            names(&aftercare_checklist(Some(&clinic), None, &ticked, false)),
            ["SPF 50", "No gym for 48 hours", "Hydration"]
        );
        // A ticked item past its window stays on the check-in that recorded it.
        let old = vec!["No make-up".to_string()];
        assert!(names(&aftercare_checklist(None, Some(9), &old, false)).contains(&"No make-up"));
    }

    #[test]
    fn non_sterile_actives_carry_the_granuloma_caution() {
        for product in ["Vitamin C serum", "exosomes", "Growth factor serum", "L-ascorbic acid"] {
            assert_eq!(product_caution(product), Some(PRODUCT_CAUTION), "{product}");
        }
        // Any other topical gets the sterile-products note, unless it says it is sterile.
        for product in ["Hyaluronic acid", "Peptide serum", "Copper peptides"] {
            assert_eq!(product_caution(product), Some(STERILE_NOTE), "{product}");
        }
        for product in ["Sterile hyaluronic glide", "Saline", " "] {
            assert_eq!(product_caution(product), None, "{product}");
        }
        assert_eq!(PRODUCT_CAUTION_SOURCE, "soltani2014");
    }
}
