//! The page's side of the photo worker: started once per page and shared by every import, it
//! sends each file as a [`Request::Ingest`] and waits for the [`Reply`] with the same id.
//! Messages are read through `crate::worker::protocol`, version first.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, ArrayBuffer, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::worker::protocol::{
    decode, encode, Engine, Envelope, IngestedPhoto, Refused, Reply, Request, UNREADABLE,
};

/// The worker's script (built by Trunk from `src/bin/photo_worker.rs`).
const WORKER_URL: &str = "/photos/photo-worker_loader.js";

pub const WORKER_FAILED: &str = "The photo processor could not start. Reload the page and try again.";

/// A photo as the worker made it: its details and its two JPEG copies.
pub struct WorkerPhoto {
    pub photo: IngestedPhoto,
    pub working: ArrayBuffer,
    pub thumb: ArrayBuffer,
}

/// Waiting for an answer: resolved with the whole message (read again by the one waiting).
type Waiting = Rc<RefCell<HashMap<u32, Function>>>;

#[derive(Clone)]
pub struct PhotoWorker {
    worker: Worker,
    ready: Promise,
    pending: Waiting,
    next_id: Rc<RefCell<u32>>,
    _onmessage: Rc<Closure<dyn FnMut(MessageEvent)>>,
}

/// A message's envelope read as a [`Reply`].
fn read_reply(data: &JsValue) -> Result<Envelope<Reply>, Refused> {
    decode(&js_sys::Uint8Array::new(&Array::from(data).get(0)).to_vec())
}

impl PhotoWorker {
    pub fn start() -> Result<PhotoWorker, JsValue> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(WORKER_URL, &options)?;
        let pending: Waiting = Rc::default();
        let ready_resolve: Rc<RefCell<Option<Function>>> = Rc::default();
        let ready = {
            let ready_resolve = ready_resolve.clone();
            Promise::new(&mut |resolve, _| *ready_resolve.borrow_mut() = Some(resolve))
        };
        let onmessage = {
            let pending = pending.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                let answer = |resolve: Function| {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                };
                match read_reply(&data) {
                    Ok(Envelope { body: Reply::Ready, .. }) => ready_resolve.borrow_mut().take().map(answer),
                    Ok(Envelope { id, .. }) | Err(Refused { id: Some(id), .. })
                        if pending.borrow().contains_key(&id) =>
                    {
                        pending.borrow_mut().remove(&id).map(answer)
                    }
                    // Unreadable, or from another version, with no job to answer: whoever is
                    // waiting hears why (each reads the message again and finds it refused).
                    _ => {
                        ready_resolve.borrow_mut().take().map(answer);
                        pending.borrow_mut().drain().for_each(|(_, resolve)| answer(resolve));
                        None
                    }
                };
            })
        };
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        Ok(PhotoWorker { worker, ready, pending, next_id: Rc::default(), _onmessage: Rc::new(onmessage) })
    }

    /// Sends one file and waits for the worker's copies of it, or the sentence saying why not.
    pub async fn ingest(&self, blob: &Blob) -> Result<WorkerPhoto, String> {
        let ready = JsFuture::from(self.ready.clone()).await.map_err(|_| WORKER_FAILED.to_string())?;
        read_reply(&ready).map_err(|refused| refused.message.to_string())?;
        let id = {
            let mut next = self.next_id.borrow_mut();
            *next += 1;
            *next
        };
        let reply = Promise::new(&mut |resolve, _| {
            self.pending.borrow_mut().insert(id, resolve);
        });
        let head = encode(&Envelope::new(id, Request::Ingest { engine: Engine::Auto }));
        self.worker
            .post_message(&Array::of2(&js_sys::Uint8Array::from(head.as_slice()), blob))
            .map_err(|_| WORKER_FAILED.to_string())?;
        let data = JsFuture::from(reply).await.map_err(|_| WORKER_FAILED.to_string())?;
        match read_reply(&data).map_err(|refused| refused.message.to_string())?.body {
            Reply::Ingested(photo) => {
                let message = Array::from(&data);
                let (working, thumb) = (message.get(1), message.get(2));
                if !(working.is_instance_of::<ArrayBuffer>() && thumb.is_instance_of::<ArrayBuffer>()) {
                    return Err(UNREADABLE.into());
                }
                Ok(WorkerPhoto { photo, working: working.unchecked_into(), thumb: thumb.unchecked_into() })
            }
            Reply::Failed { message } => Err(message),
            Reply::Ready => Err(UNREADABLE.into()),
        }
    }
}
