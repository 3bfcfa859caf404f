//! Edits that check the stored version first: two tabs (or an installed app and a browser tab)
//! share one database, and an edit made from an older copy of a record must never overwrite a
//! newer one. Every save stamps the record's `updated` time; an edit carries the stamp of the
//! version it started from, and is written only if the store still holds that version, checked
//! and written in one transaction.

use idb::{Query, TransactionMode};
use js_sys::Reflect;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::db::Db;
use super::error::StorageError;
use super::idb_values::{classify, commit, to_js};
use super::schema::Store;

impl Db {
    /// Writes `record` (whose key is `key`) only if the stored record with that key still has the
    /// `updated` stamp `expected` (`None`: a record saved before stamps were kept). Otherwise
    /// nothing is written and the answer is [`StorageError::Conflict`]; a record deleted meanwhile
    /// is a conflict too.
    pub async fn put_if_current<T: Serialize>(
        &self,
        store: Store,
        key: &str,
        record: &T,
        expected: Option<&str>,
    ) -> Result<(), StorageError> {
        let value = to_js(record)?;
        self.retried(|| self.put_if_current_once(store, key, value.clone(), expected)).await
    }

    async fn put_if_current_once(
        &self,
        store: Store,
        key: &str,
        value: JsValue,
        expected: Option<&str>,
    ) -> Result<(), StorageError> {
        let transaction = self.transaction(&[store.name()], TransactionMode::ReadWrite).await?;
        let object_store = transaction.object_store(store.name()).map_err(classify)?;
        let stored = object_store
            .get(Query::Key(JsValue::from_str(key)))
            .map_err(classify)?
            .await
            .map_err(classify)?;
        let Some(stored) = stored else {
            let _ = transaction.abort();
            return Err(StorageError::Conflict);
        };
        let stamp = Reflect::get(&stored, &JsValue::from_str("updated")).ok().and_then(|v| v.as_string());
        if stamp.as_deref() != expected {
            let _ = transaction.abort();
            return Err(StorageError::Conflict);
        }
        object_store.put(&value, None).map_err(classify)?.await.map_err(classify)?;
        commit(transaction).await
    }
}
