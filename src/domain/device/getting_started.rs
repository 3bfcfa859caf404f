//! The guided start on Today: the steps a newcomer takes in their first week, which are done, and
//! which they chose to skip for now (kept in the app's settings, and brought back from Today).

use serde::{Deserialize, Serialize};

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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SetupFacts {
    pub has_areas: bool,
    pub screening_answered: bool,
    /// A session done or planned.
    pub has_session: bool,
    pub has_photos: bool,
    /// A backup was made on this device.
    pub backed_up: bool,
}

impl SetupFacts {
    pub const fn done(&self, step: SetupStep) -> bool {
        match step {
            SetupStep::Areas => self.has_areas,
            SetupStep::Screening => self.screening_answered,
            SetupStep::FirstSession => self.has_session,
            SetupStep::FirstPhotos => self.has_photos,
            SetupStep::KeepData => self.backed_up,
        }
    }
}

/// The guided start as Today shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GettingStarted {
    /// Steps neither done nor skipped, in order: the first is the next one.
    pub open: Vec<SetupStep>,
    /// Steps skipped and not done since (offered again on request).
    pub skipped: Vec<SetupStep>,
    pub done: usize,
}

/// The card's content; `None` once every step is done or skipped (the card goes; skipped steps
/// can still be brought back while any remains).
pub fn getting_started(facts: SetupFacts, skipped: &[SetupStep]) -> GettingStarted {
    let not_done: Vec<SetupStep> = SetupStep::ALL.into_iter().filter(|s| !facts.done(*s)).collect();
    GettingStarted {
        open: not_done.iter().copied().filter(|s| !skipped.contains(s)).collect(),
        skipped: not_done.iter().copied().filter(|s| skipped.contains(s)).collect(),
        done: SetupStep::ALL.len() - not_done.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_client_starts_with_every_step_and_skipped_ones_wait_aside() {
        let new = getting_started(SetupFacts::default(), &[]);
        assert_eq!(new.open, SetupStep::ALL);
        assert_eq!(new.done, 0);
        let facts = SetupFacts { has_areas: true, has_session: true, ..SetupFacts::default() };
        let later = getting_started(facts, &[SetupStep::Screening, SetupStep::Areas]);
        assert_eq!(later.open, [SetupStep::FirstPhotos, SetupStep::KeepData]);
        assert_eq!(later.skipped, [SetupStep::Screening], "a step done since it was skipped is just done");
        assert_eq!(later.done, 2);
        let all = SetupFacts {
            has_areas: true,
            screening_answered: true,
            has_session: true,
            has_photos: true,
            backed_up: true,
        };
        assert_eq!(getting_started(all, &[]).open, []);
    }

    #[test]
    fn skipped_steps_are_stored_by_name() {
        assert_eq!(serde_json::to_string(&[SetupStep::FirstPhotos]).unwrap(), r#"["first_photos"]"#);
    }
}
