//! The guided start on Today: the steps a newcomer takes in their first week, which are done, and
//! which they chose to skip for now (kept in the app's settings, and brought back from Today).

use serde::{Deserialize, Serialize};

use crate::domain::profile::Profile;

/// One step of the guided start, in the order it is offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetupStep {
    Areas,
    Screening,
    FirstSession,
    FirstPhotos,
    KeepData,
}

impl SetupStep {
    pub const ALL: [SetupStep; 5] = [
        SetupStep::Areas,
        SetupStep::Screening,
        SetupStep::FirstSession,
        SetupStep::FirstPhotos,
        SetupStep::KeepData,
    ];

    pub const fn title(self) -> &'static str {
        match self {
            SetupStep::Areas => "Choose the areas you treat",
            SetupStep::Screening => "Answer what clinics ask before a session",
            SetupStep::FirstSession => "Log your first session, or plan it",
            SetupStep::FirstPhotos => "Take a first photo of each area",
            SetupStep::KeepData => "Keep your data safe",
        }
    }

    pub const fn detail(self) -> &'static str {
        match self {
            SetupStep::Areas => "Each area (cheeks, forehead, …) gets its own series of sessions and photos.",
            SetupStep::Screening => "A short checklist; a tick never blocks anything, it reminds you to talk to your clinic.",
            SetupStep::FirstSession => "Not had it yet? Add it as planned, with its date: Today counts down to it.",
            SetupStep::FirstPhotos => "A photo before treatment is what later photos are compared with. Photos never leave this phone.",
            SetupStep::KeepData => "Everything stays on this phone only: add Remodel to your Home Screen, and make a backup file.",
        }
    }

    /// The action's words.
    pub const fn action(self) -> &'static str {
        match self {
            SetupStep::Areas => "Set up your areas",
            SetupStep::Screening => "Answer the checklist",
            SetupStep::FirstSession => "Add a session",
            SetupStep::FirstPhotos => "Add photos",
            SetupStep::KeepData => "Back up now",
        }
    }
}

/// What is already done, as the app knows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetupFacts {
    /// How many areas the profile has.
    pub area_count: usize,
    pub screening_answered: bool,
    /// A session done or planned.
    pub has_session: bool,
    /// The names of the areas with no photo yet ([`areas_without_photo`]).
    pub areas_without_photo: Vec<String>,
    /// A backup was made on this device.
    pub backed_up: bool,
}

impl SetupFacts {
    pub fn done(&self, step: SetupStep) -> bool {
        match step {
            SetupStep::Areas => self.area_count > 0,
            SetupStep::Screening => self.screening_answered,
            SetupStep::FirstSession => self.has_session,
            // Each area's first photo is what its later photos are compared with.
            SetupStep::FirstPhotos => self.area_count > 0 && self.areas_without_photo.is_empty(),
            SetupStep::KeepData => self.backed_up,
        }
    }
}

/// The names of the profile's areas that have no photo, in the profile's order, given the ids
/// of the areas that have one.
pub fn areas_without_photo(profile: &Profile, photographed: &[String]) -> Vec<String> {
    profile.areas.iter().filter(|a| !photographed.contains(&a.id)).map(|a| a.name.clone()).collect()
}

/// The guided start as Today shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GettingStarted {
    /// Steps neither done nor skipped, in order: the first is the next one.
    pub open: Vec<SetupStep>,
    /// Steps skipped and not done since (offered again on request).
    pub skipped: Vec<SetupStep>,
    pub done: usize,
    /// The areas still without a photo, once at least one has one: the photo step says which.
    pub still_to_photograph: Vec<String>,
}

/// The card's content; `None` once every step is done or skipped (the card goes; skipped steps
/// can still be brought back while any remains).
pub fn getting_started(facts: &SetupFacts, skipped: &[SetupStep]) -> GettingStarted {
    let not_done: Vec<SetupStep> = SetupStep::ALL.into_iter().filter(|s| !facts.done(*s)).collect();
    let some_photographed = facts.areas_without_photo.len() < facts.area_count;
    GettingStarted {
        open: not_done.iter().copied().filter(|s| !skipped.contains(s)).collect(),
        skipped: not_done.iter().copied().filter(|s| skipped.contains(s)).collect(),
        done: SetupStep::ALL.len() - not_done.len(),
        still_to_photograph: if some_photographed { facts.areas_without_photo.clone() } else { Vec::new() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::area::{Area, AreaKind};

    #[test]
    fn a_new_client_starts_with_every_step_and_skipped_ones_wait_aside() {
        let new = getting_started(&SetupFacts::default(), &[]);
        assert_eq!(new.open, SetupStep::ALL);
        assert_eq!(new.done, 0);
        let facts = SetupFacts {
            area_count: 1,
            areas_without_photo: vec!["Cheeks".into()],
            has_session: true,
            ..SetupFacts::default()
        };
        let later = getting_started(&facts, &[SetupStep::Screening, SetupStep::Areas]);
        assert_eq!(later.open, [SetupStep::FirstPhotos, SetupStep::KeepData]);
        assert_eq!(later.skipped, [SetupStep::Screening], "a step done since it was skipped is just done");
        assert_eq!(later.done, 2);
        let all = SetupFacts {
            area_count: 2,
            screening_answered: true,
            has_session: true,
            areas_without_photo: Vec::new(),
            backed_up: true,
        };
        assert_eq!(getting_started(&all, &[]).open, []);
    }

    #[test]
    fn the_photo_step_is_done_when_every_area_has_a_photo_and_says_which_are_left() {
        let cheeks = Area::new("c".into(), AreaKind::Cheeks, "", &[]).unwrap();
        let neck = Area::new("n".into(), AreaKind::Neck, "", &[]).unwrap();
        let profile = Profile { areas: vec![cheeks, neck], ..Profile::default() };
        let facts = |photographed: &[&str]| {
            let ids: Vec<String> = photographed.iter().map(|s| s.to_string()).collect();
            SetupFacts {
                area_count: 2,
                areas_without_photo: areas_without_photo(&profile, &ids),
                ..SetupFacts::default()
            }
        };
        let none = getting_started(&facts(&[]), &[]);
        assert!(none.open.contains(&SetupStep::FirstPhotos));
        assert!(none.still_to_photograph.is_empty(), "nothing photographed yet: the step's own words say it");
        let one = getting_started(&facts(&["c"]), &[]);
        assert!(
            one.open.contains(&SetupStep::FirstPhotos),
            "a photo of the cheeks is not a photo of the neck"
        );
        assert_eq!(one.still_to_photograph, ["Neck"]);
        let both = getting_started(&facts(&["c", "n", "gone"]), &[]);
        assert!(!both.open.contains(&SetupStep::FirstPhotos));
        assert!(both.still_to_photograph.is_empty());
        assert!(!SetupFacts::default().done(SetupStep::FirstPhotos), "no areas: nothing to photograph yet");
    }

    #[test]
    fn skipped_steps_are_stored_by_name() {
        assert_eq!(serde_json::to_string(&[SetupStep::FirstPhotos]).unwrap(), r#"["first_photos"]"#);
    }
}
