//! The backup file (`remodel-YYYY-MM-DD.remodel`): every record and every photo on the device in
//! one file that a client keeps wherever they like, and restores on this or another device.
//!
//! The file is a zip of *stored* (uncompressed) entries: photos are JPEGs already, and a reader
//! that accepts nothing but "stored" cannot be zip-bombed. Each entry carries its CRC-32, which
//! is checked when the entry is read:
//!
//! | entry                        | what it holds                                              |
//! |------------------------------|------------------------------------------------------------|
//! | `manifest.json` (first)      | [`Manifest`]: format, format version, app version, counts  |
//! | `records.json`               | [`Records`]: sessions, check-ins, photo records, settings  |
//! | `photos/<id>/working.jpg`    | a photo's working copy, byte for byte as stored            |
//! | `photos/<id>/thumb.jpg`      | its thumbnail                                              |
//!
//! An encrypted backup wraps the whole zip ([`envelope`]). Reading ([`read::open_backup`])
//! validates the directory, manifest and records before any photo is read, and each photo as it is read; [`restore::plan`] then decides what a
//! restore writes.

pub mod container;
mod end_record;
pub mod envelope;
pub mod error;
pub mod nudge;
pub mod read;
pub mod restore;
pub mod sealed_stream;
mod validate;
mod zip_entry;

// Property tests use proptest, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod container_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod restore_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod sample;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod writer_tests;

use serde::{Deserialize, Serialize};

use crate::domain::diary::recovery::RecoveryEntry;
use crate::domain::diary::session::Session;
use crate::domain::photos::photo::Photo;
use crate::domain::profile::settings::keys;

pub use error::BackupError;

/// What `manifest.json` says the file is.
pub const FORMAT: &str = "remodel-backup";
/// The format this build writes. Older files are brought forward on reading (`validate::migrate`);
/// newer ones are refused with a message to update the app.
pub const FORMAT_VERSION: u32 = 1;
/// The file name's extension.
pub const EXTENSION: &str = "remodel";

/// `manifest.json`: what made the file, when, and how much is in it (checked against the
/// records, so a file cut short or edited by hand is caught).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The app version that wrote the file (`CARGO_PKG_VERSION`).
    pub app_version: String,
    /// Local date and time the backup was made, `YYYY-MM-DDTHH:MM`.
    pub created_at: String,
    pub sessions: usize,
    pub recovery_entries: usize,
    pub photos: usize,
}

/// `records.json`: every record but the photos' bytes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Records {
    pub sessions: Vec<Session>,
    pub recovery_entries: Vec<RecoveryEntry>,
    pub photos: Vec<Photo>,
    /// The `settings` store's records as stored (each an object with its `key`); only the keys
    /// in [`SETTING_KEYS`] are accepted, and each must read as its type.
    pub settings: Vec<serde_json::Value>,
}

/// The settings records a backup carries. (The device's own backup status is not one of them:
/// it describes this device's backups, not the client's data.)
pub const SETTING_KEYS: [&str; 4] = [keys::APP, keys::PROFILE, keys::CLINIC, keys::REDNESS_REGIONS];

/// A settings record's key ("" when it has none: no accepted key is empty).
pub fn setting_key(setting: &serde_json::Value) -> &str {
    setting.get("key").and_then(serde_json::Value::as_str).unwrap_or_default()
}

/// One photo's stored bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoFiles {
    pub id: String,
    pub working: Vec<u8>,
    pub thumb: Vec<u8>,
}

/// A backup, read and validated.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub manifest: Manifest,
    pub records: Records,
    /// In the order of `records.photos`, one for each.
    pub photo_files: Vec<PhotoFiles>,
}

impl Manifest {
    /// The manifest for `records`, written now by this build.
    pub fn new(records: &Records, created_at: &str) -> Manifest {
        Manifest {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            app_version: env!("CARGO_PKG_VERSION").into(),
            created_at: created_at.into(),
            sessions: records.sessions.len(),
            recovery_entries: records.recovery_entries.len(),
            photos: records.photos.len(),
        }
    }
}

/// `remodel-2026-11-24.remodel` for a backup made on that day (`created_at` as in the manifest).
pub fn file_name(created_at: &str) -> String {
    format!("remodel-{}.{EXTENSION}", created_at.get(..10).unwrap_or("backup"))
}

/// The shortest passphrase accepted for an encrypted backup.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// What is wrong with a new passphrase and its confirmation, as (field, message); `None` when
/// they can be used.
pub fn passphrase_problem(passphrase: &str, confirmation: &str) -> Option<(&'static str, String)> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Some((
            "passphrase",
            format!("Use at least {MIN_PASSPHRASE_CHARS} characters: a short passphrase is easy to guess."),
        ));
    }
    (passphrase != confirmation)
        .then(|| ("confirmation", "The two passphrases differ. Type the same one twice.".to_string()))
}

/// What the client types to confirm deleting everything.
pub const DELETE_WORD: &str = "DELETE";

/// Whether the typed confirmation is the word (surrounding spaces allowed, capitals required,
/// so it cannot be typed by accident or autocorrected into place).
pub fn delete_confirmed(typed: &str) -> bool {
    typed.trim() == DELETE_WORD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrases_must_be_long_enough_and_typed_twice() {
        assert_eq!(passphrase_problem("short", "short").map(|p| p.0), Some("passphrase"));
        assert_eq!(passphrase_problem("long enough", "long enougH").map(|p| p.0), Some("confirmation"));
        assert_eq!(passphrase_problem("long enough", "long enough"), None);
        // Characters, not bytes.
        assert_eq!(passphrase_problem("ünïcödé", "ünïcödé").map(|p| p.0), Some("passphrase"));
    }

    #[test]
    fn deleting_needs_the_word_in_capitals() {
        assert!(delete_confirmed("DELETE"));
        assert!(delete_confirmed("  DELETE "));
        assert!(!delete_confirmed("delete"));
        assert!(!delete_confirmed(""));
        assert!(!delete_confirmed("DELETE ALL"));
    }
}
