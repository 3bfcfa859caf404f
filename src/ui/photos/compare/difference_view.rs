//! The difference map: where, and how much, colour changed between the two aligned photos.

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::framed::FramedPhoto;
use super::pixels::{put_pixels, rendered};
use crate::analysis::difference::{heat_map, ramp_colour, DifferenceSummary, LEGEND, RAMP_MAX};
use crate::domain::text::decimal::format_fixed;

#[derive(Properties, PartialEq)]
pub struct DifferenceViewProps {
    pub before: FramedPhoto,
    pub after: FramedPhoto,
    pub size: (u32, u32),
}

#[component]
pub fn DifferenceView(props: &DifferenceViewProps) -> Html {
    let canvas = use_node_ref();
    let summary = use_state(|| None::<DifferenceSummary>);
    {
        let (canvas, summary) = (canvas.clone(), summary.clone());
        let (before, after, size) = (props.before.clone(), props.after.clone(), props.size);
        use_effect_with((before, after, size), move |(before, after, size)| {
            let (Some(target), Some(a), Some(b)) = (
                canvas.cast::<HtmlCanvasElement>(),
                rendered(&before.image, size.0, size.1, Some(&before.onto)),
                rendered(&after.image, size.0, size.1, Some(&after.onto)),
            ) else {
                return;
            };
            target.set_width(size.0);
            target.set_height(size.1);
            let mut out = vec![0u8; a.as_raw().len()];
            if let Ok(found) = heat_map(&a, &b, &mut out) {
                let _ = put_pixels(&target, &out);
                summary.set(Some(found));
            }
        });
    }
    let swatch = |value: f32| {
        let [r, g, b, _] = ramp_colour(value / RAMP_MAX);
        format!("rgb({r} {g} {b})")
    };
    html! {
        <div class="compare-difference">
            <figure>
                <canvas ref={canvas} class="compare-canvas" role="img"
                    aria-label="Difference map: colour change between the two photos, from blue (none) to red (large)" />
                <figcaption>
                    { match *summary {
                        Some(s) => format!(
                            "Average colour change ΔE {}; visible change (ΔE 2.3 or more) over {}% of the photo.",
                            format_fixed(f64::from(s.mean), 1, false), format_fixed(f64::from(s.visible_share) * 100.0, 0, true)),
                        None => "Working out the difference…".to_string(),
                    } }
                </figcaption>
            </figure>
            <div class="compare-legend" role="group" aria-label="Difference legend">
                <p class="compare-legend__title">{ "Colour difference (ΔE)" }</p>
                <ul>
                    { for LEGEND.iter().map(|(value, words)| html! {
                        // format_fixed, not `{value}`: Display for f32 pulls float printing into the wasm.
                        <li><LegendSwatch colour={swatch(*value)} />{ format!("{} — {words}", format_fixed(f64::from(*value), 1, true)) }</li>
                    }) }
                </ul>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LegendSwatchProps {
    pub colour: AttrValue,
}

/// A colour chip; its colour is set through the CSSOM (the page's CSP forbids style attributes).
#[component]
pub fn LegendSwatch(props: &LegendSwatchProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.colour.clone(), move |colour| {
            super::framed::set_style(&node, "background", colour)
        });
    }
    html! { <span class="compare-legend__swatch" ref={node} aria-hidden="true" /> }
}
