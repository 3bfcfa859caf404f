//! The client app's routes. Their paths are places of `crate::site::PLACES` (a native test
//! checks); Photos, Compare and Settings are the photos app's, named here for the navigation.

use yew::prelude::*;
use yew_router::prelude::*;

use super::pages::{
    not_found_page, ClinicPage, ElsewherePage, EvidencePage, ProfilePage, RecoveryFormPage, RecoveryPage,
    SessionDetailPage, SessionFormPage, SessionsPage, TimelinePage, TodayPage,
};
use crate::domain::sections::Section;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Today,
    #[at("/timeline")]
    Timeline,
    #[at("/timeline/evidence")]
    Evidence,
    #[at("/sessions")]
    Sessions,
    #[at("/sessions/new")]
    SessionNew,
    #[at("/sessions/:id")]
    SessionDetail { id: String },
    #[at("/sessions/:id/edit")]
    SessionEdit { id: String },
    #[at("/recovery")]
    Recovery,
    #[at("/recovery/new")]
    RecoveryNew,
    #[at("/recovery/:id/edit")]
    RecoveryEdit { id: String },
    #[at("/profile")]
    Profile,
    #[at("/photos")]
    Photos,
    /// In the photos app, like Photos and Settings (`crate::site`).
    #[at("/photos/compare")]
    Compare,
    #[at("/clinic")]
    Clinic,
    /// In the photos app, like Compare.
    #[at("/settings")]
    Settings,
    #[not_found]
    #[at("/404")]
    NotFound,
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
        Route::Clinic => html! { <ClinicPage /> },
        Route::NotFound => not_found_page(),
        // The navigation's links to the other apps' sections: served by those apps (`site`).
        other => match other.section() {
            Some(section) => html! { <ElsewherePage {section} /> },
            None => not_found_page(),
        },
    }
}
