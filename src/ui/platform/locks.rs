//! The Web Locks API (Chrome 69, Firefox 96, Safari 15.4) across the app's tabs:
//! - one restore at a time: a restore sweeps bytes that have no photo record, and in another tab
//!   those can be a restore's staged photos. A browser without the API runs the work unlocked;
//! - which pages are still open: a page holds a lock of its own while it lives, so another can
//!   tell its backup file from one a closed page left (`backup_sink`).

use std::cell::RefCell;
use std::future::Future;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Runs `work` holding the lock `name`. When another tab holds it, `on_wait` runs first (to say
/// so), then the work waits for it.
pub async fn exclusively<T>(name: &str, on_wait: impl FnOnce(), work: impl Future<Output = T>) -> T {
    let Some((locks, request_fn)) = lock_request() else {
        return work.await;
    };
    // First only if free (the grant is null when another tab holds it), so the wait can be said.
    let Some(first) = request(&locks, &request_fn, name, true) else {
        return work.await;
    };
    let lock = JsFuture::from(first.granted).await.unwrap_or(JsValue::NULL);
    let release = if lock.is_null() {
        let _ = first.release.call0(&JsValue::NULL);
        on_wait();
        let Some(queued) = request(&locks, &request_fn, name, false) else {
            return work.await;
        };
        let _ = JsFuture::from(queued.granted).await;
        queued.release
    } else {
        first.release
    };
    let output = work.await;
    let _ = release.call0(&JsValue::NULL);
    output
}

thread_local! {
    /// The locks this page has asked to hold while it lives: asking twice would wait forever
    /// behind itself.
    static HELD_FOR_LIFE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Holds the lock `name` for as long as this page lives (the browser lets go of a page's locks
/// when it goes), once granted: other tabs see the page is still there. Asked once a page: a
/// second call returns at once. Nothing happens without the API.
pub async fn hold_while_page_lives(name: &str) {
    let first = HELD_FOR_LIFE.with_borrow_mut(|held| {
        let first = !held.iter().any(|n| n == name);
        if first {
            held.push(name.to_string());
        }
        first
    });
    if !first {
        return;
    }
    if let Some((locks, request_fn)) = lock_request() {
        // Never released: `release` is dropped, so the promise the lock waits on never settles.
        if let Some(asked) = request(&locks, &request_fn, name, false) {
            let _ = JsFuture::from(asked.granted).await;
        }
    }
}

/// The names of the locks any page of the app holds or has asked for; `None` without the API
/// (then no page can be known to be gone).
pub async fn lock_names_in_use() -> Option<Vec<String>> {
    let (locks, _) = lock_request()?;
    let query = Reflect::get(&locks, &JsValue::from_str("query")).ok()?.dyn_into::<Function>().ok()?;
    let promise = query.call0(&locks).ok()?.dyn_into::<Promise>().ok()?;
    let snapshot = JsFuture::from(promise).await.ok()?;
    let mut names = Vec::new();
    for list in ["held", "pending"] {
        let Ok(list) = Reflect::get(&snapshot, &JsValue::from_str(list)).ok()?.dyn_into::<js_sys::Array>()
        else {
            return None;
        };
        names.extend(
            list.iter().filter_map(|lock| Reflect::get(&lock, &JsValue::from_str("name")).ok()?.as_string()),
        );
    }
    Some(names)
}

/// A lock asked for: `granted` settles with the lock (null if `if_available` and it was taken);
/// the lock is held until `release` is called.
struct Requested {
    granted: Promise,
    release: Function,
}

fn request(locks: &JsValue, request_fn: &Function, name: &str, if_available: bool) -> Option<Requested> {
    // The lock is held until the promise the callback returns settles: `release` settles it.
    let mut release: Option<Function> = None;
    let held = Promise::new(&mut |resolve, _| release = Some(resolve));
    let mut grant: Option<Function> = None;
    let granted = Promise::new(&mut |resolve, _| grant = Some(resolve));
    let on_grant = Closure::once_into_js(move |lock: JsValue| {
        if let Some(grant) = grant {
            let _ = grant.call1(&JsValue::NULL, &lock);
        }
        held
    });
    let name = JsValue::from_str(name);
    let called = if if_available {
        let options = Object::new();
        Reflect::set(&options, &JsValue::from_str("ifAvailable"), &JsValue::TRUE).ok()?;
        request_fn.call3(locks, &name, &options, &on_grant)
    } else {
        request_fn.call2(locks, &name, &on_grant)
    };
    called.ok()?;
    Some(Requested { granted, release: release? })
}

/// `navigator.locks` and its `request`, where the browser has them. Through `Reflect`: web-sys
/// has `LockManager` only behind `--cfg=web_sys_unstable_apis`, a flag for the whole build.
fn lock_request() -> Option<(JsValue, Function)> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks")).ok().filter(|l| !l.is_undefined())?;
    let request = Reflect::get(&locks, &JsValue::from_str("request")).ok()?.dyn_into::<Function>().ok()?;
    Some((locks, request))
}
