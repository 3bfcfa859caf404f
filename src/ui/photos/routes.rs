//! The photos app's routes (under `/photos`, and `/settings` and `/data`; every other path belongs to
//! the client app; `crate::site` lists them). Names only: the pages are rendered by the app root
//! (`switch` in `super`), so no page imports a file that imports it.

use serde::{Deserialize, Serialize};
use yew_router::prelude::*;

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

/// The report's photo pair, in its address (`/data/report?before=…&after=…`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PairQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}
