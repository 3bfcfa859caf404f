//! Importing photos: each file goes through the photo worker (off the main thread), then into
//! storage with the details the client chose. One file at a time, so memory holds one photo's
//! pixels however many are chosen, and each file gets its own result. An import can be
//! cancelled: the file under way finishes (a photo is stored whole or not at all), the rest are
//! left, and what was stored stays.

use wasm_bindgen::JsCast;
use web_sys::{Blob, File};
use yew::prelude::*;

use super::actions::{use_photo_actions, NOT_OPEN};
use crate::domain::photos::photo::{local_date_time, session_before, Photo, PhotoDetails, TakenAtSource};
use crate::storage::{new_id, StoredPhotoBytes};
use crate::ui::platform::clock::{now_local, now_utc};
use crate::ui::platform::photo_worker::{PhotoWorker, WorkerPhoto, WORKER_FAILED};
use crate::ui::shared::context::use_app_state;

/// Where one file of an import stands.
#[derive(Clone, Debug, PartialEq)]
pub enum FileOutcome {
    Waiting,
    Saved,
    Failed(String),
    /// Not read: the import was cancelled before its turn.
    Cancelled,
}

/// One file of an import: its name and outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct FileResult {
    pub name: String,
    pub outcome: FileOutcome,
}

/// Something to import: a chosen file (a `File`, which has a modification time), or a camera
/// capture (a plain `Blob`).
pub struct Source {
    pub blob: Blob,
    pub name: String,
}

impl Source {
    /// The file's modification time (ms since 1970); `None` for a camera capture (now). Read
    /// when the file's turn comes, not when it is chosen: Chromium fetches each chosen file's
    /// metadata on first read, and twenty reads in the change handler made one long task.
    fn modified_ms(&self) -> Option<f64> {
        self.blob.dyn_ref::<File>().map(File::last_modified)
    }
}

/// The import under way (or last finished) and the callback that starts one.
#[derive(Clone, PartialEq)]
pub struct Import {
    pub results: Vec<FileResult>,
    pub start: Callback<(Vec<Source>, PhotoDetails)>,
    /// Stops the import after the file under way.
    pub cancel: Callback<()>,
}

impl Import {
    pub fn done(&self) -> usize {
        self.results.iter().filter(|r| r.outcome != FileOutcome::Waiting).count()
    }

    pub fn busy(&self) -> bool {
        self.done() < self.results.len()
    }

    pub fn cancelled(&self) -> bool {
        self.results.iter().any(|r| r.outcome == FileOutcome::Cancelled)
    }
}

#[hook]
pub fn use_import() -> Import {
    let app = use_app_state();
    let actions = use_photo_actions();
    let results = use_state(Vec::<FileResult>::new);
    let worker = use_mut_ref(|| None::<PhotoWorker>);
    // Each import is numbered; Cancel stops every import up to the latest, so a camera photo taken
    // meanwhile (a new import) never restarts a cancelled one.
    let started_count = use_mut_ref(|| 0_u32);
    let cancelled_up_to = use_mut_ref(|| 0_u32);
    let sessions = app.records.as_ref().map(|r| r.sessions.clone()).unwrap_or_default();
    let start = {
        let (results, started_count, cancelled_up_to) =
            (results.clone(), started_count.clone(), cancelled_up_to.clone());
        Callback::from(move |(sources, details): (Vec<Source>, PhotoDetails)| {
            *started_count.borrow_mut() += 1;
            let this_import = *started_count.borrow();
            let mut list: Vec<FileResult> = sources
                .iter()
                .map(|s| FileResult { name: s.name.clone(), outcome: FileOutcome::Waiting })
                .collect();
            results.set(list.clone());
            let (results, actions, worker, sessions, cancelled_up_to) =
                (results.clone(), actions.clone(), worker.clone(), sessions.clone(), cancelled_up_to.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // Started on the first import, then kept for the page's next ones (a new one
                // if it stopped).
                let kept = worker.borrow().clone().filter(|w| !w.stopped());
                let started = kept.map(Ok).unwrap_or_else(PhotoWorker::start);
                if let Ok(started) = &started {
                    *worker.borrow_mut() = Some(started.clone());
                }
                for (index, source) in sources.into_iter().enumerate() {
                    if *cancelled_up_to.borrow() >= this_import {
                        for result in &mut list[index..] {
                            result.outcome = FileOutcome::Cancelled;
                        }
                        results.set(list.clone());
                        break;
                    }
                    let outcome = match &started {
                        Err(_) => FileOutcome::Failed(WORKER_FAILED.into()),
                        Ok(_) if !actions.ready() => FileOutcome::Failed(NOT_OPEN.into()),
                        Ok(photo_worker) => {
                            let read = read_one(photo_worker, &source, &details, &sessions).await;
                            let stored = match read {
                                Ok((photo, bytes)) => actions.import_photo(photo, bytes).await,
                                Err(message) => Err(message),
                            };
                            match stored {
                                Ok(()) => FileOutcome::Saved,
                                Err(message) => FileOutcome::Failed(message),
                            }
                        }
                    };
                    list[index].outcome = outcome;
                    results.set(list.clone());
                }
            });
        })
    };
    let cancel = Callback::from(move |()| *cancelled_up_to.borrow_mut() = *started_count.borrow());
    Import { results: (*results).clone(), start, cancel }
}

/// The file read by the worker into a new photo's record and its stored copies.
async fn read_one(
    worker: &PhotoWorker,
    source: &Source,
    details: &PhotoDetails,
    sessions: &[crate::domain::diary::session::Session],
) -> Result<(Photo, StoredPhotoBytes), String> {
    let WorkerPhoto { photo: made, working, thumb } = worker.ingest(&source.blob).await?;
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    let (taken_at, source_kind) = match (made.taken_at, source.modified_ms()) {
        (Some(exif), _) => (exif, TakenAtSource::Exif),
        (None, Some(modified)) => {
            (local_date_time(modified, offset).unwrap_or_default(), TakenAtSource::File)
        }
        (None, None) => (now_local(), TakenAtSource::Camera),
    };
    let id = new_id();
    let photo = Photo {
        id: id.clone(),
        area_id: details.area_id.clone(),
        angle: details.angle,
        angle_name: details.angle_name.clone(),
        session_id: session_before(&taken_at, sessions),
        taken_at,
        taken_at_source: source_kind,
        lighting: details.lighting.clone(),
        colour_card: details.colour_card,
        width: made.width,
        height: made.height,
        thumb_width: made.thumb_width,
        thumb_height: made.thumb_height,
        stored_bytes: working.byte_length() + thumb.byte_length(),
        alignment: None,
        card: None,
        redness: None,
        updated: Some(now_utc()),
    };
    let bytes = StoredPhotoBytes::new(&id, (&working, made.working_crc32), (&thumb, made.thumb_crc32))
        .map_err(|e| e.user_message())?;
    Ok((photo, bytes))
}
