//! Opening the database, running migrations, and typed record access.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use idb::{Database, DatabaseEvent, Event, Factory, KeyRange, Query, Request, Transaction, TransactionMode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::IdbTransaction;

use super::error::StorageError;
use super::idb_values::{classify, commit, finish, from_js, is_closed_connection, keyed, to_js};
use super::migrate::migrate;
use super::schema::{Migration, Store, DB_NAME, MIGRATIONS};
use super::write::Write;

/// An open connection to the app's database.
///
/// WebKit closes the IndexedDB connections of pages left in the background, and any engine closes
/// one when another tab upgrades the database. So the connection is replaceable: when it has been
/// closed (its `close` or `versionchange` event, or a transaction refused with
/// `InvalidStateError`), the next operation opens the database again and tries once more.
pub struct Db {
    name: String,
    pub(super) database: RefCell<Database>,
    /// Set by the connection's `close` and `versionchange` events.
    closed: Rc<Cell<bool>>,
    upgraded_from: u32,
    /// The migration history it was opened with ([`MIGRATIONS`] but in tests).
    migrations: &'static [Migration],
    /// The latest read transactions, stopped by [`Db::release`] (those that ended refuse).
    reads: RefCell<VecDeque<IdbTransaction>>,
}

/// How many of the latest reads [`Db::release`] can stop: more than a page has under way at once
/// (a screen of gallery tiles reads a few dozen thumbnails).
const KEPT_READS: usize = 256;

impl Db {
    /// Opens the app's database, upgrading it to [`crate::storage::DB_VERSION`]. `on_blocked` runs if another tab
    /// holds an older version open; the open then waits until that tab lets go.
    pub async fn open(on_blocked: impl FnOnce() + 'static) -> Result<Db, StorageError> {
        Db::open_named(DB_NAME, on_blocked).await
    }

    /// [`Db::open`] for a database of another name (tests use their own).
    pub async fn open_named(name: &str, on_blocked: impl FnOnce() + 'static) -> Result<Db, StorageError> {
        Db::open_with(name, MIGRATIONS, on_blocked).await
    }

    /// [`Db::open_named`] with another migration history: tests open a database as an older
    /// build did, then as a newer one, to check each upgrade on data already there.
    pub async fn open_with(
        name: &str,
        migrations: &'static [Migration],
        on_blocked: impl FnOnce() + 'static,
    ) -> Result<Db, StorageError> {
        let closed = Rc::new(Cell::new(false));
        let (database, upgraded_from) = Db::connect(name, migrations, on_blocked, closed.clone()).await?;
        Ok(Db {
            name: name.to_string(),
            database: RefCell::new(database),
            closed,
            upgraded_from,
            migrations,
            reads: RefCell::default(),
        })
    }

    /// Opens a connection (migrating the database), watched for being closed under the app.
    async fn connect(
        name: &str,
        migrations: &'static [Migration],
        on_blocked: impl FnOnce() + 'static,
        closed: Rc<Cell<bool>>,
    ) -> Result<(Database, u32), StorageError> {
        let factory = Factory::new().map_err(classify)?;
        let version = migrations.last().map_or(1, |m| m.version);
        let mut request = factory.open(name, Some(version)).map_err(classify)?;

        let upgraded_from = Rc::new(Cell::new(version));
        let migration_error: Rc<RefCell<Option<StorageError>>> = Rc::default();
        {
            let upgraded_from = upgraded_from.clone();
            let migration_error = migration_error.clone();
            request.on_upgrade_needed(move |event| {
                let old_version = event.old_version().unwrap_or(0);
                upgraded_from.set(old_version);
                let upgrade = event.target().ok().and_then(|r| r.transaction());
                let outcome = event
                    .database()
                    .map_err(classify)
                    .and_then(|db| migrate(&db, upgrade.as_ref(), migrations, old_version, &migration_error));
                if let Err(error) = outcome {
                    // Aborting the upgrade transaction fails the open and leaves the old version intact.
                    if let Some(transaction) = upgrade {
                        let _ = transaction.abort();
                    }
                    *migration_error.borrow_mut() = Some(error);
                }
            });
        }
        request.on_blocked(move |_| on_blocked());

        let mut database = match request.await {
            Ok(database) => database,
            Err(error) => return Err(migration_error.take().unwrap_or_else(|| classify(error))),
        };
        // Let a newer version in another tab upgrade instead of being blocked by this connection.
        {
            let closed = closed.clone();
            database.on_version_change(move |event| {
                closed.set(true);
                if let Ok(database) = event.database() {
                    database.close();
                }
            });
        }
        database.on_close(move |_| closed.set(true));
        Ok((database, upgraded_from.get()))
    }

