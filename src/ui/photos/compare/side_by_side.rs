//! Side by side, with one zoom and one pan for both photos.

use web_sys::{HtmlElement, HtmlImageElement};
use yew::prelude::*;

use super::framed::{set_style, FramedPhoto};
use super::photo_canvas::PhotoCanvas;

#[derive(Properties, PartialEq)]
pub struct SideBySideProps {
    pub before: FramedPhoto,
    pub after: FramedPhoto,
    pub size: (u32, u32),
}

/// Pan is kept within what the zoom leaves hidden (in % of the photo's size).
fn clamp_pan(pan: (f64, f64), zoom: f64) -> (f64, f64) {
    let limit = 50.0 * (1.0 - 1.0 / zoom);
    (pan.0.clamp(-limit, limit), pan.1.clamp(-limit, limit))
}

#[component]
pub fn SideBySide(props: &SideBySideProps) -> Html {
    let zoom = use_state(|| 100u32);
    let pan = use_state(|| (0.0f64, 0.0f64));
    let dragging = use_mut_ref(|| None::<(i32, i32)>);
    let (before_node, after_node) = (use_node_ref(), use_node_ref());
    {
        let nodes = [before_node.clone(), after_node.clone()];
        use_effect_with((*zoom, *pan), move |(zoom, pan)| {
            let scale = f64::from(*zoom) / 100.0;
            let value = format!("scale({scale}) translate({}%, {}%)", pan.0, pan.1);
            for node in &nodes {
                set_style(node, "transform", &value);
            }
        });
    }
    let scale = f64::from(*zoom) / 100.0;
    let on_zoom = {
        let (zoom, pan) = (zoom.clone(), pan.clone());
        Callback::from(move |e: InputEvent| {
            let value: u32 =
                e.target_unchecked_into::<web_sys::HtmlInputElement>().value().parse().unwrap_or(100);
            zoom.set(value);
            pan.set(clamp_pan(*pan, f64::from(value) / 100.0));
        })
    };
    let on_key = {
        let pan = pan.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = 5.0 / scale;
            let (dx, dy) = match e.key().as_str() {
                "ArrowLeft" => (step, 0.0),
                "ArrowRight" => (-step, 0.0),
                "ArrowUp" => (0.0, step),
                "ArrowDown" => (0.0, -step),
                _ => return,
            };
            e.prevent_default();
            pan.set(clamp_pan((pan.0 + dx, pan.1 + dy), scale));
        })
    };
    let on_down = {
        let dragging = dragging.clone();
        Callback::from(move |e: PointerEvent| {
            *dragging.borrow_mut() = Some((e.client_x(), e.client_y()));
            if let Some(target) = e.target_dyn_into::<HtmlElement>() {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let on_move = {
        let (dragging, pan) = (dragging.clone(), pan.clone());
        Callback::from(move |e: PointerEvent| {
            let Some((x, y)) = *dragging.borrow() else { return };
            let Some(target) = e.target_dyn_into::<HtmlElement>() else { return };
            let (w, h) = (f64::from(target.client_width().max(1)), f64::from(target.client_height().max(1)));
            let dx = f64::from(e.client_x() - x) / w * 100.0 / scale;
            let dy = f64::from(e.client_y() - y) / h * 100.0 / scale;
            *dragging.borrow_mut() = Some((e.client_x(), e.client_y()));
            pan.set(clamp_pan((pan.0 + dx, pan.1 + dy), scale));
        })
    };
    let on_up = {
        let dragging = dragging.clone();
        Callback::from(move |_: PointerEvent| *dragging.borrow_mut() = None)
    };
    let reset = {
        let (zoom, pan) = (zoom.clone(), pan.clone());
        Callback::from(move |_| {
            zoom.set(100);
            pan.set((0.0, 0.0));
        })
    };
    let view = |photo: &FramedPhoto, node: NodeRef, image: &HtmlImageElement| {
        html! {
            <figure class="compare-pane">
                <div class="compare-viewport" tabindex="0"
                    aria-label={format!("{}: drag or use the arrow keys to move both photos", photo.label)}
                    onkeydown={on_key.clone()} onpointerdown={on_down.clone()}
                    onpointermove={on_move.clone()} onpointerup={on_up.clone()} onpointercancel={on_up.clone()}>
                    <PhotoCanvas image={image.clone()} onto={photo.onto} size={props.size} label={photo.label.clone()} node={node} />
                </div>
                <figcaption>{ photo.caption.clone() }</figcaption>
            </figure>
        }
    };
    html! {
        <div class="compare-side-by-side">
            <div class="compare-panes">
                { view(&props.before, before_node, &props.before.image) }
                { view(&props.after, after_node, &props.after.image) }
            </div>
            <div class="compare-controls">
                <label for="compare-zoom">{ "Zoom" }</label>
                <input id="compare-zoom" type="range" min="100" max="400" step="25" value={zoom.to_string()}
                    aria-valuetext={format!("{}%", *zoom)} oninput={on_zoom} />
                <button type="button" class="button button--quiet" onclick={reset}>{ "Reset zoom" }</button>
            </div>
        </div>
    }
}
