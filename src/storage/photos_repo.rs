//! Photos: each one's record in `photos` and its pixels in `photo_bytes`, written and deleted
//! together in one transaction so a photo is never half there.
//!
//! A `photo_bytes` record is `{ id, working: ArrayBuffer, thumb: ArrayBuffer }`: both JPEGs as
//! raw bytes (not Blobs, which Safari loses in IndexedDB; not base64 or number arrays, which
//! would cost a third more or many times more). The bytes go from the worker to storage, and
//! from storage to an image's object URL, without ever being copied into wasm memory.

use js_sys::{ArrayBuffer, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::db::Db;
use super::db::Span;
use super::error::StorageError;
use super::idb_values::from_js;
use super::records::readable;
use super::schema::Store;
use super::settings_repo::load_backup_status;
use super::write::Write;
use crate::domain::photos::photo::Photo;
use crate::domain::photos::redness::RednessReading;
use crate::domain::profile::settings::keys;

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
}

/// A photo's stored bytes record, held as it is (to put back on Undo).
#[derive(Clone, Debug, PartialEq)]
pub struct StoredPhotoBytes(JsValue);

impl StoredPhotoBytes {
    pub fn new(
        id: &str,
        working: &ArrayBuffer,
        thumb: &ArrayBuffer,
    ) -> Result<StoredPhotoBytes, StorageError> {
        let record = Object::new();
        let set = |key: &str, value: &JsValue| {
            Reflect::set(&record, &JsValue::from_str(key), value)
                .map_err(|_| StorageError::Other("could not build the photo record".into()))
        };
        set("id", &JsValue::from_str(id))?;
        set("working", working)?;
        set("thumb", thumb)?;
        Ok(StoredPhotoBytes(record.into()))
    }

    /// The put that stores these bytes.
    pub(super) fn into_write(self) -> Write {
        Write::Put(Store::PhotoBytes, self.0)
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
    let mut writes = vec![bytes.into_write(), Write::put(Store::Photos, photo)?];
    if let Ok(mut status) = load_backup_status(db).await {
        status.photos_since = status.photos_since.saturating_add(1);
        writes.push(Write::put_keyed(Store::Settings, keys::BACKUP_STATUS, &status)?);
    }
    db.write_batch(writes).await
}

/// Replaces a photo's record (its details); the bytes are untouched.
pub async fn update_photo(db: &Db, photo: &Photo) -> Result<(), StorageError> {
    db.put(Store::Photos, photo).await
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
    let Some(record) = db.get_value(Store::PhotoBytes, id).await? else {
        return Ok(None);
    };
    let value = Reflect::get(&record, &JsValue::from_str(copy.field())).unwrap_or(JsValue::UNDEFINED);
    Ok(value.dyn_into::<ArrayBuffer>().ok())
}

/// Deletes a photo's record and bytes together, handing the bytes back so Undo can restore them.
pub async fn delete_photo(db: &Db, id: &str) -> Result<Option<StoredPhotoBytes>, StorageError> {
    let bytes = db.get_value(Store::PhotoBytes, id).await?.map(StoredPhotoBytes);
    db.write_batch(vec![
        Write::Delete(Store::PhotoBytes, id.into()),
        Write::Delete(Store::Photos, id.into()),
    ])
    .await?;
    Ok(bytes)
}

/// Puts a deleted photo back exactly as it was.
pub async fn restore_photo(
    db: &Db,
    photo: &Photo,
    bytes: Option<StoredPhotoBytes>,
) -> Result<(), StorageError> {
    let mut writes = vec![Write::put(Store::Photos, photo)?];
    if let Some(bytes) = bytes {
        writes.push(bytes.into_write());
    }
    db.write_batch(writes).await
}
