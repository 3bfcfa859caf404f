//! The session form: date, status, areas with depths, device, products, clinic, pain and notes.

use yew::prelude::*;

use crate::domain::diary::aftercare::PRODUCT_CAUTION_SOURCE;
use crate::domain::diary::session::{
    parse_depth, DeviceKind, Session, SessionForm, SessionStatus, COMMON_PRODUCTS,
};
use crate::domain::diary::session_guidance::{depth_note, interval_note, interval_source, products_caution};
use crate::domain::profile::{Concern, Profile};
use crate::domain::text::iso::parse_date;
use crate::domain::validation::FieldErrors;
use crate::site::Href;
use crate::ui::shared::components::clinical_note::ClinicalNote;
use crate::ui::shared::components::field::{edit, form_actions, Checkbox, SelectField, TextField};

#[derive(Properties, PartialEq)]
pub struct SessionFormViewProps {
    pub initial: SessionForm,
    pub profile: Profile,
    pub errors: FieldErrors,
    pub on_submit: Callback<SessionForm>,
    /// A storage failure, shown beside the save button.
    #[prop_or_default]
    pub save_error: Option<String>,
    /// Every stored session, for the note on sessions closer together than usual.
    #[prop_or_default]
    pub sessions: Vec<Session>,
    /// The session being edited (not compared with itself).
    #[prop_or_default]
    pub editing: Option<String>,
    /// The interval of the clinic's protocol, when it set one.
    #[prop_or_default]
    pub clinic_interval_weeks: Option<u8>,
}

fn error(errors: &FieldErrors, field: &str) -> Option<AttrValue> {
    errors.get(field).map(|m| AttrValue::from(m.to_string()))
}

