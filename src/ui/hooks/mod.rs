//! Every effect of the UI lives here: components call these hooks and never touch the browser
//! APIs themselves.

pub mod clinic_link;
pub mod clock;
pub mod export;
pub mod focus;
pub mod home_screen;
pub mod links;
pub mod persistence;
pub mod records;
pub mod service_worker;
pub mod storage;

pub use clinic_link::{use_clinic_accent, use_incoming_clinic_link, IncomingLink};
pub use clock::today;
pub use focus::focus_first_invalid;
pub use home_screen::use_home_screen_guide;
pub use links::{in_app_links, use_load_from_server};
pub use persistence::{use_persistence_request, PersistenceRequest};
pub use records::{report_into, use_record_actions, Done, RecordActions};
pub use service_worker::{reload_to_update, use_service_worker};
pub use storage::{use_db, DbHandle, StorageProvider};
