//! Add or edit a check-in.

use yew::prelude::*;

use crate::domain::diary::recovery::RecoveryForm;
use crate::domain::sections::Section;
use crate::ui::client::components::recovery_form::RecoveryFormView;
use crate::ui::client::record_form::use_record_form;
use crate::ui::client::routes::Route;
use crate::ui::platform::clock::today;
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
    let form_state = use_record_form();
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
        let (state, sessions) = (form_state.clone(), records.sessions.clone());
        let (id, mut previous) = (form_state.id(props.id.as_ref()), existing.cloned());
        if let Some(previous) = &mut previous {
            previous.updated = form_state.opened_from(previous.updated.clone());
        }
        Callback::from(move |form: RecoveryForm| match form.validate(id.clone(), today(), &sessions) {
            Err(found) => state.refuse(found),
            Ok(entry) => {
                let done = state.saving(Route::Recovery);
                match previous.clone() {
                    Some(previous) => actions.update_entry(previous, entry, done),
                    None => actions.save_entry(entry, done),
                }
            }
        })
    };
    html! {
        <Page section={Section::Recovery} {heading}>
            <RecoveryFormView key={*form_state.refills} {initial} sessions={records.sessions.clone()} errors={(*form_state.errors).clone()} {on_submit}
                save_error={(*form_state.save_error).clone()}
                clinic_aftercare={records.clinic.as_ref().and_then(|c| c.aftercare_items()).map(<[String]>::to_vec)}
                skin_type={records.profile.skin_type} />
        </Page>
    }
}
