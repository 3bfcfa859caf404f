//! The bar at the top of every page.

use yew::prelude::*;

pub fn app_header() -> Html {
    html! {
        <header class="app-header">
            <svg class="app-header__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                <circle cx="16" cy="16" r="14" />
                <path d="M10 19a8.5 8.5 0 0 0 12 0" />
                <circle cx="12" cy="12" r="1.6" />
                <circle cx="20" cy="12" r="1.6" />
            </svg>
            <span class="app-header__name">{ "Remodel" }</span>
            <span class="app-header__privacy">{ "Private · stays on this device" }</span>
        </header>
    }
}
