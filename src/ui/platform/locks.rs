//! One restore at a time across the app's tabs, through the Web Locks API (Chrome 69, Firefox 96,
//! Safari 15.4): a restore sweeps bytes that have no photo record, and in another tab those can
//! be a restore's staged photos. A browser without the API runs the work unlocked, as before.

use std::future::Future;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Runs `work` holding the lock `name` (waiting for any other tab holding it first).
pub async fn exclusively<T>(name: &str, work: impl Future<Output = T>) -> T {
    let Some(request) = lock_request() else {
        return work.await;
    };
    // The lock is held until the promise the callback returns settles: `release` settles it.
    let mut release: Option<Function> = None;
    let held = Promise::new(&mut |resolve, _| release = Some(resolve));
    let mut granted: Option<Function> = None;
    let granted_promise = Promise::new(&mut |resolve, _| granted = Some(resolve));
    let on_grant = Closure::once_into_js(move |_lock: JsValue| {
        if let Some(granted) = granted {
            let _ = granted.call0(&JsValue::NULL);
        }
        held
    });
    let (locks, request) = request;
    if request.call2(&locks, &JsValue::from_str(name), &on_grant).is_err() {
        return work.await;
    }
    let _ = JsFuture::from(granted_promise).await;
    let output = work.await;
    if let Some(release) = release {
        let _ = release.call0(&JsValue::NULL);
    }
    output
}

/// `navigator.locks` and its `request`, where the browser has them.
fn lock_request() -> Option<(JsValue, Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks")).ok().filter(|l| !l.is_undefined())?;
    let request = Reflect::get(&locks, &JsValue::from_str("request")).ok()?.dyn_into::<Function>().ok()?;
    Some((locks, request))
}
