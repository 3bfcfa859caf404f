//! One file per page. Pages are thin: they read state and lay out components.

mod clinic;
mod clinic_kit;
mod evidence;
mod not_found;
mod profile;
mod recovery;
mod recovery_form;
mod section;
mod session_detail;
mod session_form;
mod sessions;
mod settings;
mod timeline;
mod today;

pub use clinic::ClinicPage;
pub use clinic_kit::ClinicKitPage;
pub use evidence::EvidencePage;
pub use not_found::not_found_page;
pub use profile::ProfilePage;
pub use recovery::RecoveryPage;
pub use recovery_form::RecoveryFormPage;
pub use section::ElsewherePage;
pub use session_detail::SessionDetailPage;
pub use session_form::SessionFormPage;
pub use sessions::SessionsPage;
pub use settings::SettingsPage;
pub use timeline::TimelinePage;
pub use today::TodayPage;
