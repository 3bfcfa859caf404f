//! The full check-in form: scores, signs to watch for, aftercare, improvement and notes.

use yew::prelude::*;

use super::scale_picker::ScalePicker;
use super::side_effect_advice::SideEffectAdvice;
use crate::domain::diary::aftercare::{aftercare_checklist, pigmentation_caution};
use crate::domain::diary::recovery::{
    day_after_session, day_preview, InfectionSign, RecoveryForm, GAIS_WORDS, MILD_SCALE_WORDS, REDNESS_WORDS,
};
use crate::domain::diary::session::Session;
use crate::domain::diary::side_effects::{check_in_advice, SideEffect};
use crate::domain::profile::SkinType;
use crate::domain::text::dates::display_date;
use crate::domain::validation::FieldErrors;
use crate::site::Href;
use crate::ui::shared::components::clinical_note::ClinicalNote;
use crate::ui::shared::components::field::{edit, form_actions, Checkbox, SelectField, TextField};

#[derive(Properties, PartialEq)]
pub struct RecoveryFormViewProps {
    pub initial: RecoveryForm,
    pub sessions: Vec<Session>,
    pub errors: FieldErrors,
    pub on_submit: Callback<RecoveryForm>,
    #[prop_or_default]
    pub save_error: Option<String>,
    /// The clinic's aftercare checklist, when it set one.
    #[prop_or_default]
    pub clinic_aftercare: Option<Vec<String>>,
    /// The client's skin type: for IV-VI sun protection is strict, with the pigmentation caution.
    #[prop_or_default]
    pub skin_type: Option<SkinType>,
}

fn error(errors: &FieldErrors, field: &str) -> Option<AttrValue> {
    errors.get(field).map(|m| AttrValue::from(m.to_string()))
}

/// Toggles `item` in a list.
fn toggled<T: PartialEq + Clone>(list: &[T], item: T, on: bool) -> Vec<T> {
    let mut next: Vec<T> = list.iter().filter(|x| **x != item).cloned().collect();
    if on {
        next.push(item);
    }
    next
}

