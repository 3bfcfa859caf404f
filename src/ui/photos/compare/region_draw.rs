//! Drawing a rectangle or ellipse over a photo: drag with a finger or mouse; with the keyboard,
//! the arrow keys move it and Shift + arrows resize it.

use web_sys::Element;
use yew::prelude::*;

use crate::domain::charts::fmt_coord;
use crate::domain::photos::region::{Region, Shape};

#[derive(Properties, PartialEq)]
pub struct RegionDrawProps {
    /// The photo's height / width (the overlay's coordinates are width units).
    pub aspect: f64,
    pub regions: Vec<(Region, AttrValue)>,
    pub shape: Shape,
    pub label: AttrValue,
    pub on_draw: Callback<Region>,
    /// The region the keyboard moves.
    #[prop_or_default]
    pub editing: Option<Region>,
}

/// Where a pointer is, in the overlay's width units. The overlay's children ignore pointers (CSS),
/// so the offset is from the overlay itself. (Yew delegates events, so the overlay is found by
/// its node, not the event's current target.) The landmark picker uses it too.
pub fn point(overlay: &NodeRef, e: &PointerEvent) -> Option<(f64, f64)> {
    let unit = f64::from(overlay.cast::<Element>()?.client_width().max(1));
    Some((f64::from(e.offset_x()) / unit, f64::from(e.offset_y()) / unit))
}

#[component]
pub fn RegionDraw(props: &RegionDrawProps) -> Html {
    let overlay = use_node_ref();
    let start = use_mut_ref(|| None::<(f64, f64)>);
    let preview = use_state(|| None::<Region>);
    let on_down = {
        let (start, overlay) = (start.clone(), overlay.clone());
        Callback::from(move |e: PointerEvent| {
            *start.borrow_mut() = point(&overlay, &e);
            if let Some(element) = overlay.cast::<Element>() {
                let _ = element.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let dragged = {
        let (start, aspect, shape, overlay) = (start.clone(), props.aspect, props.shape, overlay.clone());
        move |e: &PointerEvent| {
            let from = (*start.borrow())?;
            Region::from_corners(shape, from, point(&overlay, e)?, aspect)
        }
    };
    let on_move = {
        let (preview, dragged) = (preview.clone(), dragged.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some(region) = dragged(&e) {
                preview.set(Some(region));
            }
        })
    };
    let on_up = {
        let (preview, on_draw, start) = (preview.clone(), props.on_draw.clone(), start.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some(region) = dragged(&e) {
                on_draw.emit(region);
            }
            *start.borrow_mut() = None;
            preview.set(None);
        })
    };
    let on_key = {
        let (editing, on_draw, aspect, shape) =
            (props.editing, props.on_draw.clone(), props.aspect, props.shape);
        Callback::from(move |e: KeyboardEvent| {
            let step = 0.01;
            let (dx, dy) = match e.key().as_str() {
                "ArrowLeft" => (-step, 0.0),
                "ArrowRight" => (step, 0.0),
                "ArrowUp" => (0.0, -step),
                "ArrowDown" => (0.0, step),
                _ => return,
            };
            e.prevent_default();
            let current = editing.unwrap_or(Region {
                shape,
                x: 0.4,
                y: aspect * 0.4,
                width: 0.2,
                height: aspect * 0.2,
            });
            let next = if e.shift_key() {
                current.nudged(0.0, 0.0, dx, dy, aspect)
            } else {
                current.nudged(dx, dy, 0.0, 0.0, aspect)
            };
            on_draw.emit(Region { shape, ..next });
        })
    };
    let outline = |region: &Region, class: &'static str, name: &AttrValue| {
        let (x, y, w, h) = (region.x, region.y, region.width, region.height);
        match region.shape {
            Shape::Rectangle => html! {
                <rect class={class} x={fmt_coord(x)} y={fmt_coord(y)} width={fmt_coord(w)} height={fmt_coord(h)}>
                    <title>{ name.clone() }</title>
                </rect>
            },
            Shape::Ellipse => html! {
                <ellipse class={class} cx={fmt_coord(x + w / 2.0)} cy={fmt_coord(y + h / 2.0)}
                    rx={fmt_coord(w / 2.0)} ry={fmt_coord(h / 2.0)}>
                    <title>{ name.clone() }</title>
                </ellipse>
            },
        }
    };
    html! {
        <svg ref={overlay} class="region-draw" viewBox={format!("0 0 1 {}", fmt_coord(props.aspect))} tabindex="0"
            role="application" aria-label={props.label.clone()}
            onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up}
            onkeydown={on_key}>
            { for props.regions.iter().map(|(region, name)| outline(region, "region-draw__shape", name)) }
            if let Some(region) = *preview {
                { outline(&region, "region-draw__preview", &AttrValue::from("New region")) }
            }
        </svg>
    }
}
