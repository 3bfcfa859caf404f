//! An address the app does not know.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::ui::routes::Route;

pub fn not_found_page() -> Html {
    html! {
        <article class="page">
            <h1 class="page__title">{ "Page not found" }</h1>
            <p class="page__purpose">{ "This address is not part of Remodel." }</p>
            <p><Link<Route> to={Route::Today}>{ "Go to Today" }</Link<Route>></p>
        </article>
    }
}