    /// A transaction on this connection; if the connection was closed under the app, a new one.
    pub(super) async fn transaction(
        &self,
        stores: &[&str],
        mode: TransactionMode,
    ) -> Result<Transaction, StorageError> {
        let transaction = self.open_transaction(stores, mode).await?;
        if mode == TransactionMode::ReadWrite {
            return Ok(transaction);
        }
        let read = IdbTransaction::from(transaction);
        let mut reads = self.reads.borrow_mut();
        if reads.len() == KEPT_READS {
            reads.pop_front();
        }
        reads.push_back(read.clone());
        Ok(read.into())
    }

    async fn open_transaction(
        &self,
        stores: &[&str],
        mode: TransactionMode,
    ) -> Result<Transaction, StorageError> {
        if !self.closed.get() {
            match self.database.borrow().transaction(stores, mode) {
                Ok(transaction) => return Ok(transaction),
                Err(error) if !is_closed_connection(&error) => return Err(classify(error)),
                // Closed without a `close` event (the browser's own, or `close()`): mark it, so
                // a reconnect by another operation meanwhile is seen as such.
                Err(_) => self.closed.set(true),
            }
        }
        self.reconnect().await?;
        self.database.borrow().transaction(stores, mode).map_err(|error| match is_closed_connection(&error) {
            true => StorageError::ConnectionLost,
            false => classify(error),
        })
    }

    /// For a page being hidden: stops its reads still under way and lets go of the connection
    /// (writes still finish); the next operation opens a new one.
    ///
    /// WebKit suspends a page it keeps for going back with its transactions as they are. A read
    /// under way then never ends, and every later write to its stores, from any page of the app,
    /// waits behind it: a person who opened the app and tapped Photos before its first reads ended
    /// could store no photo (an engine journey showed it).
    ///
    /// Returns whether a read was stopped: the page, if shown again, must read again.
    pub fn release(&self) -> bool {
        // A read that has already ended refuses (InvalidStateError): nothing to stop.
        let stopped = self.reads.borrow_mut().drain(..).filter(|read| read.abort().is_ok()).count();
        self.closed.set(true);
        self.database.borrow().close();
        stopped > 0
    }

    /// Opens the database again in place of a connection the browser closed.
    async fn reconnect(&self) -> Result<(), StorageError> {
        let (database, _) = Db::connect(&self.name, self.migrations, || {}, self.closed.clone()).await?;
        if !self.closed.get() {
            // Another operation reconnected first: keep its connection, close this spare one.
            database.close();
            return Ok(());
        }
        self.closed.set(false);
        *self.database.borrow_mut() = database;
        Ok(())
    }

    /// Runs `operation`, and once more if it failed because the browser closed the connection
    /// under it (its `close` event came meanwhile): the next transaction opens a new one. A failed
    /// transaction wrote nothing, so the second try can't double anything.
    pub(super) async fn retried<T, Run: std::future::Future<Output = Result<T, StorageError>>>(
        &self,
        operation: impl Fn() -> Run,
    ) -> Result<T, StorageError> {
        let outcome = match operation().await {
            Err(_) if self.closed.get() => operation().await,
            other => other,
        };
        // The database opened once already: a refusal now is a lost connection, never the
        // private-window refusal that message is for.
        outcome.map_err(|error| match error {
            StorageError::Unavailable => StorageError::ConnectionLost,
            other => other,
        })
    }

    /// The version the database had before this open: 0 when it was just created.
    pub fn upgraded_from(&self) -> u32 {
        self.upgraded_from
    }

    /// The database's current version.
    pub fn version(&self) -> Result<u32, StorageError> {
        self.database.borrow().version().map_err(classify)
    }

    /// Names of the object stores that exist.
    pub fn store_names(&self) -> Vec<String> {
        self.database.borrow().store_names()
    }

    /// Writes `record` into `store`, replacing any record with the same key.
    pub async fn put<T: Serialize>(&self, store: Store, record: &T) -> Result<(), StorageError> {
        self.put_value(store, to_js(record)?).await
    }

    /// Stores `record` with a `key` field added beside its own fields (the `settings` store's
    /// singletons). Added on the JS object rather than through serde's `flatten`, whose machinery
    /// costs several KB of wasm.
    pub async fn put_keyed<T: Serialize>(
        &self,
        store: Store,
        key: &str,
        record: &T,
    ) -> Result<(), StorageError> {
        self.put_value(store, keyed(key, record)?).await
    }

