//! One file per page. Pages are thin: they read state and lay out components.

mod not_found;
mod section;
mod settings;

pub use not_found::NotFoundPage;
pub use section::SectionPage;
pub use settings::SettingsPage;
