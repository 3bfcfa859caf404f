//! Why a backup file cannot be restored, in words a client can act on.

use std::fmt;

/// Every way reading a backup can fail. Restoring never starts on an error, so every message can
/// promise that nothing on the device changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Not a zip, and not an encrypted Remodel backup: the wrong file was chosen.
    NotABackup,
    /// A zip, but its structure is broken: usually a download or copy cut short.
    Incomplete(String),
    /// An entry's bytes do not match its checksum, or the records contradict each other. The
    /// detail is shown: Remodel's own words, never a library's.
    Damaged(String),
    /// An entry whose name Remodel never writes (including `../` and absolute paths).
    UnexpectedEntry(String),
    /// More or bigger than any backup Remodel writes.
    TooLarge(String),
    /// Written by a newer format than this build reads.
    FutureVersion(u32),
    /// Encrypted: a passphrase is needed.
    NeedsPassphrase,
    /// Encrypted, and the passphrase does not open it (or the file was changed).
    WrongPassphrase,
}

impl BackupError {
    /// The message shown beside the restore control.
    pub fn user_message(&self) -> String {
        let unchanged = "Nothing on this device was changed.";
        match self {
            BackupError::NotABackup => format!(
                "This file is not a Remodel backup: what is inside is not a backup, whatever its name. Choose the file Remodel saved when you backed up (named like remodel-2026-11-24.remodel). {unchanged}"
            ),
            // The detail is the zip reader's own words ("Could not find EOCD"): kept for the
            // developer (Debug), never shown.
            BackupError::Incomplete(_) => format!(
                "This backup is incomplete or damaged: it may not have finished downloading or copying. Copy it again from where you keep it, or choose another backup. {unchanged}"
            ),
            BackupError::Damaged(detail) => {
                format!("This backup is damaged ({detail}). Try another copy of it, or another backup. {unchanged}")
            }
            BackupError::UnexpectedEntry(name) => format!(
                "This backup contains a file Remodel never writes (“{name}”), so it was not restored. {unchanged}"
            ),
            BackupError::TooLarge(detail) => {
                format!("This backup is larger than any Remodel makes ({detail}). {unchanged}")
            }
            BackupError::FutureVersion(version) => format!(
                "This backup was made by a newer version of Remodel (format {version}). Update the app, then restore it. {unchanged}"
            ),
            BackupError::NeedsPassphrase => {
                "This backup is encrypted. Enter its passphrase, then restore.".to_string()
            }
            BackupError::WrongPassphrase => format!(
                "That passphrase does not open this backup. Check it and try again. {unchanged}"
            ),
        }
    }
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for BackupError {}
