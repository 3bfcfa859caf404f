//! The gallery: photos grouped by area and angle, then by month, newest first, with a filter.
//! Only the tiles near the screen are rendered (`domain::photos::gallery_window`): the rest keep
//! their exact space, so 1,500 photos render about as fast as 15 and nothing shifts. Coming back
//! from a photo returns to where the gallery was scrolled.

use std::cell::Cell;

use yew::prelude::*;
use yew_router::prelude::*;

use super::details_form::{angle_options, area_options, session_options};
use super::gallery_layout::use_gallery_layout;
use super::library::use_library;
use super::photo_tile::PhotoTile;
use super::routes::PhotoRoute;
use crate::domain::charts::fmt_coord;
use crate::domain::photos::angle::Angle;
use crate::domain::photos::gallery_window::{
    gallery_rows, gallery_window, BlockWindow, GalleryRow, GridGeometry,
};
use crate::domain::photos::photo::{Photo, PhotoFilter};
use crate::domain::sections::Section;
use crate::ui::shared::components::empty_state::empty_state;
use crate::ui::shared::components::field::edit;
use crate::ui::shared::components::field::SelectField;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

/// How far beyond the screen tiles are rendered, in screen heights (so a quick scroll finds them
/// there), and how many tiles the first render draws before the grid is measured.
const MARGIN_SCREENS: f64 = 1.0;
const FIRST_RENDER_TILES: usize = 24;

thread_local! {
    /// Where the gallery was scrolled when the person opened a photo (the app's lifetime only).
    static SCROLLED_TO: Cell<Option<f64>> = const { Cell::new(None) };
}

#[component]
pub fn GalleryPage() -> Html {
    let app = use_app_state();
    let library = use_library();
    let filter = use_state(PhotoFilter::default);
    let root = use_node_ref();
    let layout = use_gallery_layout(root.clone());
    let profile = app.records.as_ref().map(|r| r.profile.clone()).unwrap_or_default();
    let rows = use_memo((library.photos.clone(), (*filter).clone(), profile), |(photos, filter, profile)| {
        photos.as_ref().map_or_else(Vec::new, |photos| gallery_rows(photos, filter, profile))
    });
    {
        // Back where it was, once the grid is measured (before that the page is not its full height).
        let measured = layout.geometry.is_some();
        use_effect_with(measured, |measured| {
            if *measured {
                if let Some(y) = SCROLLED_TO.take() {
                    gloo::utils::window().scroll_to_with_x_and_y(0.0, y);
                }
            }
        });
        use_effect_with((), |_| || SCROLLED_TO.set(web_sys::window().and_then(|w| w.scroll_y().ok())));
    }
    let (Some(records), Some(photos)) = (app.records.clone(), library.photos.clone()) else {
        return html! { <Page section={Section::Photos}><p role="status">{ app.waiting_message() }</p></Page> };
    };
    let profile = &records.profile;
    let add = html! {
        <Link<PhotoRoute> to={PhotoRoute::Add} classes="button">{ "Add photos" }</Link<PhotoRoute>>
    };
    if photos.is_empty() {
        return html! { <Page section={Section::Photos}>{ empty_state(Section::Photos) }{ add }</Page> };
    }
    let area_options = area_options(profile, "Any");
    let angle_options = angle_options(Some("Any"));
    let session_options = session_options(&records.sessions, "Any");
    let set = |change: fn(&mut PhotoFilter, String)| edit(&filter, change);
    let value = |v: Option<&str>| AttrValue::from(v.unwrap_or_default().to_string());
    let (view_top, view_height) = layout.view;
    let margin = view_height * MARGIN_SCREENS;
    let mut first_render = FIRST_RENDER_TILES;
    html! {
        <Page section={Section::Photos}>
            { add }
            <form class="photo-filter" aria-label="Filter photos" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <SelectField id="filter-area" label="Area" options={area_options} value={value(filter.area_id.as_deref())}
                    on_change={set(|f, v| f.area_id = (!v.is_empty()).then_some(v))} />
                <SelectField id="filter-angle" label="Angle" options={angle_options} value={value(filter.angle.map(|a| a.key()))}
                    on_change={set(|f, v| f.angle = Angle::from_key(&v))} />
                <SelectField id="filter-session" label="Session" options={session_options} value={value(filter.session_id.as_deref())}
                    on_change={set(|f, v| f.session_id = (!v.is_empty()).then_some(v))} />
            </form>
            if rows.is_empty() {
                <p role="status">{ "No photos match this filter." }</p>
            }
            <div class="photo-gallery" ref={root}>
                { for rows.iter().enumerate().map(|(index, row)| {
                    let sizes: Vec<usize> = row.months.iter().map(|(_, range)| range.len()).collect();
                    // Until this row's place is measured, it draws its share of the first tiles.
                    let geometry = layout.geometry.filter(|_| layout.row_tops.len() == rows.len());
                    let top = layout.row_tops.get(index).copied().unwrap_or_default();
                    let windows = gallery_window(&sizes, geometry, top, (view_top, view_height), margin, first_render);
                    if geometry.is_none() {
                        first_render -= windows.iter().map(|w| w.tiles.len()).sum::<usize>().min(first_render);
                    }
                    gallery_row(row, &photos, &windows, geometry)
                }) }
            </div>
        </Page>
    }
}

