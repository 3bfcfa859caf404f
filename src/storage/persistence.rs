//! Persistent storage and the storage estimate (`navigator.storage`).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{load_settings, save_settings, Db, StorageError};
use crate::domain::storage_usage::StorageUsage;

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older Safari has no `navigator.storage`: check before calling, the binding would throw.
    let has_storage = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    has_storage.then(|| navigator.storage())
}

/// Asks the browser once, on the first start, to keep this site's data persistent; later starts
/// only read the answer. Returns whether storage is persistent, when the browser says.
pub async fn request_persistence(db: &Db) -> Result<Option<bool>, StorageError> {
    let Some(manager) = storage_manager() else { return Ok(None) };
    let mut settings = load_settings(db).await?;
    let promise = if settings.persistence_requested {
        manager.persisted()
    } else {
        settings.persistence_requested = true;
        save_settings(db, &settings).await?;
        manager.persist()
    };
    let Ok(promise) = promise else { return Ok(None) };
    Ok(JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()))
}

/// How much space the app uses and may use; `None` where the browser does not say.
pub async fn storage_usage(persisted: Option<bool>) -> Option<StorageUsage> {
    let promise = storage_manager()?.estimate().ok()?;
    let estimate: web_sys::StorageEstimate = JsFuture::from(promise).await.ok()?.unchecked_into();
    Some(StorageUsage {
        used_bytes: estimate.get_usage().unwrap_or(0.0) as u64,
        quota_bytes: estimate.get_quota().unwrap_or(0.0) as u64,
        persisted,
    })
}
