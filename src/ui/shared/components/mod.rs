//! Components more than one app shows, with typed props.

pub mod app_header;
pub mod clinic_card;
pub mod clinical_note;
pub mod empty_state;
pub mod field;
pub mod main_nav;
pub mod nav_icon;
pub mod not_found;
pub mod own_ratings_chart;
pub mod page;
pub mod storage_notice;
pub mod timeline_chart;
pub mod undo_bar;
