//! Profile: skin type, concerns and goals, and the treatment areas.

use yew::prelude::*;

use crate::domain::profile::{Concern, Profile, SkinType};
use crate::domain::sections::Section;
use crate::domain::text::dates::display_date;
use crate::domain::validation::FieldErrors;
use crate::ui::client::components::area_editor::AreaEditor;
use crate::ui::client::routes::Route;
use crate::ui::shared::actions::{report_into, use_record_actions};
use crate::ui::shared::components::field::{Checkbox, TextField};
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;
use yew_router::prelude::*;

#[component]
pub fn ProfilePage() -> Html {
    let app = use_app_state();
    let Some(records) = app.records.as_ref() else {
        return html! { <Page section={Section::Settings} heading="Your profile"><p>{ "Loading…" }</p></Page> };
    };
    html! {
        <Page section={Section::Settings} heading="Your profile">
            <AreaEditor profile={records.profile.clone()} />
            <ProfileDetails profile={records.profile.clone()} />
            <section class="card" aria-labelledby="screening-link-heading">
                <h2 id="screening-link-heading">{ "Before a session" }</h2>
                <p>{ match &records.profile.screening {
                    None => "Clinics ask about a few health matters before needling. Answer the short checklist now, or skip it and come back later.".to_string(),
                    Some(answers) => answers.clinic_note().unwrap_or_else(|| format!("Answered on {}: none of the listed apply.", display_date(answers.answered_on))),
                } }</p>
                <Link<Route> to={Route::Screening}>{ if records.profile.screening.is_some() { "Review your answers" } else { "Answer the checklist" } }</Link<Route>>
            </section>
        </Page>
    }
}

#[derive(Properties, PartialEq)]
struct ProfileDetailsProps {
    profile: Profile,
}

#[component]
fn ProfileDetails(props: &ProfileDetailsProps) -> Html {
    let actions = use_record_actions();
    let skin_type = use_state(|| props.profile.skin_type);
    let concerns = use_state(|| props.profile.concerns.clone());
    let goals = use_state(|| props.profile.goals.clone());
    let errors = use_state(FieldErrors::new);
    let save_error = use_state(|| None::<String>);
    let saved = use_state(|| false);

    let onsubmit = {
        let (skin_type, concerns, goals, errors, save_error, saved) = (
            skin_type.clone(),
            concerns.clone(),
            goals.clone(),
            errors.clone(),
            save_error.clone(),
            saved.clone(),
        );
        let profile = props.profile.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match profile.with_details(*skin_type, (*concerns).clone(), &goals) {
                Err(found) => errors.set(found),
                Ok(updated) => {
                    errors.set(FieldErrors::new());
                    let (report, saved) = (report_into(save_error.clone()), saved.clone());
                    actions.save_profile(
                        updated,
                        Callback::from(move |r: Result<(), _>| {
                            saved.set(r.is_ok());
                            report.emit(r);
                        }),
                    );
                }
            }
        })
    };
    // "Saved" only while the form still shows what was saved: an edit after it is not saved yet.
    let same_concerns = concerns.len() == props.profile.concerns.len()
        && concerns.iter().all(|c| props.profile.concerns.contains(c));
    let unchanged_since_saved =
        *skin_type == props.profile.skin_type && same_concerns && goals.trim() == props.profile.goals;
    html! {
        <form class="card" {onsubmit} novalidate=true aria-labelledby="details-heading">
            <h2 id="details-heading">{ "Skin and goals" }</h2>
            <fieldset class="choices">
                <legend>{ "Skin type (Fitzpatrick, optional)" }</legend>
                <div class="check">
                    <input type="radio" name="skin-type" id="skin-not-set" checked={skin_type.is_none()}
                        onchange={{ let skin_type = skin_type.clone(); Callback::from(move |_: Event| skin_type.set(None)) }} />
                    <label for="skin-not-set">{ "Not set" }</label>
                </div>
                { for SkinType::ALL.into_iter().map(|t| {
                    let skin_type = skin_type.clone();
                    let id = format!("skin-{}", t.label().replace(' ', "-"));
                    html! {
                        <div class="check">
                            <input type="radio" name="skin-type" id={id.clone()} checked={*skin_type == Some(t)}
                                onchange={Callback::from(move |_: Event| skin_type.set(Some(t)))} />
                            <label for={id}><strong>{ t.label() }</strong>{ " — " }{ t.description() }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <fieldset class="choices">
                <legend>{ "Concerns" }</legend>
                { for Concern::ALL.into_iter().map(|c| {
                    let concerns = concerns.clone();
                    let checked = concerns.contains(&c);
                    html! {
                        <Checkbox id={format!("concern-{c:?}")} label={c.label()} {checked} on_change={Callback::from(move |on: bool| {
                            let mut next: Vec<Concern> = (*concerns).iter().copied().filter(|x| *x != c).collect();
                            if on { next.push(c); }
                            concerns.set(next);
                        })} />
                    }
                }) }
            </fieldset>
            <TextField id="goals" label="Goals" multiline=true value={(*goals).clone()}
                on_change={{ let goals = goals.clone(); Callback::from(move |t: String| goals.set(t)) }}
                error={errors.get("goals").map(|m| AttrValue::from(m.to_string()))} />
            <button type="submit" class="button">{ "Save profile" }</button>
            if let Some(message) = &*save_error {
                <p class="field__error" role="alert">{ message.clone() }</p>
            } else if *saved && unchanged_since_saved {
                <p role="status">{ "Profile saved." }</p>
            }
        </form>
    }
}
