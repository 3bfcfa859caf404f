//! Photos: each one's record in `photos`, its working copy in `photo_bytes` and its thumbnail in
//! `photo_thumbs`, written and deleted together in one transaction so a photo is never half there.
//!
//! A `photo_bytes` record is `{ id, working: ArrayBuffer, crc32 }` and a `photo_thumbs` record
//! `{ id, thumb: ArrayBuffer, crc32 }`: JPEGs as raw bytes (not Blobs, which Safari loses in IndexedDB;
//! not base64 or number arrays, which would cost a third more or many times more). Apart, so a
//! gallery tile reads its thumbnail only (before version 3 both were in one record). The bytes go from the worker to storage, and
//! from storage to an image's object URL, without ever being copied into wasm memory.
//!
//! `crc32` is the bytes' CRC-32, worked out once where they are made (the photo worker, or a
//! restore that checked them) so that a backup never reads them into wasm memory to sum them.
//! Records stored before it was kept have none; a backup sums those itself.

use js_sys::{ArrayBuffer, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::db::Db;
use super::db::Span;
use super::error::StorageError;
use super::idb_values::{classify, from_js};
use super::records::readable;
use super::schema::Store;
use super::settings_repo::load_backup_status;
use super::write::Write;
use crate::domain::photos::photo::Photo;
use crate::domain::photos::redness::RednessReading;
use crate::domain::profile::settings::keys;

/// The field of a bytes record that holds its bytes' CRC-32.
const CRC32: &str = "crc32";

/// One stored copy as a backup reads it: its bytes and, when stored with them, their CRC-32.
pub struct StoredFile {
    pub bytes: ArrayBuffer,
    pub crc32: Option<u32>,
}

impl StoredFile {
    fn from_record(record: &JsValue, copy: PhotoCopy) -> Option<StoredFile> {
        let field = |name: &str| Reflect::get(record, &JsValue::from_str(name)).ok();
        let bytes = field(copy.field())?.dyn_into::<ArrayBuffer>().ok()?;
        // Only a whole number a CRC-32 can be: anything else is summed again.
        let crc32 = field(CRC32)
            .and_then(|v| v.as_f64())
            .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as u32);
        Some(StoredFile { bytes, crc32 })
    }
}

/// Which stored copy of a photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoCopy {
    /// Long side up to 2048 px: the photo page, compare, the ghost overlay.
    Working,
    /// Long side up to 256 px: the gallery.
    Thumb,
}

impl PhotoCopy {
    fn field(self) -> &'static str {
        match self {
            PhotoCopy::Working => "working",
            PhotoCopy::Thumb => "thumb",
        }
    }

    fn store(self) -> Store {
        match self {
            PhotoCopy::Working => Store::PhotoBytes,
            PhotoCopy::Thumb => Store::PhotoThumbs,
        }
    }
}

/// A photo's stored bytes records (working copy, thumbnail), held as they are (to put back on
/// Undo).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredPhotoBytes {
    working: Option<JsValue>,
    thumb: Option<JsValue>,
}

impl StoredPhotoBytes {
    /// The records for a photo's working copy and thumbnail, each with its bytes' CRC-32.
    pub fn new(
        id: &str,
        working: (&ArrayBuffer, u32),
        thumb: (&ArrayBuffer, u32),
    ) -> Result<StoredPhotoBytes, StorageError> {
        let record = |copy: PhotoCopy, (bytes, crc32): (&ArrayBuffer, u32)| {
            let record = Object::new();
            let set = |key: &str, value: &JsValue| {
                Reflect::set(&record, &JsValue::from_str(key), value)
                    .map_err(|_| StorageError::Other("could not build the photo record".into()))
            };
            set("id", &JsValue::from_str(id))?;
            set(copy.field(), bytes)?;
            set(CRC32, &JsValue::from_f64(crc32.into()))?;
            Ok::<JsValue, StorageError>(record.into())
        };
        Ok(StoredPhotoBytes {
            working: Some(record(PhotoCopy::Working, working)?),
            thumb: Some(record(PhotoCopy::Thumb, thumb)?),
        })
    }

    /// The puts that store these bytes.
    pub(super) fn into_writes(self) -> Vec<Write> {
        [(Store::PhotoBytes, self.working), (Store::PhotoThumbs, self.thumb)]
            .into_iter()
            .filter_map(|(store, record)| record.map(|r| Write::Put(store, r)))
            .collect()
    }
}

/// Every photo's record (never pixels), and how many records could not be read.
pub async fn load_photos(db: &Db) -> Result<(Vec<Photo>, usize), StorageError> {
    let (mut all, _) = db.read_many(&[(Store::Photos, Span::All)], &[]).await?;
    Ok(readable(all.pop().unwrap_or_default()))
}

