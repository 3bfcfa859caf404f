//! The worker's side: listens for [`Request`]s, does each job (a photo's copies, or a file's
//! writing in [`file_writer`]), and answers with a [`Reply`].

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

use super::protocol::{decode, encode, Engine, Envelope, IngestedPhoto, Reply, Request};
use super::{browser_engine, file_writer};
use crate::analysis::ingest::ingest_probed;
use crate::analysis::{probe, IngestError, Ingested};

/// Starts listening for jobs and says so.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        wasm_bindgen_futures::spawn_local(handle(event.data()));
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The worker lives as long as the page that started it (one started for a backup's file
    // ends with that file: `Request::CloseFile`, `Request::AbortFile`).
    onmessage.forget();
    post(&scope, &Envelope::new(0, Reply::Ready), &[], false);
}

async fn handle(data: JsValue) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let message = Array::from(&data);
    let (id, request) = match decode::<Request>(&Uint8Array::new(&message.get(0)).to_vec()) {
        Ok(Envelope { id, body, .. }) => (id, body),
        Err(refused) => {
            let failed = Reply::Failed { message: refused.message.into() };
            post(&scope, &Envelope::new(refused.id.unwrap_or(0), failed), &[], false);
            return;
        }
    };
    let file_reply = |outcome: Result<u64, String>| match outcome {
        Ok(bytes) => Reply::File { bytes },
        Err(message) => Reply::Failed { message },
    };
    let file_done = matches!(request, Request::CloseFile | Request::AbortFile);
    let reply = match request {
        Request::Ingest { engine } => return ingest(&scope, id, engine, message.get(1)).await,
        Request::OpenFile { path, name } => {
            file_reply(file_writer::open(&scope, &path, &name).await.map(|()| 0))
        }
        Request::WriteFile => file_reply(file_writer::write(message.iter().skip(1))),
        Request::CloseFile => file_reply(file_writer::close().await),
        Request::AbortFile => {
            file_writer::abort().await;
            Reply::File { bytes: 0 }
        }
    };
    post(&scope, &Envelope::new(id, reply), &[], false);
    if file_done {
        // A worker for a file is started for that file alone: it ends with it.
        scope.close();
    }
}

async fn ingest(scope: &DedicatedWorkerGlobalScope, id: u32, engine: Engine, attachment: JsValue) {
    let outcome = match attachment.dyn_into::<Blob>() {
        Ok(file) => ingest_blob(scope, &file, engine).await,
        Err(_) => Err(IngestError::NotAnImage),
    };
    match outcome {
        Ok((ingested, used)) => {
            let working = bytes_buffer(&ingested.working);
            let thumb = bytes_buffer(&ingested.thumb);
            let reply = Reply::Ingested(IngestedPhoto {
                width: ingested.width,
                height: ingested.height,
                thumb_width: ingested.thumb_width,
                thumb_height: ingested.thumb_height,
                taken_at: ingested.taken_at,
                engine: used,
                working_crc32: crc32fast::hash(&ingested.working),
                thumb_crc32: crc32fast::hash(&ingested.thumb),
            });
            post(scope, &Envelope::new(id, reply), &[working.into(), thumb.into()], true);
        }
        Err(error) => {
            post(scope, &Envelope::new(id, Reply::Failed { message: error.message() }), &[], false);
        }
    }
}

/// Posts `[envelope, ...attachments]`, handing the attachments over (not copying them) when
/// `transfer` is set.
fn post(
    scope: &DedicatedWorkerGlobalScope,
    envelope: &Envelope<Reply>,
    attachments: &[JsValue],
    transfer: bool,
) {
    let message = Array::of1(&Uint8Array::from(encode(envelope).as_slice()).into());
    for attachment in attachments {
        message.push(attachment);
    }
    let _ = if transfer {
        scope.post_message_with_transfer(&message, &attachments.iter().collect::<Array>())
    } else {
        scope.post_message(&message)
    };
}

/// One file, by the engine asked for; returns which engine did the work.
async fn ingest_blob(
    scope: &DedicatedWorkerGlobalScope,
    file: &Blob,
    engine: Engine,
) -> Result<(Ingested, Engine), IngestError> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| IngestError::Corrupt)?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    let probed = probe(&bytes)?;
    if engine != Engine::Image && browser_engine::available(scope) {
        match browser_engine::ingest(scope, file, &probed).await {
            Ok(ingested) => return Ok((ingested, Engine::Browser)),
            Err(error) if engine == Engine::Browser => return Err(error),
            // The browser decoded it differently (an orientation it ignores): our path instead.
            Err(_) => {}
        }
    }
    ingest_probed(&bytes, probed).map(|ingested| (ingested, Engine::Image))
}

fn bytes_buffer(bytes: &[u8]) -> ArrayBuffer {
    Uint8Array::from(bytes).buffer()
}
