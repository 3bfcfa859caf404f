//! Alignment of the moving photo onto the fixed one: automatic registration, or two landmark
//! pairs placed by hand. The result is stored with the moving photo (relative to the reference).

use web_sys::Element;
use yew::prelude::*;

use super::framed::FramedPhoto;
use super::photo_canvas::PhotoCanvas;
use super::pixels::rendered;
use super::region_draw::point;
use crate::analysis::align::{register, WORKING_SIZE};
use crate::analysis::gray::Gray;
use crate::analysis::sizes::fit_within;
use crate::domain::charts::fmt_coord;
use crate::domain::photos::alignment::AlignMethod;
use crate::domain::photos::compare::alignment_from;
use crate::domain::photos::landmarks;
use crate::domain::photos::photo::Photo;
use crate::domain::photos::similarity::{Point, Similarity};

#[derive(Properties, PartialEq)]
pub struct AlignPanelProps {
    /// The photo that stays put.
    pub fixed: FramedPhoto,
    /// The photo moved onto it (never the series' reference).
    pub moving: FramedPhoto,
    pub reference_id: AttrValue,
    pub on_save: Callback<Photo>,
}

/// The working size of a photo for registration: its longest side at [`WORKING_SIZE`].
fn working_size(photo: &Photo) -> (u32, u32) {
    fit_within(photo.width, photo.height, WORKING_SIZE)
}

fn status(photo: &Photo, reference_id: &str) -> String {
    match &photo.alignment {
        Some(a) if a.reference_id == reference_id => match a.method {
            AlignMethod::Automatic { confidence } => {
                format!(
                    "Aligned automatically (confidence {}%).",
                    crate::domain::text::decimal::format_fixed(f64::from(confidence) * 100.0, 0, true)
                )
            }
            AlignMethod::Landmarks => "Aligned by hand, from two landmarks.".to_string(),
        },
        _ => "Not aligned yet: the photos are shown as taken.".to_string(),
    }
}

