//! Your clinic: how to reach it, its protocol and aftercare; and, for clinics, the kit.

use yew::prelude::*;

use crate::domain::sections::Section;
use crate::site::Href;
use crate::ui::shared::components::clinic_card::clinic_card;
use crate::ui::shared::components::empty_state::empty_state;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[component]
pub fn ClinicPage() -> Html {
    let app = use_app_state();
    let clinic = app.records.as_ref().and_then(|r| r.clinic.clone());
    html! {
        <Page section={Section::Clinic}>
            { match &clinic {
                None => html! {
                    <>
                        { empty_state(Section::Clinic) }
                        <p>{ "Follow the link your clinic gives you, or " }
                            <a href={Href::kit()}>{ "enter your clinic's details" }</a>{ "." }</p>
                    </>
                },
                Some(clinic) => html! {
                    <>
                        { clinic_card(clinic, true) }
                        if let Some(protocol) = clinic.protocol {
                            <section class="card" aria-labelledby="protocol-heading">
                                <h2 id="protocol-heading">{ "Protocol" }</h2>
                                <p>{ format!("{} sessions, {} weeks apart. Your timeline uses this for the next due date.",
                                    protocol.sessions, protocol.interval_weeks) }</p>
                                if !clinic.depths.is_empty() {
                                    <ul>{ for clinic.depths.iter().filter_map(|d| clinic.depth_hint(d.area).map(|h|
                                        html! { <li>{ format!("{}: {h}", d.area.label()) }</li> })) }</ul>
                                }
                            </section>
                        }
                        if let Some(items) = clinic.aftercare_items() {
                            <section class="card" aria-labelledby="aftercare-heading">
                                <h2 id="aftercare-heading">{ "Aftercare" }</h2>
                                <ul>{ for items.iter().map(|i| html! { <li>{ i.clone() }</li> }) }</ul>
                                <p class="field__hint">{ "Your daily check-in uses this checklist." }</p>
                            </section>
                        }
                        // Settings is the photos app's (`crate::site`): a page load.
                        <p><a href={Href::section(Section::Settings)}>{ "Change or remove your clinic in Settings" }</a></p>
                    </>
                },
            } }
            <section class="card" aria-labelledby="kit-heading">
                <h2 id="kit-heading">{ "For clinics" }</h2>
                <p>{ "Make a link and a QR code that set up your details, protocol and aftercare in your clients' app." }</p>
                // The kit is its own small app (not part of the client's download): a full page load.
                <a href={Href::kit()} class="button button--quiet">{ "Open the clinic kit" }</a>
            </section>
        </Page>
    }
}
