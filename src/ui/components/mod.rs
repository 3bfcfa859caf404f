//! Small reusable views with typed props.

pub mod app_header;
pub mod area_editor;
pub mod check_in_card;
pub mod clinic_card;
pub mod clinic_form;
pub mod clinic_offer;
pub mod empty_state;
pub mod entry_list;
pub mod field;
pub mod main_nav;
pub mod nav_icon;
pub mod page;
pub mod recovery_chart;
pub mod recovery_form;
pub mod safety_card;
pub mod scale_picker;
pub mod session_form;
pub mod storage_notice;
pub mod storage_status;
pub mod timeline_chart;
pub mod undo_bar;
pub mod update_banner;

pub use field::{Checkbox, SelectField, TextField};
pub use main_nav::MainNav;
pub use page::Page;
pub use recovery_chart::RecoveryChart;
pub use scale_picker::ScalePicker;
pub use storage_notice::StorageNotice;
pub use undo_bar::UndoBar;
pub use update_banner::UpdateBanner;
