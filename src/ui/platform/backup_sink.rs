//! The backup file as it is written, sealed in chunks when a passphrase is given, so a library of
//! gigabytes passes through memory one photo at a time. Its parts go, as they come:
//! - from 400 MB, where the browser can write files, into a file of the origin-private file
//!   system, in a folder of this page's own under `backup`: Chromium cannot read a `Blob` built
//!   from parts past a limit of its own (a 2 GB backup's download was cancelled on every machine
//!   measured, 600 MB on one), and reads a file on disk of any size (2 GB measured). The file is
//!   written by a photo worker of its own through a synchronous access handle (synchronous
//!   throughout since Chromium 108, Firefox 111 and Safari 17; earlier ones' promises are waited
//!   for), straight into the file and off the page's thread, while the page
//!   reads the next photo; where a worker cannot, by the page's `createWritable` stream, which
//!   writes through a swap file (2 GB: 9.0 s against 3.1 s here). A page's file is replaced by
//!   its next backup, and
//!   removed by the next page of the app to open once its page is gone (each page holds a Web
//!   Lock while it lives), so a backup's copy does not stay on the device and never goes while
//!   its page still offers it;
//! - below that, or elsewhere, into one `Blob` per photo (which the browser may keep on disk), put
//!   together at the end.

use js_sys::{Array, ArrayBuffer, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, File, FilePropertyBag, FileSystemDirectoryHandle, FileSystemFileHandle,
    FileSystemGetDirectoryOptions, FileSystemGetFileOptions, FileSystemRemoveOptions,
    FileSystemWritableFileStream,
};

use crate::domain::backup::sealed_stream::Chunker;
use crate::ui::platform::crypto::StreamKey;
use crate::ui::platform::locks::{hold_while_page_lives, lock_names_in_use};
use crate::ui::platform::photo_worker::{FileAnswer, PhotoWorker};

/// The origin-private file system's folder for backups being made: a folder in it per page,
/// named by [`page_id`].
const BACKUP_FOLDER: &str = "backup";
/// The lock a page holds while it lives, with its id after it.
const PAGE_LOCK: &str = "remodel-page-";

thread_local! {
    static PAGE_ID: String = format!("{:016x}", (js_sys::Math::random() * 2f64.powi(53)) as u64);
}

/// This page's id: its folder's name, held as a lock while the page lives (from its first
/// backup), so other pages leave its file alone and remove it once the page is gone.
fn page_id() -> String {
    PAGE_ID.with(String::clone)
}

/// Where the parts go.
enum Output {
    /// Blobs made of the parts so far.
    Blobs(Array),
    /// A file being written on disk by the page's stream.
    Disk { handle: FileSystemFileHandle, writable: FileSystemWritableFileStream },
    /// A file being written on disk by a worker, with the answer to the last parts sent.
    Worker { handle: FileSystemFileHandle, worker: PhotoWorker, writing: Option<FileAnswer> },
}

/// A backup file being written.
pub struct BackupSink {
    output: Output,
    /// Parts since the last [`BackupSink::flush`].
    pending: Array,
    sealing: Option<(StreamKey, Chunker)>,
}

/// Removes the backup files of pages that are gone (each page's folder, unless its page's lock is
/// held or asked for). Best effort: without the file system nothing is there; without Web Locks
/// no page can be known to be gone, so nothing is removed here (each page still replaces its own).
pub async fn forget_backup_files() {
    let Some(folder) = backup_folder(false).await else { return };
    // The folders first, then the locks: a page that made its folder after the listing is not
    // in it, and one listed had asked for its lock before making its folder.
    let Some(pages) = entry_names(&folder).await else { return };
    let Some(in_use) = lock_names_in_use().await else { return };
    for page in pages {
        // This page's own folder is never another's to remove.
        if page != page_id() && !in_use.contains(&format!("{PAGE_LOCK}{page}")) {
            remove(&folder, &page).await;
        }
    }
}

/// Removes this page's backup file (after "delete everything": no copy of the data stays).
pub async fn forget_own_backup_file() {
    if let Some(folder) = backup_folder(false).await {
        remove(&folder, &page_id()).await;
    }
}

/// The names in `folder`, where the browser can list them.
async fn entry_names(folder: &FileSystemDirectoryHandle) -> Option<Vec<String>> {
    if !Reflect::has(folder, &"keys".into()).unwrap_or(false) {
        return None;
    }
    let mut names = Vec::new();
    let iterator = folder.keys();
    loop {
        let next = JsFuture::from(iterator.next().ok()?).await.ok()?;
        if Reflect::get(&next, &"done".into()).map_or(true, |done| done.is_truthy()) {
            return Some(names);
        }
        names.push(Reflect::get(&next, &"value".into()).ok()?.as_string()?);
    }
}

