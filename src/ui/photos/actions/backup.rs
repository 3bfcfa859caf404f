//! The data page's effects: making a backup (restoring one is `super::restore`). Components call
//! these; none of them renders.

use js_sys::Uint8Array;
use yew::Callback;

use crate::domain::backup::container::{BackupWriter, FileSum, WriteError};
use crate::domain::backup::file_name;
use crate::domain::backup::nudge::BackupStatus;
use crate::domain::device::storage_usage::format_bytes;
use crate::storage::{self, Db, StoredFile};
use crate::ui::platform::backup_sink::{BackupSink, DISK_FROM_BYTES};
use crate::ui::platform::buffers::release;
use crate::ui::platform::clock::now_local;
use crate::ui::platform::overlap::both;

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

/// The least time between two progress updates of one step.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// One step's progress, said at its start, at its end, and at most every [`PROGRESS_EVERY_MS`]
/// between: each update re-renders the page, and a backup said it for every photo (measured at
/// 200 photos and 2,000 check-ins: 2.9 s to build the file, 2.4 s with the updates paced).
pub struct PacedProgress {
    callback: Callback<Progress>,
    step: &'static str,
    last: std::cell::Cell<Option<f64>>,
}

impl PacedProgress {
    pub fn new(callback: Callback<Progress>, step: &'static str) -> PacedProgress {
        PacedProgress { callback, step, last: std::cell::Cell::new(None) }
    }

    pub fn at(&self, done: usize, total: usize) {
        let now = js_sys::Date::now();
        let due = self.last.get().is_none_or(|last| now - last >= PROGRESS_EVERY_MS);
        if due || done >= total {
            self.last.set(Some(now));
            self.callback.emit(Progress::at(self.step, done, total));
        }
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

thread_local! {
    /// Whether this page is making a backup: a second at once would write over the first's file.
    static MAKING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// This page's backup under way, until dropped.
struct Making;

impl Making {
    fn start() -> Option<Making> {
        (!MAKING.replace(true)).then_some(Making)
    }
}

impl Drop for Making {
    fn drop(&mut self) {
        MAKING.set(false);
    }
}

/// Builds a backup file of everything on the device, encrypted when a passphrase is given, one
/// photo at a time: each is read from the database, checked into the zip's directory and handed
/// to the browser's file before the next is read. Nothing is handed over or recorded yet.
pub async fn make_backup(
    db: &Db,
    passphrase: Option<String>,
    progress: Callback<Progress>,
) -> Result<ReadyBackup, String> {
    let Some(_making) = Making::start() else {
        return Err("A backup is already being made on this page. Wait for it to finish.".into());
    };
    let created_at = now_local();
    let (mut records, unreadable) = storage::backup_records(db).await.map_err(|e| e.user_message())?;
    // A sentence of the file's writer (a full disk, say) as it is; the browser's errors in ours.
    let browser_failed = |error: wasm_bindgen::JsValue| {
        error
            .as_string()
            .unwrap_or_else(|| "The browser could not make the backup file. Nothing was changed.".into())
    };
    let name = file_name(&created_at);
    let expected: u64 = records.photos.iter().map(|p| u64::from(p.stored_bytes)).sum();
    // The quota is asked only when the file could go on disk.
    let on_disk = expected >= DISK_FROM_BYTES
        && storage::storage_usage().await.is_some_and(|usage| usage.has_room_for(expected));
    let mut sink = BackupSink::new(passphrase.as_deref(), &name, on_disk).await.map_err(browser_failed)?;
    let mut writer = BackupWriter::new();
    let total = records.photos.len();
    // One photo is written into the file while the next is read from the database.
    let mut current: Option<(String, StoredFile, StoredFile)> = None;
    let copying = PacedProgress::new(progress.clone(), "Copying photos");
    for at in 0..=total {
        let loading = async {
            match records.photos.get(at) {
                Some(photo) => storage::load_photo_files(db, &photo.id)
                    .await
                    .map(|files| files.map(|(w, t)| (photo.id.clone(), w, t))),
                None => Ok(None),
            }
        };
        let writing = async {
            // A photo whose bytes are missing is left out, and counted.
            let Some((id, working, thumb)) = current.take() else { return Ok::<(), String>(()) };
            let sealed = sink.is_sealed();
            let (working_sum, working_copy) = summed(&working, sealed);
            let (thumb_sum, thumb_copy) = summed(&thumb, sealed);
            let headers = writer.add_photo_summed(&id, working_sum, thumb_sum).map_err(write_failed)?;
            sink.write(&headers.working).await.map_err(browser_failed)?;
            sink.write_buffer(&working.bytes, working_copy.as_deref()).await.map_err(browser_failed)?;
            sink.write(&headers.thumb).await.map_err(browser_failed)?;
            sink.write_buffer(&thumb.bytes, thumb_copy.as_deref()).await.map_err(browser_failed)?;
            sink.flush().await.map_err(browser_failed)?;
            // The file's blob holds the bytes now: the database's copies can go.
            release(&working.bytes);
            release(&thumb.bytes);
            Ok(())
        };
        let (loaded, written) = both(loading, writing).await;
        written?;
        current = loaded.map_err(|e| e.user_message())?;
        if at > 0 {
            copying.at(at, total);
        }
    }
    let before = records.photos.len();
    records.photos.retain(|p| writer.has_photo(&p.id));
    let left_out = unreadable.len() + before - records.photos.len();
    let tail = writer.finish(&records, &created_at).map_err(write_failed)?;
    sink.write(&tail).await.map_err(browser_failed)?;
    let file = sink.finish(&name, BACKUP_MIME).await.map_err(browser_failed)?;
    progress.emit(Progress::at("Ready", 1, 1));
    Ok(ReadyBackup { file, status: BackupStatus::after_backup(&created_at[..10]), left_out })
}

/// A stored copy's size and CRC-32, and its bytes in the app's memory when they had to come
/// there: to be sealed, or to be summed when stored before their sum was kept. A plain backup of
/// photos stored with their sums never copies their bytes out of the browser's buffers.
fn summed(file: &StoredFile, sealed: bool) -> (FileSum, Option<Vec<u8>>) {
    let copy = || Uint8Array::new(&file.bytes).to_vec();
    match file.crc32 {
        Some(crc32) => (FileSum { len: file.bytes.byte_length().into(), crc32 }, sealed.then(copy)),
        None => {
            let bytes = copy();
            (FileSum::of(&bytes), Some(bytes))
        }
    }
}

/// A writer's refusal in its own words (a limit), or as a failure to make the file.
fn write_failed(error: WriteError) -> String {
    match error {
        WriteError::TooLarge(sentence) => sentence,
        WriteError::Broken(detail) => {
            format!("The backup could not be made ({detail}). Nothing was changed.")
        }
    }
}

/// Notes on this device that a backup was handed over (shared, or saved and confirmed).
pub async fn record_backup(db: &Db, status: &BackupStatus) -> Result<(), String> {
    storage::save_backup_status(db, status)
        .await
        .map_err(|_| "The file was handed over, but this device could not note the day of the backup.".into())
}

/// Opens the browser's print dialog, where "Save as PDF" is.
pub fn print_page() -> Result<(), String> {
    web_sys::window().and_then(|w| w.print().ok()).ok_or_else(|| {
        "This browser could not open its print dialog. Use its menu: Print, or Share and Print.".into()
    })
}
