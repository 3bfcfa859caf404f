//! The photos app's routes (under `/photos`, and `/settings` and `/data`; every other path belongs to the client app).

use yew::prelude::*;
use yew_router::prelude::*;

use super::add_page::AddPhotosPage;
use super::compare::{CompareIndexPage, ComparePage};
use super::detail_page::PhotoPage;
use super::gallery_page::GalleryPage;
use crate::ui::data::{DataPage, ReportPage};
use crate::ui::pages::{not_found_page, SettingsPage};

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum PhotoRoute {
    #[at("/photos")]
    Gallery,
    #[at("/photos/add")]
    Add,
    #[at("/photos/compare")]
    CompareIndex,
    #[at("/photos/compare/:area/:angle")]
    Compare { area: String, angle: String },
    #[at("/photos/:id")]
    Photo { id: String },
    /// Settings, and the data page it leads to (served by this app; see `ui::data`).
    #[at("/settings")]
    Settings,
    #[at("/data")]
    Data,
    /// The report for the clinic, to print or save as PDF (`?before=…&after=…`: the photo pair).
    #[at("/data/report")]
    Report,
    #[not_found]
    #[at("/photos/404")]
    NotFound,
}

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
