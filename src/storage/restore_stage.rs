//! A restore in three steps, so memory holds one photo and a page killed at any moment leaves
//! the old data whole and nothing new visible:
//!
//! 1. [`sweep_unowned_bytes`]: bytes with no photo record (left by a restore that was stopped
//!    while staging) are deleted.
//! 2. [`stage_photo_bytes`]: each new photo's bytes are written on their own, as the file is read.
//!    Bytes are found only through their photo record, so staged bytes are invisible: the photo
//!    does not exist yet. A photo already here keeps its bytes (a photo's bytes never change
//!    after import, and its id is a random UUID, so the same id is the same photo).
//! 3. [`switch_to_restored`]: one transaction of records only (and, for a replace, clearing the
//!    records and deleting the bytes of photos the file does not have) makes the restore
//!    visible. It is small, whatever the photos weigh.
//!
//! A restore that fails while staging deletes what it staged ([`discard_staged`]); one killed
//! leaves it to the next sweep.

use std::collections::HashSet;

use idb::TransactionMode;
use js_sys::ArrayBuffer;
use wasm_bindgen::JsValue;

use super::db::Db;
use super::error::StorageError;
use super::idb_values::{classify, commit, finish};
use super::photos_repo::StoredPhotoBytes;
use super::schema::Store;
use super::write::Write;
use crate::domain::backup::nudge::BackupStatus;
use crate::domain::backup::restore::RestorePlan;
use crate::domain::profile::settings::keys;

const BYTE_STORES: [Store; 2] = [Store::PhotoBytes, Store::PhotoThumbs];

/// Every key of `store` (the app's keys are all text).
async fn keys_of(transaction: &idb::Transaction, store: Store) -> Result<Vec<String>, StorageError> {
    let object_store = transaction.object_store(store.name()).map_err(classify)?;
    let keys = object_store.get_all_keys(None, None).map_err(classify)?.await.map_err(classify)?;
    Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
}

/// Deletes the bytes of photos that have no record, in one transaction (an import writes a
/// photo's record and bytes together, so none is caught half-way); returns how many.
pub async fn sweep_unowned_bytes(db: &Db) -> Result<usize, StorageError> {
    db.retried(|| async {
        let names = [Store::Photos.name(), Store::PhotoBytes.name(), Store::PhotoThumbs.name()];
        let transaction = db.transaction(&names, TransactionMode::ReadWrite).await?;
        let owners: HashSet<String> = keys_of(&transaction, Store::Photos).await?.into_iter().collect();
        let mut swept = 0;
        for store in BYTE_STORES {
            let object_store = transaction.object_store(store.name()).map_err(classify)?;
            for key in keys_of(&transaction, store).await?.into_iter().filter(|k| !owners.contains(k)) {
                object_store.delete(idb::Query::Key(JsValue::from_str(&key))).map_err(classify)?;
                swept += 1;
            }
        }
        commit(transaction).await?;
        Ok(swept)
    })
    .await
}

/// The ids of photos with bytes stored: those with both their working copy and thumbnail, and
/// those with either.
pub async fn ids_with_bytes(db: &Db) -> Result<StoredIds, StorageError> {
    db.retried(|| async {
        let names = BYTE_STORES.map(Store::name);
        let transaction = db.transaction(&names, TransactionMode::ReadOnly).await?;
        let working: HashSet<String> = keys_of(&transaction, Store::PhotoBytes).await?.into_iter().collect();
        let thumbs: HashSet<String> = keys_of(&transaction, Store::PhotoThumbs).await?.into_iter().collect();
        finish(transaction).await?;
        let whole = working.intersection(&thumbs).cloned().collect();
        Ok(StoredIds { whole, any: working.union(&thumbs).cloned().collect() })
    })
    .await
}

/// What [`ids_with_bytes`] found.
#[derive(Debug, Default)]
pub struct StoredIds {
    /// Photos with both copies stored: a restore keeps their bytes.
    pub whole: HashSet<String>,
    /// Photos with either copy stored: a restore that fails never deletes theirs.
    pub any: HashSet<String>,
}

/// Writes one photo's bytes ahead of its record (step 2), in a transaction of its own.
pub async fn stage_photo_bytes(
    db: &Db,
    id: &str,
    working: (&ArrayBuffer, u32),
    thumb: (&ArrayBuffer, u32),
) -> Result<(), StorageError> {
    let bytes = StoredPhotoBytes::new(id, working, thumb)?;
    db.write_batch(bytes.into_writes()).await
}

/// Deletes bytes staged for a restore that did not go ahead.
pub async fn discard_staged(db: &Db, ids: &[String]) -> Result<(), StorageError> {
    let writes =
        ids.iter().flat_map(|id| BYTE_STORES.map(|store| Write::Delete(store, id.clone()))).collect();
    db.write_batch(writes).await
}

/// Makes a restore visible in one transaction (step 3): its records, and with `plan.replace`
/// every record store cleared first and the bytes of `dropped` photos (here, not in the file)
/// deleted; `status` becomes the device's backup status. `on_write(done, total)` as it goes.
pub async fn switch_to_restored(
    db: &Db,
    plan: &RestorePlan,
    status: Option<&BackupStatus>,
    dropped: &[String],
    on_write: impl Fn(usize, usize),
) -> Result<(), StorageError> {
    let mut writes = Vec::new();
    if plan.replace {
        writes.extend(
            [Store::Sessions, Store::RecoveryEntries, Store::Photos, Store::Settings].map(Write::Clear),
        );
        writes
            .extend(dropped.iter().flat_map(|id| BYTE_STORES.map(|store| Write::Delete(store, id.clone()))));
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
    for (photo, _) in &plan.photos {
        writes.push(Write::put(Store::Photos, photo)?);
    }
    db.write_batch_with_progress(writes, &on_write).await
}
