//! "Before a session": the short checklist of what clinics screen for. Skippable; a "yes" never
//! blocks anything: it says to talk to the clinic first, and the report shows it.

use yew::prelude::*;

use crate::domain::profile::screening::{Screening, ScreeningItem};
use crate::domain::profile::Profile;
use crate::domain::text::dates::display_date;
use crate::site::Href;
use crate::ui::platform::clock::today;
use crate::ui::shared::actions::{report_into, use_record_actions};
use crate::ui::shared::components::clinical_note::ClinicalNote;
use crate::ui::shared::components::field::{form_actions, Checkbox};

#[derive(Properties, PartialEq)]
pub struct ScreeningFormProps {
    pub profile: Profile,
}

#[component]
pub fn ScreeningForm(props: &ScreeningFormProps) -> Html {
    let actions = use_record_actions();
    let stored = props.profile.screening.clone();
    let yes = use_state(|| stored.as_ref().map(|s| s.yes.clone()).unwrap_or_default());
    let save_error = use_state(|| None::<String>);
    let onsubmit = {
        let (yes, save_error, profile) = (yes.clone(), save_error.clone(), props.profile.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let updated = Profile { screening: Some(Screening::new(today(), &yes)), ..profile.clone() };
            actions.save_profile(updated, report_into(save_error.clone()));
        })
    };
    html! {
        <form class="card" id="screening" {onsubmit} novalidate=true aria-labelledby="screening-heading">
            <h2 id="screening-heading">{ "Before a session: what clinics ask" }</h2>
            <p>{ "Clinics check these before needling. Tick any that apply to you; a tick never stops you logging a session, it reminds you to talk to your clinic first. You can skip this and answer later." }</p>
            <fieldset class="choices">
                <legend>{ "Any of these apply to me" }</legend>
                { for ScreeningItem::ALL.into_iter().map(|item| {
                    let yes = yes.clone();
                    html! {
                        <Checkbox id={format!("screening-{item:?}")} label={item.label()} checked={yes.contains(&item)}
                            on_change={Callback::from(move |on: bool| {
                                let mut next: Vec<ScreeningItem> = yes.iter().copied().filter(|i| *i != item).collect();
                                if on { next.push(item); }
                                yes.set(next);
                            })} />
                    }
                }) }
            </fieldset>
            if let Some(answers) = &stored {
                <section class="screening-answers" aria-label="Your answers">
                    <p>{ format!("Answered on {}.", display_date(answers.answered_on)) }</p>
                    if let Some(note) = answers.clinic_note() {
                        <p class="notice notice--caution" role="note">{ note }</p>
                        <ul class="list">
                            { for answers.yes.iter().map(|item| html! {
                                <li class="list__item">
                                    <span><strong>{ format!("{}: ", item.label()) }</strong>{ item.why() }</span>
                                    <a href={Href::evidence(Some(item.source()))}>{ "Source" }</a>
                                </li>
                            }) }
                        </ul>
                    }
                </section>
            }
            <ClinicalNote source="alster2018" />
            { form_actions("Save answers", (*save_error).as_ref(), false) }
        </form>
    }
}
