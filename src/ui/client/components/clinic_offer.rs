//! "Use settings from <clinic>?": the only way a clinic link changes anything, and only after
//! the client says yes. Shown above every page while a followed link waits for an answer.

use yew::prelude::*;

use crate::domain::clinic::ClinicProfile;
use crate::ui::shared::actions::use_record_actions;
use crate::ui::shared::context::use_app_state;
use crate::ui::shared::hooks::clinic_link::{use_incoming_clinic_link, IncomingLink};
use crate::ui::shared::hooks::storage::use_db;

#[component]
pub fn ClinicLinkOffer() -> Html {
    let incoming = use_incoming_clinic_link();
    let app = use_app_state();
    let actions = use_record_actions();
    // Saving needs the open database, not just the records read from it.
    let can_save = use_db().is_some();
    let outcome = use_state(|| None::<String>);
    let heading = use_node_ref();
    let outcome_ref = use_node_ref();
    {
        // Accepting or declining removes the focused button: focus the outcome instead.
        let outcome_ref = outcome_ref.clone();
        use_effect_with(outcome.clone(), move |_| {
            if let Some(el) = outcome_ref.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    {
        // Move focus to the question, so keyboard and screen-reader users meet it first.
        let heading = heading.clone();
        use_effect_with(incoming.clone(), move |_| {
            if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let current = app.records.as_ref().and_then(|r| r.clinic.clone());
    let close = {
        let (incoming, outcome) = (incoming.clone(), outcome.clone());
        Callback::from(move |message: String| {
            incoming.set(None);
            outcome.set(Some(message));
        })
    };
    match (*incoming).clone() {
        Some(IncomingLink::Refused(reason)) => html! {
            <section class="card notice notice--error" role="alert" aria-labelledby="clinic-offer-heading">
                <h2 id="clinic-offer-heading" tabindex="-1" ref={heading}>{ "This clinic link can't be used" }</h2>
                <p>{ reason }</p>
                <p>{ "Nothing was changed." }</p>
                <button type="button" class="button button--quiet"
                    onclick={let close = close.clone(); move |_| close.emit(String::new())}>{ "Close" }</button>
            </section>
        },
        Some(IncomingLink::Offer(profile)) => {
            let accept = {
                let (profile, close, outcome) = (profile.clone(), close.clone(), outcome.clone());
                let actions = actions.clone();
                Callback::from(move |_: MouseEvent| {
                    // The offer closes at once: a second link followed meanwhile gets its own
                    // offer, which this save's outcome must not close.
                    close.emit(String::new());
                    let (name, outcome) = (profile.name.clone(), outcome.clone());
                    actions.save_clinic(
                        Some(profile.clone()),
                        Callback::from(move |result: Result<(), crate::storage::StorageError>| {
                            outcome.set(Some(match result {
                                Ok(()) => format!(
                                    "{name}'s details are in use. You can change or remove them in Settings."
                                ),
                                Err(error) => format!(
                                    "{name}'s details could not be saved: {} Open the link again to retry.",
                                    error.user_message()
                                ),
                            }))
                        }),
                    );
                })
            };
            let decline = {
                let close = close.clone();
                Callback::from(move |_: MouseEvent| close.emit("Nothing was changed.".to_string()))
            };
            html! {
                <section class="card notice" role="region" aria-labelledby="clinic-offer-heading">
                    <h2 id="clinic-offer-heading" tabindex="-1" ref={heading}>
                        { format!("Use settings from {}?", profile.name) }
                    </h2>
                    { replaces(current.as_ref(), &profile) }
                    <p>{ "Adding it sets:" }</p>
                    <ul class="clinic-offer__changes">
                        { for profile.summary().into_iter().map(|line| html! { <li>{ line }</li> }) }
                    </ul>
                    <p class="field__hint">{ "It stays on this device. The link sent nothing anywhere." }</p>
                    <div class="form__actions">
                        <button type="button" class="button" onclick={accept} disabled={!can_save}>
                            { format!("Use {}'s settings", profile.name) }
                        </button>
                        <button type="button" class="button button--quiet" onclick={decline}>{ "Not now" }</button>
                        if !can_save {
                            <p class="field__hint">{ "Waiting for this device's storage before anything can be saved…" }</p>
                        }
                    </div>
                </section>
            }
        }
        None => match (*outcome).clone().filter(|m| !m.is_empty()) {
            Some(message) => html! {
                <p class="notice" role="status" tabindex="-1" ref={outcome_ref}>
                    { message }
                    <button type="button" class="link-button" aria-label="Dismiss"
                        onclick={let outcome = outcome.clone(); move |_| outcome.set(None)}>{ "×" }</button>
                </p>
            },
            None => html! {},
        },
    }
}

fn replaces(current: Option<&ClinicProfile>, offered: &ClinicProfile) -> Html {
    match current {
        Some(current) if current == offered => html! {
            <p>{ "These are the settings you already use." }</p>
        },
        Some(current) => html! {
            <p><strong>{ format!("This replaces {}'s details.", current.name) }</strong></p>
        },
        None => html! {},
    }
}
