//! Timelapse: every photo of the series in date order, aligned, with play/pause and speed.

use gloo::timers::callback::Interval;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::images::use_photo_images;
use super::pixels::draw;
use crate::domain::compare::{caption, to_reference};
use crate::domain::photo::Photo;

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
    let canvas = use_node_ref();
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
    {
        let canvas = canvas.clone();
        let deps = (photo.clone(), images.clone(), props.size, props.reference_id.clone());
        use_effect_with(deps, move |(photo, images, size, reference_id)| {
            let (Some(canvas), Some(photo)) = (canvas.cast::<HtmlCanvasElement>(), photo) else { return };
            canvas.set_width(size.0);
            canvas.set_height(size.1);
            if let Some(image) = images.get(&photo.id) {
                draw(&canvas, image, Some(&to_reference(photo, reference_id)));
            }
        });
    }
    let toggle = {
        let playing = playing.clone();
        Callback::from(move |_| playing.set(!*playing))
    };
    let on_speed = {
        let interval_ms = interval_ms.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            interval_ms.set(value.parse().unwrap_or(SPEEDS[1].1));
        })
    };
    let loaded = images.images.len();
    let text = photo.as_ref().map(|p| caption(p, props.first_session)).unwrap_or_default();
    html! {
        <div class="compare-timelapse">
            <figure>
                <canvas ref={canvas} class="compare-canvas" role="img"
                    aria-label={format!("Timelapse frame {} of {count}: {text}", *frame % count.max(1) + 1)} />
                <figcaption aria-live={if *playing { "off" } else { "polite" }}>
                    { format!("{} of {count} · {text}", *frame % count.max(1) + 1) }
                </figcaption>
            </figure>
            <div class="compare-controls">
                <button type="button" class="button" onclick={toggle} aria-pressed={playing.to_string()}
                    disabled={loaded < count}>
                    { if *playing { "Pause" } else { "Play" } }
                </button>
                <label for="timelapse-speed">{ "Speed" }</label>
                <select id="timelapse-speed" onchange={on_speed}>
                    { for SPEEDS.iter().map(|(label, ms)| html! {
                        <option value={ms.to_string()} selected={*interval_ms == *ms}>{ *label }</option>
                    }) }
                </select>
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
