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
    /// Whether `navigator.storage.persist()` has been asked for. Some browsers show a prompt, so
    /// the app asks once, on the first start, and not on every visit.
    pub persistence_requested: bool,
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
