//! The guided start's state on Today: the steps skipped for now (from the app's settings) and
//! whether any photo is stored (counted, never read: the photos are the photos app's).

use yew::prelude::*;

use crate::domain::device::getting_started::SetupStep;
use crate::storage::{load_settings, Store};
use crate::ui::shared::actions::use_record_actions;
use crate::ui::shared::hooks::storage::use_db;

/// What the guided start needs beyond the records, and its two changes.
#[derive(Clone, PartialEq)]
pub struct SetupState {
    /// `None` until read.
    pub skipped: Option<Vec<SetupStep>>,
    pub has_photos: bool,
    /// Skip one step for now.
    pub skip: Callback<SetupStep>,
    /// Bring every skipped step back.
    pub show_skipped: Callback<()>,
}

#[hook]
pub fn use_getting_started() -> SetupState {
    let db = use_db();
    let actions = use_record_actions();
    let skipped = use_state(|| None::<Vec<SetupStep>>);
    let has_photos = use_state(|| false);
    // Read again after each change, so what shows is what is stored.
    let generation = use_state(|| 0u32);
    {
        let (skipped, has_photos) = (skipped.clone(), has_photos.clone());
        use_effect_with((db, *generation), move |(db, _)| {
            if let Some(db) = db.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    // Unreadable settings: offer every step rather than hide one.
                    let read = load_settings(&db.0).await.map(|s| s.setup_skipped).unwrap_or_default();
                    has_photos.set(db.0.count(Store::Photos).await.is_ok_and(|n| n > 0));
                    skipped.set(Some(read));
                });
            }
        });
    }
    let reread = {
        let generation = generation.clone();
        Callback::from(move |()| generation.set(*generation + 1))
    };
    let skip = {
        let (actions, reread) = (actions.clone(), reread.clone());
        Callback::from(move |step: SetupStep| actions.skip_setup_step(Some(step), reread.clone()))
    };
    let show_skipped = Callback::from(move |()| actions.skip_setup_step(None, reread.clone()));
    SetupState { skipped: (*skipped).clone(), has_photos: *has_photos, skip, show_skipped }
}