/// Products not in the common list, as the comma-separated text of the "Other products" field.
fn other_products(form: &SessionForm) -> String {
    form.products
        .iter()
        .filter(|p| !COMMON_PRODUCTS.contains(&p.as_str()))
        .cloned()
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
pub fn SessionFormView(props: &SessionFormViewProps) -> Html {
    let form = use_state(|| props.initial.clone());
    let others = use_state(|| other_products(&props.initial));
    let text = |change: fn(&mut SessionForm, String)| edit(&form, change);
    let onsubmit = {
        let (form, others, on_submit) = (form.clone(), others.clone(), props.on_submit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut submitted = (*form).clone();
            submitted.products.retain(|p| COMMON_PRODUCTS.contains(&p.as_str()));
            submitted
                .products
                .extend(others.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()));
            on_submit.emit(submitted);
        })
    };
    let statuses = vec![
        (AttrValue::from("done"), AttrValue::from("Done")),
        (AttrValue::from("planned"), AttrValue::from("Planned")),
    ];
    let settings = vec![
        (AttrValue::from("clinic"), AttrValue::from("At a clinic")),
        (AttrValue::from("home"), AttrValue::from("At home, with my own device")),
    ];
    let acne_scars = props.profile.concerns.contains(&Concern::AcneScars);
    let spacing = parse_date(&form.date).and_then(|date| {
        interval_note(date, props.editing.as_deref(), &props.sessions, props.clinic_interval_weeks)
    });
    let mut products = form.products.clone();
    products.extend(others.split(',').map(|p| p.trim().to_string()));
    let product_caution = products_caution(&products);
    let devices: Vec<(AttrValue, AttrValue)> = DeviceKind::ALL
        .iter()
        .map(|d| (AttrValue::from(format!("{d:?}")), AttrValue::from(d.label())))
        .collect();
    html! {
        <form class="card form" {onsubmit} novalidate=true aria-label="Session">
            <SelectField id="status" label="Status" options={statuses}
                value={if form.status == SessionStatus::Done { "done" } else { "planned" }}
                on_change={text(|f, v| f.status = if v == "planned" { SessionStatus::Planned } else { SessionStatus::Done })} />
            <div class="form__row">
                <TextField id="date" label="Date" kind="date" value={form.date.clone()} on_change={text(|f, v| f.date = v)} error={error(&props.errors, "date")} />
                <TextField id="time" label="Time (optional)" kind="time" value={form.time.clone()} on_change={text(|f, v| f.time = v)} error={error(&props.errors, "time")} />
            </div>
            if let Some(note) = spacing {
                <p class="notice notice--caution" role="note" aria-label="Session spacing">
                    { note }
                    if let Some(source) = interval_source(props.clinic_interval_weeks) {
                        { " " }<a href={Href::evidence(Some(source))}>{ "Source" }</a>
                    }
                </p>
            }
            <SelectField id="setting" label="Where" options={settings}
                value={if form.at_home { "home" } else { "clinic" }}
                on_change={text(|f, v| f.at_home = v == "home")} />
            <fieldset class="choices" aria-describedby={props.errors.get("areas").map(|_| "areas-error")}>
                <legend>{ "Areas treated" }</legend>
                { for props.profile.areas.iter().map(|area| {
                    let chosen = form.areas.iter().find(|(id, _)| *id == area.id).map(|(_, d)| d.clone());
                    let note = depth_note(area.kind, acne_scars, form.at_home, form.device,
                        chosen.as_deref().and_then(|d| parse_depth(d).ok().flatten()));
                    let hint = match &note.hint {
                        Some(guide) => format!("0.1 to 3.0 mm, in steps of 0.05. {guide}"),
                        None => "0.1 to 3.0 mm, in steps of 0.05".to_string(),
                    };
                    let (form_on, form_depth, id) = (form.clone(), form.clone(), area.id.clone());
                    let id2 = id.clone();
                    html! {
                        <div class="area-choice">
                            <Checkbox id={format!("area-{id}")} label={area.name.clone()} checked={chosen.is_some()}
                                on_change={Callback::from(move |on: bool| {
                                    let mut next = (*form_on).clone();
                                    next.areas.retain(|(a, _)| *a != id);
                                    if on { next.areas.push((id.clone(), String::new())); }
                                    form_on.set(next);
                                })} />
                            if let Some(depth) = chosen {
                                <TextField id={format!("depth-{}", area.id)} label={format!("Needle depth for {} (mm)", area.name)}
                                    kind="text" inputmode="decimal" value={depth} {hint}
                                    error={error(&props.errors, &format!("depth-{}", area.id))}
                                    on_change={Callback::from(move |v: String| {
                                        let mut next = (*form_depth).clone();
                                        if let Some(entry) = next.areas.iter_mut().find(|(a, _)| *a == id2) { entry.1 = v; }
                                        form_depth.set(next);
                                    })} />
                                if note.hint.is_some() && note.caution.is_none() {
                                    <p class="field__source">
                                        <a href={Href::evidence(Some(note.source))}
                                            aria-label={format!("Source of the depth guidance for {}", area.name)}>{ "Source of the depth guidance" }</a>
                                    </p>
                                }
                                if let Some(caution) = note.caution {
                                    <p class="notice notice--caution" role="note" aria-label={format!("Depth caution for {}", area.name)}>
                                        { caution }{ " " }<a href={Href::evidence(Some(note.source))}>{ "Source" }</a>
                                    </p>
                                }
                            }
                        </div>
                    }
                }) }
                if let Some(message) = props.errors.get("areas") {
                    <p id="areas-error" class="field__error">{ message.to_string() }</p>
                }
            </fieldset>
            <div class="form__row">
                <SelectField id="device" label="Device" options={devices} value={format!("{:?}", form.device)}
                    on_change={text(|f, v| f.device = DeviceKind::ALL.into_iter().find(|d| format!("{d:?}") == v).unwrap_or(DeviceKind::Pen))} />
                <TextField id="device_model" label="Device model (optional)" value={form.device_model.clone()} on_change={text(|f, v| f.device_model = v)} error={error(&props.errors, "device_model")} />
            </div>
            <div class="form__row">
                <TextField id="passes" label="Passes (optional)" inputmode="numeric" value={form.passes.clone()} on_change={text(|f, v| f.passes = v)} error={error(&props.errors, "passes")} />
                <TextField id="pain" label="Pain during the session, 0-10 (optional)" inputmode="numeric" value={form.pain.clone()} on_change={text(|f, v| f.pain = v)} error={error(&props.errors, "pain")} />
            </div>
            <fieldset class="choices">
                <legend>{ "Products applied" }</legend>
                { for COMMON_PRODUCTS.iter().map(|&product| {
                    let form = form.clone();
                    html! {
                        <Checkbox id={format!("product-{}", product.replace(' ', "-"))} label={product}
                            checked={form.products.iter().any(|p| p == product)}
                            on_change={Callback::from(move |on: bool| {
                                let mut next = (*form).clone();
                                next.products.retain(|p| p != product);
                                if on { next.products.push(product.to_string()); }
                                form.set(next);
                            })} />
                    }
                }) }
                <TextField id="products" label="Other products (comma-separated)" value={(*others).clone()}
                    on_change={{ let others = others.clone(); Callback::from(move |v: String| others.set(v)) }} error={error(&props.errors, "products")} />
                if let Some(caution) = product_caution {
                    <p class="notice notice--caution" role="note" aria-label="Product caution">
                        { caution }{ " " }<a href={Href::evidence(Some(PRODUCT_CAUTION_SOURCE))}>{ "Source" }</a>
                    </p>
                }
            </fieldset>
            <Checkbox id="numbing" label="Numbing cream used" checked={form.numbing}
                on_change={edit(&form, |f: &mut SessionForm, on: bool| f.numbing = on)} />
            <div class="form__row">
                <TextField id="clinic" label="Clinic (optional)" value={form.clinic.clone()} on_change={text(|f, v| f.clinic = v)} error={error(&props.errors, "clinic")} />
                <TextField id="practitioner" label="Practitioner (optional)" value={form.practitioner.clone()} on_change={text(|f, v| f.practitioner = v)} error={error(&props.errors, "practitioner")} />
            </div>
            <TextField id="notes" label="Notes" multiline=true value={form.notes.clone()} on_change={text(|f, v| f.notes = v)} error={error(&props.errors, "notes")} />
            <ClinicalNote />
            { form_actions("Save session", props.save_error.as_ref(), !props.errors.is_empty()) }
        </form>
    }
}
