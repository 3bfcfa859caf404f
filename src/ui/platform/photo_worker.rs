//! The page's side of the photo worker: started once per page and shared by every import, it
//! sends each file as a [`Request::Ingest`] and waits for the [`Reply`] with the same id. A large
//! backup starts one of its own to write its file ([`PhotoWorker::open_file`], then
//! `write_file`, and `close_file` or `abort_file`).
//! Messages are read through `crate::worker::protocol`, version first.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::EventListener;
use js_sys::{Array, ArrayBuffer, Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::worker::protocol::{
    decode, encode, Engine, Envelope, IngestedPhoto, Refused, Reply, Request, UNREADABLE,
};

/// The worker's script as Trunk names it (built from `src/bin/photo_worker.rs`): what a
/// development build (`trunk serve`) serves.
const UNSEALED_WORKER_URL: &str = "/photos/photo-worker_loader.js";

/// The worker's script of the build that served this page. A release build names the worker's
/// files after their hash (`.ci/seal.mjs`) and writes the loader's address into the page, so a
/// page of one deploy never starts another deploy's worker.
fn worker_url() -> String {
    gloo::utils::document()
        .query_selector("meta[name=\"remodel-photo-worker\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| UNSEALED_WORKER_URL.to_string())
}

/// The next import starts a new worker, so trying again is worth it before a reload.
pub const WORKER_FAILED: &str =
    "The photo processor could not start. Nothing was stored: try again, and if it still can't start, reload the page.";

/// Said to every file waiting when the worker fails under way; the next import starts a new one.
const WORKER_STOPPED: &str = "The photo processor stopped. Try this photo again, or reload the page.";

/// Said when the worker stays silent past its time: it is stopped, and the next import starts a
/// new one.
pub const WORKER_SILENT: &str =
    "The photo processor did not answer in time. Nothing was stored for this photo: try it again, or reload the page.";

/// How long the worker may take to start (download and compile its wasm on a slow phone), and
/// to do one job: make one photo's copies (a 50-megapixel photo on a slow phone takes seconds,
/// not minutes), or write one photo into a backup's file (milliseconds).
const START_LIMIT_MS: u32 = 30_000;
const JOB_LIMIT_MS: u32 = 90_000;

/// A photo as the worker made it: its details and its two JPEG copies.
pub struct WorkerPhoto {
    pub photo: IngestedPhoto,
    pub working: ArrayBuffer,
    pub thumb: ArrayBuffer,
}

/// Who is waiting for the worker: the page for its Ready, and each job for its answer. Each is
/// resolved with the whole message, and reads it again itself.
#[derive(Default)]
struct Waiting {
    ready: Option<Function>,
    jobs: HashMap<u32, Function>,
    /// The worker failed (its script did not load, or it stopped mid-job): it takes no more jobs.
    stopped: bool,
}

/// After `ms`, if `still_waiting` holds, the worker is given up on: stopped, and everyone told.
fn give_up_after(
    ms: u32,
    worker: Worker,
    waiting: Rc<RefCell<Waiting>>,
    still_waiting: impl Fn(&Waiting) -> bool + 'static,
) {
    gloo::timers::callback::Timeout::new(ms, move || {
        let mut waiting = waiting.borrow_mut();
        if still_waiting(&waiting) {
            waiting.stopped = true;
            worker.terminate();
            waiting
                .tell_everyone(&message(&Envelope::new(0, Reply::Failed { message: WORKER_SILENT.into() })));
        }
    })
    .forget();
}

impl Waiting {
    /// Hands `data` to everyone still waiting.
    fn tell_everyone(&mut self, data: &JsValue) {
        let everyone = self.ready.take().into_iter().chain(self.jobs.drain().map(|(_, job)| job));
        for resolve in everyone.collect::<Vec<_>>() {
            let _ = resolve.call1(&JsValue::NULL, data);
        }
    }
}

#[derive(Clone)]
pub struct PhotoWorker {
    worker: Worker,
    ready: Promise,
    waiting: Rc<RefCell<Waiting>>,
    next_id: Rc<RefCell<u32>>,
    _listeners: Rc<[EventListener; 3]>,
}

/// A message's envelope read as a [`Reply`].
fn read_reply(data: &JsValue) -> Result<Envelope<Reply>, Refused> {
    let head = if Array::is_array(data) { Array::from(data).get(0) } else { JsValue::UNDEFINED };
    decode(&js_sys::Uint8Array::new(&head).to_vec())
}

/// A message as the worker would send it: `[bytes]`.
fn message(envelope: &Envelope<Reply>) -> JsValue {
    Array::of1(&js_sys::Uint8Array::from(encode(envelope).as_slice())).into()
}

/// Routes one message from the worker to whoever is waiting for it.
fn dispatch(waiting: &RefCell<Waiting>, data: &JsValue) {
    let mut waiting = waiting.borrow_mut();
    let answer = |resolve: Option<Function>| {
        if let Some(resolve) = resolve {
            let _ = resolve.call1(&JsValue::NULL, data);
        }
    };
    match read_reply(data) {
        Ok(Envelope { body: Reply::Ready, .. }) => answer(waiting.ready.take()),
        Ok(Envelope { id, .. }) | Err(Refused { id: Some(id), .. }) if waiting.jobs.contains_key(&id) => {
            answer(waiting.jobs.remove(&id))
        }
        // A failure that belongs to no job, or a message that could not be read (another
        // version, say) with no job to answer: whoever is waiting hears why.
        Ok(Envelope { id: 0, body: Reply::Failed { .. }, .. }) | Err(_) => waiting.tell_everyone(data),
        // An answer to a job nobody waits for: nothing to do.
        Ok(_) => {}
    }
}

impl PhotoWorker {
    pub fn start() -> Result<PhotoWorker, JsValue> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&worker_url(), &options)?;
        let waiting: Rc<RefCell<Waiting>> = Rc::default();
        let ready = {
            let waiting = waiting.clone();
            Promise::new(&mut |resolve, _| waiting.borrow_mut().ready = Some(resolve))
        };
        let on_message = {
            let waiting = waiting.clone();
            EventListener::new(&worker, "message", move |event| {
                dispatch(&waiting, &event.unchecked_ref::<MessageEvent>().data());
            })
        };
        // The script did not load, the worker stopped (a crash mid-job), or a message could not
        // be passed: no answer will come, so everyone waiting is told instead of left waiting.
        let on_failure = |kind: &'static str| {
            let waiting = waiting.clone();
            let failed = worker.clone();
            EventListener::new(&worker, kind, move |_| {
                let mut waiting = waiting.borrow_mut();
                waiting.stopped = true;
                // Of no more use, and a file it had open is let go at once.
                failed.terminate();
                // Before its Ready, the worker never started.
                let said = if waiting.ready.is_some() { WORKER_FAILED } else { WORKER_STOPPED };
                waiting.tell_everyone(&message(&Envelope::new(0, Reply::Failed { message: said.into() })));
            })
        };
        let listeners = [on_message, on_failure("error"), on_failure("messageerror")];
        give_up_after(START_LIMIT_MS, worker.clone(), waiting.clone(), |w| w.ready.is_some());
        Ok(PhotoWorker { worker, ready, waiting, next_id: Rc::default(), _listeners: Rc::new(listeners) })
    }

    /// Stops the worker now (a file it had open is let go).
    pub fn terminate(&self) {
        self.worker.terminate();
    }

    /// Whether the worker failed and takes no more jobs (a new one is needed).
    pub fn stopped(&self) -> bool {
        self.waiting.borrow().stopped
    }

    /// Sends one file and waits for the worker's copies of it, or the sentence saying why not.
    pub async fn ingest(&self, blob: &Blob) -> Result<WorkerPhoto, String> {
        self.started().await?;
        let asked = self.send(Request::Ingest { engine: Engine::Auto }, &Array::of1(blob), &Array::new())?;
        let data = JsFuture::from(asked).await.map_err(|_| WORKER_FAILED.to_string())?;
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
            Reply::Ready | Reply::File { .. } => Err(UNREADABLE.into()),
        }
    }

    /// Opens `name` in the folders `path` of the origin-private file system, once the worker
    /// has started: the file's answer (a browser without a synchronous access handle says no).
    pub async fn open_file(&self, path: &[&str], name: &str) -> Result<u64, String> {
        self.started().await?;
        let path = path.iter().map(|part| part.to_string()).collect();
        self.send(Request::OpenFile { path, name: name.into() }, &Array::new(), &Array::new())
            .map(FileAnswer)?
            .bytes()
            .await
    }

    /// Appends `parts` to the open file, handing their buffers over where it can: the answer
    /// comes later, so the next photo is read meanwhile.
    pub fn write_file(&self, parts: &Array) -> Result<FileAnswer, String> {
        self.send(Request::WriteFile, parts, &transferable(parts)).map(FileAnswer)
    }

    /// Closes the open file (flushing it to the disk); the answer is its size.
    pub fn close_file(&self) -> Result<FileAnswer, String> {
        self.send(Request::CloseFile, &Array::new(), &Array::new()).map(FileAnswer)
    }

    /// Empties and lets go of the open file, queued behind the writes sent.
    pub fn abort_file(&self) -> Result<FileAnswer, String> {
        self.send(Request::AbortFile, &Array::new(), &Array::new()).map(FileAnswer)
    }

    /// Waits for the worker's Ready (or why it never came).
    async fn started(&self) -> Result<(), String> {
        let ready = JsFuture::from(self.ready.clone()).await.map_err(|_| WORKER_FAILED.to_string())?;
        match read_reply(&ready).map_err(|refused| refused.message.to_string())?.body {
            Reply::Ready => {}
            Reply::Failed { message } => return Err(message),
            Reply::Ingested(_) | Reply::File { .. } => return Err(UNREADABLE.into()),
        }
        if self.stopped() {
            return Err(WORKER_STOPPED.into());
        }
        Ok(())
    }

    /// Posts `[request, ...attachments]` as a new job; resolves with the worker's whole answer
    /// (or a failure said to everyone), within the job's time limit.
    fn send(&self, request: Request, attachments: &Array, transfer: &Array) -> Result<Promise, String> {
        let id = {
            let mut next = self.next_id.borrow_mut();
            *next += 1;
            *next
        };
        let reply = Promise::new(&mut |resolve, _| {
            self.waiting.borrow_mut().jobs.insert(id, resolve);
        });
        give_up_after(JOB_LIMIT_MS, self.worker.clone(), self.waiting.clone(), move |w| {
            w.jobs.contains_key(&id)
        });
        let head = encode(&Envelope::new(id, request));
        let message = Array::of1(&js_sys::Uint8Array::from(head.as_slice()));
        let message = message.concat(attachments);
        if self.worker.post_message_with_transfer(&message, transfer).is_err() {
            self.waiting.borrow_mut().jobs.remove(&id);
            return Err(WORKER_FAILED.into());
        }
        Ok(reply)
    }
}

