//! What a store holds, without reading its records: how many, in all or per index key (the
//! getting-started card asks which areas have a photo; the client app never reads the photos
//! themselves), and its indexes (the upgrade tests check them).

use idb::TransactionMode;

use super::db::Db;
use super::error::StorageError;
use super::idb_values::{classify, finish};
use super::schema::Store;

impl Db {
    /// The number of records in `store`.
    pub async fn count(&self, store: Store) -> Result<u32, StorageError> {
        self.retried(|| self.count_once(store)).await
    }

    async fn count_once(&self, store: Store) -> Result<u32, StorageError> {
        let transaction = self.transaction(&[store.name()], TransactionMode::ReadOnly).await?;
        let object_store = transaction.object_store(store.name()).map_err(classify)?;
        let count = object_store.count(None).map_err(classify)?.await.map_err(classify)?;
        finish(transaction).await?;
        Ok(count)
    }

    /// How many records of `store` have each of `keys` in its index `index` (one read-only
    /// transaction; no record is read).
    pub async fn count_each(
        &self,
        store: Store,
        index: &str,
        keys: &[String],
    ) -> Result<Vec<u32>, StorageError> {
        self.retried(|| self.count_each_once(store, index, keys)).await
    }

    async fn count_each_once(
        &self,
        store: Store,
        index: &str,
        keys: &[String],
    ) -> Result<Vec<u32>, StorageError> {
        let transaction = self.transaction(&[store.name()], TransactionMode::ReadOnly).await?;
        let by = transaction.object_store(store.name()).map_err(classify)?.index(index).map_err(classify)?;
        // Every request is made before the first is awaited, so they run in one pass.
        let mut requests = Vec::with_capacity(keys.len());
        for key in keys {
            let query = idb::Query::Key(wasm_bindgen::JsValue::from_str(key));
            requests.push(by.count(Some(query)).map_err(classify)?);
        }
        let mut counts = Vec::with_capacity(keys.len());
        for request in requests {
            counts.push(request.await.map_err(classify)?);
        }
        finish(transaction).await?;
        Ok(counts)
    }

    /// The names of `store`'s indexes.
    pub fn index_names(&self, store: Store) -> Result<Vec<String>, StorageError> {
        let database = self.database.borrow();
        let transaction =
            database.transaction(&[store.name()], TransactionMode::ReadOnly).map_err(classify)?;
        let names = transaction.object_store(store.name()).map_err(classify)?.index_names();
        Ok(names)
    }
}
