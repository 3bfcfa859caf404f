//! The app root: router, state, storage, and the shell every page sits in.

use yew::prelude::*;
use yew_router::prelude::*;

use super::components::clinic_offer::ClinicLinkOffer;
use super::pages::clinic::ClinicPage;
use super::pages::elsewhere::ElsewherePage;
use super::pages::evidence::EvidencePage;
use super::pages::profile::ProfilePage;
use super::pages::recovery::RecoveryPage;
use super::pages::recovery_form::RecoveryFormPage;
use super::pages::screening::ScreeningPage;
use super::pages::session_detail::SessionDetailPage;
use super::pages::session_form::SessionFormPage;
use super::pages::sessions::SessionsPage;
use super::pages::timeline::TimelinePage;
use super::pages::today::TodayPage;
use super::routes::Route;
use crate::site;
use crate::ui::client::components::update_banner::UpdateBanner;
use crate::ui::platform::service_worker::use_service_worker;
use crate::ui::shared::components::app_header::app_header;
use crate::ui::shared::components::main_nav::MainNav;
use crate::ui::shared::components::not_found::not_found_page;
use crate::ui::shared::components::storage_notice::StorageNotice;
use crate::ui::shared::components::undo_bar::UndoBar;
use crate::ui::shared::context::use_app_state;
use crate::ui::shared::context::AppStateProvider;
use crate::ui::shared::hooks::clinic_link::use_clinic_accent;
use crate::ui::shared::hooks::storage::StorageProvider;
use crate::ui::shared::state::Action;

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
    let app = use_app_state();
    use_service_worker({
        let app = app.clone();
        Callback::from(move |()| app.dispatch(Action::UpdateReady))
    });
    use_clinic_accent(app.records.as_ref().and_then(|r| r.clinic.as_ref()));
    let current = use_route::<Route>().and_then(|route| route.section());
    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            { app_header() }
            <div class="layout">
                <MainNav app={site::App::Client} current={current} />
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

/// Renders the page for a route.
fn switch(route: Route) -> Html {
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
        Route::Screening => html! { <ScreeningPage /> },
        Route::Clinic => html! { <ClinicPage /> },
        Route::NotFound => not_found_page(),
        // The navigation's links to the other apps' sections: served by those apps (`site`).
        other => match other.section() {
            Some(section) => html! { <ElsewherePage {section} /> },
            None => not_found_page(),
        },
    }
}
