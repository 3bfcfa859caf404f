//! The upgrade transaction: every migration step of `schema` after the version found, creating
//! stores and indexes (a version only ever adds).

use idb::{Database, IndexParams, KeyPath, ObjectStoreParams, Transaction};

use super::error::StorageError;
use super::idb_values::classify;
use super::schema::{Migration, MigrationStep};

/// Runs every migration of `migrations` after `old_version`, inside the upgrade transaction
/// `upgrade` (through which an index is added to a store an earlier version made).
pub(super) fn migrate(
    database: &Database,
    upgrade: Option<&Transaction>,
    migrations: &[Migration],
    old_version: u32,
) -> Result<(), StorageError> {
    let mut created = Vec::new();
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
                        None => upgrade
                            .ok_or_else(|| StorageError::Other("no upgrade transaction".into()))?
                            .object_store(index.store.name())
                            .map_err(|_| {
                                StorageError::Other(format!("index {} before its store", index.name))
                            })?,
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
