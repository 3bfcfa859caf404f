//! The photo library: every photo's record (never pixels), a reducer with typed actions shared
//! through context, and its loading. Changed only by `super::actions`.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::photos::photo::Photo;
use crate::storage::{load_photos, StoredPhotoBytes};
use crate::ui::platform::tabs::use_changes_elsewhere;
use crate::ui::shared::hooks::storage::use_db;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhotoLibrary {
    /// `None` until read from storage.
    pub photos: Option<Rc<Vec<Photo>>>,
    /// The photo just deleted, with its bytes, until undone or dismissed.
    pub deleted: Option<(Photo, Option<StoredPhotoBytes>)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PhotoAction {
    Loaded(Vec<Photo>),
    /// Every photo read again (after a restore or a deletion): replaces the library.
    Reloaded(Vec<Photo>),
    Added(Photo),
    Updated(Photo),
    Deleted(Photo, Option<StoredPhotoBytes>),
    Restored(Photo),
    DismissUndo,
}

impl Reducible for PhotoLibrary {
    type Action = PhotoAction;

    fn reduce(self: Rc<Self>, action: PhotoAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            // Only the undo goes: the photo list stays shared as it is.
            PhotoAction::DismissUndo => next.deleted = None,
            PhotoAction::Loaded(loaded) => {
                // A photo added while the library was read is kept.
                let photos = next.photos_mut();
                for photo in loaded {
                    if !photos.iter().any(|p| p.id == photo.id) {
                        photos.push(photo);
                    }
                }
            }
            PhotoAction::Reloaded(loaded) => {
                next.photos = Some(Rc::new(loaded));
                next.deleted = None;
            }
            PhotoAction::Added(photo) | PhotoAction::Restored(photo) | PhotoAction::Updated(photo) => {
                let photos = next.photos_mut();
                photos.retain(|p| p.id != photo.id);
                photos.push(photo);
                next.deleted = None;
            }
            PhotoAction::Deleted(photo, bytes) => {
                next.photos_mut().retain(|p| p.id != photo.id);
                next.deleted = Some((photo, bytes));
            }
        }
        Rc::new(next)
    }
}

impl PhotoLibrary {
    /// The list to change: a copy of it when it is shared (copy on write), an empty one if unread.
    fn photos_mut(&mut self) -> &mut Vec<Photo> {
        Rc::make_mut(self.photos.get_or_insert_with(Default::default))
    }
}

pub type LibraryContext = UseReducerHandle<PhotoLibrary>;

/// The library, read once the database is open: called once, by the app root that provides it.
#[hook]
pub fn use_loaded_library() -> LibraryContext {
    let library = use_reducer(PhotoLibrary::default);
    let db = use_db();
    // Another tab saved something (a photo imported, edited or deleted there): read the
    // library again.
    let open = use_mut_ref(|| None);
    open.replace(db.clone());
    {
        let (library, open) = (library.clone(), open.clone());
        use_changes_elsewhere(Callback::from(move |()| {
            let Some(db) = open.borrow().clone() else { return };
            let library = library.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok((photos, _)) = load_photos(&db.0).await {
                    library.dispatch(PhotoAction::Reloaded(photos));
                }
            });
        }));
    }
    {
        let library = library.clone();
        use_effect_with(db, move |db| {
            if let Some(db) = db.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    // A failed read leaves the library empty; StorageNotice already says why
                    // storage can't be used.
                    if let Ok((photos, _)) = load_photos(&db.0).await {
                        library.dispatch(PhotoAction::Loaded(photos));
                    }
                });
            }
        });
    }
    library
}

#[hook]
pub fn use_library() -> LibraryContext {
    use_context::<LibraryContext>().expect("use_library below the photos app's library provider")
}
