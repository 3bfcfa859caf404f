//! One file per page of the client app. Pages are thin: they read state and lay out components.

pub mod clinic;
pub mod elsewhere;
pub mod evidence;
pub mod profile;
pub mod recovery;
pub mod recovery_form;
pub mod screening;
pub mod session_detail;
pub mod session_form;
pub mod sessions;
pub mod timeline;
pub mod today;
