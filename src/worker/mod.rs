//! The photo worker: ingests photos off the main thread, so the page never freezes while a
//! 12-megapixel photo is decoded and resized.
//!
//! # Messages
//! - Worker → page, once, when the wasm is running: `{ ready: true }`. (Messages posted before
//!   that would be lost, so the page waits for it.)
//! - Page → worker: `{ id: number, file: Blob, engine?: "auto" | "image" | "browser" }`.
//! - Worker → page: `{ id, ok: true, working: ArrayBuffer, thumb: ArrayBuffer, width, height,
//!   thumbWidth, thumbHeight, takenAt: string | null, engine }`, the two buffers transferred
//!   (not copied); or `{ id, ok: false, message }`.
//!
//! # Engines (measured: docs/BENCHMARKS.md, "Photo ingest")
//! Every file is first checked by [`crate::analysis::probe`] (format, claimed size, completeness,
//! EXIF), so the browser's decoder never sees a bomb, a truncated file or a renamed text file.
//! Then `auto` decodes, orients and resizes with the browser's own decoder (createImageBitmap
//! and OffscreenCanvas), which measured several times faster than the `image` crate in wasm, and
//! falls back to the crate where the browser lacks those or doesn't turn the photo upright.
//! Either way the JPEGs written are walked by [`crate::analysis::jpeg_segments::strip_metadata`],
//! so nothing but pixels is stored.

mod browser_engine;

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

use crate::analysis::ingest::ingest_probed;
use crate::analysis::{probe, IngestError, Ingested};

/// Which decoder a job may use (the benchmark asks for each in turn).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Engine {
    Auto,
    Image,
    Browser,
}

/// Starts listening for jobs and says so.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        wasm_bindgen_futures::spawn_local(handle(event.data()));
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The worker lives as long as the page that started it.
    onmessage.forget();
    let ready = Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

async fn handle(data: JsValue) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
    let engine = match Reflect::get(&data, &"engine".into()).ok().and_then(|e| e.as_string()).as_deref() {
        Some("image") => Engine::Image,
        Some("browser") => Engine::Browser,
        _ => Engine::Auto,
    };
    let reply = Object::new();
    set(&reply, "id", &id);
    let file = Reflect::get(&data, &"file".into()).ok().and_then(|f| f.dyn_into::<Blob>().ok());
    let outcome = match file {
        Some(file) => ingest_blob(&scope, &file, engine).await,
        None => Err(IngestError::NotAnImage),
    };
    match outcome {
        Ok((ingested, used)) => {
            let working = bytes_buffer(&ingested.working);
            let thumb = bytes_buffer(&ingested.thumb);
            set(&reply, "ok", &JsValue::TRUE);
            set(&reply, "working", &working);
            set(&reply, "thumb", &thumb);
            set(&reply, "width", &ingested.width.into());
            set(&reply, "height", &ingested.height.into());
            set(&reply, "thumbWidth", &ingested.thumb_width.into());
            set(&reply, "thumbHeight", &ingested.thumb_height.into());
            set(&reply, "takenAt", &ingested.taken_at.map_or(JsValue::NULL, |t| t.into()));
            set(&reply, "engine", &used.into());
            let transfer = Array::of2(&working, &thumb);
            let _ = scope.post_message_with_transfer(&reply, &transfer);
        }
        Err(error) => {
            set(&reply, "ok", &JsValue::FALSE);
            set(&reply, "message", &error.message().into());
            let _ = scope.post_message(&reply);
        }
    }
}

/// One file, by the engine asked for; returns which engine did the work.
async fn ingest_blob(
    scope: &DedicatedWorkerGlobalScope,
    file: &Blob,
    engine: Engine,
) -> Result<(Ingested, &'static str), IngestError> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| IngestError::Corrupt)?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    let probed = probe(&bytes)?;
    if engine != Engine::Image && browser_engine::available(scope) {
        match browser_engine::ingest(scope, file, &probed).await {
            Ok(ingested) => return Ok((ingested, "browser")),
            Err(error) if engine == Engine::Browser => return Err(error),
            // The browser decoded it differently (an orientation it ignores): our path instead.
            Err(_) => {}
        }
    }
    ingest_probed(&bytes, probed).map(|ingested| (ingested, "image"))
}

fn bytes_buffer(bytes: &[u8]) -> ArrayBuffer {
    Uint8Array::from(bytes).buffer()
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}
