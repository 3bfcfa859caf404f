//! The photo library: every photo's record (never pixels), a reducer with typed actions shared
//! through context, its loading effect, and the Undo of a delete.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::photos::photo::Photo;
use crate::storage::{self, load_photos, StoredPhotoBytes};
use crate::ui::shared::actions::report_into;
use crate::ui::shared::components::undo_bar::undo_bar_view;
use crate::ui::shared::hooks::storage::use_db;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhotoLibrary {
    /// `None` until read from storage.
    pub photos: Option<Rc<Vec<Photo>>>,
    /// The photo just deleted, with its bytes, until undone or dismissed.
    pub deleted: Option<(Photo, Option<StoredPhotoBytes>)>,
}

/// Stores a photo's changed record and, once stored, puts it in the library; the storage
/// error's message otherwise.
pub async fn save_photo(db: &storage::Db, library: &LibraryContext, photo: Photo) -> Result<(), String> {
    storage::update_photo(db, &photo).await.map_err(|e| e.user_message())?;
    library.dispatch(PhotoAction::Updated(photo));
    Ok(())
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

#[derive(Properties, PartialEq)]
pub struct ProviderProps {
    pub children: Html,
}

/// Reads every photo record once the database is open.
#[component]
pub fn PhotoLibraryProvider(props: &ProviderProps) -> Html {
    let library = use_reducer(PhotoLibrary::default);
    let db = use_db();
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
    html! {
        <ContextProvider<LibraryContext> context={library}>
            { props.children.clone() }
        </ContextProvider<LibraryContext>>
    }
}

#[hook]
pub fn use_library() -> LibraryContext {
    use_context::<LibraryContext>().expect("use_library below PhotoLibraryProvider")
}

/// "Photo deleted. Undo", until undone or dismissed.
#[component]
pub fn PhotoUndoBar() -> Html {
    let library = use_library();
    let db = use_db();
    let error = use_state(|| None::<String>);
    let Some((photo, bytes)) = library.deleted.clone() else {
        return html! { <div class="undo-bar--idle" role="status"></div> };
    };
    let onundo = {
        let (library, error) = (library.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let (library, photo, bytes, db) = (library.clone(), photo.clone(), bytes.clone(), db.clone());
            let report = report_into(error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(db) = db else { return };
                let result = storage::restore_photo(&db.0, &photo, bytes).await;
                if result.is_ok() {
                    library.dispatch(PhotoAction::Restored(photo));
                }
                report.emit(result);
            });
        })
    };
    let ondismiss = {
        let library = library.clone();
        Callback::from(move |_: MouseEvent| library.dispatch(PhotoAction::DismissUndo))
    };
    undo_bar_view("Photo deleted.".into(), onundo, ondismiss, (*error).as_ref(), NodeRef::default())
}
