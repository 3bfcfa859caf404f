//! The only code that touches IndexedDB.
//!
//! # Schema (database `remodel`, version [`schema::DB_VERSION`])
//!
//! | store              | key    | indexes                                 | holds                          |
//! |--------------------|--------|-----------------------------------------|--------------------------------|
//! | `sessions`         | `id`   | `by_date` (`date`)                      | treatment sessions             |
//! | `recovery_entries` | `id`   | `by_session` (`session_id`), `by_date`  | daily recovery diary           |
//! | `photos`           | `id`   | `by_taken_at` (`taken_at`), `by_area` (`area_id`, v2) | photo metadata, never pixels |
//! | `photo_bytes`      | `id`   |                                         | working copies as bytes (not Blobs) |
//! | `photo_thumbs`     | `id`   |                                         | thumbnails as bytes (v3)       |
//! | `settings`         | `key`  |                                         | singletons: `app` settings, `profile` (with areas), `clinic` (its link payload), `redness_regions` (photos app), `backup` (this device's last backup) |
//!
//! Records are plain serde structs from `crate::domain`, converted with `serde-wasm-bindgen`.
//! Versions are upgraded by the migration table in [`schema`]: each version only adds stores and
//! indexes, and a database at any older version is brought forward step by step on open
//! (version 2 added `photos.by_area`; `tests/web_storage.rs` upgrades a version 1 database with
//! photos in it). Version 3 moved each thumbnail out of its `photo_bytes` record into
//! `photo_thumbs`, one record at a time inside the upgrade transaction (`tests/web_upgrade.rs`
//! checks every byte, and that an upgrade stopped midway leaves version 2 exactly as it was).
//!
//! Failures are [`StorageError`]s with a user message; nothing here panics.
//!
//! The pure parts ([`schema`], [`error`]) build natively so their rules are tested by
//! `cargo test`; the browser parts only build for wasm32.

pub mod error;
pub mod schema;

#[cfg(target_arch = "wasm32")]
mod backup_repo;
#[cfg(target_arch = "wasm32")]
mod checked_write;
#[cfg(target_arch = "wasm32")]
mod db;
#[cfg(target_arch = "wasm32")]
mod idb_values;
#[cfg(target_arch = "wasm32")]
mod inspect;
#[cfg(target_arch = "wasm32")]
mod migrate;
#[cfg(target_arch = "wasm32")]
mod persistence;
#[cfg(target_arch = "wasm32")]
mod photos_repo;
#[cfg(target_arch = "wasm32")]
mod records;
#[cfg(target_arch = "wasm32")]
mod restore_stage;
#[cfg(target_arch = "wasm32")]
mod settings_repo;
#[cfg(target_arch = "wasm32")]
mod write;

#[cfg(target_arch = "wasm32")]
pub use backup_repo::{backup_records, delete_everything};
#[cfg(target_arch = "wasm32")]
pub use db::{delete_database, Db};
pub use error::StorageError;
#[cfg(target_arch = "wasm32")]
pub use persistence::{ask_persistence, storage_usage};
#[cfg(target_arch = "wasm32")]
pub use photos_repo::{
    delete_photo, load_photo_bytes, load_photo_files, load_photos, restore_photo, save_new_photo,
    save_photo_reading, update_photo, PhotoCopy, StoredFile, StoredPhotoBytes,
};
#[cfg(target_arch = "wasm32")]
pub use records::{
    delete_entry, delete_session, load_entries_before, load_recent_records, load_records, new_id, restore,
    save_entry, save_entry_edit, save_session, save_session_edit, Records,
};
#[cfg(target_arch = "wasm32")]
pub use restore_stage::{
    discard_staged, ids_with_bytes, stage_photo_bytes, sweep_unowned_bytes, switch_to_restored, StoredIds,
};
pub use schema::{Store, DB_NAME, DB_VERSION};
#[cfg(target_arch = "wasm32")]
pub use settings_repo::{
    load_backup_status, load_redness_regions, load_settings, save_backup_status, save_clinic, save_profile,
    save_redness_regions, save_settings,
};
#[cfg(target_arch = "wasm32")]
pub use write::Write;