/// Said when the worker writing a backup's file stopped or could not be understood.
pub const FILE_WRITER_STOPPED: &str =
    "The backup file could not be written: the app's file writer stopped. Nothing was changed: try again.";

/// A file request's answer, still to come.
pub struct FileAnswer(Promise);

impl FileAnswer {
    /// The file's size once the request is done, or the sentence saying why not: the file's
    /// own (a full disk, answered to its job), or [`FILE_WRITER_STOPPED`] when the worker itself
    /// failed (told to everyone as job 0, in sentences that speak of photos).
    pub async fn bytes(self) -> Result<u64, String> {
        let data = JsFuture::from(self.0).await.map_err(|_| FILE_WRITER_STOPPED.to_string())?;
        match read_reply(&data) {
            Ok(Envelope { body: Reply::File { bytes }, .. }) => Ok(bytes),
            Ok(Envelope { id, body: Reply::Failed { message }, .. }) if id != 0 => Err(message),
            _ => Err(FILE_WRITER_STOPPED.into()),
        }
    }
}

/// The buffers behind `parts` that can be handed over to a worker rather than copied: each
/// `ArrayBuffer`, and each view's buffer that the view covers whole (once each). A file's parts
/// are the writer's own (the backup sink's copies, or the database's buffers), let go once sent.
fn transferable(parts: &Array) -> Array {
    let buffers = js_sys::Set::new(&JsValue::UNDEFINED);
    for part in parts.iter() {
        if let Some(view) = part.dyn_ref::<Uint8Array>() {
            let buffer = view.buffer();
            if view.byte_offset() == 0 && view.byte_length() == buffer.byte_length() {
                buffers.add(&buffer);
            }
        } else if part.is_instance_of::<ArrayBuffer>() {
            buffers.add(&part);
        }
    }
    Array::from(&buffers)
}
