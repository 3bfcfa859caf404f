//! The client's treatment areas: the list, and a form to add one.

use yew::prelude::*;

use crate::domain::profile::area::{Area, AreaKind};
use crate::domain::profile::Profile;
use crate::domain::validation::FieldErrors;
use crate::storage::new_id;
use crate::ui::shared::actions::{report_into, use_record_actions};
use crate::ui::shared::components::field::{SelectField, TextField};

#[derive(Properties, PartialEq)]
pub struct AreaEditorProps {
    pub profile: Profile,
}

#[component]
pub fn AreaEditor(props: &AreaEditorProps) -> Html {
    let actions = use_record_actions();
    let kind = use_state(|| AreaKind::Face);
    let custom_name = use_state(String::new);
    let errors = use_state(FieldErrors::new);
    let save_error = use_state(|| None::<String>);

    let onadd = {
        let (kind, custom_name, errors, save_error) =
            (kind.clone(), custom_name.clone(), errors.clone(), save_error.clone());
        let (profile, actions) = (props.profile.clone(), actions.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match Area::new(new_id(), *kind, &custom_name, &profile.areas) {
                Err(found) => errors.set(found),
                Ok(area) => {
                    errors.set(FieldErrors::new());
                    let mut updated = profile.clone();
                    updated.areas.push(area);
                    // The typed name is cleared only once saved, so a failed save loses nothing.
                    let (report, custom_name) = (report_into(save_error.clone()), custom_name.clone());
                    actions.save_profile(
                        updated,
                        Callback::from(move |result: Result<(), _>| {
                            if result.is_ok() {
                                custom_name.set(String::new());
                            }
                            report.emit(result);
                        }),
                    );
                }
            }
        })
    };
    let options: Vec<(AttrValue, AttrValue)> =
        AreaKind::ALL.iter().map(|k| (AttrValue::from(k.key()), AttrValue::from(k.label()))).collect();
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |key: String| kind.set(AreaKind::from_key(&key).unwrap_or(AreaKind::Face)))
    };
    let on_name = {
        let custom_name = custom_name.clone();
        Callback::from(move |text: String| custom_name.set(text))
    };
    html! {
        <section class="card" aria-labelledby="areas-heading">
            <h2 id="areas-heading">{ "Treatment areas" }</h2>
            if props.profile.areas.is_empty() {
                <p>{ "Add the areas you treat. Each has its own sessions, check-ins and photos." }</p>
            } else {
                <ul class="chips" aria-label="Your areas">
                    { for props.profile.areas.iter().map(|a| html! { <li class="chip">{ a.name.clone() }</li> }) }
                </ul>
            }
            <form class="inline-form" onsubmit={onadd} novalidate=true>
                <SelectField id="area-kind" label="Area" options={options} value={kind.key()}
                    on_change={on_kind} error={errors.get("area-kind").map(|m| AttrValue::from(m.to_string()))} />
                if *kind == AreaKind::Custom {
                    <TextField id="area-name" label="Area name" value={(*custom_name).clone()} on_change={on_name}
                        error={errors.get("area-name").map(|m| AttrValue::from(m.to_string()))} />
                }
                <button type="submit" class="button">{ "Add area" }</button>
                if let Some(message) = &*save_error {
                    <p class="field__error" role="alert">{ message.clone() }</p>
                }
            </form>
        </section>
    }
}