async fn remove(folder: &FileSystemDirectoryHandle, name: &str) {
    let options = FileSystemRemoveOptions::new();
    options.set_recursive(true);
    let _ = JsFuture::from(folder.remove_entry_with_options(name, &options)).await;
}

/// The app's backup folder (made when `create`), where the browser has the file system.
async fn backup_folder(create: bool) -> Option<FileSystemDirectoryHandle> {
    let storage = web_sys::window()?.navigator().storage();
    // `getDirectory` itself is missing in older browsers: calling it would throw.
    if !Reflect::has(&storage, &"getDirectory".into()).unwrap_or(false) {
        return None;
    }
    let root: FileSystemDirectoryHandle =
        JsFuture::from(storage.get_directory()).await.ok()?.dyn_into().ok()?;
    folder_in(&root, BACKUP_FOLDER, create).await
}

async fn folder_in(
    parent: &FileSystemDirectoryHandle,
    name: &str,
    create: bool,
) -> Option<FileSystemDirectoryHandle> {
    let options = FileSystemGetDirectoryOptions::new();
    options.set_create(create);
    JsFuture::from(parent.get_directory_handle_with_options(name, &options)).await.ok()?.dyn_into().ok()
}

/// Whether this browser's page can write files (`createWritable`, on the prototype).
fn page_can_write_files() -> bool {
    let handle = Reflect::get(&js_sys::global(), &"FileSystemFileHandle".into()).ok();
    let prototype = handle.and_then(|h| Reflect::get(&h, &"prototype".into()).ok());
    prototype.is_some_and(|p| Reflect::has(&p, &"createWritable".into()).unwrap_or(false))
}

/// A new file `name` in this page's emptied folder, open for writing: by a worker where one can,
/// by the page where it can, `None` (and nothing left on disk) where neither can.
async fn disk_output(name: &str) -> Option<Output> {
    let folder = backup_folder(true).await?;
    let page = page_id();
    // The lock is held before the folder is made, so no other page takes the folder for a gone
    // page's.
    hold_while_page_lives(&format!("{PAGE_LOCK}{page}")).await;
    // This page's earlier backup goes: it was handed over, or is replaced by this one.
    remove(&folder, &page).await;
    let output = file_output(&folder, &page, name).await;
    if output.is_none() {
        remove(&folder, &page).await;
    }
    output
}

async fn file_output(folder: &FileSystemDirectoryHandle, page: &str, name: &str) -> Option<Output> {
    let own = folder_in(folder, page, true).await?;
    let create = FileSystemGetFileOptions::new();
    create.set_create(true);
    let handle: FileSystemFileHandle =
        JsFuture::from(own.get_file_handle_with_options(name, &create)).await.ok()?.dyn_into().ok()?;
    if let Ok(worker) = PhotoWorker::start() {
        if worker.open_file(&[BACKUP_FOLDER, page], name).await.is_ok() {
            return Some(Output::Worker { handle, worker, writing: None });
        }
        // It started for this file alone.
        worker.terminate();
    }
    if !page_can_write_files() {
        return None;
    }
    let writable = JsFuture::from(handle.create_writable()).await.ok()?.dyn_into().ok()?;
    Some(Output::Disk { handle, writable })
}

/// From this size a backup is written to disk where the browser can: below it, blobs are faster
/// (measured here: see docs/BENCHMARKS.md, "Large backups written to disk") and still read back
/// (400 MB did on every machine measured; 600 MB did not on one).
pub const DISK_FROM_BYTES: u64 = 400_000_000;

impl BackupSink {
    /// The file `name`, plain or sealed under `passphrase` (its header and key check written
    /// now); on disk where the browser can when `on_disk` (the caller's choice: from
    /// [`DISK_FROM_BYTES`], and with room, as the file counts against the same quota as the
    /// photos it copies), else as blobs.
    pub async fn new(passphrase: Option<&str>, name: &str, on_disk: bool) -> Result<BackupSink, JsValue> {
        let disk = match on_disk {
            true => disk_output(name).await,
            false => None,
        };
        let output = disk.unwrap_or_else(|| Output::Blobs(Array::new()));
        let mut sink = BackupSink { output, pending: Array::new(), sealing: None };
        if let Some(passphrase) = passphrase {
            let key = StreamKey::create(passphrase).await?;
            sink.pending.push(&Uint8Array::from(key.header()));
            let check = key.seal(0, false, &[]).await?;
            sink.pending.push(&check);
            let chunker = Chunker::new(&key.stream);
            sink.sealing = Some((key, chunker));
        }
        Ok(sink)
    }