#[component]
pub fn AlignPanel(props: &AlignPanelProps) -> Html {
    let message = use_state(|| None::<String>);
    let manual = use_state(|| false);
    let fixed_points = use_state(Vec::<Point>::new);
    let moving_points = use_state(Vec::<Point>::new);
    let auto = {
        let (fixed, moving, reference_id) =
            (props.fixed.clone(), props.moving.clone(), props.reference_id.clone());
        let (message, manual, on_save) = (message.clone(), manual.clone(), props.on_save.clone());
        Callback::from(move |_| {
            let (wa, ha) = working_size(&fixed.photo);
            let (wb, hb) = working_size(&moving.photo);
            let (Some(a), Some(b)) =
                (rendered(&fixed.image, wa, ha, None), rendered(&moving.image, wb, hb, None))
            else {
                message.set(Some("The photos' pixels could not be read.".into()));
                return;
            };
            let found = register(&Gray::from_rgba(&a), &Gray::from_rgba(&b));
            if !found.is_confident() {
                message.set(Some(format!(
                    "Automatic alignment isn't sure these photos line up (confidence {}%). Align them by hand below.",
                    crate::domain::text::decimal::format_fixed(f64::from(found.confidence) * 100.0, 0, true)
                )));
                manual.set(true);
                return;
            }
            let b_to_a = found.b_to_a.in_width_units(f64::from(wb), f64::from(wa));
            let method = AlignMethod::Automatic { confidence: found.confidence };
            let alignment = alignment_from(&fixed.photo, b_to_a, &reference_id, method);
            on_save.emit(Photo { alignment: Some(alignment), ..moving.photo.clone() });
            message.set(Some(format!(
                "Aligned (confidence {}%): the {} was {}.",
                crate::domain::text::decimal::format_fixed(f64::from(found.confidence) * 100.0, 0, true),
                moving.label,
                b_to_a.describe(f64::from(hb) / f64::from(wb))
            )));
        })
    };
    let apply_landmarks = {
        let (fixed, moving, reference_id) =
            (props.fixed.clone(), props.moving.clone(), props.reference_id.clone());
        let (fixed_points, moving_points, message, on_save) =
            (fixed_points.clone(), moving_points.clone(), message.clone(), props.on_save.clone());
        Callback::from(move |_| {
            let (f, m) = (&*fixed_points, &*moving_points);
            match (f.as_slice(), m.as_slice()) {
                ([a1, a2], [b1, b2]) => match Similarity::from_landmarks(*b1, *b2, *a1, *a2) {
                    Some(b_to_a) if b_to_a.is_plausible() => {
                        let (w, h) = working_size(&moving.photo);
                        let done = b_to_a.describe(f64::from(h) / f64::from(w.max(1)));
                        let alignment = alignment_from(&fixed.photo, b_to_a, &reference_id, AlignMethod::Landmarks);
                        on_save.emit(Photo { alignment: Some(alignment), ..moving.photo.clone() });
                        message.set(Some(format!("Aligned from your landmarks: the {} was {done}.", moving.label)));
                    }
                    _ => message.set(Some(
                        "These landmarks can't line the photos up: place two points far apart, in the same order on both photos.".into(),
                    )),
                },
                _ => message.set(Some("Place two points on each photo first.".into())),
            }
        })
    };
    let open_manual = {
        let manual = manual.clone();
        Callback::from(move |_| manual.set(!*manual))
    };
    html! {
        <section class="align-panel" aria-labelledby="align-title">
            <h2 id="align-title">{ "Alignment" }</h2>
            <p>{ status(&props.moving.photo, &props.reference_id) }</p>
            <div class="form-actions">
                <button type="button" class="button" onclick={auto}>{ "Align automatically" }</button>
                <button type="button" class="button button--quiet" onclick={open_manual} aria-expanded={manual.to_string()}>
                    { "Align by hand" }
                </button>
            </div>
            if let Some(text) = &*message {
                <p role="status" class="align-panel__message">{ text.clone() }</p>
            }
            if *manual {
                <p class="field__hint" id="landmark-hint">{ "Tap the same two points on each photo, in the same order: for example the inner corner of the left eye, then of the right eye. Points far apart align best. Drag a point to move it. With the keyboard, the arrow keys move a cross (Shift moves it further), Enter places a point and Backspace takes the last one away." }</p>
                <div class="compare-panes">
                    <LandmarkPicker framed={props.fixed.clone()} points={(*fixed_points).clone()}
                        on_change={Callback::from({ let p = fixed_points.clone(); move |v| p.set(v) })} />
                    <LandmarkPicker framed={props.moving.clone()} points={(*moving_points).clone()}
                        on_change={Callback::from({ let p = moving_points.clone(); move |v| p.set(v) })} />
                </div>
                <button type="button" class="button" onclick={apply_landmarks}>{ "Align with these points" }</button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LandmarkPickerProps {
    framed: FramedPhoto,
    points: Vec<Point>,
    on_change: Callback<Vec<Point>>,
}

/// A photo as taken, on which two landmarks are placed: a tap places one (a third starts
/// again), a placed one can be dragged, and from the keyboard the arrow keys move a cursor
/// (Shift: further), Enter or Space places a point there and Backspace takes the last one away.
#[component]
fn LandmarkPicker(props: &LandmarkPickerProps) -> Html {
    let photo = &props.framed.photo;
    let (width, height) = working_size(photo);
    let aspect = f64::from(photo.height) / f64::from(photo.width.max(1));
    let overlay = use_node_ref();
    let dragging = use_mut_ref(|| None::<usize>);
    let cursor = use_state(|| None::<Point>);
    let on_down = {
        let (points, on_change, overlay, dragging) =
            (props.points.clone(), props.on_change.clone(), overlay.clone(), dragging.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(at) = point(&overlay, &e) else { return };
            match landmarks::grabbed(&points, at) {
                Some(index) => {
                    *dragging.borrow_mut() = Some(index);
                    if let Some(element) = overlay.cast::<Element>() {
                        let _ = element.set_pointer_capture(e.pointer_id());
                    }
                }
                None => on_change.emit(landmarks::placed(&points, at)),
            }
        })
    };
    let on_move = {
        let (points, on_change, overlay, dragging) =
            (props.points.clone(), props.on_change.clone(), overlay.clone(), dragging.clone());
        Callback::from(move |e: PointerEvent| {
            let (Some(index), Some(at)) = (*dragging.borrow(), point(&overlay, &e)) else { return };
            on_change.emit(landmarks::moved(&points, index, at, aspect));
        })
    };
    let on_up = Callback::from(move |_: PointerEvent| *dragging.borrow_mut() = None);
    let on_key = {
        let (points, on_change, cursor) = (props.points.clone(), props.on_change.clone(), cursor.clone());
        Callback::from(move |e: KeyboardEvent| {
            let at = (*cursor).unwrap_or_else(|| landmarks::centre(aspect));
            let steps = match e.key().as_str() {
                "ArrowLeft" => (-1.0, 0.0),
                "ArrowRight" => (1.0, 0.0),
                "ArrowUp" => (0.0, -1.0),
                "ArrowDown" => (0.0, 1.0),
                "Enter" | " " => {
                    e.prevent_default();
                    cursor.set(Some(at));
                    on_change.emit(landmarks::placed(&points, at));
                    return;
                }
                "Backspace" | "Delete" if !points.is_empty() => {
                    e.prevent_default();
                    on_change.emit(points[..points.len() - 1].to_vec());
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            cursor.set(Some(landmarks::nudged(at, steps, e.shift_key(), aspect)));
        })
    };
    let on_blur = {
        let cursor = cursor.clone();
        Callback::from(move |_: FocusEvent| cursor.set(None))
    };
    html! {
        <figure class="compare-pane">
            <div class="compare-stack">
                <PhotoCanvas image={props.framed.image.clone()} onto={Similarity::IDENTITY} size={(width, height)}
                    label={format!("{} as taken", props.framed.label)} />
                <svg ref={overlay} class="region-draw" viewBox={format!("0 0 1 {}", fmt_coord(aspect))}
                    tabindex="0" role="application" aria-describedby="landmark-hint"
                    aria-label={format!("Landmarks on the {}: {} of 2 placed", props.framed.label, props.points.len())}
                    onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up}
                    onkeydown={on_key} onblur={on_blur}>
                    { for props.points.iter().enumerate().map(|(i, (x, y))| html! {
                        <g class="landmark">
                            <circle cx={fmt_coord(*x)} cy={fmt_coord(*y)} r="0.012" />
                            <text x={fmt_coord(x + 0.015)} y={fmt_coord(y - 0.015)}>{ i + 1 }</text>
                        </g>
                    }) }
                    if let Some((x, y)) = *cursor {
                        <g class="landmark__cursor">
                            <line x1={fmt_coord(x - 0.03)} y1={fmt_coord(y)} x2={fmt_coord(x + 0.03)} y2={fmt_coord(y)} />
                            <line x1={fmt_coord(x)} y1={fmt_coord(y - 0.03)} x2={fmt_coord(x)} y2={fmt_coord(y + 0.03)} />
                        </g>
                    }
                </svg>
            </div>
            <figcaption>{ props.framed.caption.clone() }</figcaption>
        </figure>
    }
}
