//! The clinic kit: a clinic types its details and gets the link, a QR code, an HTML snippet for
//! its site, and a preview of what clients will see. Needs no client data; stores nothing.

use yew::prelude::*;

use crate::domain::clinic::link::{html_snippet, link};
use crate::domain::clinic::qr::{draw, QrDrawing};
use crate::domain::clinic::ClinicForm;
use crate::domain::sections::Section;
use crate::ui::kit::clinic_form::ClinicFields;
use crate::ui::platform::clipboard::use_copy;
use crate::ui::platform::downloads::{app_origin, download_qr_png, download_text};
use crate::ui::shared::components::clinic_card::clinic_card;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::hooks::clinic_link::take_from_address;
use crate::ui::shared::hooks::clinic_link::{use_clinic_accent, IncomingLink};

#[component]
pub fn ClinicKitPage() -> Html {
    // Opened with a link (Settings › Change details), the kit starts from the details in it.
    let start = use_state(take_from_address);
    let form = use_state(|| match &*start {
        Some(IncomingLink::Offer(profile)) => ClinicForm::from_profile(profile),
        _ => ClinicForm::default(),
    });
    // The name is required, but saying so before anything is typed is noise.
    let touched = use_state(|| matches!(&*start, Some(IncomingLink::Offer(_))));
    let on_change = {
        let (form, touched) = (form.clone(), touched.clone());
        Callback::from(move |next: ClinicForm| {
            touched.set(true);
            form.set(next);
        })
    };
    let validated = form.validate();
    // The preview shows the brand colour as clients will see it.
    use_clinic_accent(validated.as_ref().ok());
    let mut errors = validated.clone().err().unwrap_or_default();
    if !*touched {
        errors = crate::domain::validation::FieldErrors::new();
    }
    let output = match &validated {
        Err(_) if !*touched => html! { <p>{ "Fill in at least your clinic's name to make a link." }</p> },
        Err(found) => html! {
            <p class="field__error" role="status">
                { format!("Fix the {} marked above to make the link.", if found.len() == 1 { "field" } else { "fields" }) }
            </p>
        },
        Ok(profile) => match link(&app_origin(), profile) {
            Err(too_long) => html! { <p class="field__error" role="status">{ too_long.message() }</p> },
            Ok(url) => html! {
                <>
                    <KitOutputs url={url} />
                    <section class="card" aria-labelledby="preview-heading">
                        <h3 id="preview-heading">{ "What your clients see" }</h3>
                        <p>{ format!("Use settings from {}?", profile.name) }</p>
                        <ul>{ for profile.summary().into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                        { clinic_card(profile, false) }
                    </section>
                </>
            },
        },
    };
    html! {
        <Page section={Section::Clinic} heading="Clinic kit">
            <p>{ "For clinics: enter your details to make a link for your clients. Opening it offers your contact details, protocol and aftercare to their app; they choose whether to use them. The details travel inside the link itself: nothing is sent to us or stored anywhere else." }</p>
            if let Some(IncomingLink::Refused(reason)) = &*start {
                <p class="notice notice--error" role="alert">{ format!("The link this page was opened with can't be used: {reason}") }</p>
            }
            <form class="form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                <ClinicFields form={(*form).clone()} errors={errors} on_change={on_change} />
            </form>
            <section aria-labelledby="kit-output-heading">
                <h2 id="kit-output-heading">{ "Your link" }</h2>
                { output }
            </section>
        </Page>
    }
}

#[derive(Properties, PartialEq)]
struct KitOutputsProps {
    url: String,
}

/// The link, its QR code (SVG on the page, downloadable as SVG or PNG) and the HTML snippet.
#[component]
fn KitOutputs(props: &KitOutputsProps) -> Html {
    let (copied, copy_to_clipboard) = use_copy();
    let qr: Option<QrDrawing> = draw(&props.url);
    let snippet = html_snippet(&props.url);
    let copy = |what: &'static str, text: String| {
        let copy_to_clipboard = copy_to_clipboard.clone();
        Callback::from(move |_: MouseEvent| copy_to_clipboard.emit((what, text.clone())))
    };
    let download_error = use_state(|| None::<String>);
    let downloads = qr.as_ref().map(|qr| {
        let (svg, png_qr, error) = (qr.svg_document(), qr.clone(), download_error.clone());
        let error2 = download_error.clone();
        let svg_click = Callback::from(move |_: MouseEvent| {
            let failed = download_text("remodel-clinic-link.svg", "image/svg+xml", &svg).is_err();
            error.set(failed.then(|| "The QR code could not be saved. Try again.".to_string()));
        });
        let png_click = Callback::from(move |_: MouseEvent| {
            let failed = download_qr_png("remodel-clinic-link.png", &png_qr).is_err();
            error2.set(failed.then(|| "The QR code could not be saved. Try again.".to_string()));
        });
        (svg_click, png_click)
    });
    html! {
        <>
            <div class="field">
                <label for="kit-link">{ "Link for your clients" }</label>
                <input id="kit-link" readonly=true value={props.url.clone()} />
                <div class="actions">
                    <button type="button" class="button button--quiet" onclick={copy("Link", props.url.clone())}>{ "Copy link" }</button>
                    // Same origin: opens the client app, which asks before using anything.
                    <a class="button button--quiet" href={props.url.clone()}>{ "Open in Remodel on this device" }</a>
                </div>
            </div>
            if let (Some(qr), Some((svg_click, png_click))) = (qr.as_ref(), downloads) {
                <figure class="kit-qr">
                    <svg viewBox={format!("0 0 {0} {0}", qr.size)} role="img" aria-label="QR code of the link"
                        shape-rendering="crispEdges" data-testid="kit-qr">
                        <rect width={qr.size.to_string()} height={qr.size.to_string()} fill="#ffffff" />
                        <path d={qr.path.clone()} fill="#000000" />
                    </svg>
                    <figcaption>{ "Print it in your clinic or add it to aftercare sheets." }</figcaption>
                </figure>
                <div class="form__actions">
                    <button type="button" class="button button--quiet" onclick={svg_click}>{ "Download QR code (SVG)" }</button>
                    <button type="button" class="button button--quiet" onclick={png_click}>{ "Download QR code (PNG)" }</button>
                    if let Some(message) = (*download_error).clone() {
                        <p class="field__error" role="alert">{ message }</p>
                    }
                </div>
            }
            <div class="field">
                <label for="kit-snippet">{ "HTML for your website" }</label>
                <p class="field__hint" id="kit-snippet-hint">{ "A plain link: no script, nothing loaded from anywhere." }</p>
                <textarea id="kit-snippet" readonly=true rows="3" value={snippet.clone()} aria-describedby="kit-snippet-hint" />
                <button type="button" class="button button--quiet" onclick={copy("HTML", snippet)}>{ "Copy HTML" }</button>
            </div>
            if let Some(message) = copied {
                <p role="status">{ message }</p>
            }
        </>
    }
}
