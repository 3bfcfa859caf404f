//! The clinic kit as its own app, served at `/kit/`.
//!
//! Clinics use it once, online, at a desk; clients never need it. Keeping it out of the client
//! app keeps the QR encoder and the kit's views out of the client's first load, and the service
//! worker does not precache it. It stores nothing and reads no client data.

mod clinic_form;
mod clinic_kit_page;

use yew::prelude::*;

use crate::site::Href;
use crate::ui::kit::clinic_kit_page::ClinicKitPage;
use crate::ui::shared::components::app_header::app_header;

#[component]
pub fn KitApp() -> Html {
    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            { app_header() }
            <main id="main" class="layout__main kit-main" tabindex="-1">
                <ClinicKitPage />
                <p><a href={Href::today()}>{ "Open Remodel" }</a></p>
            </main>
        </>
    }
}
