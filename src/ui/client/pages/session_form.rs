//! Add or edit a session.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::diary::session::SessionForm;
use crate::domain::profile::screening::Screening;
use crate::domain::sections::Section;
use crate::ui::client::components::session_form::SessionFormView;
use crate::ui::client::record_form::use_record_form;
use crate::ui::client::routes::Route;
use crate::ui::platform::clock::today;
use crate::ui::shared::actions::use_record_actions;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[derive(Properties, PartialEq)]
pub struct SessionFormPageProps {
    /// The session to edit; `None` adds a new one.
    pub id: Option<String>,
}

#[component]
pub fn SessionFormPage(props: &SessionFormPageProps) -> Html {
    let app = use_app_state();
    let actions = use_record_actions();
    let form_state = use_record_form();
    let heading = if props.id.is_some() { "Edit session" } else { "Add a session" };
    let Some(records) = app.records.as_ref() else {
        return html! { <Page section={Section::Sessions} {heading}><p>{ "Loading…" }</p></Page> };
    };
    if records.profile.areas.is_empty() {
        return html! {
            <Page section={Section::Sessions} {heading}>
                <p>{ "First add the areas you treat, so each session can be logged against them." }</p>
                <Link<Route> to={Route::Profile} classes="button">{ "Set up your areas" }</Link<Route>>
            </Page>
        };
    }
    let existing = props.id.as_ref().and_then(|id| records.sessions.iter().find(|s| &s.id == id));
    if props.id.is_some() && existing.is_none() {
        return html! { <Page section={Section::Sessions} {heading}><p>{ "This session no longer exists." }</p></Page> };
    }
    let initial = existing.map(SessionForm::from_session).unwrap_or_else(|| SessionForm::new(today()));
    let on_submit = {
        let (state, profile) = (form_state.clone(), records.profile.clone());
        let (id, mut previous) = (form_state.id(props.id.as_ref()), existing.cloned());
        if let Some(previous) = &mut previous {
            previous.updated = form_state.opened_from(previous.updated.clone());
        }
        Callback::from(move |form: SessionForm| match form.validate(id.clone(), today(), &profile) {
            Err(found) => state.refuse(found),
            Ok(session) => {
                let done = state.saving(Route::SessionDetail { id: id.clone() });
                match previous.clone() {
                    Some(previous) => actions.update_session(previous, session, done),
                    None => actions.save_session(session, done),
                }
            }
        })
    };
    html! {
        <Page section={Section::Sessions} {heading}>
            { screening_card(records.profile.screening.as_ref()) }
            <SessionFormView key={*form_state.refills} {initial} profile={records.profile.clone()} errors={(*form_state.errors).clone()} {on_submit}
                save_error={(*form_state.save_error).clone()} sessions={records.sessions.clone()} editing={props.id.clone()}
                clinic_interval_weeks={records.clinic.as_ref().and_then(|c| c.protocol).map(|p| p.interval_weeks)} />
        </Page>
    }
}

/// Before a session: the checklist's invitation while it is unanswered, or the reminder of what to
/// talk to the clinic about. Never a gate: the form is right below.
fn screening_card(screening: Option<&Screening>) -> Html {
    match screening {
        None => html! {
            <section class="card" aria-label="Before a session">
                <p>{ "Clinics ask about a few health matters before needling (cold sores, isotretinoin, pregnancy, blood thinners and more). Answering takes a minute, and you can skip it." }</p>
                <Link<Route> to={Route::Screening}>{ "Answer the checklist" }</Link<Route>>
            </section>
        },
        Some(answers) => match answers.clinic_note() {
            Some(note) => html! {
                <section class="notice notice--caution" aria-label="Before a session">
                    <p>{ note }</p>
                    <Link<Route> to={Route::Screening}>{ "Review your answers" }</Link<Route>>
                </section>
            },
            None => html! {},
        },
    }
}
