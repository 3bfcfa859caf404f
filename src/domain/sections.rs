//! The app's top-level sections: one source of truth for the navigation labels and each page's
//! heading, purpose line and empty state, so the navigation bar, the pages and the tests can never
//! disagree about what a section is called. (Its URL, and the app that serves it, are in the
//! site's table: `crate::site`.)

/// A top-level page of the app, in navigation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Today,
    Timeline,
    Sessions,
    Recovery,
    Photos,
    Compare,
    Clinic,
    Settings,
}

/// What a page shows before the client has any data of its kind: honest, short, and pointing at
/// the next useful step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmptyState {
    pub headline: &'static str,
    pub detail: &'static str,
}

impl Section {
    /// Every section, in the order the navigation shows them.
    pub const ALL: [Section; 8] = [
        Section::Today,
        Section::Timeline,
        Section::Sessions,
        Section::Recovery,
        Section::Photos,
        Section::Compare,
        Section::Clinic,
        Section::Settings,
    ];

    /// The label in the navigation and the page's `<h1>`.
    pub const fn title(self) -> &'static str {
        match self {
            Section::Today => "Today",
            Section::Timeline => "Timeline",
            Section::Sessions => "Sessions",
            Section::Recovery => "Recovery",
            Section::Photos => "Photos",
            Section::Compare => "Compare",
            Section::Clinic => "Clinic",
            Section::Settings => "Settings",
        }
    }

    /// One line under the heading saying what the section is for.
    pub const fn purpose(self) -> &'static str {
        match self {
            Section::Today => "How your skin is doing today, and what comes next.",
            Section::Timeline => "What usually happens after each session, and where you are now.",
            Section::Sessions => "Every treatment session: date, areas, needle depth and more.",
            Section::Recovery => "Your daily diary of redness and recovery.",
            Section::Photos => "Before-and-after photos. They never leave this device.",
            Section::Compare => "Compare two photos of the same area, aligned.",
            Section::Clinic => "Your clinic's contact details, protocol and aftercare.",
            Section::Settings => "Storage, backups and privacy on this device.",
        }
    }

    /// What the page shows while there is nothing of its kind stored yet.
    pub const fn empty_state(self) -> EmptyState {
        let (headline, detail) = match self {
            Section::Today => (
                "No sessions yet — add your first",
                "Log a treatment session and Remodel will count the days and guide your recovery.",
            ),
            Section::Timeline => (
                "Your timeline starts with your first session",
                "Once a session is logged, you will see the healing phases and what usually happens in the weeks and months after.",
            ),
            Section::Sessions => (
                "No sessions yet — add your first",
                "Record the date, the areas treated and the needle depth of each session.",
            ),
            Section::Recovery => (
                "No recovery entries yet",
                "After a session, a daily check-in takes three taps: redness, swelling, done.",
            ),
            Section::Photos => (
                "No photos yet",
                "Photos are stored only on this device and are never uploaded.",
            ),
            Section::Compare => (
                "Nothing to compare yet",
                "Take at least two photos of the same area to compare before and after.",
            ),
            Section::Clinic => (
                "No clinic linked",
                "If your clinic gave you a Remodel link, open it to add their details and aftercare.",
            ),
            Section::Settings => (
                "Everything stays on this device",
                "There is no account and no server: your records and photos live only in this browser.",
            ),
        };
        EmptyState { headline, detail }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn titles_are_unique() {
        let titles: HashSet<_> = Section::ALL.iter().map(|s| s.title()).collect();
        assert_eq!(titles.len(), Section::ALL.len());
    }

    #[test]
    fn empty_states_are_written_out() {
        for section in Section::ALL {
            let empty = section.empty_state();
            assert!(empty.headline.len() > 10, "{section:?} headline");
            assert!(empty.detail.ends_with('.'), "{section:?} detail is a sentence");
            assert!(!empty.headline.to_lowercase().contains("lorem"));
        }
    }
}
