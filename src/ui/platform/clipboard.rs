//! Copying text to the clipboard from a tap, and saying whether it worked.

use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Puts `text` on the clipboard; `Err` when the browser refuses (no permission, insecure page).
async fn copy_text(text: &str) -> Result<(), JsValue> {
    let clipboard = web_sys::window().ok_or("no window")?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)).await.map(|_| ())
}

/// `(what became of the last copy, copy (what, text))`: "Link copied.", or how to copy it by hand
/// when the browser refuses. `what` names the thing copied ("Link", "HTML").
#[hook]
pub fn use_copy() -> (Option<String>, Callback<(&'static str, String)>) {
    let copied = use_state(|| None::<String>);
    let copy = {
        let copied = copied.clone();
        Callback::from(move |(what, text): (&'static str, String)| {
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(match copy_text(&text).await {
                    Ok(()) => format!("{what} copied."),
                    Err(_) => format!(
                        "The browser did not allow copying. Select the {} and copy it.",
                        what.to_ascii_lowercase()
                    ),
                }));
            });
        })
    };
    ((*copied).clone(), copy)
}
