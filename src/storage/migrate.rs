//! The upgrade transaction: every migration step of `schema` after the version found, creating
//! stores and indexes, and moving a field between stores (record by record, through a cursor,
//! still inside the upgrade transaction: all of it happens or none of it).

use std::cell::RefCell;
use std::rc::Rc;

use idb::{Database, IndexParams, KeyPath, ObjectStore, ObjectStoreParams, Transaction};
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::error::StorageError;
use super::idb_values::classify;
use super::schema::{Migration, MigrationStep, Store};

/// Where a step that finishes after the upgrade callback (a field move) reports its failure; the
/// open then fails with it, and the aborted upgrade leaves the older version as it was.
pub(super) type LateFailure = Rc<RefCell<Option<StorageError>>>;

/// Runs every migration of `migrations` after `old_version`, inside the upgrade transaction
/// `upgrade` (through which an index is added to a store an earlier version made).
pub(super) fn migrate(
    database: &Database,
    upgrade: Option<&Transaction>,
    migrations: &[Migration],
    old_version: u32,
    late_failure: &LateFailure,
) -> Result<(), StorageError> {
    let mut created = Vec::new();
    let existing = |store: Store| {
        upgrade
            .ok_or_else(|| StorageError::Other("no upgrade transaction".into()))?
            .object_store(store.name())
            .map_err(|_| StorageError::Other(format!("{} is used before it is made", store.name())))
    };
    for migration in migrations.iter().filter(|m| m.version > old_version) {
        for step in migration.steps {
            match step {
                MigrationStep::CreateStore(store) => {
                    let mut params = ObjectStoreParams::new();
                    params.key_path(Some(KeyPath::new_single(store.key_path())));
                    created.push((
                        *store,
                        database.create_object_store(store.name(), params).map_err(classify)?,
                    ));
                }
                MigrationStep::CreateIndex(index) => {
                    // A store made in this upgrade, or one already there: an older version made
                    // it, and only the upgrade transaction can add an index to it.
                    let object_store = match created.iter().find(|(s, _)| *s == index.store) {
                        Some((_, object_store)) => object_store.clone(),
                        None => existing(index.store)?,
                    };
                    object_store
                        .create_index(
                            index.name,
                            KeyPath::new_single(index.key_path),
                            Some(IndexParams::new()),
                        )
                        .map_err(classify)?;
                }
                MigrationStep::MoveField { from, field, to } => {
                    let store = |s: Store| match created.iter().find(|(c, _)| *c == s) {
                        Some((_, object_store)) => Ok(object_store.clone()),
                        None => existing(s),
                    };
                    let (source, target) = (store(*from)?, store(*to)?);
                    let (late_failure, key_path) = (late_failure.clone(), from.key_path());
                    // The cursor's requests keep the upgrade transaction open until the last
                    // record has moved; the database opens only after that.
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Err(error) = move_field(&source, &target, key_path, field).await {
                            let _ = source.transaction().abort();
                            *late_failure.borrow_mut() = Some(error);
                        }
                    });
                }
            }
        }
    }
    Ok(())
}

/// Each record of `source` with `field` gives `{ key_path: its key, field }` to `target` and is
/// written back without it. One record is in memory at a time.
async fn move_field(
    source: &ObjectStore,
    target: &ObjectStore,
    key_path: &str,
    field: &str,
) -> Result<(), StorageError> {
    let Some(cursor) = source.open_cursor(None, None).map_err(classify)?.await.map_err(classify)? else {
        return Ok(());
    };
    let mut cursor = cursor.into_managed();
    let (field_key, id_key) = (JsValue::from_str(field), JsValue::from_str(key_path));
    let unreadable = |_| StorageError::Other(format!("a record's {field} could not be moved"));
    while let Some(record) = cursor.value().map_err(classify)? {
        let value = Reflect::get(&record, &field_key).map_err(unreadable)?;
        if !value.is_undefined() {
            let moved = Object::new();
            Reflect::set(&moved, &id_key, &Reflect::get(&record, &id_key).map_err(unreadable)?)
                .map_err(unreadable)?;
            Reflect::set(&moved, &field_key, &value).map_err(unreadable)?;
            target.put(&moved, None).map_err(classify)?.await.map_err(classify)?;
            Reflect::delete_property(record.unchecked_ref::<Object>(), &field_key).map_err(unreadable)?;
            cursor.update(&record).await.map_err(classify)?;
        }
        cursor.next(None).await.map_err(classify)?;
    }
    Ok(())
}
