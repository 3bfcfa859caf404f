//! Persistent storage and the storage estimate (`navigator.storage`).
//!
//! Reading is never allowed to wait on a person: `estimate()` and `persisted()` answer at once in
//! every engine, while `persist()` may show a prompt (Firefox does, and leaves the promise pending
//! until it is answered), so it is only called from a tap ([`ask_persistence`]).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::device::storage_usage::StorageUsage;

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older Safari and WebKitGTK have no `navigator.storage`: check before calling, the binding
    // would throw.
    let has_storage = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    has_storage.then(|| navigator.storage())
}

/// How much space the app uses and may use, and whether the browser already keeps it
/// persistent; `None` where the browser has no `navigator.storage`.
pub async fn storage_usage() -> Option<StorageUsage> {
    let manager = storage_manager()?;
    let persisted = match manager.persisted() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    let estimate = match manager.estimate() {
        Ok(promise) => {
            JsFuture::from(promise).await.ok().map(|e| e.unchecked_into::<web_sys::StorageEstimate>())
        }
        Err(_) => None,
    };
    Some(StorageUsage {
        used_bytes: estimate.as_ref().and_then(|e| e.get_usage()).unwrap_or(0.0) as u64,
        quota_bytes: estimate.as_ref().and_then(|e| e.get_quota()).unwrap_or(0.0) as u64,
        persisted,
    })
}

/// Asks the browser to keep this site's data (`persist()`), which may show a prompt: call it
/// from a tap, synchronously, so the browser sees the person's gesture. The future answers
/// whether storage is now persistent (`None` when the browser can't say), whenever the browser
/// does: with a prompt, perhaps never.
pub fn ask_persistence() -> Option<impl std::future::Future<Output = Option<bool>>> {
    let promise = storage_manager()?.persist().ok()?;
    Some(async move { JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()) })
}
