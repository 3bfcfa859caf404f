//! Plain links that navigate inside the app.

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::site::{self, App};
use crate::ui::client::routes::Route;

/// One click handler for every plain `<a href>` inside an element: a plain click on a link to an
/// app route navigates in the app; modified clicks (new tab) are left to the browser.
pub fn in_app_links(navigator: Option<Navigator>) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        if event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key()
        {
            return;
        }
        let anchor = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten());
        // Only the client app's own addresses: yew-router recognises any other as its not-found
        // route, and another app's page must be loaded from the server (`crate::site`).
        let route = anchor
            .and_then(|a| a.get_attribute("href"))
            .filter(|href| href.starts_with('/') && site::app_of(href) == App::Client)
            .and_then(|href| Route::recognize(&href));
        if let (Some(route), Some(navigator)) = (route, navigator.as_ref()) {
            event.prevent_default();
            navigator.push(&route);
        }
    })
}

/// Loads this address from the server when the page got here by an in-app navigation to
/// another app's address; never when the document was itself loaded here (an old service worker
/// could answer with this app), so it can't loop.
#[hook]
pub fn use_load_from_server() {
    use_effect_with((), |_| {
        let Some(window) = web_sys::window() else { return };
        let here = window.location().pathname().unwrap_or_default();
        let loaded_at = window
            .performance()
            .map(|performance| performance.get_entries_by_type("navigation"))
            .and_then(|entries| entries.get(0).dyn_into::<web_sys::PerformanceEntry>().ok())
            .and_then(|entry| web_sys::Url::new(&entry.name()).ok())
            .map(|url| url.pathname());
        if loaded_at.is_some_and(|loaded| loaded != here) {
            let _ = window.location().reload();
        }
    });
}
