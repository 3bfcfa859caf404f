//! The IndexedDB schema as data: which object stores and indexes each database version adds.
//!
//! Kept pure so native tests can check the migration table; `super::db` executes it inside the
//! browser's `upgradeneeded` transaction.

/// Name of the app's database.
pub const DB_NAME: &str = "remodel";

/// An object store of the app, with its key path.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Store {
    /// Treatment sessions, keyed by `id`.
    Sessions,
    /// Daily recovery diary entries, keyed by `id`.
    RecoveryEntries,
    /// Photo metadata only (area, angle, dates): lists never load pixels.
    Photos,
    /// Photo pixels (the working copy, up to 2048 px) as bytes, keyed by `id`. Separate from the
    /// metadata so that listing photos never reads megabytes, and stored as bytes rather than
    /// Blobs because Safari loses Blobs kept in IndexedDB.
    PhotoBytes,
    /// Each photo's thumbnail (up to 256 px) as bytes, keyed by `id` (version 3): a gallery tile
    /// reads only its thumbnail, never the working copy beside it.
    PhotoThumbs,
    /// App settings and small singletons, keyed by `key`.
    Settings,
}

impl Store {
    pub const ALL: [Store; 6] = [
        Store::Sessions,
        Store::RecoveryEntries,
        Store::Photos,
        Store::PhotoBytes,
        Store::PhotoThumbs,
        Store::Settings,
    ];

    /// The object store's name in IndexedDB. Never rename one: that needs a migration.
    pub const fn name(self) -> &'static str {
        match self {
            Store::Sessions => "sessions",
            Store::RecoveryEntries => "recovery_entries",
            Store::Photos => "photos",
            Store::PhotoBytes => "photo_bytes",
            Store::PhotoThumbs => "photo_thumbs",
            Store::Settings => "settings",
        }
    }

    /// The property of each record that is its key.
    pub const fn key_path(self) -> &'static str {
        match self {
            Store::Settings => "key",
            _ => "id",
        }
    }
}

/// An index on an object store: its name and the record property it indexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexSpec {
    pub store: Store,
    pub name: &'static str,
    pub key_path: &'static str,
}

/// One step of an upgrade. Steps only ever add: removing or reshaping data is a new step that
/// rewrites records, so a database at any older version can always be brought forward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MigrationStep {
    CreateStore(Store),
    CreateIndex(IndexSpec),
    /// Moves `field` out of every record of `from` that has it into a record `{ key, field }`
    /// of `to` under the same key, one record at a time (memory stays at one record, however
    /// many photos there are). It runs inside the upgrade transaction, so a tab closed midway
    /// leaves the older version untouched and the next open starts the move again.
    MoveField {
        from: Store,
        field: &'static str,
        to: Store,
    },
}

/// The steps that take the database from `version - 1` to `version`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Migration {
    pub version: u32,
    pub steps: &'static [MigrationStep],
}

const V1_STEPS: &[MigrationStep] = &[
    MigrationStep::CreateStore(Store::Sessions),
    MigrationStep::CreateIndex(IndexSpec { store: Store::Sessions, name: "by_date", key_path: "date" }),
    MigrationStep::CreateStore(Store::RecoveryEntries),
    MigrationStep::CreateIndex(IndexSpec {
        store: Store::RecoveryEntries,
        name: "by_session",
        key_path: "session_id",
    }),
    MigrationStep::CreateIndex(IndexSpec {
        store: Store::RecoveryEntries,
        name: "by_date",
        key_path: "date",
    }),
    MigrationStep::CreateStore(Store::Photos),
    MigrationStep::CreateIndex(IndexSpec { store: Store::Photos, name: "by_taken_at", key_path: "taken_at" }),
    MigrationStep::CreateStore(Store::PhotoBytes),
    MigrationStep::CreateStore(Store::Settings),
];

/// Version 2: photos by area, so the client app can ask which areas have a photo (the guided
/// start's "a first photo of each area") by counting, without reading any photo record.
const V2_STEPS: &[MigrationStep] =
    &[MigrationStep::CreateIndex(IndexSpec { store: Store::Photos, name: "by_area", key_path: "area_id" })];

/// Version 3: thumbnails get their own store, so the gallery reads about a fortieth of the bytes
/// it used to (a tile read the working copy's record to show its thumbnail).
const V3_STEPS: &[MigrationStep] = &[
    MigrationStep::CreateStore(Store::PhotoThumbs),
    MigrationStep::MoveField { from: Store::PhotoBytes, field: "thumb", to: Store::PhotoThumbs },
];

/// Every migration, oldest first. Append a new entry to change the schema; never edit old ones.
pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, steps: V1_STEPS },
    Migration { version: 2, steps: V2_STEPS },
    Migration { version: 3, steps: V3_STEPS },
];

/// The photos index by area ([`V2_STEPS`]).
pub const PHOTOS_BY_AREA: &str = "by_area";

/// The version this build of the app opens the database at.
pub const DB_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// The migrations to run when a database at `from` is opened at `to` (exclusive of `from`).
pub fn migrations_between(from: u32, to: u32) -> impl Iterator<Item = &'static Migration> {
    MIGRATIONS.iter().filter(move |m| m.version > from && m.version <= to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn versions_count_up_from_one_without_gaps() {
        for (i, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version, i as u32 + 1);
        }
        assert_eq!(DB_VERSION, MIGRATIONS.len() as u32);
    }

    #[test]
    fn from_empty_every_store_is_created_once_before_its_indexes() {
        let mut created = HashSet::new();
        let mut index_names = HashSet::new();
        for step in migrations_between(0, DB_VERSION).flat_map(|m| m.steps) {
            match step {
                MigrationStep::CreateStore(store) => assert!(created.insert(*store), "{store:?} twice"),
                MigrationStep::CreateIndex(index) => {
                    assert!(created.contains(&index.store), "index {} before its store", index.name);
                    assert!(index_names.insert((index.store, index.name)), "index {} twice", index.name);
                }
                MigrationStep::MoveField { .. } => {}
            }
        }
        assert_eq!(created, Store::ALL.into_iter().collect());
    }

    #[test]
    fn an_up_to_date_database_runs_nothing() {
        assert_eq!(migrations_between(DB_VERSION, DB_VERSION).count(), 0);
        assert_eq!(migrations_between(0, 1).map(|m| m.version).collect::<Vec<_>>(), vec![1]);
        assert_eq!(migrations_between(1, DB_VERSION).map(|m| m.version).collect::<Vec<_>>(), vec![2, 3]);
    }

    #[test]
    fn store_names_are_unique_and_photo_bytes_are_apart_from_metadata() {
        let names: HashSet<_> = Store::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(names.len(), Store::ALL.len());
        assert_ne!(Store::Photos.name(), Store::PhotoBytes.name());
    }

    #[test]
    fn a_field_moves_only_between_stores_that_exist_by_then_and_share_a_key() {
        let mut created = HashSet::new();
        for step in migrations_between(0, DB_VERSION).flat_map(|m| m.steps) {
            match step {
                MigrationStep::CreateStore(store) => {
                    created.insert(*store);
                }
                MigrationStep::MoveField { from, to, .. } => {
                    assert!(created.contains(from) && created.contains(to), "{from:?} -> {to:?}");
                    assert_eq!(from.key_path(), to.key_path());
                }
                MigrationStep::CreateIndex(_) => {}
            }
        }
    }
}
