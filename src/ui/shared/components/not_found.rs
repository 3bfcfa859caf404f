//! An address the app does not know.

use crate::site::Href;
use yew::prelude::*;

pub fn not_found_page() -> Html {
    html! {
        <article class="page">
            <h1 class="page__title">{ "Page not found" }</h1>
            <p class="page__purpose">{ "This address is not part of Remodel." }</p>
            // A page load: the photos app shows this page too, and `/` is the client app's.
            <p><a href={Href::today()}>{ "Go to Today" }</a></p>
        </article>
    }
}
