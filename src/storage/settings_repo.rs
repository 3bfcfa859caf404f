//! The `settings` store: small singletons (app settings, the profile, the clinic), each under its
//! own key.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::db::Db;
use super::error::StorageError;
use super::idb_values::from_js;
use super::schema::Store;
use crate::domain::backup::nudge::BackupStatus;
use crate::domain::clinic::link::{decode, encode};
use crate::domain::clinic::ClinicProfile;
use crate::domain::photos::redness::RednessRegions;
use crate::domain::profile::settings::AppSettings;
use crate::domain::profile::Profile;
use wasm_bindgen::JsValue;

use crate::domain::profile::settings::keys;

/// Reads the record as `T` itself: serde skips the unknown `key` field. (Reading and writing
/// through a `#[serde(flatten)]` wrapper instead cost 7.8 KB brotli of wasm for the reads alone,
/// measured.)
async fn load_keyed<T: DeserializeOwned + Default>(db: &Db, key: &str) -> Result<T, StorageError> {
    keyed_from(db.get_value(Store::Settings, key).await?)
}

/// A singleton from its raw stored value (see [`load_keyed`]); the default when absent.
pub(super) fn keyed_from<T: DeserializeOwned + Default>(value: Option<JsValue>) -> Result<T, StorageError> {
    value.map(from_js).transpose().map(Option::unwrap_or_default)
}

/// Stores a singleton with its key beside its own fields.
async fn save_keyed<T: Serialize>(db: &Db, key: &str, value: &T) -> Result<(), StorageError> {
    db.put_keyed(Store::Settings, key, value).await
}

/// The stored settings, or the defaults on a first start.
pub async fn load_settings(db: &Db) -> Result<AppSettings, StorageError> {
    load_keyed(db, keys::APP).await
}

pub async fn save_settings(db: &Db, settings: &AppSettings) -> Result<(), StorageError> {
    save_keyed(db, keys::APP, settings).await
}

/// Each area's redness region (empty on first use).
pub async fn load_redness_regions(db: &Db) -> Result<RednessRegions, StorageError> {
    load_keyed(db, keys::REDNESS_REGIONS).await
}

pub async fn save_redness_regions(db: &Db, regions: &RednessRegions) -> Result<(), StorageError> {
    save_keyed(db, keys::REDNESS_REGIONS, regions).await
}

pub async fn save_profile(db: &Db, profile: &Profile) -> Result<(), StorageError> {
    save_keyed(db, keys::PROFILE, profile).await
}

/// The clinic, stored as its link payload (`1.…`, see `domain::clinic_link`): one format for the
/// link and the device, versioned by its prefix, and read back through the same strict decoder,
/// so a damaged record can never become a half-valid clinic.
#[derive(Serialize, Deserialize)]
struct StoredClinic {
    key: String,
    link: String,
}

/// The client's clinic from its raw stored value (read with the other records at start-up), if
/// any. A stored payload that no longer decodes is [`StorageError::Corrupt`] (the caller counts
/// it and leaves it alone).
pub(super) fn clinic_from(value: Option<JsValue>) -> Result<Option<ClinicProfile>, StorageError> {
    let Some(stored) = value.map(from_js::<StoredClinic>).transpose()? else { return Ok(None) };
    decode(&stored.link).map(Some).map_err(|e| StorageError::Corrupt(e.message()))
}

/// Stores `clinic`, or removes the stored one when `None`.
pub async fn save_clinic(db: &Db, clinic: Option<&ClinicProfile>) -> Result<(), StorageError> {
    match clinic {
        Some(clinic) => {
            db.put(Store::Settings, &StoredClinic { key: keys::CLINIC.to_string(), link: encode(clinic) })
                .await
        }
        None => db.delete(Store::Settings, keys::CLINIC).await,
    }
}

/// This device's backup status.
pub async fn load_backup_status(db: &Db) -> Result<BackupStatus, StorageError> {
    keyed_from(db.get_value(Store::Settings, keys::BACKUP_STATUS).await?)
}

pub async fn save_backup_status(db: &Db, status: &BackupStatus) -> Result<(), StorageError> {
    db.put_keyed(Store::Settings, keys::BACKUP_STATUS, status).await
}
