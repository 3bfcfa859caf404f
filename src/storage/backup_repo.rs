//! Backups: every record and photo out of the database into a backup file, a checked backup back
//! in (in one transaction across every store), and deleting everything.
//!
//! Restores and deletions are single transactions over every store, so a page closed or a
//! disk filling up mid-way leaves the old data exactly as it was: IndexedDB commits all of it or
//! none. Photo bytes pass through as bytes: nothing here decodes an image.

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::JsValue;

use super::db::Db;
use super::db::Span;
use super::error::StorageError;
use super::idb_values::from_js;
use super::photos_repo::{load_photo_bytes, PhotoCopy, StoredPhotoBytes};
use super::schema::Store;
use super::write::Write;
use crate::domain::backup::container::{BackupWriter, WriteError};
use crate::domain::backup::nudge::BackupStatus;
use crate::domain::backup::restore::RestorePlan;
use crate::domain::backup::{setting_key, Backup, Records, SETTING_KEYS};
use crate::domain::profile::settings::keys;

/// Every record a backup carries, and the ids of stored records that could not be read (left
/// out of a backup; never written over by a merge).
pub async fn backup_records(db: &Db) -> Result<(Records, Vec<String>), StorageError> {
    let all =
        [Store::Sessions, Store::RecoveryEntries, Store::Photos, Store::Settings].map(|s| (s, Span::All));
    let (mut lists, _) = db.read_many(&all, &[]).await?;
    let settings: Vec<serde_json::Value> =
        lists.pop().unwrap_or_default().into_iter().filter_map(|v| from_js(v).ok()).collect();
    let mut unreadable = Vec::new();
    let photos = readable_noting(lists.pop().unwrap_or_default(), &mut unreadable);
    let recovery_entries = readable_noting(lists.pop().unwrap_or_default(), &mut unreadable);
    let sessions = readable_noting(lists.pop().unwrap_or_default(), &mut unreadable);
    let settings = settings.into_iter().filter(|s| SETTING_KEYS.contains(&setting_key(s))).collect();
    Ok((Records { sessions, recovery_entries, photos, settings }, unreadable))
}

/// The records that read as `T`; the id of each that doesn't is added to `unreadable` ("" when
/// it has none).
fn readable_noting<T: serde::de::DeserializeOwned>(
    values: Vec<JsValue>,
    unreadable: &mut Vec<String>,
) -> Vec<T> {
    let id_of = |value: &JsValue| {
        js_sys::Reflect::get(value, &JsValue::from_str("id"))
            .ok()
            .and_then(|id| id.as_string())
            .unwrap_or_default()
    };
    values
        .into_iter()
        .filter_map(|value| match from_js(value.clone()) {
            Ok(record) => Some(record),
            Err(_) => {
                unreadable.push(id_of(&value));
                None
            }
        })
        .collect()
}

/// A backup file being made.
pub struct BackupFile {
    pub bytes: Vec<u8>,
    /// Records left out: unreadable ones, and photos whose bytes are missing.
    pub left_out: usize,
}

/// Makes the backup file of everything on the device, one photo at a time;
/// `on_photo(done, total)` after each.
pub async fn write_backup(
    db: &Db,
    created_at: &str,
    on_photo: impl Fn(usize, usize),
) -> Result<BackupFile, StorageError> {
    let (mut records, unreadable) = backup_records(db).await?;
    let mut left_out = unreadable.len();
    let mut writer = BackupWriter::new();
    let total = records.photos.len();
    for (done, photo) in records.photos.iter().enumerate() {
        let working = load_photo_bytes(db, &photo.id, PhotoCopy::Working).await?;
        let thumb = load_photo_bytes(db, &photo.id, PhotoCopy::Thumb).await?;
        if let (Some(working), Some(thumb)) = (working, thumb) {
            let bytes = |buffer: ArrayBuffer| Uint8Array::new(&buffer).to_vec();
            writer.add_photo(&photo.id, &bytes(working), &bytes(thumb)).map_err(write_error)?;
        }
        on_photo(done + 1, total);
    }
    let before = records.photos.len();
    records.photos.retain(|p| writer.has_photo(&p.id));
    left_out += before - records.photos.len();
    let bytes = writer.finish(&records, created_at).map_err(write_error)?;
    Ok(BackupFile { bytes, left_out })
}

fn buffer(bytes: &[u8]) -> ArrayBuffer {
    Uint8Array::from(bytes).buffer()
}

/// Writes a planned restore in one transaction; `on_write(done, total)` as it goes. With
/// `plan.replace`, every store is cleared first and `status` becomes the device's backup status.
pub async fn restore_backup(
    db: &Db,
    backup: &Backup,
    plan: &RestorePlan,
    status: Option<&BackupStatus>,
    on_write: impl Fn(usize, usize),
) -> Result<(), StorageError> {
    let mut writes = Vec::new();
    if plan.replace {
        writes.extend(Store::ALL.map(Write::Clear));
    }
    if let Some(status) = status {
        writes.push(Write::put_keyed(Store::Settings, keys::BACKUP_STATUS, status)?);
    }
    for session in &plan.sessions {
        writes.push(Write::put(Store::Sessions, session)?);
    }
    for entry in &plan.entries {
        writes.push(Write::put(Store::RecoveryEntries, entry)?);
    }
    for setting in &plan.settings {
        writes.push(Write::put(Store::Settings, setting)?);
    }
    for (photo, index) in &plan.photos {
        // Without an index the photo is here already: only its record is newer.
        if let Some(index) = index {
            let files = backup
                .photo_files
                .get(*index)
                .ok_or_else(|| StorageError::Other("a photo's bytes are missing from the plan".into()))?;
            let bytes = StoredPhotoBytes::new(&photo.id, &buffer(&files.working), &buffer(&files.thumb))?;
            writes.extend(bytes.into_writes());
        }
        writes.push(Write::put(Store::Photos, photo)?);
    }
    db.write_batch_with_progress(writes, &on_write).await
}

/// Deletes every record and photo, in one transaction.
pub async fn delete_everything(db: &Db) -> Result<(), StorageError> {
    db.write_batch(Store::ALL.map(Write::Clear).into()).await
}

/// A writer error as storage reports it: a limit in its own words, anything else as a failure.
fn write_error(error: WriteError) -> StorageError {
    match error {
        WriteError::TooLarge(sentence) => StorageError::Refused(sentence),
        WriteError::Broken(detail) => StorageError::Other(detail),
    }
}
