//! Adding photos: choose the details once, then take photos with the camera or import files.

use wasm_bindgen::JsCast;
use web_sys::{Blob, File, FileList, HtmlInputElement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::camera::Camera;
use super::details_form::DetailsFields;
use super::import::{use_import, FileOutcome, Source};
use super::library::use_library;
use super::routes::PhotoRoute;
use crate::domain::photos::angle::view_key;
use crate::domain::photos::angle::Angle;
use crate::domain::photos::photo::{custom_names, latest_of, PhotoForm};
use crate::domain::sections::Section;
use crate::domain::validation::FieldErrors;
use crate::site::Href;
use crate::ui::platform::clock::today;
use crate::ui::platform::focus::focus_first_invalid;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[component]
pub fn AddPhotosPage() -> Html {
    let app = use_app_state();
    let library = use_library();
    let import = use_import();
    let form = use_state(|| PhotoForm { angle: Angle::Front.key().into(), ..PhotoForm::default() });
    let errors = use_state(FieldErrors::new);
    {
        // With a single area, it is the one.
        let form = form.clone();
        let only = app
            .records
            .as_ref()
            .filter(|r| r.profile.areas.len() == 1)
            .map(|r| r.profile.areas[0].id.clone());
        use_effect_with(only, move |only| {
            if let (Some(id), true) = (only, form.area_id.is_empty()) {
                form.set(PhotoForm { area_id: id.clone(), ..(*form).clone() });
            }
        });
    }
    let Some(records) = app.records.clone() else {
        return html! { <Page section={Section::Photos} heading="Add photos"><p role="status">{ app.waiting_message() }</p></Page> };
    };
    if records.profile.areas.is_empty() {
        return html! {
            <Page section={Section::Photos} heading="Add photos">
                <p>{ "Photos are filed by treatment area. Add your areas in your profile first." }</p>
                <a href={Href::profile()} class="button">{ "Set up your areas" }</a>
            </Page>
        };
    }
    // Validates the details, then starts the import (or shows what to fix and imports nothing).
    let begin = {
        let (form, errors, records, start) =
            (form.clone(), errors.clone(), records.clone(), import.start.clone());
        Callback::from(move |sources: Vec<Source>| {
            match form.validate(&records.profile, &records.sessions, today(), false) {
                Ok(details) => {
                    errors.set(FieldErrors::new());
                    start.emit((sources, details));
                }
                Err(found) => {
                    focus_first_invalid(&found, "");
                    errors.set(found);
                }
            }
        })
    };
    let from_files = {
        let begin = begin.clone();
        Callback::from(move |files: FileList| {
            let sources = (0..files.length())
                .filter_map(|i| files.get(i))
                .map(|file: File| Source { name: file.name(), blob: file.unchecked_into::<Blob>() })
                .collect::<Vec<_>>();
            if !sources.is_empty() {
                begin.emit(sources);
            }
        })
    };
    let on_capture = {
        let begin = begin.clone();
        Callback::from(move |blob: Blob| begin.emit(vec![Source { blob, name: "Camera photo".into() }]))
    };
    let onchoose = {
        let from_files = from_files.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(files) = input.files() {
                from_files.emit(files);
            }
            input.set_value("");
        })
    };
    let angle = Angle::from_key(&form.angle).unwrap_or(Angle::Front);
    let photos = library.photos.clone().unwrap_or_default();
    let ghost = latest_of(&photos, &form.area_id, &view_key(angle, &form.angle_name)).cloned();
    let custom_names = custom_names(&photos, &form.area_id);
    let saved = import.results.iter().filter(|r| r.outcome == FileOutcome::Saved).count();
    html! {
        <Page section={Section::Photos} heading="Add photos">
            <p class="page__purpose">{ "Photos are processed and stored on this device only. Location and camera details are removed." }</p>
            <form class="form" aria-label="Photo details" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <DetailsFields form={form.clone()} errors={(*errors).clone()} profile={records.profile.clone()}
                    sessions={records.sessions.clone()} with_date=false {custom_names} />
            </form>
            <Camera {angle} {ghost} {on_capture} on_files={from_files} />
            <section class="import" aria-labelledby="import-heading">
                <h2 id="import-heading">{ "Import from files" }</h2>
                <div class="field">
                    <label for="import-files">{ "Choose photos" }</label>
                    <p class="field__hint" id="import-hint">{ "JPEG, PNG or WebP; several at once. Each photo's own date is used when it has one." }</p>
                    <input id="import-files" type="file" accept="image/*" multiple=true aria-describedby="import-hint"
                        disabled={import.busy()} onchange={onchoose} />
                    if !errors.is_empty() {
                        <p class="field__error" role="alert">{ "Nothing was imported: choose the details marked above first." }</p>
                    }
                </div>
                if !import.results.is_empty() {
                    <progress aria-label="Import progress" max={import.results.len().to_string()} value={import.done().to_string()}></progress>
                    <p role="status">
                        { if import.busy() {
                            format!("Processing {} of {}…", import.done() + 1, import.results.len())
                        } else if import.cancelled() {
                            format!("Import cancelled: {saved} of {} added.", import.results.len())
                        } else {
                            format!("{saved} of {} added.", import.results.len())
                        } }
                    </p>
                    if import.busy() {
                        <button type="button" class="button button--quiet"
                            onclick={import.cancel.reform(|_: MouseEvent| ())}>{ "Cancel import" }</button>
                    }
                    <ul class="import-results" aria-label="Import results">
                        { for import.results.iter().map(|result| {
                            let (class, text) = match &result.outcome {
                                FileOutcome::Waiting => ("is-waiting", "Waiting…".to_string()),
                                FileOutcome::Saved => ("is-saved", "Added".to_string()),
                                FileOutcome::Failed(message) => ("is-failed", message.clone()),
                                FileOutcome::Cancelled => ("is-waiting", "Not added: the import was cancelled".to_string()),
                            };
                            html! { <li class={class}><strong>{ result.name.clone() }</strong>{ ": " }{ text }</li> }
                        }) }
                    </ul>
                }
            </section>
            <Link<PhotoRoute> to={PhotoRoute::Gallery}>{ "All photos" }</Link<PhotoRoute>>
        </Page>
    }
}