#[component]
pub fn RecoveryFormView(props: &RecoveryFormViewProps) -> Html {
    let form = use_state(|| props.initial.clone());
    let text = |change: fn(&mut RecoveryForm, String)| edit(&form, change);
    let score = |change: fn(&mut RecoveryForm, u8)| edit(&form, change);
    let flag = |change: fn(&mut RecoveryForm, bool)| edit(&form, change);
    let clear = |change: fn(&mut RecoveryForm, ())| Some(edit(&form, change));
    let onsubmit = {
        let (form, on_submit) = (form.clone(), props.on_submit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_submit.emit((*form).clone());
        })
    };
    let mut session_options =
        vec![(AttrValue::from(""), AttrValue::from("The latest session on or before this date"))];
    let mut done: Vec<&Session> = props.sessions.iter().filter(|s| s.is_done()).collect();
    done.sort_by_key(|s| std::cmp::Reverse(s.when()));
    session_options.extend(done.iter().map(|s| {
        (AttrValue::from(s.id.clone()), AttrValue::from(format!("Session of {}", display_date(s.date))))
    }));
    let day = day_after_session(&form.date, form.session_id.as_deref(), &props.sessions).map(|(day, _)| day);
    html! {
        <form class="card form" {onsubmit} novalidate=true aria-label="Check-in">
            <TextField id="date" label="Date" kind="date" value={form.date.clone()} on_change={text(|f, v| f.date = v)} error={error(&props.errors, "date")} />
            <SelectField id="session" label="After which session" options={session_options}
                value={form.session_id.clone().unwrap_or_default()} error={error(&props.errors, "session")}
                on_change={text(|f, v| f.session_id = (!v.is_empty()).then_some(v))} />
            <p class="field__hint" aria-live="polite">
                { day_preview(&form.date, form.session_id.as_deref(), &props.sessions).unwrap_or_default() }
            </p>
            <ScalePicker name="redness" legend="Redness" words={&REDNESS_WORDS[..]} value={form.redness} on_change={score(|f, v| f.redness = Some(v))} error={error(&props.errors, "redness")} />
            <ScalePicker name="swelling" legend="Swelling" words={&MILD_SCALE_WORDS[..]} value={form.swelling} on_change={score(|f, v| f.swelling = Some(v))} error={error(&props.errors, "swelling")} />
            <TextField id="pain" label="Pain, 0-10 (optional)" inputmode="numeric" value={form.pain.clone()} on_change={text(|f, v| f.pain = v)} error={error(&props.errors, "pain")} />
            <ScalePicker name="itch" legend="Itch (optional)" words={&MILD_SCALE_WORDS[..]} value={form.itch} on_change={score(|f, v| f.itch = Some(v))} on_clear={clear(|f, _| f.itch = None)} />
            <ScalePicker name="dryness" legend="Dryness or peeling (optional)" words={&MILD_SCALE_WORDS[..]} value={form.dryness} on_change={score(|f, v| f.dryness = Some(v))} on_clear={clear(|f, _| f.dryness = None)} />
            <fieldset class="choices">
                <legend>{ "Anything else?" }</legend>
                <Checkbox id="bleeding" label="Pinpoint bleeding or bruising" checked={form.bleeding_or_bruising}
                    on_change={flag(|f, on| f.bleeding_or_bruising = on)} />
                { for InfectionSign::ALL.into_iter().map(|sign| {
                    let form = form.clone();
                    html! {
                        <Checkbox id={format!("sign-{sign:?}")} label={sign.label()} checked={form.infection_signs.contains(&sign)}
                            on_change={Callback::from(move |on: bool| { let mut n = (*form).clone(); n.infection_signs = toggled(&n.infection_signs, sign, on); form.set(n); })} />
                    }
                }) }
                <Checkbox id="dark-patches" label="Dark patches appearing" checked={form.dark_patches}
                    on_change={flag(|f, on| f.dark_patches = on)} />
                { for SideEffect::ALL.into_iter().map(|effect| {
                    let form = form.clone();
                    html! {
                        <Checkbox id={format!("effect-{effect:?}")} label={effect.label()} checked={form.side_effects.contains(&effect)}
                            on_change={Callback::from(move |on: bool| { let mut n = (*form).clone(); n.side_effects = toggled(&n.side_effects, effect, on); form.set(n); })} />
                    }
                }) }
            </fieldset>
            <SideEffectAdvice advice={check_in_advice(!form.infection_signs.is_empty(), form.dark_patches, &form.side_effects)} />
            <fieldset class="choices" aria-describedby="aftercare-hint">
                <legend>{ "Aftercare done today" }</legend>
                <p class="field__hint" id="aftercare-hint">
                    { "Common clinic practice, not trial evidence: your clinic's own advice comes first. Items leave the list when their time is up. " }
                    <a href={Href::evidence(Some("clinic-practice"))}>{ "Source" }</a>
                </p>
                if let Some(caution) = pigmentation_caution(props.skin_type) {
                    <p class="notice notice--caution" role="note" aria-label="Pigmentation caution">{ caution }</p>
                }
                { for aftercare_checklist(props.clinic_aftercare.as_deref(), day, &props.initial.aftercare_done, props.skin_type.is_some_and(|t| t.higher_pigmentation_risk())).into_iter().enumerate().map(|(i, item)| {
                    let form = form.clone();
                    let checked = form.aftercare_done.contains(&item.name);
                    let name = item.name.clone();
                    html! {
                        <div class="aftercare-item">
                            <Checkbox id={format!("aftercare-{i}")} label={item.name} {checked}
                                on_change={Callback::from(move |on: bool| { let mut n = (*form).clone(); n.aftercare_done = toggled(&n.aftercare_done, name.clone(), on); form.set(n); })} />
                            if !item.when.is_empty() { <p class="field__hint aftercare-item__when">{ item.when }</p> }
                        </div>
                    }
                }) }
            </fieldset>
            <ScalePicker name="gais" legend="Improvement since your first session (optional, weekly)" words={&GAIS_WORDS[..]} first={1}
                value={form.gais} on_change={score(|f, v| f.gais = Some(v))} error={error(&props.errors, "gais")} on_clear={clear(|f, _| f.gais = None)} />
            <TextField id="notes" label="Notes" multiline=true value={form.notes.clone()} on_change={text(|f, v| f.notes = v)} error={error(&props.errors, "notes")} />
            <ClinicalNote />
            { form_actions("Save check-in", props.save_error.as_ref(), !props.errors.is_empty()) }
        </form>
    }
}
