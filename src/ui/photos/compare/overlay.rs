//! The "after" over the "before": clipped by a slider, or blended by opacity. Both are native
//! range inputs, so arrows, touch and mouse all work and the value is announced.

use yew::prelude::*;

use super::framed::{set_style, FramedPhoto};
use super::photo_canvas::PhotoCanvas;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum OverlayKind {
    Slider,
    Blend,
}

#[derive(Properties, PartialEq)]
pub struct OverlayProps {
    pub kind: OverlayKind,
    pub before: FramedPhoto,
    pub after: FramedPhoto,
    pub size: (u32, u32),
}

#[component]
pub fn Overlay(props: &OverlayProps) -> Html {
    let value = use_state(|| 50u32);
    let after_node = use_node_ref();
    {
        let node = after_node.clone();
        use_effect_with((props.kind, *value), move |(kind, value)| match kind {
            OverlayKind::Slider => {
                set_style(&node, "opacity", "1");
                set_style(&node, "clip-path", &format!("inset(0 0 0 {value}%)"));
            }
            OverlayKind::Blend => {
                set_style(&node, "clip-path", "none");
                set_style(&node, "opacity", &format!("{}", f64::from(*value) / 100.0));
            }
        });
    }
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            value.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value().parse().unwrap_or(50));
        })
    };
    let (id, label, value_text) = match props.kind {
        OverlayKind::Slider => (
            "compare-slider",
            "Slider: before on the left, after on the right",
            format!("{}% before, {}% after", *value, 100 - *value),
        ),
        OverlayKind::Blend => {
            ("compare-blend", "Blend: opacity of the after photo", format!("{}% after", *value))
        }
    };
    html! {
        <div class="compare-overlay">
            <figure class="compare-stack">
                <PhotoCanvas image={props.before.image.clone()} onto={props.before.onto} size={props.size}
                    label={props.before.label.clone()} />
                <PhotoCanvas image={props.after.image.clone()} onto={props.after.onto} size={props.size}
                    label={props.after.label.clone()} node={after_node} class="compare-stack__after" />
                <figcaption>{ format!("Before: {} — After: {}", props.before.caption, props.after.caption) }</figcaption>
            </figure>
            <div class="compare-controls">
                <label for={id}>{ label }</label>
                <input id={id} type="range" min="0" max="100" step="1" value={value.to_string()}
                    aria-valuetext={value_text} oninput={oninput} />
            </div>
        </div>
    }
}
