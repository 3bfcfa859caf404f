//! The `settings` store: small singletons (app settings, the profile), each under its own key.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{Db, StorageError, Store};
use crate::domain::profile::Profile;
use crate::domain::settings::AppSettings;

const APP_SETTINGS_KEY: &str = "app";
const PROFILE_KEY: &str = "profile";

/// A singleton stored with its key beside its own fields.
#[derive(Serialize, Deserialize)]
struct Keyed<T> {
    key: String,
    #[serde(flatten)]
    value: T,
}

async fn load_keyed<T: DeserializeOwned + Default>(db: &Db, key: &str) -> Result<T, StorageError> {
    let record: Option<Keyed<T>> = db.get(Store::Settings, key).await?;
    Ok(record.map(|r| r.value).unwrap_or_default())
}

async fn save_keyed<T: Serialize + Clone>(db: &Db, key: &str, value: &T) -> Result<(), StorageError> {
    db.put(Store::Settings, &Keyed { key: key.to_string(), value: value.clone() }).await
}

/// The stored settings, or the defaults on a first start.
pub async fn load_settings(db: &Db) -> Result<AppSettings, StorageError> {
    load_keyed(db, APP_SETTINGS_KEY).await
}

pub async fn save_settings(db: &Db, settings: &AppSettings) -> Result<(), StorageError> {
    save_keyed(db, APP_SETTINGS_KEY, settings).await
}

/// The client's profile and areas, or an empty profile before they set one up.
pub async fn load_profile(db: &Db) -> Result<Profile, StorageError> {
    load_keyed(db, PROFILE_KEY).await
}

pub async fn save_profile(db: &Db, profile: &Profile) -> Result<(), StorageError> {
    save_keyed(db, PROFILE_KEY, profile).await
}
