//! Restoring a backup file: read and checked one entry at a time from the chosen file, the new
//! photos' bytes staged as they pass, then the records switched over in one small transaction
//! (`storage::restore_stage` says why that is all-or-nothing). Memory holds one photo.

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;

use yew::Callback;

use super::backup::{PacedProgress, Progress};
use super::{PhotoActions, NOT_OPEN};
use crate::domain::backup::nudge::BackupStatus;
use crate::domain::backup::read::{open_backup, OpenedBackup};
use crate::domain::backup::restore::{plan, Existing, RestoreMode, RestorePlan};
use crate::domain::backup::{setting_key, BackupError};
use crate::storage::{self, Db, StorageError, StoredIds};
use crate::ui::platform::backup_source::BackupSource;
use crate::ui::platform::buffers::release;
use crate::ui::platform::leaving::WriteInFlight;
use crate::ui::platform::locks::exclusively;
use crate::ui::platform::overlap::both;

/// Said while another tab's restore runs and this one waits for it.
const WAITING_FOR_OTHER_TAB: &str = "Waiting for a restore in another tab or window to finish";

/// Why a restore did not happen: the message for the outcome, and one for the passphrase field
/// when the passphrase was missing or wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoreFailed {
    pub passphrase: Option<String>,
    pub message: String,
}

/// A restore stopped by the file (nothing written) or by the device (staged bytes removed).
enum Stopped {
    File(BackupError),
    Device(String),
}

impl From<BackupError> for Stopped {
    fn from(error: BackupError) -> Stopped {
        Stopped::File(error)
    }
}

fn device(error: StorageError) -> Stopped {
    Stopped::Device(error.user_message())
}

/// What the device has now, for planning: (its records, ids of records it cannot read).
async fn here(db: &Db, mode: RestoreMode) -> Result<(crate::domain::backup::Records, Vec<String>), Stopped> {
    match mode {
        RestoreMode::Merge => storage::backup_records(db).await.map_err(device),
        RestoreMode::Replace => Ok(Default::default()),
    }
}

/// Plans the restore of `opened` against what is here.
async fn plan_for(db: &Db, opened: &OpenedBackup, mode: RestoreMode) -> Result<RestorePlan, Stopped> {
    let (here, unreadable_ids) = here(db, mode).await?;
    let keys: Vec<String> = here.settings.iter().map(|s| setting_key(s).to_string()).collect();
    let existing = Existing {
        sessions: &here.sessions,
        entries: &here.recovery_entries,
        photos: &here.photos,
        setting_keys: &keys,
        unreadable_ids: &unreadable_ids,
    };
    Ok(plan(&opened.records, mode, existing))
}

/// A photo's bytes being staged.
type Staging<'a> = Pin<Box<dyn Future<Output = Result<(), StorageError>> + 'a>>;

