//! The worker's file: one file of the origin-private file system at a time, written through a
//! synchronous access handle. Only a worker has one, and it writes straight into the file: a
//! page's `createWritable` stream writes into a swap file that `close()` puts in place (2 GB took
//! 9.0 s that way and 3.1 s this way, in Chromium here). The page sends the parts of a large
//! backup here as it reads them, so reading and writing overlap.
//!
//! Requests come in order and the page waits for the open before writing. Writing is synchronous,
//! so writes never interleave; closing and aborting take the file before they wait for anything,
//! so a request after them finds no file open.

use std::cell::RefCell;

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemGetDirectoryOptions, FileSystemGetFileOptions,
    FileSystemReadWriteOptions, FileSystemSyncAccessHandle, WorkerGlobalScope,
};

/// Said when the browser gives the worker no file to write (no synchronous access handle, or
/// the file is held by another): the page then writes it another way.
const NO_FILE: &str = "This browser could not open a file for the backup here.";

/// Said when a write fails: the device is full, most often.
const NOT_WRITTEN: &str =
    "The backup file could not be written: this device may be out of space for this app. Free some space and try again. Nothing was changed.";

/// Said when a part comes with no file open.
const NOT_OPEN: &str = "The backup file is not open.";

struct OpenFile {
    handle: FileSystemSyncAccessHandle,
    /// Bytes written so far: where the next part goes.
    at: f64,
}

thread_local! {
    static FILE: RefCell<Option<OpenFile>> = const { RefCell::new(None) };
}

/// Opens `name` in the folders `path` (each made if missing), emptied.
pub async fn open(scope: &WorkerGlobalScope, path: &[String], name: &str) -> Result<(), String> {
    close_quietly().await;
    let handle = sync_handle(scope, path, name).await.ok_or(NO_FILE)?;
    // Emptied: a file left by an earlier backup of this page is written over from its start.
    settled(&handle, "truncate", &Array::of1(&0.into())).await.map_err(|_| NO_FILE)?;
    FILE.with(|file| *file.borrow_mut() = Some(OpenFile { handle, at: 0.0 }));
    Ok(())
}

async fn sync_handle(
    scope: &WorkerGlobalScope,
    path: &[String],
    name: &str,
) -> Option<FileSystemSyncAccessHandle> {
    let mut folder: FileSystemDirectoryHandle =
        JsFuture::from(scope.navigator().storage().get_directory()).await.ok()?.dyn_into().ok()?;
    let make_folder = FileSystemGetDirectoryOptions::new();
    make_folder.set_create(true);
    for part in path {
        let next = folder.get_directory_handle_with_options(part, &make_folder);
        folder = JsFuture::from(next).await.ok()?.dyn_into().ok()?;
    }
    let make_file = FileSystemGetFileOptions::new();
    make_file.set_create(true);
    let file: FileSystemFileHandle =
        JsFuture::from(folder.get_file_handle_with_options(name, &make_file)).await.ok()?.dyn_into().ok()?;
    // Missing where the browser has none (it would throw, not reject).
    if !js_sys::Reflect::has(&file, &"createSyncAccessHandle".into()).unwrap_or(false) {
        return None;
    }
    JsFuture::from(file.create_sync_access_handle()).await.ok()?.dyn_into().ok()
}

/// Appends `parts` (`ArrayBuffer`s or `Uint8Array`s) in order; returns the file's size. The
/// parts are left to the collector: detaching each once written (`ArrayBuffer.transfer(0)`, as the
/// page does with its buffers) made Chromium's worker hold every part instead (600 MB resident
/// for 600 MB written, against 85 MB left alone, measured with plain 2 MB parts).
pub fn write(parts: impl Iterator<Item = JsValue>) -> Result<u64, String> {
    FILE.with(|file| {
        let mut file = file.borrow_mut();
        let open = file.as_mut().ok_or(NOT_OPEN)?;
        for part in parts {
            let view = match part.dyn_into::<Uint8Array>() {
                Ok(view) => view,
                Err(buffer) => Uint8Array::new(&buffer),
            };
            let options = FileSystemReadWriteOptions::new();
            options.set_at(open.at);
            let written = open.handle.write_with_buffer_source_and_options(&view, &options);
            // A short write is a full disk as much as an error is.
            match written {
                Ok(bytes) if bytes == f64::from(view.length()) => open.at += bytes,
                _ => return Err(NOT_WRITTEN.to_string()),
            }
        }
        Ok(open.at as u64)
    })
}

/// Closes the file (which flushes what is left); returns its size.
pub async fn close() -> Result<u64, String> {
    let open = FILE.with(|file| file.borrow_mut().take()).ok_or(NOT_OPEN)?;
    settled(&open.handle, "close", &Array::new()).await.map_err(|_| NOT_WRITTEN)?;
    Ok(open.at as u64)
}

/// Empties and closes the file, if one is open: a backup that stopped keeps no bytes on disk.
pub async fn abort() {
    if let Some(open) = FILE.with(|file| file.borrow_mut().take()) {
        let _ = settled(&open.handle, "truncate", &Array::of1(&0.into())).await;
        let _ = settled(&open.handle, "close", &Array::new()).await;
    }
}

/// Closes the file, if one is open.
async fn close_quietly() {
    if let Some(open) = FILE.with(|file| file.borrow_mut().take()) {
        let _ = settled(&open.handle, "close", &Array::new()).await;
    }
}

/// Calls the handle's `method`, and waits for it where it returns a promise: `truncate` and
/// `close` did before Chromium 108 and Safari 17, and a file taken before its close settled could
/// miss its end.
async fn settled(handle: &FileSystemSyncAccessHandle, method: &str, args: &Array) -> Result<(), JsValue> {
    let function: Function = Reflect::get(handle, &method.into())?.dyn_into()?;
    let result = function.apply(handle, args)?;
    if let Some(promise) = result.dyn_ref::<Promise>() {
        JsFuture::from(promise.clone()).await?;
    }
    Ok(())
}
