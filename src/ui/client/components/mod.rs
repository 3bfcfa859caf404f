//! The client app's own components, with typed props.

pub mod area_editor;
pub mod check_in_card;
pub mod clinic_offer;
pub mod entry_list;
pub mod getting_started_card;
pub mod recovery_chart;
pub mod recovery_form;
pub mod safety_card;
pub mod scale_picker;
pub mod screening_form;
pub mod session_form;
pub mod side_effect_advice;
pub mod update_banner;
