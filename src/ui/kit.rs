//! The clinic kit as its own app, served at `/kit/`.
//!
//! Clinics use it once, online, at a desk; clients never need it. Keeping it out of the client
//! app keeps the QR encoder and the kit's views out of the client's first load, and the service
//! worker does not precache it. It stores nothing and reads no client data.

use yew::prelude::*;

use super::components::app_header::app_header;
use super::pages::ClinicKitPage;

#[component]
pub fn KitApp() -> Html {
    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            { app_header() }
            <main id="main" class="layout__main kit-main" tabindex="-1">
                <ClinicKitPage />
                <p><a href="/">{ "Open Remodel" }</a></p>
            </main>
        </>
    }
}
