//! The data page's effects: making a backup, reading one, restoring it, deleting everything, and
//! reloading what the app holds afterwards. Components call these; none of them renders.

use crate::ui::platform::leaving::WriteInFlight;
use yew::Callback;

use super::{PhotoActions, NOT_OPEN};
use crate::domain::backup::container::decode;
use crate::domain::backup::envelope::is_encrypted;
use crate::domain::backup::nudge::BackupStatus;
use crate::domain::backup::restore::{plan, Existing, RestoreMode, RestorePlan};
use crate::domain::backup::{file_name, setting_key, Backup, BackupError};
use crate::domain::device::storage_usage::format_bytes;
use crate::storage::{self, Db};
use crate::ui::platform::clock::now_local;
use crate::ui::platform::crypto;
use crate::ui::platform::files::{read_file, MadeFile};

/// How far a long task is, for the progress bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub step: &'static str,
    /// 0-1.
    pub fraction: f64,
}

impl Progress {
    pub fn at(step: &'static str, done: usize, total: usize) -> Progress {
        Progress { step, fraction: if total == 0 { 1.0 } else { done as f64 / total as f64 } }
    }
}

pub const BACKUP_MIME: &str = "application/octet-stream";

/// A backup built and waiting to be handed over. The file lives in the browser (one copy, in JS),
/// so the tap on "Save backup" can give it to the share sheet at once.
pub struct ReadyBackup {
    pub file: web_sys::File,
    /// The device's status once this backup is handed over.
    pub status: BackupStatus,
    /// Damaged records that could not be included.
    pub left_out: usize,
}

impl ReadyBackup {
    pub fn name(&self) -> String {
        self.file.name()
    }

    /// "remodel-2026-12-04.remodel (1.2 MB)".
    pub fn describe(&self) -> String {
        format!("{} ({})", self.file.name(), format_bytes(self.file.size() as u64))
    }
}

/// Builds a backup file of everything on the device, encrypted when a passphrase is given. Nothing
/// is handed over or recorded yet.
pub async fn make_backup(
    db: &Db,
    passphrase: Option<String>,
    progress: Callback<Progress>,
) -> Result<ReadyBackup, String> {
    let created_at = now_local();
    let on_photo = {
        let progress = progress.clone();
        move |done, total| progress.emit(Progress::at("Copying photos", done, total))
    };
    let file = storage::write_backup(db, &created_at, on_photo).await.map_err(|e| e.user_message())?;
    let bytes = match passphrase {
        Some(passphrase) => {
            progress.emit(Progress::at("Encrypting", 0, 1));
            crypto::encrypt(&file.bytes, &passphrase)
                .await
                .map_err(|_| "The browser could not encrypt the backup.".to_string())?
        }
        None => file.bytes,
    };
    progress.emit(Progress::at("Ready", 1, 1));
    let made = MadeFile::new(file_name(&created_at), BACKUP_MIME, bytes);
    Ok(ReadyBackup {
        file: made.to_file()?,
        status: BackupStatus::after_backup(&created_at[..10]),
        left_out: file.left_out,
    })
}

/// Notes on this device that a backup was handed over (shared, or saved and confirmed).
pub async fn record_backup(db: &Db, status: &BackupStatus) -> Result<(), String> {
    storage::save_backup_status(db, status)
        .await
        .map_err(|_| "The file was handed over, but this device could not note the day of the backup.".into())
}

/// Reads and checks a whole backup file; nothing is written.
async fn read_backup(
    file: &web_sys::File,
    passphrase: &str,
    progress: &Callback<Progress>,
) -> Result<Backup, BackupError> {
    progress.emit(Progress::at("Reading the file", 0, 3));
    let bytes =
        read_file(file).await.map_err(|_| BackupError::Incomplete("the browser could not read it".into()))?;
    let zip = if is_encrypted(&bytes) {
        if passphrase.is_empty() {
            return Err(BackupError::NeedsPassphrase);
        }
        progress.emit(Progress::at("Decrypting", 1, 3));
        crypto::decrypt(&bytes, passphrase).await?
    } else {
        bytes
    };
    progress.emit(Progress::at("Checking every record and photo", 2, 3));
    decode(&zip)
}

/// Restores a checked backup in one transaction and returns what was written.
async fn restore(
    db: &Db,
    backup: &Backup,
    mode: RestoreMode,
    progress: &Callback<Progress>,
) -> Result<RestorePlan, String> {
    // Only a merge compares with what is here; a replace clears it.
    let (here, unreadable_ids) = match mode {
        RestoreMode::Merge => storage::backup_records(db).await.map_err(|e| e.user_message())?,
        RestoreMode::Replace => Default::default(),
    };
    let keys: Vec<String> = here.settings.iter().map(|s| setting_key(s).to_string()).collect();
    let existing = Existing {
        sessions: &here.sessions,
        entries: &here.recovery_entries,
        photos: &here.photos,
        setting_keys: &keys,
        unreadable_ids: &unreadable_ids,
    };
    let plan = plan(backup, mode, existing);
    // A full replace leaves the device holding exactly the file: its day is the last backup.
    let status = plan.replace.then(|| {
        let day = backup.manifest.created_at.get(..10).unwrap_or_default();
        BackupStatus::after_backup(day)
    });
    let on_write = {
        let progress = progress.clone();
        move |done, total| progress.emit(Progress::at("Writing", done, total))
    };
    storage::restore_backup(db, backup, &plan, status.as_ref(), on_write)
        .await
        .map_err(|e| e.user_message())?;
    Ok(plan)
}

/// Why a restore did not happen: the message for the outcome, and one for the passphrase field
/// when the passphrase was missing or wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoreFailed {
    pub passphrase: Option<String>,
    pub message: String,
}

impl PhotoActions {
    /// Reads, checks and restores a backup file, then shows what is stored now. Replies with the
    /// summary of what was written, or why nothing was.
    pub fn restore_backup(
        &self,
        file: web_sys::File,
        passphrase: String,
        mode: RestoreMode,
        progress: Callback<Progress>,
        done: Callback<Result<String, RestoreFailed>>,
    ) {
        let failed = |message: String| RestoreFailed { passphrase: None, message };
        let Some(db) = self.db.clone() else {
            done.emit(Err(failed(NOT_OPEN.into())));
            return;
        };
        let (app, library) = (self.app.clone(), self.library.clone());
        let in_flight = WriteInFlight::start();
        wasm_bindgen_futures::spawn_local(async move {
            let _in_flight = in_flight;
            let result = match read_backup(&file, &passphrase, &progress).await {
                Ok(backup) => match restore(&db.0, &backup, mode, &progress).await {
                    Ok(plan) => {
                        super::reload(&db.0, &app, &library).await;
                        crate::ui::platform::tabs::announce_change();
                        Ok(plan.summary())
                    }
                    Err(error) => Err(failed(format!("{error} Nothing on this device was changed."))),
                },
                Err(error @ (BackupError::NeedsPassphrase | BackupError::WrongPassphrase)) => {
                    Err(RestoreFailed {
                        passphrase: Some(error.user_message()),
                        message: "The backup was not restored.".into(),
                    })
                }
                Err(error) => Err(failed(error.user_message())),
            };
            done.emit(result);
        });
    }
}

/// Opens the browser's print dialog, where "Save as PDF" is.
pub fn print_page() -> Result<(), String> {
    web_sys::window().and_then(|w| w.print().ok()).ok_or_else(|| {
        "This browser could not open its print dialog. Use its menu: Print, or Share and Print.".into()
    })
}
