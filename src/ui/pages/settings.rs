//! Settings: what is stored on this device, and how safe it is there.

use yew::prelude::*;

use crate::domain::sections::Section;
use crate::storage::DB_VERSION;
use crate::ui::components::empty_state::empty_state;
use crate::ui::components::Page;
use crate::ui::context::use_app_state;
use crate::ui::state::StorageStatus;

#[component]
pub fn SettingsPage() -> Html {
    let app = use_app_state();
    let storage = match &app.storage {
        StorageStatus::Opening => html! { <p>{ "Checking this device's storage…" }</p> },
        StorageStatus::Blocked => html! { <p>{ "Waiting for another Remodel tab to close…" }</p> },
        StorageStatus::Failed(error) => html! { <p class="text-error">{ error.user_message() }</p> },
        StorageStatus::Ready { usage: None } => html! {
            <p>{ "Storage is working. This browser does not report how much space is used." }</p>
        },
        StorageStatus::Ready { usage: Some(usage) } => html! {
            <>
                <p data-testid="storage-usage">{ usage.summary() }</p>
                <p data-testid="storage-persistence">{ usage.persistence_advice() }</p>
            </>
        },
    };
    html! {
        <Page section={Section::Settings}>
            { empty_state(Section::Settings) }
            <section class="card" aria-labelledby="storage-heading">
                <h2 id="storage-heading">{ "Storage on this device" }</h2>
                { storage }
            </section>
            <section class="card" aria-labelledby="about-heading">
                <h2 id="about-heading">{ "About" }</h2>
                <dl class="facts">
                    <dt>{ "App version" }</dt><dd>{ env!("CARGO_PKG_VERSION") }</dd>
                    <dt>{ "Data format" }</dt><dd>{ format!("version {DB_VERSION}") }</dd>
                    <dt>{ "Network" }</dt><dd>{ "None: no account, no server, no analytics." }</dd>
                </dl>
            </section>
        </Page>
    }
}