/// Stores a new photo: its record and its bytes in one transaction (both, or on any failure
/// such as a full disk, neither).
/// The photo is also counted towards the next backup nudge (`BackupStatus::photos_since`); if the
/// status can't be read, it is left as stored rather than rewritten without its last backup day.
pub async fn save_new_photo(db: &Db, photo: &Photo, bytes: StoredPhotoBytes) -> Result<(), StorageError> {
    let mut writes = bytes.into_writes();
    writes.push(Write::put(Store::Photos, photo)?);
    if let Ok(mut status) = load_backup_status(db).await {
        status.photos_since = status.photos_since.saturating_add(1);
        writes.push(Write::put_keyed(Store::Settings, keys::BACKUP_STATUS, &status)?);
    }
    db.write_batch(writes).await
}

/// Replaces a photo's record (its details); the bytes are untouched.
/// Saves an edit of a photo's details made from the version stamped `from` (its `updated` when
/// read): [`StorageError::Conflict`] if another tab saved a newer one meanwhile.
pub async fn update_photo(db: &Db, photo: &Photo, from: Option<&str>) -> Result<(), StorageError> {
    db.put_if_current(Store::Photos, &photo.id, photo, from).await
}

/// Stores a new redness reading on the photo's record *as it is stored now* (so a reading taken
/// while something else changed the photo, its alignment or card, never writes an older copy
/// back). Returns the updated record; `None` if the photo is gone.
pub async fn save_photo_reading(
    db: &Db,
    id: &str,
    reading: RednessReading,
) -> Result<Option<Photo>, StorageError> {
    let Some(value) = db.get_value(Store::Photos, id).await? else { return Ok(None) };
    let photo = Photo { redness: Some(reading), ..from_js::<Photo>(value)? };
    db.put(Store::Photos, &photo).await?;
    Ok(Some(photo))
}

/// One stored copy of a photo, as the bytes of a JPEG.
pub async fn load_photo_bytes(
    db: &Db,
    id: &str,
    copy: PhotoCopy,
) -> Result<Option<ArrayBuffer>, StorageError> {
    let Some(record) = db.get_value(copy.store(), id).await? else {
        return Ok(None);
    };
    let value = Reflect::get(&record, &JsValue::from_str(copy.field())).unwrap_or(JsValue::UNDEFINED);
    Ok(value.dyn_into::<ArrayBuffer>().ok())
}

/// A photo's working copy and thumbnail, read in one transaction (both requests made before
/// either is awaited); `None` when either is missing. A backup reads every photo this way.
pub async fn load_photo_files(db: &Db, id: &str) -> Result<Option<(StoredFile, StoredFile)>, StorageError> {
    db.retried(|| async {
        let copies = [PhotoCopy::Working, PhotoCopy::Thumb];
        let names = copies.map(|c| c.store().name());
        let transaction = db.transaction(&names, idb::TransactionMode::ReadOnly).await?;
        let mut requests = Vec::new();
        for copy in copies {
            let store = transaction.object_store(copy.store().name()).map_err(classify)?;
            requests.push(store.get(idb::Query::Key(JsValue::from_str(id))).map_err(classify)?);
        }
        let mut files = Vec::new();
        for (request, copy) in requests.into_iter().zip(copies) {
            let record = request.await.map_err(classify)?;
            files.push(record.and_then(|r| StoredFile::from_record(&r, copy)));
        }
        // Both values are whole: the transaction ends on its own (see `Db::get_value`).
        drop(transaction);
        let thumb = files.pop().flatten();
        Ok(files.pop().flatten().zip(thumb))
    })
    .await
}

/// Deletes a photo's record and bytes together, handing the bytes back so Undo can restore them.
pub async fn delete_photo(db: &Db, id: &str) -> Result<Option<StoredPhotoBytes>, StorageError> {
    let bytes = StoredPhotoBytes {
        working: db.get_value(Store::PhotoBytes, id).await?,
        thumb: db.get_value(Store::PhotoThumbs, id).await?,
    };
    db.write_batch(vec![
        Write::Delete(Store::PhotoBytes, id.into()),
        Write::Delete(Store::PhotoThumbs, id.into()),
        Write::Delete(Store::Photos, id.into()),
    ])
    .await?;
    Ok((bytes.working.is_some() || bytes.thumb.is_some()).then_some(bytes))
}

/// Puts a deleted photo back exactly as it was.
pub async fn restore_photo(
    db: &Db,
    photo: &Photo,
    bytes: Option<StoredPhotoBytes>,
) -> Result<(), StorageError> {
    let mut writes = vec![Write::put(Store::Photos, photo)?];
    if let Some(bytes) = bytes {
        writes.extend(bytes.into_writes());
    }
    db.write_batch(writes).await
}
