//! The client app's routes. Their paths are places of `crate::site::PLACES` (a native test
//! checks); Photos, Compare and Settings are the photos app's, named here for the navigation.

use yew_router::prelude::*;

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
    #[at("/profile/screening")]
    Screening,
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
            Route::Profile | Route::Screening => Section::Settings,
            Route::Photos => Section::Photos,
            Route::Compare => Section::Compare,
            Route::Clinic => Section::Clinic,
            Route::Settings => Section::Settings,
            Route::NotFound => return None,
        })
    }
}
