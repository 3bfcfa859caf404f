//! Redness: the index inside the area's region for both photos, calibrated by a card when one is
//! marked, the redness map, and the index over time.

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::difference_view::LegendSwatch;
use super::framed::FramedPhoto;
use super::measure::{balance_by, bounding_box_through, card_balance, measure};
use super::photo_canvas::PhotoCanvas;
use super::pixels::{put_pixels, rendered};
use super::redness_chart_view::RednessChartView;
use super::region_draw::RegionDraw;
use crate::analysis::difference::ramp_colour;
use crate::analysis::redness::{overlay, MAP_LEGEND, OVERLAY_RANGE};
use crate::analysis::white_balance::{CardError, Gains};
use crate::domain::photos::photo::Photo;
use crate::domain::photos::redness::{change, label};
use crate::domain::photos::region::{Region, Shape};
use crate::ui::shared::components::field::{Checkbox, SelectField};

#[derive(Properties, PartialEq)]
pub struct RednessViewProps {
    pub before: FramedPhoto,
    pub after: FramedPhoto,
    pub size: (u32, u32),
    /// The area's region, in the reference frame.
    pub region: Option<Region>,
    pub on_region: Callback<Region>,
    /// Stores a photo's changed card or reading.
    pub on_save: Callback<Photo>,
    /// The series, for the chart.
    pub series: Vec<Photo>,
    pub sessions: Vec<time::Date>,
    /// Measures every photo of the series (the page owns the loading).
    pub on_measure_all: Callback<()>,
    pub measuring: Option<AttrValue>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Region,
    BeforeCard,
    AfterCard,
}

/// The "Draw" choices: (value, label).
fn target_options() -> Vec<(AttrValue, AttrValue)> {
    [
        ("region", "The region to measure (this area)"),
        ("before-card", "The colour card on the before photo"),
        ("after-card", "The colour card on the after photo"),
    ]
    .map(|(v, l)| (AttrValue::from(v), AttrValue::from(l)))
    .to_vec()
}

fn shape_options() -> Vec<(AttrValue, AttrValue)> {
    [("ellipse", Shape::Ellipse.label()), ("rectangle", Shape::Rectangle.label())]
        .map(|(v, l)| (AttrValue::from(v), AttrValue::from(l)))
        .to_vec()
}

impl Target {
    fn from_value(value: &str) -> Target {
        match value {
            "before-card" => Target::BeforeCard,
            "after-card" => Target::AfterCard,
            _ => Target::Region,
        }
    }

    fn value(self) -> AttrValue {
        AttrValue::from(match self {
            Target::Region => "region",
            Target::BeforeCard => "before-card",
            Target::AfterCard => "after-card",
        })
    }

    /// Which pane's photo (0 before, 1 after) a card target belongs to.
    fn card_slot(self) -> Option<usize> {
        match self {
            Target::Region => None,
            Target::BeforeCard => Some(0),
            Target::AfterCard => Some(1),
        }
    }
}

