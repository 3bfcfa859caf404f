//! Letting go of a large `ArrayBuffer` at once. A buffer no longer referenced waits for the
//! garbage collector, and V8 collects only once tens of megabytes of them have piled up: a
//! backup or restore passing 2 MB photos through would hold dozens. Detaching it
//! (`ArrayBuffer.prototype.transfer(0)`, ES2024: Chrome 114, Firefox 122, Safari 17.4) frees its
//! bytes now. Browsers without it leave the buffer to the collector, as before.

use js_sys::{ArrayBuffer, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Frees `buffer`'s bytes now, where the browser can; the buffer is empty afterwards.
pub fn release(buffer: &ArrayBuffer) {
    if let Ok(transfer) = Reflect::get(buffer, &JsValue::from_str("transfer")) {
        if let Some(transfer) = transfer.dyn_ref::<Function>() {
            let _ = transfer.call1(buffer, &JsValue::from(0));
        }
    }
}
