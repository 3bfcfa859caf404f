//! The photos app, served at `/photos/`: gallery, import, camera and each photo's page.
//!
//! A separate wasm from the client app (like the clinic kit) so that it, and the worker it
//! starts, are never part of the first load: the service worker keeps it once it has been used,
//! and fetches it in the background once the first visit is idle (see README "Photos"). It reads the
//! same database as the app, through the same `storage` module, and shares its header,
//! navigation and record loading.

pub mod actions;
mod add_page;
mod camera;
pub(crate) mod compare;
mod data;
mod detail_page;
mod details_form;
mod gallery_layout;
mod gallery_page;
mod import;
pub(crate) mod library;
mod object_url;
mod persistence;
mod photo_tile;
pub(crate) mod routes;
mod settings_page;
mod storage_status;
mod undo_bar;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::sections::Section;
use crate::site::App;

use crate::ui::shared::components::app_header::app_header;
use crate::ui::shared::components::main_nav::MainNav;
use crate::ui::shared::components::storage_notice::StorageNotice;
use crate::ui::shared::components::undo_bar::UndoBar;
use crate::ui::shared::context::AppStateProvider;
use crate::ui::shared::hooks::storage::StorageProvider;
use add_page::AddPhotosPage;
use compare::{CompareIndexPage, ComparePage};
use detail_page::PhotoPage;
use gallery_page::GalleryPage;
use library::{use_loaded_library, LibraryContext};
use routes::PhotoRoute;
use undo_bar::PhotoUndoBar;

use crate::ui::photos::data::{DataPage, ReportPage};
use crate::ui::photos::settings_page::SettingsPage;
use crate::ui::shared::components::not_found::not_found_page;

#[component]
pub fn PhotosApp() -> Html {
    crate::ui::photos::data::use_earlier_backup_files_removed();
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

#[derive(Properties, PartialEq)]
struct LibraryProviderProps {
    children: Html,
}

/// Shares the photo library with every page of the app.
#[component]
fn PhotoLibraryProvider(props: &LibraryProviderProps) -> Html {
    let library = use_loaded_library();
    html! {
        <ContextProvider<LibraryContext> context={library}>
            { props.children.clone() }
        </ContextProvider<LibraryContext>>
    }
}

/// The navigation, marking Compare on the list of pairs, Settings on Settings and the data pages,
/// and Photos on every other page of this app (a pair's page is reached from a photo).
#[component]
fn PhotoNav() -> Html {
    let section = match use_route::<PhotoRoute>() {
        Some(PhotoRoute::CompareIndex) => Section::Compare,
        Some(PhotoRoute::Data | PhotoRoute::Report | PhotoRoute::Settings) => Section::Settings,
        _ => Section::Photos,
    };
    html! { <MainNav app={App::Photos} current={Some(section)} /> }
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
