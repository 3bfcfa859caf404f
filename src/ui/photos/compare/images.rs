//! Decoded photos for the compare view, loaded by id and kept while the view needs them.

use std::collections::HashMap;
use std::rc::Rc;

use web_sys::HtmlImageElement;
use yew::prelude::*;

use super::pixels::load_photo_image;
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