/// One row: its heading and Compare link, then its months, each drawing the tiles in its window.
/// Months with nothing in their window are not drawn at all: each run of them is one empty space
/// of their total height (so 1,500 photos draw a screen's worth of elements, not 300 headings).
fn gallery_row(
    row: &GalleryRow,
    photos: &[Photo],
    windows: &[BlockWindow],
    geometry: Option<GridGeometry>,
) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut space = 0.0;
    let mut space_key = String::new();
    let flush = |parts: &mut Vec<Html>, space: &mut f64, key: &str| {
        if *space > 0.0 {
            let height = format!("{}px", fmt_coord(*space));
            parts.push(html! { <div key={format!("space-{key}")} class="photo-gallery__space" aria-hidden="true" data-space-height={height} /> });
            *space = 0.0;
        }
    };
    for ((month, range), window) in row.months.iter().zip(windows) {
        if window.tiles.is_empty() {
            // Before the grid is measured only the months with tiles are drawn (the first
            // screen's): drawing the others' headings, only to swap them for spaces a frame
            // later, cost 1,500 photos about 345 blocks made and removed.
            let Some(g) = geometry else { continue };
            if space == 0.0 {
                space_key = month.clone();
            }
            space += g.block_height(range.len());
            continue;
        }
        flush(&mut parts, &mut space, &space_key);
        parts.push(month_block(row, photos, month, range.start, window));
    }
    flush(&mut parts, &mut space, &space_key);
    html! {
        <section class="photo-group" aria-label={row.heading.clone()}>
            <div class="photo-group__header">
                <h2>{ row.heading.clone() }</h2>
                // Compare counts every photo of the area and view, not only the filtered ones.
                if row.comparable {
                    <Link<PhotoRoute> classes="button button--quiet"
                        to={PhotoRoute::Compare { area: row.area_id.clone(), angle: row.view_key.clone() }}>
                        { "Compare" }
                    </Link<PhotoRoute>>
                }
            </div>
            <div class="photo-group__blocks">{ for parts }</div>
        </section>
    }
}

/// One month of a row, drawing the tiles of its window; the rows above and below them are space.
fn month_block(row: &GalleryRow, photos: &[Photo], month: &str, start: usize, window: &BlockWindow) -> Html {
    // The policy forbids style attributes: `gallery_layout` applies these through the CSSOM.
    // (Two decimals by `fmt_coord`, not `{:.3}`: exact float formatting would add to the wasm.)
    let (above, below) =
        (format!("{}px", fmt_coord(window.space_above)), format!("{}px", fmt_coord(window.space_below)));
    html! {
        <section class="photo-block" key={month.to_string()}>
            <h3 class="photo-block__month">{ month.to_string() }</h3>
            <ul class="photo-grid" data-space-above={above} data-space-below={below}>
                { for window.tiles.clone().map(|i| {
                    let at = start + i;
                    let photo = &photos[row.photos[at]];
                    html! { <PhotoTile key={photo.id.clone()} photo={photo.clone()} name={row.tile_name(photos, at)} /> }
                }) }
            </ul>
        </section>
    }
}
