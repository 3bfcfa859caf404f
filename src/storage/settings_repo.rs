//! The `settings` store: the app's settings live under one key.

use serde::{Deserialize, Serialize};

use super::{Db, StorageError, Store};
use crate::domain::settings::AppSettings;

const APP_SETTINGS_KEY: &str = "app";

#[derive(Serialize, Deserialize)]
struct SettingsRecord {
    key: String,
    #[serde(flatten)]
    settings: AppSettings,
}

/// The stored settings, or the defaults on a first start.
pub async fn load_settings(db: &Db) -> Result<AppSettings, StorageError> {
    let record: Option<SettingsRecord> = db.get(Store::Settings, APP_SETTINGS_KEY).await?;
    Ok(record.map(|r| r.settings).unwrap_or_default())
}

pub async fn save_settings(db: &Db, settings: &AppSettings) -> Result<(), StorageError> {
    let record = SettingsRecord { key: APP_SETTINGS_KEY.to_string(), settings: settings.clone() };
    db.put(Store::Settings, &record).await
}
