//! The app root: router, state, storage, and the shell every page sits in.

use yew::prelude::*;
use yew_router::prelude::*;

use super::components::app_header::app_header;
use super::components::clinic_offer::ClinicLinkOffer;
use super::components::{MainNav, StorageNotice, UndoBar, UpdateBanner};
use super::context::use_app_state;
use super::context::AppStateProvider;
use super::hooks::{use_clinic_accent, use_service_worker, StorageProvider};
use super::routes::{switch, Route};

#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <AppStateProvider>
                <StorageProvider>
                    <Shell />
                </StorageProvider>
            </AppStateProvider>
        </BrowserRouter>
    }
}

/// Header, navigation and the routed page, with app-wide notices above the page.
#[component]
fn Shell() -> Html {
    use_service_worker();
    let app = use_app_state();
    use_clinic_accent(app.records.as_ref().and_then(|r| r.clinic.as_ref()));
    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            { app_header() }
            <div class="layout">
                <MainNav />
                <main id="main" class="layout__main" tabindex="-1">
                    <UpdateBanner />
                    <StorageNotice />
                    <UndoBar />
                    <ClinicLinkOffer />
                    <Switch<Route> render={switch} />
                </main>
            </div>
        </>
    }
}
