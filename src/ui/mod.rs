//! The Yew app: routes, state, hooks (every effect lives there), pages and components.

mod app;
pub mod components;
pub mod context;
pub mod data;
pub mod hooks;
pub mod kit;
pub mod pages;
pub mod photos;
pub mod routes;
pub mod state;

pub use app::App;
