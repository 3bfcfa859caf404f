//! A clinic link arriving: `#clinic=…` in the address, at start-up or while the app is open.
//!
//! The fragment is read once and removed from the address straight away (so a reload, a bookmark
//! or a shared screenshot doesn't carry it on), then decoded by the pure
//! [`crate::domain::clinic::link::decode`]. Nothing is applied here: the caller asks the client.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::domain::clinic::link::{decode, payload_from_fragment};
use crate::domain::clinic::ClinicProfile;

/// A clinic link the client has followed and not yet answered.
#[derive(Clone, Debug, PartialEq)]
pub enum IncomingLink {
    /// A valid profile, waiting for "use" or "not now".
    Offer(ClinicProfile),
    /// Why the link can't be used.
    Refused(String),
}

/// Takes a `#clinic=…` fragment out of the address and decodes it; `None` for any other address.
pub fn take_from_address() -> Option<IncomingLink> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let payload = payload_from_fragment(&hash)?;
    // The fragment arrives percent-encoded only if something on the way re-encoded it; base64url
    // never needs escaping, so an escaped link is treated as damaged, not decoded twice.
    let incoming = match decode(payload) {
        Ok(profile) => IncomingLink::Offer(profile),
        Err(error) => IncomingLink::Refused(error.message()),
    };
    let path =
        format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    Some(incoming)
}

/// The link the client followed, if any; set it to `None` once answered.
#[hook]
pub fn use_incoming_clinic_link() -> UseStateHandle<Option<IncomingLink>> {
    let incoming = use_state(take_from_address);
    {
        let incoming = incoming.clone();
        use_effect_with((), move |_| {
            // A link followed while the app is already open in this tab changes only the fragment.
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    if let Some(link) = take_from_address() {
                        incoming.set(Some(link));
                    }
                })
            });
            move || drop(listener)
        });
    }
    incoming
}

/// Paints the clinic's brand colour as the accent (`--clinic-accent`, with black or white text on
/// it, whichever contrasts more). Set through the CSSOM, which the strict CSP allows, unlike a
/// `style` attribute.
#[hook]
pub fn use_clinic_accent(clinic: Option<&ClinicProfile>) {
    let colour = clinic.and_then(|c| c.colour);
    use_effect_with(colour, |colour| {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(root) = root {
            let style = root.style();
            match colour {
                Some(rgb) => {
                    let text = match rgb.text_on() {
                        crate::domain::clinic::colour::TextOn::Black => "#000000",
                        crate::domain::clinic::colour::TextOn::White => "#ffffff",
                    };
                    let _ = style.set_property("--clinic-accent", &rgb.to_hex());
                    let _ = style.set_property("--clinic-accent-text", text);
                }
                None => {
                    let _ = style.remove_property("--clinic-accent");
                    let _ = style.remove_property("--clinic-accent-text");
                }
            }
        }
    });
}
