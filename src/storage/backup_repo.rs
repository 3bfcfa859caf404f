//! Backups: every record a backup carries, and deleting everything (in one transaction, so a
//! page closed mid-way leaves the old data exactly as it was). A backup's photos are read one at
//! a time with `load_photo_bytes`; a restore is written in steps by `restore_stage`.

use wasm_bindgen::JsValue;

use super::db::Db;
use super::db::Span;
use super::error::StorageError;
use super::idb_values::from_js;
use super::schema::Store;
use super::write::Write;
use crate::domain::backup::{setting_key, Records, SETTING_KEYS};

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

/// Deletes every record and photo, in one transaction.
pub async fn delete_everything(db: &Db) -> Result<(), StorageError> {
    db.write_batch(Store::ALL.map(Write::Clear).into()).await
}
