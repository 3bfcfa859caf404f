//! Whether to show the "Add to Home Screen" guide (WebKit browser tabs), and its dismissal, which
//! is kept in the app's settings so it stays dismissed.

use yew::prelude::*;

use crate::domain::device::home_screen::offer_guide;
use crate::storage::load_settings;
use crate::ui::shared::actions::use_record_actions;
use crate::ui::shared::hooks::storage::use_db;

/// Installed to the Home Screen (or as an app elsewhere): `display-mode: standalone`, or iOS
/// Safari's own `navigator.standalone`.
fn installed() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let standalone_display =
        window.match_media("(display-mode: standalone)").ok().flatten().is_some_and(|query| query.matches());
    let ios_standalone = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    standalone_display || ios_standalone
}

fn user_agent() -> String {
    web_sys::window().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default()
}

/// `(show, dismiss)`: shown once the settings are read and the browser is a WebKit tab.
#[hook]
pub fn use_home_screen_guide() -> (bool, Callback<MouseEvent>) {
    let db = use_db();
    let show = use_state(|| false);
    let actions = use_record_actions();
    {
        let show = show.clone();
        use_effect_with(db, move |db| {
            if let Some(db) = db.clone() {
                if offer_guide(&user_agent(), installed(), false) {
                    wasm_bindgen_futures::spawn_local(async move {
                        let dismissed = load_settings(&db.0).await.map(|s| s.home_screen_guide_dismissed);
                        // Unreadable settings: better to offer the guide than to hide it.
                        show.set(!dismissed.unwrap_or(false));
                    });
                }
            }
        });
    }
    let dismiss = {
        let show = show.clone();
        Callback::from(move |_: MouseEvent| {
            show.set(false);
            actions.dismiss_home_screen_guide();
        })
    };
    (*show, dismiss)
}
