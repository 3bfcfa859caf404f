//! Add or edit a check-in.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::diary::recovery::RecoveryForm;
use crate::domain::sections::Section;
use crate::domain::validation::FieldErrors;
use crate::storage::{new_id, StorageError};
use crate::ui::client::components::recovery_form::RecoveryFormView;
use crate::ui::client::routes::Route;
use crate::ui::platform::clock::today;
use crate::ui::platform::focus::focus_first_invalid;
use crate::ui::shared::actions::use_record_actions;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[derive(Properties, PartialEq)]
pub struct RecoveryFormPageProps {
    /// The check-in to edit; `None` adds a new one.
    pub id: Option<String>,
}

#[component]
pub fn RecoveryFormPage(props: &RecoveryFormPageProps) -> Html {
    let app = use_app_state();
    let actions = use_record_actions();
    let navigator = use_navigator();
    let errors = use_state(FieldErrors::new);
    let save_error = use_state(|| None::<String>);
    // Made once per form: a double tap on Save writes the same record twice, not two records.
    let new_record_id = use_state(new_id);
    let heading = if props.id.is_some() { "Edit check-in" } else { "Add a check-in" };
    let Some(records) = app.records.as_ref() else {
        return html! { <Page section={Section::Recovery} {heading}><p>{ "Loading…" }</p></Page> };
    };
    let existing = props.id.as_ref().and_then(|id| records.entries.iter().find(|e| &e.id == id));
    if props.id.is_some() && existing.is_none() && records.entries_from.is_some() {
        // An older check-in, still being read.
        return html! { <Page section={Section::Recovery} {heading}><p>{ app.waiting_message() }</p></Page> };
    }
    if props.id.is_some() && existing.is_none() {
        return html! { <Page section={Section::Recovery} {heading}><p>{ "This check-in no longer exists." }</p></Page> };
    }
    let initial = existing.map(RecoveryForm::from_entry).unwrap_or_else(|| RecoveryForm::new(today()));
    let on_submit = {
        let id = props.id.clone().unwrap_or_else(|| (*new_record_id).clone());
        let (errors, save_error, sessions) = (errors.clone(), save_error.clone(), records.sessions.clone());
        let previous = existing.cloned();
        Callback::from(move |form: RecoveryForm| match form.validate(id.clone(), today(), &sessions) {
            Err(found) => {
                focus_first_invalid(&found, "");
                errors.set(found);
            }
            Ok(entry) => {
                errors.set(FieldErrors::new());
                let (save_error, navigator) = (save_error.clone(), navigator.clone());
                let done = Callback::from(move |result: Result<(), StorageError>| match result {
                    Ok(()) => {
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Recovery);
                        }
                    }
                    Err(error) => save_error.set(Some(error.user_message())),
                });
                match previous.clone() {
                    Some(previous) => actions.update_entry(previous, entry, done),
                    None => actions.save_entry(entry, done),
                }
            }
        })
    };
    html! {
        <Page section={Section::Recovery} {heading}>
            <RecoveryFormView {initial} sessions={records.sessions.clone()} errors={(*errors).clone()} {on_submit}
                save_error={(*save_error).clone()}
                clinic_aftercare={records.clinic.as_ref().and_then(|c| c.aftercare_items()).map(<[String]>::to_vec)} />
        </Page>
    }
}
