//! Today's check-in in three taps: redness, swelling, done; the side effects that should prompt a
//! call are asked about in the full check-in, which the card names and links to.

use yew::prelude::*;
use yew_router::prelude::*;

use super::scale_picker::ScalePicker;
use crate::domain::diary::recovery::{RecoveryForm, MILD_SCALE_WORDS, REDNESS_WORDS};
use crate::domain::diary::session::Session;
use crate::domain::validation::FieldErrors;
use crate::storage::new_id;
use crate::ui::client::routes::Route;
use crate::ui::platform::clock::today;
use crate::ui::platform::focus::focus_first_invalid;
use crate::ui::shared::actions::{report_into, use_record_actions};

#[derive(Properties, PartialEq)]
pub struct CheckInCardProps {
    pub sessions: Vec<Session>,
}

#[component]
pub fn CheckInCard(props: &CheckInCardProps) -> Html {
    let actions = use_record_actions();
    let redness = use_state(|| None::<u8>);
    let swelling = use_state(|| None::<u8>);
    let errors = use_state(FieldErrors::new);
    let save_error = use_state(|| None::<String>);
    // Made once: a double tap on Done writes the same check-in twice, not two check-ins.
    let entry_id = use_state(new_id);
    let onsubmit = {
        let (redness, swelling, errors, save_error) =
            (redness.clone(), swelling.clone(), errors.clone(), save_error.clone());
        let (sessions, entry_id) = (props.sessions.clone(), (*entry_id).clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form = RecoveryForm { redness: *redness, swelling: *swelling, ..RecoveryForm::new(today()) };
            match form.validate(entry_id.clone(), today(), &sessions) {
                Err(found) => {
                    focus_first_invalid(&found, "today-");
                    errors.set(found);
                }
                Ok(entry) => {
                    errors.set(FieldErrors::new());
                    actions.save_entry(entry, report_into(save_error.clone()));
                }
            }
        })
    };
    let pick = |state: &UseStateHandle<Option<u8>>| {
        let state = state.clone();
        Callback::from(move |v: u8| state.set(Some(v)))
    };
    let error = |field: &str| errors.get(field).map(|m| AttrValue::from(m.to_string()));
    html! {
        <form class="card check-in" {onsubmit} novalidate=true aria-labelledby="check-in-heading">
            <h2 id="check-in-heading">{ "Today's check-in" }</h2>
            <ScalePicker name="today-redness" legend="Redness" words={&REDNESS_WORDS[..]} value={*redness} on_change={pick(&redness)} error={error("redness")} />
            <ScalePicker name="today-swelling" legend="Swelling" words={&MILD_SCALE_WORDS[..]} value={*swelling} on_change={pick(&swelling)} error={error("swelling")} />
            <div class="form__actions">
                <button type="submit" class="button">{ "Done" }</button>
                if let Some(message) = error("date") {
                    <p class="field__error" role="alert">{ message }</p>
                }
                if let Some(message) = &*save_error {
                    <p class="field__error" role="alert">{ message.clone() }</p>
                }
            </div>
            // After Done in the tab order: the three taps cover the daily course; the side effects worth
            // a call are one tap away.
            <p class="check-in__more">
                { "Cold sores, hives, new bumps, swollen glands or signs of infection? " }
                <Link<Route> to={Route::RecoveryNew}>{ "Add more detail" }</Link<Route>>
                { ": the full check-in asks about each and says when to call your clinic." }
            </p>
        </form>
    }
}
