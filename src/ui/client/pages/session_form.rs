//! Add or edit a session.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::diary::session::SessionForm;
use crate::domain::sections::Section;
use crate::domain::validation::FieldErrors;
use crate::storage::new_id;
use crate::ui::client::components::session_form::SessionFormView;
use crate::ui::client::routes::Route;
use crate::ui::platform::clock::today;
use crate::ui::platform::focus::focus_first_invalid;
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
    let navigator = use_navigator();
    let errors = use_state(FieldErrors::new);
    let save_error = use_state(|| None::<String>);
    // Made once per form: a double tap on Save writes the same record twice, not two records.
    let new_record_id = use_state(new_id);
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
        let (errors, save_error, profile) = (errors.clone(), save_error.clone(), records.profile.clone());
        let id = props.id.clone().unwrap_or_else(|| (*new_record_id).clone());
        let previous = existing.cloned();
        Callback::from(move |form: SessionForm| {
            let session_id = id.clone();
            match form.validate(session_id.clone(), today(), &profile) {
                Err(found) => {
                    focus_first_invalid(&found, "");
                    errors.set(found);
                }
                Ok(session) => {
                    errors.set(FieldErrors::new());
                    let (save_error, navigator, session_id) =
                        (save_error.clone(), navigator.clone(), session_id.clone());
                    let done =
                        Callback::from(
                            move |result: Result<(), crate::storage::StorageError>| match result {
                                Ok(()) => {
                                    if let Some(navigator) = &navigator {
                                        navigator.push(&Route::SessionDetail { id: session_id.clone() });
                                    }
                                }
                                Err(error) => save_error.set(Some(error.user_message())),
                            },
                        );
                    match previous.clone() {
                        Some(previous) => actions.update_session(previous, session, done),
                        None => actions.save_session(session, done),
                    }
                }
            }
        })
    };
    html! {
        <Page section={Section::Sessions} {heading}>
            <SessionFormView {initial} profile={records.profile.clone()} errors={(*errors).clone()} {on_submit}
                save_error={(*save_error).clone()} />
        </Page>
    }
}