    /// The one (non-generic) write of a single record: each record type doesn't compile its own
    /// copy of the transaction code.
    async fn put_value(&self, store: Store, value: JsValue) -> Result<(), StorageError> {
        self.retried(|| self.put_value_once(store, value.clone())).await
    }

    async fn put_value_once(&self, store: Store, value: JsValue) -> Result<(), StorageError> {
        let transaction = self.transaction(&[store.name()], TransactionMode::ReadWrite).await?;
        let object_store = transaction.object_store(store.name()).map_err(classify)?;
        object_store.put(&value, None).map_err(classify)?.await.map_err(classify)?;
        commit(transaction).await
    }

    /// Reads the record with `key` from `store`, if there is one.
    pub async fn get<T: DeserializeOwned>(&self, store: Store, key: &str) -> Result<Option<T>, StorageError> {
        self.get_value(store, key).await?.map(from_js).transpose()
    }

    /// The record with `key` as stored (a JS value: photo bytes are not serde records).
    pub async fn get_value(&self, store: Store, key: &str) -> Result<Option<JsValue>, StorageError> {
        self.retried(|| self.get_value_once(store, key)).await
    }

    async fn get_value_once(&self, store: Store, key: &str) -> Result<Option<JsValue>, StorageError> {
        let transaction = self.transaction(&[store.name()], TransactionMode::ReadOnly).await?;
        let object_store = transaction.object_store(store.name()).map_err(classify)?;
        let value = object_store
            .get(Query::Key(JsValue::from_str(key)))
            .map_err(classify)?
            .await
            .map_err(classify)?;
        // The value is whole once its request succeeds: waiting for a read-only transaction's
        // end as well would wait behind every request issued before that end (Chromium answered
        // a photo page's working copy ~15 ms late, after the library's getAll of 1,500 records).
        drop(transaction);
        Ok(value)
    }

    /// Every record in `store`, in key order.
    pub async fn get_all<T: DeserializeOwned>(&self, store: Store) -> Result<Vec<T>, StorageError> {
        let values = self.retried(|| self.get_all_once(store)).await?;
        values.into_iter().map(from_js).collect()
    }

    async fn get_all_once(&self, store: Store) -> Result<Vec<JsValue>, StorageError> {
        let transaction = self.transaction(&[store.name()], TransactionMode::ReadOnly).await?;
        let object_store = transaction.object_store(store.name()).map_err(classify)?;
        let values = object_store.get_all(None, None).map_err(classify)?.await.map_err(classify)?;
        finish(transaction).await?;
        Ok(values)
    }

