//! The clinic's details as a form: the clinic kit and Settings both edit a [`ClinicForm`] here.

use yew::prelude::*;

use crate::domain::clinic::{depth_field, field, ClinicForm, MAX_AFTERCARE_ITEMS, PROTOCOL_AREAS};
use crate::domain::validation::FieldErrors;
use crate::ui::shared::components::field::TextField;

#[derive(Properties, PartialEq)]
pub struct ClinicFieldsProps {
    pub form: ClinicForm,
    pub errors: FieldErrors,
    pub on_change: Callback<ClinicForm>,
}

#[component]
pub fn ClinicFields(props: &ClinicFieldsProps) -> Html {
    // Each field replaces the whole form, so the parent holds one value and validates it whole.
    let set = |change: fn(&mut ClinicForm, String)| {
        let (form, on_change) = (props.form.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = form.clone();
            change(&mut next, value);
            on_change.emit(next);
        })
    };
    let error = |name: &str| props.errors.get(name).map(AttrValue::from);
    let f = &props.form;
    html! {
        <>
            <fieldset class="fieldset">
                <legend>{ "Clinic" }</legend>
                <TextField id={field::NAME} label="Clinic name" value={f.name.clone()}
                    on_change={set(|f, v| f.name = v)} error={error(field::NAME)} />
                <TextField id={field::PRACTITIONER} label="Practitioner (optional)" value={f.practitioner.clone()}
                    on_change={set(|f, v| f.practitioner = v)} error={error(field::PRACTITIONER)} />
                <TextField id={field::WELCOME} label="Welcome message (optional)" value={f.welcome.clone()} multiline=true
                    on_change={set(|f, v| f.welcome = v)} error={error(field::WELCOME)} />
                <TextField id={field::COLOUR} label="Brand colour (optional)" value={f.colour.clone()}
                    hint="Like #1f6f8b. Used only behind your name, with black or white text, whichever reads better."
                    on_change={set(|f, v| f.colour = v)} error={error(field::COLOUR)} />
            </fieldset>
            <fieldset class="fieldset">
                <legend>{ "Contact" }</legend>
                <TextField id={field::PHONE} label="Phone (optional)" kind="tel" value={f.phone.clone()}
                    on_change={set(|f, v| f.phone = v)} error={error(field::PHONE)} />
                <TextField id={field::EMAIL} label="Email (optional)" kind="email" value={f.email.clone()}
                    on_change={set(|f, v| f.email = v)} error={error(field::EMAIL)} />
                <TextField id={field::WEBSITE} label="Website (optional)" kind="url" value={f.website.clone()}
                    hint="https:// addresses only." on_change={set(|f, v| f.website = v)} error={error(field::WEBSITE)} />
                <TextField id={field::BOOKING} label="Booking link (optional)" kind="url" value={f.booking.clone()}
                    hint="https:// addresses only." on_change={set(|f, v| f.booking = v)} error={error(field::BOOKING)} />
            </fieldset>
            <fieldset class="fieldset">
                <legend>{ "Protocol (optional)" }</legend>
                <TextField id={field::SESSIONS} label="Number of sessions" inputmode="numeric" value={f.sessions.clone()}
                    on_change={set(|f, v| f.sessions = v)} error={error(field::SESSIONS)} />
                <TextField id={field::INTERVAL} label="Weeks between sessions" inputmode="numeric"
                    value={f.interval_weeks.clone()} on_change={set(|f, v| f.interval_weeks = v)}
                    error={error(field::INTERVAL)} />
                <details class="depth-ranges">
                    <summary>{ "Usual needle depth per area" }</summary>
                    { for PROTOCOL_AREAS.iter().enumerate().map(|(i, area)| depth_row(props, i, *area)) }
                </details>
            </fieldset>
            <fieldset class="fieldset">
                <legend>{ "Aftercare" }</legend>
                <TextField id={field::AFTERCARE} label="Aftercare checklist (optional)" multiline=true
                    value={f.aftercare.clone()}
                    hint={format!("One item per line, up to {MAX_AFTERCARE_ITEMS}. Clients tick these in each daily check-in.")}
                    on_change={set(|f, v| f.aftercare = v)} error={error(field::AFTERCARE)} />
            </fieldset>
        </>
    }
}

fn depth_row(props: &ClinicFieldsProps, i: usize, area: crate::domain::profile::area::AreaKind) -> Html {
    let id = depth_field(area);
    let emit = |to: bool| {
        let (form, on_change) = (props.form.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = form.clone();
            if to {
                next.depths[i].1 = value;
            } else {
                next.depths[i].0 = value;
            }
            on_change.emit(next);
        })
    };
    let (from, to) = props.form.depths[i].clone();
    let error = props.errors.get(&id).map(AttrValue::from);
    html! {
        <div class="depth-range" role="group" aria-label={format!("{} depth range", area.label())}>
            <TextField id={id.clone()} label={format!("{}: from (mm)", area.label())} inputmode="decimal"
                value={from} on_change={emit(false)} error={error} />
            <TextField id={format!("{id}-to")} label={format!("{}: to (mm)", area.label())} inputmode="decimal"
                value={to} on_change={emit(true)} />
        </div>
    }
}