    /// Adds bytes of the zip.
    pub async fn write(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        match &mut self.sealing {
            None => {
                self.pending.push(&Uint8Array::from(bytes));
            }
            Some((key, chunker)) => {
                // A chunk at a time, so the chunker never holds a whole large photo.
                for piece in bytes.chunks(key.stream.chunk_bytes as usize) {
                    chunker.push(piece);
                    while let Some((counter, chunk)) = chunker.next_full() {
                        let sealed = key.seal(counter, false, &chunk).await?;
                        self.pending.push(&sealed);
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether bytes written are sealed (and so must pass through the app's memory).
    pub fn is_sealed(&self) -> bool {
        self.sealing.is_some()
    }

    /// Adds a photo's bytes: `buffer` as the browser holds them, and `copied`, the same in the
    /// app's memory if the caller has them. A plain file takes the browser's buffer as it is (no
    /// copy at all); a sealed one needs the bytes here, and copies them if not given.
    pub async fn write_buffer(&mut self, buffer: &ArrayBuffer, copied: Option<&[u8]>) -> Result<(), JsValue> {
        if self.sealing.is_none() {
            self.pending.push(buffer);
            return Ok(());
        }
        match copied {
            Some(bytes) => self.write(bytes).await,
            None => self.write(&Uint8Array::new(buffer).to_vec()).await,
        }
    }

    /// Hands the parts so far over (written to the file, or made into one blob), so the buffers
    /// behind them can go.
    pub async fn flush(&mut self) -> Result<(), JsValue> {
        if self.pending.length() == 0 {
            return Ok(());
        }
        match &mut self.output {
            Output::Blobs(blobs) => {
                let blob = Blob::new_with_buffer_source_sequence(&self.pending)?;
                blobs.push(&blob);
            }
            Output::Worker { worker, writing, .. } => {
                let sent = worker.write_file(&self.pending)?;
                // The parts before these are waited for: at most two photos on their way.
                if let Some(before) = writing.replace(sent) {
                    before.bytes().await?;
                }
            }
            Output::Disk { writable, .. } => {
                // Each part handed to the stream as it is (no blob made of them first: one copy
                // fewer); the stream keeps them in order, so only the last write is awaited.
                let mut last = None;
                for part in self.pending.iter() {
                    let written = match part.dyn_ref::<ArrayBuffer>() {
                        Some(buffer) => writable.write_with_buffer_source(buffer)?,
                        None => writable.write_with_js_u8_array(part.unchecked_ref())?,
                    };
                    last = Some(written);
                }
                if let Some(last) = last {
                    JsFuture::from(last).await?;
                }
            }
        }
        self.pending = Array::new();
        Ok(())
    }

    /// The finished file (the last chunk sealed as last).
    pub async fn finish(mut self, name: &str, mime: &str) -> Result<File, JsValue> {
        if let Some((key, chunker)) = self.sealing.take() {
            let (counter, last) = chunker.finish();
            let sealed = key.seal(counter, true, &last).await?;
            self.pending.push(&sealed);
        }
        self.flush().await?;
        // The output stays the sink's until the file is whole: a step that fails leaves it to
        // `Drop`, which lets go of the file.
        let file = match &mut self.output {
            Output::Blobs(blobs) => {
                let options = FilePropertyBag::new();
                options.set_type(mime);
                File::new_with_blob_sequence_and_options(blobs, name, &options)?
            }
            Output::Worker { handle, worker, writing } => {
                if let Some(last) = writing.take() {
                    last.bytes().await?;
                }
                // Closing flushes the file to the disk (0.7 s for 2 GB here); taking the file
                // before that measured no faster over runs, so it is taken once closed.
                worker.close_file()?.bytes().await?;
                JsFuture::from(handle.get_file()).await?.dyn_into()?
            }
            Output::Disk { handle, writable } => {
                JsFuture::from(writable.close()).await?;
                // The file on disk itself (named `name` when it was made): a file wrapping it
                // would be a blob built from a part again.
                JsFuture::from(handle.get_file()).await?.dyn_into()?
            }
        };
        // Whole and closed: nothing left for `Drop` to let go of.
        self.output = Output::Blobs(Array::new());
        Ok(file)
    }
}

impl Drop for BackupSink {
    /// A backup that stopped before its end (an error, a limit) lets go of what it wrote: the
    /// worker empties the file, or the stream is aborted, so its swap file goes. The empty file
    /// left is replaced by this page's next backup, or removed once the page is gone.
    fn drop(&mut self) {
        // Nothing to wait for: the abort settles on its own.
        match &self.output {
            Output::Disk { writable, .. } => {
                let _ = writable.abort();
            }
            Output::Worker { worker, .. } => {
                // Queued behind the writes sent; a worker that no longer answers is stopped by
                // its time limit, which lets go of the file too.
                let _ = worker.abort_file();
            }
            Output::Blobs(_) => {}
        }
    }
}
