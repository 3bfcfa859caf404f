//! Moving keyboard focus where the client needs it next.

use wasm_bindgen::JsCast;

use crate::domain::validation::FieldErrors;

/// After a failed save, focus the first field with a message, so keyboard and screen-reader
/// users land on what to fix (and hear its message, linked by `aria-describedby`). Fields are
/// found by id, or for radio groups by name.
pub fn focus_first_invalid(errors: &FieldErrors, name_prefix: &str) {
    let Some(field) = errors.fields().next() else { return };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let target = document
        .get_element_by_id(field)
        .or_else(|| document.query_selector(&format!("[name=\"{name_prefix}{field}\"]")).ok().flatten());
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
