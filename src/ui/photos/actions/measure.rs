//! "Measure all": the redness reading of every photo in a series, each stored on its record as it
//! is measured, with the progress told as it goes.

use yew::prelude::*;

use super::PhotoActions;
use crate::domain::photos::compare::to_reference;
use crate::domain::photos::photo::Photo;
use crate::domain::photos::region::Region;
use crate::storage::save_photo_reading;
use crate::ui::photos::compare::images::load_photo_image;
use crate::ui::photos::compare::measure::measure;
use crate::ui::photos::library::PhotoAction;

/// Told "Measuring… 2 of 5" as the series is measured, then `None` (or what could not be done).
pub type MeasureProgress = Callback<Option<AttrValue>>;

impl PhotoActions {
    /// Measures each photo of `series` inside `region`, drawn onto `reference`'s frame.
    pub fn measure_series(
        &self,
        series: Vec<Photo>,
        reference: Photo,
        region: Region,
        progress: MeasureProgress,
    ) {
        let Some(db) = self.db.clone() else { return };
        let library = self.library.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let aspect = f64::from(reference.height) / f64::from(reference.width.max(1));
            let (mut done, mut failed) = (0, None::<String>);
            for photo in &series {
                progress.emit(Some(format!("Measuring… {done} of {}", series.len()).into()));
                let image = match load_photo_image(&db.0, &photo.id).await {
                    Ok(image) => image,
                    Err(message) => {
                        failed = Some(message);
                        continue;
                    }
                };
                match measure(photo, &image, &to_reference(photo, &reference.id), aspect, &region) {
                    Ok(reading) => {
                        // Stored on the record as it is now, so a change made meanwhile is kept.
                        if let Ok(Some(updated)) = save_photo_reading(&db.0, &photo.id, reading).await {
                            library.dispatch(PhotoAction::Updated(updated));
                            done += 1;
                        }
                    }
                    Err(message) => failed = Some(message),
                }
            }
            progress.emit(failed.map(|message| {
                format!("Measured {done} of {}. Some could not be measured: {message}", series.len()).into()
            }));
        });
    }
}