/// Reads every photo of the file (each checked as it is read) and stages the bytes of those the
/// plan adds and the device lacks; returns the ids staged that had no bytes here. One photo is written while the next is
/// read, so the file and the database work at once. On an error, what was staged is removed.
async fn stage(
    db: &Db,
    source: &mut BackupSource,
    opened: &OpenedBackup,
    plan: &RestorePlan,
    stored: &StoredIds,
    progress: &Callback<Progress>,
) -> Result<Vec<String>, Stopped> {
    let wanted: HashSet<usize> = plan.photos.iter().filter_map(|(_, at)| *at).collect();
    let total = opened.records.photos.len();
    let mut staged = Vec::new();
    let mut writing: Option<Staging<'_>> = None;
    let mut outcome = Ok(());
    let copying = PacedProgress::new(progress.clone(), "Checking and copying photos");
    for at in 0..=total {
        let previous = writing.take();
        let written = async move {
            match previous {
                Some(write) => write.await,
                None => Ok(()),
            }
        };
        let read = async {
            match at < total {
                true => opened.read_photo(source, at).await.map(Some),
                false => Ok(None),
            }
        };
        let (read, written) = both(read, written).await;
        if let Err(error) = written {
            outcome = Err(device(error));
            break;
        }
        if at > 0 {
            copying.at(at, total);
        }
        match read {
            Err(error) => {
                outcome = Err(Stopped::File(error));
                break;
            }
            Ok(Some(files)) if wanted.contains(&at) && !stored.whole.contains(&files.id) => {
                // Only bytes that were not here at all are removed if the restore fails: a photo
                // missing one copy gets both, and keeps the one it had.
                if !stored.any.contains(&files.id) {
                    staged.push(files.id.clone());
                }
                let sums = (files.working_crc32, files.thumb_crc32);
                let (id, working, thumb) = (files.id, files.working.into_buffer(), files.thumb.into_buffer());
                writing = Some(Box::pin(async move {
                    let stored =
                        storage::stage_photo_bytes(db, &id, (&working, sums.0), (&thumb, sums.1)).await;
                    // Stored (or not): the browser's copies can go now, not at the next collection.
                    release(&working);
                    release(&thumb);
                    stored
                }));
            }
            Ok(_) => {}
        }
    }
    if let Err(stopped) = outcome {
        // Best effort: bytes left behind have no record, and the next restore sweeps them.
        let _ = storage::discard_staged(db, &staged).await;
        return Err(stopped);
    }
    Ok(staged)
}

/// Reads, checks and restores `file`; returns what was written.
async fn run(
    db: &Db,
    file: web_sys::File,
    passphrase: &str,
    mode: RestoreMode,
    progress: &Callback<Progress>,
) -> Result<RestorePlan, Stopped> {
    progress.emit(Progress::at("Reading the file", 0, 1));
    let mut source = BackupSource::open(file, passphrase).await?;
    let opened = open_backup(&mut source).await?;
    let plan = plan_for(db, &opened, mode).await?;
    storage::sweep_unowned_bytes(db).await.map_err(device)?;
    let stored = storage::ids_with_bytes(db).await.map_err(device)?;
    let staged = stage(db, &mut source, &opened, &plan, &stored, progress).await?;

    // A replace deletes the bytes of photos the file does not have.
    let in_file: HashSet<&str> = opened.records.photos.iter().map(|p| p.id.as_str()).collect();
    let dropped: Vec<String> =
        stored.any.iter().filter(|id| !in_file.contains(id.as_str())).cloned().collect();
    // A full replace leaves the device holding exactly the file: its day is the last backup.
    let status = plan
        .replace
        .then(|| BackupStatus::after_backup(opened.manifest.created_at.get(..10).unwrap_or_default()));
    let on_write = {
        let writing = PacedProgress::new(progress.clone(), "Writing");
        move |done, total| writing.at(done, total)
    };
    if let Err(error) = storage::switch_to_restored(db, &plan, status.as_ref(), &dropped, on_write).await {
        let _ = storage::discard_staged(db, &staged).await;
        return Err(device(error));
    }
    Ok(plan)
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
            // One restore at a time across tabs: a restore's sweep would take another's staged bytes.
            let waiting = {
                let progress = progress.clone();
                move || progress.emit(Progress::at(WAITING_FOR_OTHER_TAB, 0, 1))
            };
            let outcome =
                exclusively("remodel-restore", waiting, run(&db.0, file, &passphrase, mode, &progress)).await;
            let result = match outcome {
                Ok(plan) => {
                    super::reload(&db.0, &app, &library).await;
                    crate::ui::platform::tabs::announce_change();
                    Ok(plan.summary())
                }
                Err(Stopped::File(error @ (BackupError::NeedsPassphrase | BackupError::WrongPassphrase))) => {
                    Err(RestoreFailed {
                        passphrase: Some(error.user_message()),
                        message: "The backup was not restored.".into(),
                    })
                }
                Err(Stopped::File(error)) => Err(failed(error.user_message())),
                Err(Stopped::Device(error)) => {
                    Err(failed(format!("{error} Nothing on this device was changed.")))
                }
            };
            done.emit(result);
        });
    }
}
