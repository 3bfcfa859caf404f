//! The app's routes: the single authority for each section's URL.

use yew::prelude::*;
use yew_router::prelude::*;

use super::pages::{NotFoundPage, SectionPage, SettingsPage};
use crate::domain::sections::Section;

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Today,
    #[at("/timeline")]
    Timeline,
    #[at("/sessions")]
    Sessions,
    #[at("/recovery")]
    Recovery,
    #[at("/photos")]
    Photos,
    #[at("/compare")]
    Compare,
    #[at("/clinic")]
    Clinic,
    #[at("/settings")]
    Settings,
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The section a route shows, if it is one of the app's sections.
    pub fn section(&self) -> Option<Section> {
        Some(match self {
            Route::Today => Section::Today,
            Route::Timeline => Section::Timeline,
            Route::Sessions => Section::Sessions,
            Route::Recovery => Section::Recovery,
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
        Route::Settings => html! { <SettingsPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
        // Sections whose features have not landed yet show their honest empty state.
        other => match other.section() {
            Some(section) => html! { <SectionPage {section} /> },
            None => html! { <NotFoundPage /> },
        },
    }
}
