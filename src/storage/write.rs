//! One write of a batch: what `Db::write_batch` runs in a single transaction, so a batch is
//! stored whole or not at all.

use serde::Serialize;
use wasm_bindgen::JsValue;

use super::error::StorageError;
use super::idb_values::{keyed, to_js};
use super::schema::Store;

/// One write of a batch (see [`Db::write_batch`]). Cloning copies JS handles, not records.
#[derive(Clone)]
pub enum Write {
    Put(Store, JsValue),
    Delete(Store, String),
    /// Every record of the store.
    Clear(Store),
}

impl Write {
    /// A put of a serde record.
    pub fn put<T: Serialize>(store: Store, record: &T) -> Result<Write, StorageError> {
        Ok(Write::Put(store, to_js(record)?))
    }

    /// A put of a settings singleton under `key` (see [`Db::put_keyed`]).
    pub fn put_keyed<T: Serialize>(store: Store, key: &str, record: &T) -> Result<Write, StorageError> {
        Ok(Write::Put(store, keyed(key, record)?))
    }

    pub(super) fn store(&self) -> Store {
        match self {
            Write::Put(store, _) | Write::Delete(store, _) | Write::Clear(store) => *store,
        }
    }
}
