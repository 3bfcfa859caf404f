//! Settings: what is stored on this device, and how safe it is there.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::clinic::link::{encode, FRAGMENT_KEY};
use crate::domain::clinic::ClinicProfile;
use crate::domain::sections::Section;
use crate::site::Href;
use crate::storage::DB_VERSION;
use crate::ui::photos::routes::PhotoRoute;
use crate::ui::photos::storage_status::StorageStatusCard;
use crate::ui::platform::clock::today;
use crate::ui::shared::actions::{report_into, use_record_actions};
use crate::ui::shared::components::empty_state::empty_state;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[component]
pub fn SettingsPage() -> Html {
    let app = use_app_state();
    let actions = use_record_actions();
    let remove_error = use_state(|| None::<String>);
    let clinic = app.records.as_ref().and_then(|r| r.clinic.clone());
    // The Undo bar takes over from here (it says what was removed and takes focus).
    let remove = {
        let (clinic, report) = (clinic.clone(), report_into(remove_error.clone()));
        Callback::from(move |_: MouseEvent| {
            if let Some(clinic) = clinic.clone() {
                actions.remove_clinic(clinic, report.clone());
            }
        })
    };
    html! {
        <Page section={Section::Settings}>
            { empty_state(Section::Settings) }
            <section class="card" aria-labelledby="profile-heading">
                <h2 id="profile-heading">{ "Your profile" }</h2>
                <p>{ "Your treatment areas, skin type, concerns and goals, and what clinics ask before a session." }</p>
                <a href={Href::profile()} class="button button--quiet">{ "Edit your profile" }</a>
            </section>
            <StorageStatusCard />
            <section class="card" aria-labelledby="backups-heading">
                <h2 id="backups-heading">{ "Backups" }</h2>
                if let Some(records) = &app.records {
                    <p data-testid="settings-last-backup">{ records.backup.describe(today()) }</p>
                }
                // The data page is this app's own route: followed in the same document.
                <Link<PhotoRoute> to={PhotoRoute::Data} classes="button button--quiet">{ "Back up, restore or export" }</Link<PhotoRoute>>
            </section>
            { clinic_settings(clinic.as_ref(), remove, (*remove_error).clone()) }
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

/// Your clinic: what the app holds, "Change details" and "Remove clinic" (with Undo).
///
/// Changing goes through the clinic kit (its form shows a message beside each field), opened with
/// the current details in the link; the kit's "Open in Remodel" brings the changes back through
/// the same "Use settings from…?" step as any clinic link, so nothing stored changes until the
/// client accepts, and the clinic form stays out of the client app's download.
fn clinic_settings(
    clinic: Option<&ClinicProfile>,
    remove: Callback<MouseEvent>,
    error: Option<String>,
) -> Html {
    html! {
        <section class="card" aria-labelledby="clinic-settings-heading">
            <h2 id="clinic-settings-heading">{ "Your clinic" }</h2>
            { match clinic {
                Some(clinic) => html! {
                    <>
                        <ul class="clinic-offer__changes">
                            { for clinic.summary().into_iter().map(|line| html! { <li>{ line }</li> }) }
                        </ul>
                        <div class="actions">
                            <a href={Href::kit().with_fragment(&format!("{FRAGMENT_KEY}{}", encode(clinic)))} class="button button--quiet">
                                { "Change details" }
                            </a>
                            <button type="button" class="button button--danger" onclick={remove}>{ "Remove clinic" }</button>
                        </div>
                    </>
                },
                None => html! {
                    <>
                        <p>{ "No clinic set. Follow the link your clinic gives you, or enter its details in the clinic kit and open the link it makes." }</p>
                        <a href={Href::kit()} class="button button--quiet">{ "Enter your clinic's details" }</a>
                    </>
                },
            } }
            if let Some(message) = error {
                <p class="field__error" role="alert">{ message }</p>
            }
        </section>
    }
}