    /// Reads in one read-only transaction: the records of each store in `reads` (all of them,
    /// or a span of their `by_date` index), and the `settings` records under `keys`. Every
    /// request is issued before any is awaited, so the browser works through them back to back
    /// instead of waiting on Rust between each.
    pub async fn read_many(
        &self,
        reads: &[(Store, Span<'_>)],
        keys: &[&str],
    ) -> Result<(Vec<Vec<JsValue>>, Vec<Option<JsValue>>), StorageError> {
        self.retried(|| self.read_many_once(reads, keys)).await
    }

    async fn read_many_once(
        &self,
        reads: &[(Store, Span<'_>)],
        keys: &[&str],
    ) -> Result<(Vec<Vec<JsValue>>, Vec<Option<JsValue>>), StorageError> {
        let mut names: Vec<&str> = reads.iter().map(|(s, _)| s.name()).collect();
        if !keys.is_empty() {
            names.push(Store::Settings.name());
        }
        let transaction = self.transaction(&names, TransactionMode::ReadOnly).await?;
        let mut all_requests = Vec::new();
        for (store, span) in reads {
            let object_store = transaction.object_store(store.name()).map_err(classify)?;
            let range = match span {
                Span::All => None,
                Span::DatedFrom(date) => Some(KeyRange::lower_bound(&JsValue::from_str(date), Some(false))),
                Span::DatedBefore(date) => Some(KeyRange::upper_bound(&JsValue::from_str(date), Some(true))),
            };
            let request = match range {
                None => object_store.get_all(None, None),
                Some(range) => {
                    let query = Query::KeyRange(range.map_err(classify)?);
                    object_store.index(BY_DATE).map_err(classify)?.get_all(Some(query), None)
                }
            };
            all_requests.push(request.map_err(classify)?);
        }
        let mut key_requests = Vec::new();
        if !keys.is_empty() {
            let settings = transaction.object_store(Store::Settings.name()).map_err(classify)?;
            for key in keys {
                key_requests.push(settings.get(Query::Key(JsValue::from_str(key))).map_err(classify)?);
            }
        }
        let mut all = Vec::new();
        for request in all_requests {
            all.push(request.await.map_err(classify)?);
        }
        let mut singles = Vec::new();
        for request in key_requests {
            singles.push(request.await.map_err(classify)?);
        }
        finish(transaction).await?;
        Ok((all, singles))
    }

    /// Removes the record with `key` from `store` (no error if it is absent).
    pub async fn delete(&self, store: Store, key: &str) -> Result<(), StorageError> {
        self.retried(|| self.delete_once(store, key)).await
    }

    async fn delete_once(&self, store: Store, key: &str) -> Result<(), StorageError> {
        let transaction = self.transaction(&[store.name()], TransactionMode::ReadWrite).await?;
        let object_store = transaction.object_store(store.name()).map_err(classify)?;
        object_store.delete(Query::Key(JsValue::from_str(key))).map_err(classify)?.await.map_err(classify)?;
        commit(transaction).await
    }

    /// Applies every write in one transaction: all of them, or (on any failure) none.
    pub async fn write_batch(&self, writes: Vec<Write>) -> Result<(), StorageError> {
        self.write_batch_with_progress(writes, &|_, _| {}).await
    }

    /// [`Db::write_batch`], calling `on_write(done, total)` every hundred writes and at the end.
    ///
    /// Requests are made without waiting for each: IndexedDB runs a transaction's requests in
    /// order, and any failure aborts the whole transaction (commit then fails). Only every
    /// hundredth is awaited, for the progress bar, so a 2,400-record restore waits on the event
    /// loop two dozen times instead of once per record (docs/BENCHMARKS.md, "Your data").
    pub async fn write_batch_with_progress(
        &self,
        writes: Vec<Write>,
        on_write: &dyn Fn(usize, usize),
    ) -> Result<(), StorageError> {
        self.retried(|| self.write_batch_once(writes.clone(), on_write)).await
    }

    async fn write_batch_once(
        &self,
        writes: Vec<Write>,
        on_write: &dyn Fn(usize, usize),
    ) -> Result<(), StorageError> {
        let total = writes.len();
        let mut names: Vec<&str> = writes.iter().map(|w| w.store().name()).collect();
        names.sort_unstable();
        names.dedup();
        if names.is_empty() {
            return Ok(());
        }
        let transaction = self.transaction(&names, TransactionMode::ReadWrite).await?;
        on_write(0, total);
        for (done, write) in writes.into_iter().enumerate() {
            let checkpoint = (done + 1) % 100 == 0;
            let applied = async {
                let object_store = transaction.object_store(write.store().name()).map_err(classify)?;
                // Every hundredth is awaited: requests are done in order, so every earlier one is too.
                match write {
                    Write::Put(_, value) => {
                        let request = object_store.put(&value, None).map_err(classify)?;
                        if checkpoint {
                            request.await.map_err(classify)?;
                        }
                    }
                    Write::Clear(_) => {
                        let request = object_store.clear().map_err(classify)?;
                        if checkpoint {
                            request.await.map_err(classify)?;
                        }
                    }
                    Write::Delete(_, key) => {
                        let request =
                            object_store.delete(Query::Key(JsValue::from_str(&key))).map_err(classify)?;
                        if checkpoint {
                            request.await.map_err(classify)?;
                        }
                    }
                }
                if checkpoint {
                    on_write(done + 1, total);
                }
                Ok::<(), StorageError>(())
            }
            .await;
            if let Err(error) = applied {
                // A write not awaited may be the one that failed (the awaited one then reports
                // only the abort): the transaction keeps the real cause, such as a full disk.
                let error =
                    transaction.error().map_or(error, |cause| classify(idb::Error::DomException(cause)));
                // Undo the writes already made in this transaction; the stores stay as they were.
                let _ = transaction.abort();
                return Err(error);
            }
        }
        let committed = commit(transaction).await;
        on_write(total, total);
        committed
    }

    /// Closes the connection (tests delete their database afterwards).
    pub fn close(&self) {
        self.database.borrow().close();
    }
}

/// Deletes a whole database by name (tests and "delete all data").
pub async fn delete_database(name: &str) -> Result<(), StorageError> {
    let factory = Factory::new().map_err(classify)?;
    factory.delete(name).map_err(classify)?.await.map_err(classify)
}

/// The index every dated store has on its `date` (ISO text, so text order is date order).
const BY_DATE: &str = "by_date";

/// Which records of a store [`Db::read_many`] takes.
#[derive(Clone, Copy, Debug)]
pub enum Span<'a> {
    All,
    /// Dated on or after this ISO date.
    DatedFrom(&'a str),
    /// Dated before this ISO date.
    DatedBefore(&'a str),
}
