//! Registers the service worker (release builds only) and reports when an update is waiting.
//!
//! The worker (`static/sw.js`) precaches the whole build and serves it offline, and once the page
//! is idle fetches the photos app in the background (on the first visit too). A new version
//! installs in the background and waits; the page shows "A new version is ready — reload", and
//! [`reload_to_update`] tells the waiting worker to take over, then reloads once it has.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};
use yew::prelude::*;

const WORKER_URL: &str = "/sw.js";

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Not every context has service workers (insecure origins, some webviews).
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the worker once; `on_update_ready` is called when a new version is waiting. Debug
/// builds (`trunk serve`) skip it, so a development server never serves stale files from a cache.
#[hook]
pub fn use_service_worker(on_update_ready: Callback<()>) {
    use_effect_with((), move |_| {
        if !cfg!(debug_assertions) {
            if let Some(container) = container() {
                wasm_bindgen_futures::spawn_local(register(container, move || on_update_ready.emit(())));
            }
        }
    });
}

async fn register(container: ServiceWorkerContainer, on_update_ready: impl Fn() + Clone + 'static) {
    let Ok(registration) = JsFuture::from(container.register(WORKER_URL)).await else {
        gloo::console::warn!("Remodel: the offline worker could not be registered");
        return;
    };
    let registration: ServiceWorkerRegistration = registration.unchecked_into();
    let has_controller = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    // Once a worker is active (on the first visit, as soon as it has installed) and the page is
    // idle, it fetches the photos app in the background: a person who taps Photos on day one
    // gets it from the cache, and photos work offline before they are first opened.
    wasm_bindgen_futures::spawn_local(warm_photos(container.clone()));
    // A worker that finished installing while the page was closed is already waiting.
    if registration.waiting().is_some() && has_controller() {
        on_update_ready();
    }
    let watched = registration.clone();
    // The registration lives as long as the page, so its listener does too.
    EventListener::new(&registration, "updatefound", move |_| {
        let Some(installing) = watched.installing() else { return };
        let worker = installing.clone();
        let has_controller = has_controller.clone();
        let on_update_ready = on_update_ready.clone();
        // Without a controller this is the first install, not an update: nothing to announce.
        EventListener::new(&installing, "statechange", move |_| {
            if worker.state() == ServiceWorkerState::Installed && has_controller() {
                on_update_ready();
            }
        })
        .forget();
    })
    .forget();
}

/// Asks the active worker to fetch the photos app, once the page is idle.
async fn warm_photos(container: ServiceWorkerContainer) {
    let Ok(ready) = container.ready() else { return };
    let Ok(registration) = JsFuture::from(ready).await else { return };
    let registration: ServiceWorkerRegistration = registration.unchecked_into();
    idle().await;
    if let Some(active) = registration.active() {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"WARM_PHOTOS".into());
        let _ = active.post_message(&message);
    }
}

/// Resolves when the browser is idle (`requestIdleCallback`, at most 5 s away), or after 2 s
/// where there is none (Safari).
async fn idle() {
    let window = gloo::utils::window();
    let request = js_sys::Reflect::get(&window, &"requestIdleCallback".into()).ok();
    match request.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(request_idle) => {
            let promise = js_sys::Promise::new(&mut |resolve, _| {
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&options, &"timeout".into(), &5000.into());
                let _ = request_idle.call2(&window, &resolve, &options);
            });
            let _ = JsFuture::from(promise).await;
        }
        None => gloo::timers::future::TimeoutFuture::new(2_000).await,
    }
}

/// Activates the waiting worker and reloads the page once it controls it.
pub fn reload_to_update() {
    let Some(container) = container() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let waiting: Option<ServiceWorker> = match container.ready().map(JsFuture::from) {
            Ok(ready) => match ready.await {
                Ok(registration) => registration.unchecked_into::<ServiceWorkerRegistration>().waiting(),
                Err(_) => None,
            },
            Err(_) => None,
        };
        let Some(waiting) = waiting else {
            reload();
            return;
        };
        // Reload only after the new worker has taken over, so the page loads the new files.
        EventListener::once(&container, "controllerchange", |_| reload()).forget();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &JsValue::from_str("SKIP_WAITING"));
        let _ = waiting.post_message(&message);
    });
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
