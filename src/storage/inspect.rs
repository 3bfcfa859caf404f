//! What a store holds, without reading its records: how many (the getting-started card asks
//! whether any photo is stored; the client app never reads the photos themselves), and its
//! indexes (the upgrade tests check them).

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
        finish(transaction.await)?;
        Ok(count)
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
