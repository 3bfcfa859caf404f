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

    /// The section's line icon in the navigation: an SVG path on a 24 × 24 grid (drawn inline by
    /// the app and by the static shell each page shows before its wasm runs).
    /// Whether the section has its own item in the phone's bottom bar. Phone apps keep at most
    /// five items there: these four and "More", which holds the rest (every section is two taps
    /// away at most). Wider screens list every section.
    pub const fn in_phone_bar(self) -> bool {
        matches!(self, Section::Today | Section::Sessions | Section::Recovery | Section::Photos)
    }

    /// The "More" item's icon: three dots.
    pub const MORE_ICON: &'static str = "M5 12h.01M12 12h.01M19 12h.01";

    pub const fn icon_path(self) -> &'static str {
        match self {
            Section::Today => "M12 3v2M12 19v2M4.2 4.2l1.4 1.4M18.4 18.4l1.4 1.4M3 12h2M19 12h2M4.2 19.8l1.4-1.4M18.4 5.6l1.4-1.4M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z",
            Section::Timeline => "M3 12h18M6 8v8M12 6v12M18 9v6",
            Section::Sessions => "M5 5h14v15H5zM5 9h14M9 3v4M15 3v4M8 13h3M8 16h6",
            Section::Recovery => "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z",
            Section::Photos => "M4 7h4l2-2h4l2 2h4v12H4zM12 10a3 3 0 1 0 0 6a3 3 0 1 0 0-6z",
            Section::Compare => "M12 3v18M4 6h6v12H4zM14 6h6v12h-6z",
            Section::Clinic => "M4 20V8l8-4l8 4v12zM12 9v6M9 12h6",
            Section::Settings => "M4 7h10M18 7h2M4 17h4M12 17h8M14 5v4M8 15v4",
        }
    }

    /// One line under the heading saying what the section is for.
    pub const fn purpose(self) -> &'static str {
        match self {
            Section::Today => "How your skin is doing today, and what comes next.",
            Section::Timeline => "What studies reported after a session, and where you are now.",
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
                "Log a treatment session and Remodel counts the days since it and shows what studies reported for each stage of healing.",
            ),
            Section::Timeline => (
                "Your timeline starts with your first session",
                "Once a session is logged, the timeline shows the healing phases and what studies reported in the weeks and months after.",
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
