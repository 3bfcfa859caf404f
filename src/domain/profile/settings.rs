//! App-wide settings kept on the device.

use serde::{Deserialize, Serialize};

/// The `settings` store's keys, one singleton record under each. Storage writes under them and a
/// backup accepts and checks records by them, so each is spelled here only.
pub mod keys {
    pub const APP: &str = "app";
    pub const PROFILE: &str = "profile";
    pub const CLINIC: &str = "clinic";
    /// The redness region of each area (the photos app's; the client app never reads it).
    pub const REDNESS_REGIONS: &str = "redness_regions";
    /// This device's backup status ([`crate::domain::backup::nudge::BackupStatus`]).
    pub const BACKUP_STATUS: &str = "backup";
}

/// Settings that survive reloads. Every field has a default, so a record written by an older
/// version of the app (with fewer fields) still reads back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppSettings {
    /// Whether `navigator.storage.persist()` was asked for on a first start, by versions before
    /// the request moved to a tap in Settings. Kept so older records and backups read back.
    pub persistence_requested: bool,
    /// The person closed the "Add to Home Screen" guide (WebKit browser tabs only).
    pub home_screen_guide_dismissed: bool,
    /// Steps of the guided start skipped for now (Today offers them again on request).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub setup_skipped: Vec<crate::domain::device::getting_started::SetupStep>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_missing_fields_reads_as_defaults() {
        let settings: AppSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(settings, AppSettings::default());
    }

    #[test]
    fn unknown_fields_from_a_newer_version_are_ignored() {
        let settings: AppSettings =
            serde_json::from_str(r#"{"persistence_requested":true,"future":1}"#).unwrap();
        assert!(settings.persistence_requested);
    }
}
