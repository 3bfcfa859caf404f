//! The photos app, served at `/photos/`: gallery, import, camera and each photo's page.
//!
//! A separate wasm from the client app (like the clinic kit) so that it, and the worker it
//! starts, are never part of the first load: the service worker keeps it once it has been used,
//! and fetches it in the background on every later visit (see README "Photos"). It reads the
//! same database as the app, through the same `storage` module, and shares its header,
//! navigation and record loading.

mod add_page;
mod camera;
pub(crate) mod compare;
mod detail_page;
mod details_form;
mod gallery_page;
mod import;
pub(crate) mod library;
mod object_url;
mod photo_tile;
pub(crate) mod routes;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::sections::Section;

use super::components::app_header::app_header;
use super::components::{MainNav, StorageNotice, UndoBar};
use super::context::AppStateProvider;
use super::hooks::StorageProvider;
use add_page::AddPhotosPage;
use compare::{CompareIndexPage, ComparePage};
use detail_page::PhotoPage;
use gallery_page::GalleryPage;
use library::{PhotoLibraryProvider, PhotoUndoBar};
use routes::PhotoRoute;

use crate::ui::data::{DataPage, ReportPage};
use crate::ui::pages::{not_found_page, SettingsPage};

#[component]
pub fn PhotosApp() -> Html {
    html! {
        <BrowserRouter>
            <AppStateProvider>
                <StorageProvider>
                    <PhotoLibraryProvider>
                        <a class="skip-link" href="#main">{ "Skip to content" }</a>
                        { app_header() }
                        <div class="layout">
                            <PhotoNav />
                            <main id="main" class="layout__main" tabindex="-1">
                                <StorageNotice />
                                <PhotoUndoBar />
                                // Removing the clinic in Settings is undone here.
                                <UndoBar />
                                <Switch<PhotoRoute> render={switch} />
                            </main>
                        </div>
                    </PhotoLibraryProvider>
                </StorageProvider>
            </AppStateProvider>
        </BrowserRouter>
    }
}

/// The navigation, marking Settings on the data page and Photos on every other page of this app
/// the client's routes don't name (add, a photo).
#[component]
fn PhotoNav() -> Html {
    let section = match use_route::<PhotoRoute>() {
        Some(PhotoRoute::Data | PhotoRoute::Report | PhotoRoute::Settings) => Section::Settings,
        _ => Section::Photos,
    };
    html! { <MainNav photo_app=true unrouted={section} /> }
}

/// Renders the page for a route.
pub fn switch(route: PhotoRoute) -> Html {
    match route {
        PhotoRoute::Gallery => html! { <GalleryPage /> },
        PhotoRoute::Add => html! { <AddPhotosPage /> },
        PhotoRoute::CompareIndex => html! { <CompareIndexPage /> },
        PhotoRoute::Compare { area, angle } => html! { <ComparePage area_id={area} angle={angle} /> },
        PhotoRoute::Photo { id } => html! { <PhotoPage key={id.clone()} id={id.clone()} /> },
        PhotoRoute::Settings => html! { <SettingsPage /> },
        PhotoRoute::Data => html! { <DataPage /> },
        PhotoRoute::Report => html! { <ReportPage /> },
        PhotoRoute::NotFound => not_found_page(),
    }
}
