//! The client app, served at `/` and the first load: Today, Timeline, Sessions, Recovery, Clinic
//! and the profile. Its router names every place it serves (`routes`); its pages are thin and lay
//! out its components; every write goes through `crate::ui::shared::actions`.

mod app;
mod components;
mod home_screen;
mod links;
mod pages;
mod record_form;
pub mod routes;

pub use app::App;
