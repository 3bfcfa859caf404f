//! Plain links that navigate inside the app.

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::ui::routes::Route;

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
        let route = anchor.and_then(|a| a.get_attribute("href")).and_then(|href| Route::recognize(&href));
        if let (Some(route), Some(navigator)) = (route, navigator.as_ref()) {
            event.prevent_default();
            navigator.push(&route);
        }
    })
}
