//! A stored photo shown by an object URL: read from storage only once it is (nearly) on screen,
//! and revoked when the image leaves the page, so a gallery of hundreds holds only what it shows.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Blob, BlobPropertyBag, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit, Url,
};
use yew::prelude::*;

use crate::storage::{load_photo_bytes, PhotoCopy};
use crate::ui::shared::hooks::storage::use_db;

/// The observer's callback, kept alive as long as the observer.
type SeenCallback = Closure<dyn FnMut(js_sys::Array)>;

/// Whether the element behind `node` has come onto the screen (and stays true after).
#[hook]
pub fn use_seen(node: NodeRef) -> bool {
    let seen = use_state(|| false);
    {
        let seen = seen.clone();
        use_effect_with(node, move |node| {
            let mut cleanup: Option<(IntersectionObserver, SeenCallback)> = None;
            if let Some(element) = node.cast::<web_sys::Element>() {
                let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let visible = entries
                        .iter()
                        .any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
                    if visible {
                        seen.set(true);
                    }
                });
                let options = IntersectionObserverInit::new();
                // On the screen only: the gallery renders a screen ahead (windowing), and a tile
                // reads its thumbnail (about 10 KB, a few ms) as it comes into view, so a screen
                // reads its own thumbnails' bytes and no more.
                options.set_root_margin("0px");
                if let Ok(observer) =
                    IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                {
                    observer.observe(&element);
                    cleanup = Some((observer, callback));
                }
            }
            move || {
                if let Some((observer, _callback)) = cleanup {
                    observer.disconnect();
                }
            }
        });
    }
    *seen
}

/// An object URL for stored JPEG bytes (the caller revokes it).
pub fn jpeg_object_url(bytes: &js_sys::ArrayBuffer) -> Option<String> {
    let options = BlobPropertyBag::new();
    options.set_type("image/jpeg");
    let blob =
        Blob::new_with_buffer_source_sequence_and_options(&js_sys::Array::of1(bytes), &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

/// The object URL of photo `id`'s `copy` while `wanted`; `None` before it is read (or if the
/// bytes are missing). Revoked when the component goes or the photo changes.
#[hook]
pub fn use_photo_url(id: AttrValue, copy: PhotoCopy, wanted: bool) -> Option<String> {
    let url = use_state(|| None::<String>);
    let db = use_db();
    {
        let url = url.clone();
        use_effect_with((id, wanted, db.is_some()), move |(id, wanted, _)| {
            let made = std::rc::Rc::new(std::cell::RefCell::new(None::<String>));
            // Set when the tile goes: a read that finishes after that makes no URL (a gallery
            // scrolled quickly would otherwise keep one per tile it passed).
            let gone = std::rc::Rc::new(std::cell::Cell::new(false));
            if let (true, Some(db)) = (*wanted, db) {
                let (id, made, url, gone) = (id.clone(), made.clone(), url.clone(), gone.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(Some(buffer)) = load_photo_bytes(&db.0, &id, copy).await {
                        if gone.get() {
                            return;
                        }
                        if let Some(object_url) = jpeg_object_url(&buffer) {
                            *made.borrow_mut() = Some(object_url.clone());
                            url.set(Some(object_url));
                        }
                    }
                });
            }
            move || {
                gone.set(true);
                if let Some(object_url) = made.borrow_mut().take() {
                    let _ = Url::revoke_object_url(&object_url);
                }
            }
        });
    }
    (*url).clone()
}
