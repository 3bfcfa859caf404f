//! The upgrade transaction: every migration step of `schema` after the version found, creating
//! stores and indexes (a version only ever adds).

use idb::{Database, IndexParams, KeyPath, ObjectStoreParams};

use super::error::StorageError;
use super::idb_values::classify;
use super::schema::{migrations_between, MigrationStep, DB_VERSION};

/// Runs every migration after `old_version`, inside the upgrade transaction.
pub(super) fn migrate(database: &Database, old_version: u32) -> Result<(), StorageError> {
    let mut created = Vec::new();
    for migration in migrations_between(old_version, DB_VERSION) {
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
                    let object_store = match created.iter().find(|(s, _)| *s == index.store) {
                        Some((_, object_store)) => object_store.clone(),
                        None => {
                            return Err(StorageError::Other(format!("index {} before its store", index.name)))
                        }
                    };
                    object_store
                        .create_index(
                            index.name,
                            KeyPath::new_single(index.key_path),
                            Some(IndexParams::new()),
                        )
                        .map_err(classify)?;
                }
            }
        }
    }
    Ok(())
}