#[component]
pub fn RednessView(props: &RednessViewProps) -> Html {
    let shape = use_state(|| Shape::Ellipse);
    let target = use_state(|| Target::Region);
    let show_map = use_state(|| false);
    let errors = use_state(|| [None::<String>, None::<String>]);
    let aspect = f64::from(props.size.1) / f64::from(props.size.0.max(1));
    {
        // Measure both photos whenever what the reading depends on changes (a photo, its image,
        // alignment or card, the region), not when a reading itself is stored; store new readings.
        let (errors, on_save) = (errors.clone(), props.on_save.clone());
        let inputs = |f: &FramedPhoto| (f.photo.id.clone(), f.photo.card, f.image.clone(), f.onto);
        let deps = (inputs(&props.before), inputs(&props.after), props.region);
        let photos = [props.before.clone(), props.after.clone()];
        use_effect_with(deps, move |(_, _, region)| {
            let Some(region) = region else { return };
            let mut found = [None, None];
            for (slot, framed) in photos.iter().enumerate() {
                match measure(&framed.photo, &framed.image, &framed.onto, aspect, region) {
                    Ok(reading) if framed.photo.redness != Some(reading) => {
                        on_save.emit(Photo { redness: Some(reading), ..framed.photo.clone() })
                    }
                    Ok(_) => {}
                    Err(message) => found[slot] = Some(message),
                }
            }
            errors.set(found);
        });
    }
    let card_error = use_state(|| None::<String>);
    // Each pane draws the region, or the card of its own photo only.
    let on_draw = |slot: usize| {
        let (target, on_region, on_save) = (*target, props.on_region.clone(), props.on_save.clone());
        let (framed, card_error) = ([&props.before, &props.after][slot].clone(), card_error.clone());
        Callback::from(move |drawn: Region| match target.card_slot() {
            None => on_region.emit(drawn),
            Some(card_slot) if card_slot != slot => {
                let photo = if card_slot == 0 { "before" } else { "after" };
                card_error.set(Some(format!("Draw the card on the {photo} photo.")));
            }
            // A card that cannot calibrate is refused here, and the stored one is kept.
            Some(_) => match card_in_own_frame(&framed, &drawn) {
                Ok(card) => {
                    card_error.set(None);
                    on_save.emit(Photo { card: Some(card), colour_card: true, ..framed.photo.clone() });
                }
                Err(message) => card_error.set(Some(message)),
            },
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |value: String| target.set(Target::from_value(&value)))
    };
    let on_shape = {
        let shape = shape.clone();
        Callback::from(move |value: String| {
            shape.set(if value == "rectangle" { Shape::Rectangle } else { Shape::Ellipse })
        })
    };
    let toggle_map = {
        let show_map = show_map.clone();
        Callback::from(move |on: bool| show_map.set(on))
    };
    let pane = |framed: &FramedPhoto, slot: usize| {
        let mut shown: Vec<(Region, AttrValue)> =
            props.region.iter().map(|r| (*r, AttrValue::from("Region measured"))).collect();
        // The card is stored in the photo's own frame; shown (and nudged) in the reference frame.
        let card = framed.photo.card.and_then(|card| bounding_box_through(&card, &framed.onto, aspect));
        if let Some(card) = card {
            shown.push((card, AttrValue::from("Colour card")));
        }
        let editing = match target.card_slot() {
            None => props.region,
            Some(card_slot) if card_slot == slot => card,
            Some(_) => None,
        };
        let reading = framed.photo.redness.filter(|r| Some(r.region) == props.region);
        html! {
            <figure class="compare-pane">
                <div class="compare-stack">
                    <PhotoCanvas image={framed.image.clone()} onto={framed.onto} size={props.size} label={framed.label.clone()} />
                    if *show_map {
                        <RednessMap framed={framed.clone()} size={props.size} />
                    }
                    <RegionDraw aspect={aspect} regions={shown} shape={*shape} on_draw={on_draw(slot)}
                        editing={editing}
                        label={format!("Draw on the {}: drag, or use the arrow keys (Shift to resize)", framed.label)} />
                </div>
                <figcaption>
                    <span>{ framed.caption.clone() }</span>
                    <output class="redness-reading">{ match reading {
                        Some(r) => format!("Redness index: {}", label(&r)),
                        None if props.region.is_none() => "Draw the region to measure.".to_string(),
                        None => "Measuring…".to_string(),
                    } }</output>
                    if let Some(message) = &errors[slot] {
                        <span class="field__error" role="alert">{ message.clone() }</span>
                    }
                </figcaption>
            </figure>
        }
    };
    let readings = (props.before.photo.redness, props.after.photo.redness);
    let verdict = match readings {
        (Some(a), Some(b)) if Some(a.region) == props.region && Some(b.region) == props.region => {
            Some(format!("From before to after: {}.", change(&a, &b).describe()))
        }
        _ => None,
    };
    html! {
        <div class="compare-redness">
            <div class="compare-controls">
                <SelectField id="redness-target" label="Draw" options={target_options()} value={target.value()}
                    on_change={on_target} />
                <SelectField id="redness-shape" label="Shape" options={shape_options()}
                    value={if *shape == Shape::Rectangle { "rectangle" } else { "ellipse" }} on_change={on_shape} />
                <Checkbox id="redness-map" label="Show the redness map" checked={*show_map} on_change={toggle_map} />
            </div>
            if let Some(message) = &*card_error {
                <p class="field__error" role="alert">{ message.clone() }</p>
            }
            <p class="field__hint">{ "The index is the average CIELAB a* in the region (higher is redder). Lighting changes it more than healing does: mark a white or grey card in each photo to calibrate." }</p>
            <div class="compare-panes">
                { pane(&props.before, 0) }
                { pane(&props.after, 1) }
            </div>
            if *show_map {
                <div class="compare-legend" role="group" aria-label="Redness map legend">
                    <p class="compare-legend__title">{ "Redness (CIELAB a*): blue is least red, red is most" }</p>
                    <ul>
                        { for MAP_LEGEND.iter().map(|(value, words)| {
                            let [r, g, b, _] = ramp_colour(value / OVERLAY_RANGE.1);
                            html! { <li><LegendSwatch colour={format!("rgb({r} {g} {b})")} />{ format!("{value} — {words}") }</li> }
                        }) }
                    </ul>
                </div>
            }
            if let Some(verdict) = verdict {
                <p class="compare-verdict" role="status">{ verdict }</p>
            }
            <RednessChartView series={props.series.clone()} region={props.region} sessions={props.sessions.clone()}
                on_measure_all={props.on_measure_all.clone()} measuring={props.measuring.clone()} />
        </div>
    }
}

/// The card drawn on the reference frame, in the photo's own frame, if it can calibrate.
fn card_in_own_frame(framed: &FramedPhoto, drawn: &Region) -> Result<Region, String> {
    let photo = &framed.photo;
    let own_aspect = f64::from(photo.height) / f64::from(photo.width.max(1));
    let card = bounding_box_through(drawn, &framed.onto.inverse(), own_aspect)
        .ok_or_else(|| CardError::TooSmall.message().to_string())?;
    balance_by(photo, &framed.image, &card).map(|_| card)
}

#[derive(Properties, PartialEq)]
struct RednessMapProps {
    framed: FramedPhoto,
    size: (u32, u32),
}

/// The photo's a* as a colour ramp, over the photo.
#[component]
fn RednessMap(props: &RednessMapProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((props.framed.clone(), props.size), move |(framed, size)| {
            let (Some(canvas), Some(image)) = (
                node.cast::<HtmlCanvasElement>(),
                rendered(&framed.image, size.0, size.1, Some(&framed.onto)),
            ) else {
                return;
            };
            canvas.set_width(size.0);
            canvas.set_height(size.1);
            // Balanced by the photo's card, like its index (a card that can no longer calibrate
            // was refused when drawn; the index beside the map says so if it happens).
            let gains = card_balance(&framed.photo, &framed.image).map_or(Gains::NONE, |(gains, _)| gains);
            let mut out = vec![0u8; image.as_raw().len()];
            overlay(&image, gains, &mut out);
            let _ = put_pixels(&canvas, &out);
        });
    }
    let calibration =
        if props.framed.photo.card.is_some() { "calibrated by its card" } else { "uncalibrated" };
    html! {
        <canvas ref={node} class="compare-canvas compare-stack__map" role="img"
            aria-label={format!("Redness map of the {} ({calibration}): blue is least red, red is most", props.framed.label)} />
    }
}
