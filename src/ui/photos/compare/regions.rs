//! The redness regions (one per area and angle), read once the database is open. Changed through
//! `PhotoActions::save_redness_regions`.

use yew::prelude::*;

use crate::domain::photos::redness::RednessRegions;
use crate::storage::load_redness_regions;
use crate::ui::shared::hooks::storage::use_db;

#[hook]
pub fn use_redness_regions() -> UseStateHandle<RednessRegions> {
    let regions = use_state(RednessRegions::default);
    let db = use_db();
    {
        let regions = regions.clone();
        use_effect_with(db.is_some(), move |_| {
            if let Some(db) = db {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(found) = load_redness_regions(&db.0).await {
                        regions.set(found);
                    }
                });
            }
        });
    }
    regions
}
