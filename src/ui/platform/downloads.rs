//! Getting something the app made out onto the device: a download (a Blob, an object URL and a
//! click on a temporary link). Nothing leaves the device.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, Url};

use crate::domain::clinic::qr::QrDrawing;

/// Downloads `blob` (a `File` too) under `filename`.
pub fn save_blob(blob: &Blob, filename: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let url = Url::create_object_url_with_blob(blob)?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // The download reads the blob after the click returns: revoking at once can cut it off.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Downloads `text` as a file of type `mime`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    save_blob(&Blob::new_with_str_sequence_and_options(&parts, &options)?, filename)
}

/// Pixels per QR module in the PNG: a 2 KB link (about 140 modules) makes a 1,100-pixel image,
/// sharp enough to print.
const PNG_MODULE_PIXELS: f64 = 8.0;

/// Draws `qr` on a canvas and downloads it as a PNG.
pub fn download_qr_png(filename: &'static str, qr: &QrDrawing) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    let side = (qr.size as f64 * PNG_MODULE_PIXELS) as u32;
    canvas.set_width(side);
    canvas.set_height(side);
    let context: CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(side), f64::from(side));
    context.set_fill_style_str("#000000");
    for &(x, y, len) in &qr.runs {
        let scale = PNG_MODULE_PIXELS;
        context.fill_rect(x as f64 * scale, y as f64 * scale, len as f64 * scale, scale);
    }
    let on_blob = wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<Blob>| {
        if let Some(blob) = blob {
            let _ = save_blob(&blob, filename);
        }
    });
    canvas.to_blob(on_blob.unchecked_ref())
}

/// The app's own origin (`https://remodel.example`), which clinic links point back to.
pub fn app_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}
