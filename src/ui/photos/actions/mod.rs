//! The photos app's writes: every change it makes to IndexedDB goes through here (the records it
//! shares with the client app go through `crate::ui::shared::actions`).
//!
//! Each write goes to storage first; the library changes only once storage has confirmed it, and
//! a failure comes back, as the message to show, to the caller that asked.

pub mod backup;
mod measure;
pub mod restore;

use crate::ui::platform::leaving::WriteInFlight;
use std::future::Future;
use std::pin::Pin;

use yew::prelude::*;

use crate::domain::photos::photo::Photo;
use crate::domain::photos::redness::RednessRegions;
use crate::storage::{self, StoredPhotoBytes};
use crate::ui::photos::library::{use_library, LibraryContext, PhotoAction};
use crate::ui::platform::clock::now_utc;
use crate::ui::platform::tabs::announce_change;
use crate::ui::shared::context::{use_app_state, AppContext};
use crate::ui::shared::hooks::storage::{use_db, DbHandle};
use crate::ui::shared::state::Action;

/// Called with the outcome of a write: the message to show beside the action when it failed.
pub type Reply = Callback<Result<(), String>>;

/// A write under way; on success, what the library should do.
type Pending = Pin<Box<dyn Future<Output = Result<Option<PhotoAction>, String>>>>;

/// Said when a write is asked for before the database has opened.
pub const NOT_OPEN: &str = "Storage isn't open yet: see the message above.";

#[derive(Clone, PartialEq)]
pub struct PhotoActions {
    db: Option<DbHandle>,
    app: AppContext,
    library: LibraryContext,
}

#[hook]
pub fn use_photo_actions() -> PhotoActions {
    PhotoActions { db: use_db(), app: use_app_state(), library: use_library() }
}

impl PhotoActions {
    /// Whether the database is open (until it is, a write can only fail).
    pub fn ready(&self) -> bool {
        self.db.is_some()
    }

    /// Runs `write` against the open database, applies what it returns to the library, and replies.
    fn run(&self, write: impl FnOnce(DbHandle) -> Pending + 'static, done: Reply) {
        let Some(db) = self.db.clone() else {
            done.emit(Err(NOT_OPEN.into()));
            return;
        };
        let library = self.library.clone();
        let in_flight = WriteInFlight::start();
        wasm_bindgen_futures::spawn_local(async move {
            let result = write(db).await.map(|change| {
                if let Some(change) = change {
                    library.dispatch(change);
                }
                announce_change();
            });
            drop(in_flight);
            done.emit(result);
        });
    }

    /// Stores a photo's changed details (or alignment), then shows them.
    pub fn update_photo(&self, mut photo: Photo, done: Reply) {
        // The version the edit started from, checked against the stored one.
        let from = photo.updated.replace(now_utc());
        let library = self.library.clone();
        self.run(
            move |db| {
                Box::pin(async move {
                    match storage::update_photo(&db.0, &photo, from.as_deref()).await {
                        Ok(()) => Ok(Some(PhotoAction::Updated(photo))),
                        Err(error) => {
                            // Another tab saved a newer version: show it (the message says so).
                            if error == storage::StorageError::Conflict {
                                if let Ok((photos, _)) = storage::load_photos(&db.0).await {
                                    library.dispatch(PhotoAction::Reloaded(photos));
                                }
                            }
                            Err(error.user_message())
                        }
                    }
                })
            },
            done,
        );
    }

    /// Deletes a photo and its pixels, keeping both in memory for Undo.
    pub fn delete_photo(&self, photo: Photo, done: Reply) {
        self.run(
            move |db| {
                Box::pin(async move {
                    let bytes =
                        storage::delete_photo(&db.0, &photo.id).await.map_err(|e| e.user_message())?;
                    Ok(Some(PhotoAction::Deleted(photo, bytes)))
                })
            },
            done,
        );
    }

    /// Puts back the photo just deleted.
    pub fn undo_delete(&self, done: Reply) {
        let Some((photo, bytes)) = self.library.deleted.clone() else { return };
        self.run(
            move |db| {
                Box::pin(async move {
                    storage::restore_photo(&db.0, &photo, bytes).await.map_err(|e| e.user_message())?;
                    Ok(Some(PhotoAction::Restored(photo)))
                })
            },
            done,
        );
    }

    /// Forgets the deleted photo: it can no longer be undone.
    pub fn dismiss_undo(&self) {
        self.library.dispatch(PhotoAction::DismissUndo);
    }

    /// Stores an imported or captured photo with its pixels, then adds it to the library. Awaited
    /// by the import, which stores one file after another.
    pub async fn import_photo(&self, photo: Photo, bytes: StoredPhotoBytes) -> Result<(), String> {
        let db = self.db.clone().ok_or_else(|| NOT_OPEN.to_string())?;
        // Counted while it runs, so a link that loads another page waits for the photo's write.
        let in_flight = WriteInFlight::start();
        storage::save_new_photo(&db.0, &photo, bytes).await.map_err(|e| e.user_message())?;
        drop(in_flight);
        self.library.dispatch(PhotoAction::Added(photo));
        announce_change();
        Ok(())
    }

    /// Stores the redness regions (one per area and angle).
    pub fn save_redness_regions(&self, regions: RednessRegions, done: Reply) {
        self.run(
            move |db| {
                Box::pin(async move {
                    storage::save_redness_regions(&db.0, &regions).await.map_err(|e| e.user_message())?;
                    Ok(None)
                })
            },
            done,
        );
    }

    /// Deletes every record, setting and photo on this device, then empties what the app shows.
    /// Replies with what happened, to show beside the button.
    pub fn delete_everything(&self, done: Callback<Result<String, String>>) {
        let Some(db) = self.db.clone() else {
            done.emit(Err(NOT_OPEN.into()));
            return;
        };
        let (app, library) = (self.app.clone(), self.library.clone());
        let in_flight = WriteInFlight::start();
        wasm_bindgen_futures::spawn_local(async move {
            let _in_flight = in_flight;
            let result = match storage::delete_everything(&db.0).await {
                Ok(()) => {
                    // A backup made on this page keeps its copy on disk while the page lives: it
                    // goes too, so nothing of the data stays.
                    crate::ui::platform::backup_sink::forget_own_backup_file().await;
                    reload(&db.0, &app, &library).await;
                    announce_change();
                    Ok("Everything was deleted from this device.".to_string())
                }
                Err(error) => Err(format!("{} Nothing was deleted.", error.user_message())),
            };
            done.emit(result);
        });
    }
}

/// Reads everything again into the app's state and the photo library (after a restore or a
/// deletion, every page shows what is stored now).
async fn reload(db: &storage::Db, app: &AppContext, library: &LibraryContext) {
    match storage::load_records(db).await {
        Ok(records) => app.dispatch(Action::RecordsLoaded(records)),
        Err(error) => app.dispatch(Action::StorageFailed(error)),
    }
    if let Ok((photos, _)) = storage::load_photos(db).await {
        library.dispatch(PhotoAction::Reloaded(photos));
    }
}
