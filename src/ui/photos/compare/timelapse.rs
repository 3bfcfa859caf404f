//! Timelapse: every photo of the series in date order, aligned, with play/pause and speed.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::images::use_photo_images;
use super::photo_canvas::PhotoCanvas;
use crate::domain::photos::compare::{caption, to_reference};
use crate::domain::photos::photo::Photo;
use crate::ui::shared::components::field::SelectField;

#[derive(Properties, PartialEq)]
pub struct TimelapseProps {
    pub series: Vec<Photo>,
    pub reference_id: AttrValue,
    pub size: (u32, u32),
    pub first_session: Option<time::Date>,
}

/// Speeds offered, in frames per second.
const SPEEDS: [(&str, u32); 3] =
    [("Slow (1 photo a second)", 1000), ("Normal (2 a second)", 500), ("Fast (4 a second)", 250)];

#[component]
pub fn Timelapse(props: &TimelapseProps) -> Html {
    let ids: Vec<String> = props.series.iter().map(|p| p.id.clone()).collect();
    let images = use_photo_images(ids);
    let frame = use_state(|| 0usize);
    let playing = use_state(|| false);
    let interval_ms = use_state(|| SPEEDS[1].1);
    let count = props.series.len();
    {
        let frame = frame.clone();
        use_effect_with((*playing, *interval_ms, count), move |(playing, ms, count)| {
            let count = (*count).max(1);
            let ticker = playing.then(|| {
                let frame = frame.clone();
                let current = std::rc::Rc::new(std::cell::Cell::new(*frame));
                Interval::new(*ms, move || {
                    current.set((current.get() + 1) % count);
                    frame.set(current.get());
                })
            });
            move || drop(ticker)
        });
    }
    let photo = props.series.get(*frame % count.max(1)).cloned();
    let toggle = {
        let playing = playing.clone();
        Callback::from(move |_| playing.set(!*playing))
    };
    let on_speed = {
        let interval_ms = interval_ms.clone();
        Callback::from(move |value: String| interval_ms.set(value.parse().unwrap_or(SPEEDS[1].1)))
    };
    // Settled, not loaded: a photo that cannot be read must not keep Play disabled for ever.
    let loaded = images.settled;
    let text = photo.as_ref().map(|p| caption(p, props.first_session)).unwrap_or_default();
    html! {
        <div class="compare-timelapse">
            <figure>
                if let Some((photo, image)) = photo.as_ref().and_then(|p| Some((p, images.get(&p.id)?.clone()))) {
                    <PhotoCanvas image={image} onto={to_reference(photo, &props.reference_id)} size={props.size}
                        label={format!("Timelapse frame {} of {count}: {text}", *frame % count.max(1) + 1)} />
                }
                <figcaption aria-live={if *playing { "off" } else { "polite" }}>
                    { format!("{} of {count} · {text}", *frame % count.max(1) + 1) }
                </figcaption>
            </figure>
            <div class="compare-controls">
                <button type="button" class="button" onclick={toggle} aria-pressed={playing.to_string()}
                    disabled={loaded < count}>
                    { if *playing { "Pause" } else { "Play" } }
                </button>
                <SelectField id="timelapse-speed" label="Speed" value={interval_ms.to_string()} on_change={on_speed}
                    options={SPEEDS.iter().map(|(label, ms)| (AttrValue::from(ms.to_string()), AttrValue::from(*label))).collect::<Vec<_>>()} />
                if loaded < count {
                    <span role="status">{ format!("Loading photos… {loaded} of {count}") }</span>
                }
            </div>
            if let Some(message) = &images.failed {
                <p class="field__error" role="alert">{ message.clone() }</p>
            }
        </div>
    }
}
