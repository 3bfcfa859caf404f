//! Where the gallery is on the screen, for windowing (`domain::photos::gallery_window`): the
//! scroll position and the screen's height (read at most once a frame while scrolling or
//! resizing), the top of each row of month blocks, and the grid's geometry, measured from a
//! rendered block after each render (set only when it changed, so measuring never loops).

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::domain::photos::gallery_window::GridGeometry;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GalleryLayout {
    /// The screen: its top in page coordinates and its height.
    pub view: (f64, f64),
    /// Each gallery row's block list (`.photo-group__blocks`), its top in page coordinates.
    pub row_tops: Vec<f64>,
    pub geometry: Option<GridGeometry>,
}

/// "8px" as 8, by the browser's own `parseFloat` (Rust's float parser would add to the wasm
/// for one number a frame).
fn px(value: String) -> f64 {
    let number = js_sys::Number::parse_float(&value);
    if number.is_finite() {
        number
    } else {
        0.0
    }
}

/// The grid as laid out now, from the first block that has a tile.
fn geometry(root: &Element) -> Option<GridGeometry> {
    let tile = root.query_selector(".photo-block .photo-tile").ok()??;
    let grid = tile.parent_element()?;
    let block = grid.parent_element()?;
    let style = web_sys::window()?.get_computed_style(&grid).ok()??;
    let columns = style.get_property_value("grid-template-columns").ok()?.split_whitespace().count();
    let row_gap = px(style.get_property_value("row-gap").ok()?);
    let tile_height = tile.get_bounding_client_rect().height();
    let block_chrome = block.get_bounding_client_rect().height() - grid.get_bounding_client_rect().height();
    (columns > 0 && tile_height > 0.0).then_some(GridGeometry { columns, tile_height, row_gap, block_chrome })
}

/// Gives each grid the space of its rows not drawn (`data-space-above`/`-below`), and each run of
/// months not drawn its height (`data-space-height`), as the page wrote them, through the CSSOM:
/// the Content-Security-Policy refuses inline style attributes.
fn apply_spaces(root: &Element) {
    let Ok(grids) = root.query_selector_all(".photo-grid, .photo-gallery__space") else { return };
    for grid in (0..grids.length()).filter_map(|i| grids.item(i)?.dyn_into::<HtmlElement>().ok()) {
        let style = grid.style();
        for (attribute, property) in [
            ("data-space-above", "padding-top"),
            ("data-space-below", "padding-bottom"),
            ("data-space-height", "height"),
        ] {
            if !grid.has_attribute(attribute) {
                continue;
            }
            let wanted = grid.get_attribute(attribute).unwrap_or_default();
            if style.get_property_value(property).ok().as_deref() != Some(wanted.as_str()) {
                let _ = style.set_property(property, &wanted);
            }
        }
    }
}

fn measure(root: &NodeRef) -> Option<GalleryLayout> {
    let root = root.cast::<HtmlElement>()?;
    apply_spaces(&root);
    let window = web_sys::window()?;
    let scroll_y = window.scroll_y().unwrap_or(0.0);
    let height = window.inner_height().ok()?.as_f64().unwrap_or(0.0);
    let rows = root.query_selector_all(".photo-group__blocks").ok()?;
    let row_tops = (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<Element>().ok())
        .map(|row| row.get_bounding_client_rect().top() + scroll_y)
        .collect();
    Some(GalleryLayout { view: (scroll_y, height), row_tops, geometry: geometry(&root) })
}

/// The gallery's layout under `root`, kept current while the page scrolls or resizes.
#[hook]
pub fn use_gallery_layout(root: NodeRef) -> GalleryLayout {
    let layout = use_state(GalleryLayout::default);
    {
        let (layout, root) = (layout.clone(), root.clone());
        use_effect(move || {
            if let Some(next) = measure(&root) {
                // The geometry is kept once measured unless a block shows it changed.
                let next = GalleryLayout { geometry: next.geometry.or(layout.geometry), ..next };
                if next != *layout {
                    layout.set(next);
                }
            }
        });
    }
    {
        let layout = layout.clone();
        use_effect_with((), move |_| {
            // The frame asked for, if any: cancelled on cleanup, so the closure is never called
            // after it is dropped.
            let pending = Rc::new(Cell::new(None::<i32>));
            let on_frame = {
                let (pending, layout, root) = (pending.clone(), layout.clone(), root.clone());
                Rc::new(Closure::<dyn Fn()>::new(move || {
                    pending.set(None);
                    if let Some(next) = measure(&root) {
                        // A resize may change the columns: measure them again.
                        layout.set(next);
                    }
                }))
            };
            let schedule = {
                let (on_frame, pending) = (on_frame.clone(), pending.clone());
                move |_: &Event| {
                    if pending.get().is_none() {
                        let frame = gloo::utils::window()
                            .request_animation_frame((*on_frame).as_ref().unchecked_ref());
                        pending.set(frame.ok());
                    }
                }
            };
            let window = gloo::utils::window();
            let listeners = [
                EventListener::new(&window, "scroll", schedule.clone()),
                EventListener::new(&window, "resize", schedule),
            ];
            move || {
                drop(listeners);
                if let Some(frame) = pending.take() {
                    let _ = gloo::utils::window().cancel_animation_frame(frame);
                }
                drop(on_frame);
            }
        });
    }
    (*layout).clone()
}
