//! Small reusable views with typed props.

pub mod app_header;
pub mod empty_state;
pub mod main_nav;
pub mod nav_icon;
pub mod page;
pub mod storage_notice;
pub mod update_banner;

pub use app_header::AppHeader;
pub use empty_state::EmptyState;
pub use main_nav::MainNav;
pub use page::Page;
pub use storage_notice::StorageNotice;
pub use update_banner::UpdateBanner;
