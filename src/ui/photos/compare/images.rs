//! Decoded photos for the compare view: read from storage by id, decoded, and kept while the
//! view needs them.

use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlImageElement, Url};
use yew::prelude::*;

use crate::storage::{load_photo_bytes, Db, PhotoCopy};
use crate::ui::photos::object_url::jpeg_object_url;
use crate::ui::shared::hooks::storage::use_db;

/// What has loaded so far (and any photo that could not be read, with why).
#[derive(Clone, Default, PartialEq)]
pub struct LoadedImages {
    pub images: HashMap<String, HtmlImageElement>,
    pub failed: Option<String>,
    /// How many of the wanted photos are done, loaded or failed.
    pub settled: usize,
}

impl LoadedImages {
    pub fn get(&self, id: &str) -> Option<&HtmlImageElement> {
        self.images.get(id)
    }
}

/// Loads the photos `ids` (one after another, so a long series does not decode all at once).
/// When the list changes, photos already decoded and still wanted are kept, not decoded again.
#[hook]
pub fn use_photo_images(ids: Vec<String>) -> Rc<LoadedImages> {
    let loaded = use_state(|| Rc::new(LoadedImages::default()));
    let db = use_db();
    {
        let loaded = loaded.clone();
        let kept = loaded.images.clone();
        use_effect_with((ids, db.is_some()), move |(ids, _)| {
            let cancelled = Rc::new(std::cell::Cell::new(false));
            let mut state = LoadedImages::default();
            let mut missing = Vec::new();
            for id in ids {
                match kept.get(id) {
                    Some(image) => {
                        state.images.insert(id.clone(), image.clone());
                        state.settled += 1;
                    }
                    None => missing.push(id.clone()),
                }
            }
            loaded.set(Rc::new(state.clone()));
            if let Some(db) = db {
                let cancelled = cancelled.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    for id in missing {
                        match load_photo_image(&db.0, &id).await {
                            Ok(image) => {
                                state.images.insert(id, image);
                            }
                            Err(message) => state.failed = Some(message),
                        }
                        state.settled += 1;
                        if cancelled.get() {
                            return;
                        }
                        loaded.set(Rc::new(state.clone()));
                    }
                });
            }
            move || cancelled.set(true)
        });
    }
    (*loaded).clone()
}

/// A stored photo's working copy, decoded and ready to draw. The object URL is revoked once the
/// image has decoded: drawing needs only the decoded image.
pub async fn load_photo_image(db: &Db, id: &str) -> Result<HtmlImageElement, String> {
    let missing = || "This photo's image could not be read from this device.".to_string();
    let buffer = load_photo_bytes(db, id, PhotoCopy::Working)
        .await
        .map_err(|e| e.user_message())?
        .ok_or_else(missing)?;
    let url = jpeg_object_url(&buffer).ok_or_else(missing)?;
    let image = HtmlImageElement::new().map_err(|_| missing())?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    let _ = Url::revoke_object_url(&url);
    decoded.map(|_| image).map_err(|_| missing())
}
