//! The app's routes: the single authority for each section's URL.

use super::router::Routable;
use yew::prelude::*;

use super::pages::{
    not_found_page, section_page, ClinicPage, EvidencePage, ProfilePage, RecoveryFormPage, RecoveryPage,
    SessionDetailPage, SessionFormPage, SessionsPage, SettingsPage, TimelinePage, TodayPage,
};
use crate::domain::sections::Section;

/// Every page's address. The paths are in [`Routable`] below, the one place they are written.
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    Today,
    Timeline,
    Evidence,
    Sessions,
    SessionNew,
    SessionDetail { id: String },
    SessionEdit { id: String },
    Recovery,
    RecoveryNew,
    RecoveryEdit { id: String },
    Profile,
    Photos,
    Compare,
    Clinic,
    Settings,
    NotFound,
}

impl Routable for Route {
    fn recognize(path: &str) -> Option<Route> {
        let trimmed = path.trim_end_matches('/');
        let segments: Vec<&str> = trimmed.split('/').skip(1).collect();
        let id = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Some(match segments.as_slice() {
            [] => Route::Today,
            ["timeline"] => Route::Timeline,
            ["timeline", "evidence"] => Route::Evidence,
            ["sessions"] => Route::Sessions,
            ["sessions", "new"] => Route::SessionNew,
            ["sessions", session] => Route::SessionDetail { id: id(session)? },
            ["sessions", session, "edit"] => Route::SessionEdit { id: id(session)? },
            ["recovery"] => Route::Recovery,
            ["recovery", "new"] => Route::RecoveryNew,
            ["recovery", entry, "edit"] => Route::RecoveryEdit { id: id(entry)? },
            ["profile"] => Route::Profile,
            ["photos"] => Route::Photos,
            ["compare"] => Route::Compare,
            ["clinic"] => Route::Clinic,
            ["settings"] => Route::Settings,
            ["404"] => Route::NotFound,
            _ => return None,
        })
    }

    fn to_path(&self) -> String {
        match self {
            Route::Today => "/".to_string(),
            Route::Timeline => "/timeline".to_string(),
            Route::Evidence => "/timeline/evidence".to_string(),
            Route::Sessions => "/sessions".to_string(),
            Route::SessionNew => "/sessions/new".to_string(),
            Route::SessionDetail { id } => format!("/sessions/{id}"),
            Route::SessionEdit { id } => format!("/sessions/{id}/edit"),
            Route::Recovery => "/recovery".to_string(),
            Route::RecoveryNew => "/recovery/new".to_string(),
            Route::RecoveryEdit { id } => format!("/recovery/{id}/edit"),
            Route::Profile => "/profile".to_string(),
            Route::Photos => "/photos".to_string(),
            Route::Compare => "/compare".to_string(),
            Route::Clinic => "/clinic".to_string(),
            Route::Settings => "/settings".to_string(),
            Route::NotFound => "/404".to_string(),
        }
    }

    fn not_found() -> Route {
        Route::NotFound
    }
}

impl Route {
    /// The section a route belongs to (sub-pages belong to their section), if any.
    pub fn section(&self) -> Option<Section> {
        Some(match self {
            Route::Today => Section::Today,
            Route::Timeline | Route::Evidence => Section::Timeline,
            Route::Sessions | Route::SessionNew | Route::SessionDetail { .. } | Route::SessionEdit { .. } => {
                Section::Sessions
            }
            Route::Recovery | Route::RecoveryNew | Route::RecoveryEdit { .. } => Section::Recovery,
            Route::Profile => Section::Settings,
            Route::Photos => Section::Photos,
            Route::Compare => Section::Compare,
            Route::Clinic => Section::Clinic,
            Route::Settings => Section::Settings,
            Route::NotFound => return None,
        })
    }

    pub fn for_section(section: Section) -> Route {
        match section {
            Section::Today => Route::Today,
            Section::Timeline => Route::Timeline,
            Section::Sessions => Route::Sessions,
            Section::Recovery => Route::Recovery,
            Section::Photos => Route::Photos,
            Section::Compare => Route::Compare,
            Section::Clinic => Route::Clinic,
            Section::Settings => Route::Settings,
        }
    }
}

/// Renders the page for a route.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Today => html! { <TodayPage /> },
        Route::Timeline => html! { <TimelinePage /> },
        Route::Evidence => html! { <EvidencePage /> },
        Route::Sessions => html! { <SessionsPage /> },
        // Keyed by id: moving from one form to another must start from a fresh form state.
        Route::SessionNew => html! { <SessionFormPage key="new" id={None::<String>} /> },
        Route::SessionEdit { id } => html! { <SessionFormPage key={id.clone()} id={Some(id.clone())} /> },
        Route::SessionDetail { id } => html! { <SessionDetailPage {id} /> },
        Route::Recovery => html! { <RecoveryPage /> },
        Route::RecoveryNew => html! { <RecoveryFormPage key="new" id={None::<String>} /> },
        Route::RecoveryEdit { id } => html! { <RecoveryFormPage key={id.clone()} id={Some(id.clone())} /> },
        Route::Profile => html! { <ProfilePage /> },
        Route::Settings => html! { <SettingsPage /> },
        Route::Clinic => html! { <ClinicPage /> },
        Route::NotFound => not_found_page(),
        // Sections whose features have not landed yet show their honest empty state.
        other => match other.section() {
            Some(section) => section_page(section),
            None => not_found_page(),
        },
    }
}
