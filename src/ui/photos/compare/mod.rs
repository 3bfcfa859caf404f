//! The compare view: two photos of one area and angle (by default the first and the latest),
//! shown side by side, under a slider, blended, as a difference map, as redness, or as a
//! timelapse of the whole series, all registered onto the series' reference photo.
//!
//! The maths is `crate::analysis` (registration, ΔE, a*, white balance); this module draws
//! photos onto canvases ([`pixels`]), hands their pixels over, and stores what the client sets
//! (alignments, cards, readings, the area's region) through `crate::storage`.

mod align_panel;
mod choice;
mod difference_view;
mod framed;
pub(crate) mod images;
mod index_page;
pub(crate) mod measure;
mod overlay;
pub(crate) mod photo_canvas;
pub(crate) mod pixels;
mod redness_chart_view;
mod redness_view;
mod region_draw;
mod regions;
mod side_by_side;
mod timelapse;

use yew::prelude::*;
use yew_router::prelude::*;

use self::align_panel::AlignPanel;
use self::choice::PhotoChoice;
use self::difference_view::DifferenceView;
use self::framed::FramedPhoto;
use self::images::use_photo_images;
pub use self::index_page::CompareIndexPage;
use self::overlay::{Overlay, OverlayKind};
use self::pixels::fitted_size;
use self::redness_view::RednessView;
use self::regions::use_redness_regions;
use self::side_by_side::SideBySide;
use self::timelapse::Timelapse;
use super::actions::use_photo_actions;
use super::library::use_library;
use super::routes::{PairQuery, PhotoRoute};
use crate::domain::photos::angle::Angle;
use crate::domain::photos::compare::{self, caption, first_session, to_reference, CompareMode};
use crate::domain::photos::photo::Photo;
use crate::domain::photos::region::Region;
use crate::domain::sections::Section;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

/// Widest canvas the compare view draws (its maps are computed at this size).
const DISPLAY_WIDTH: u32 = 1024;

#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    pub area_id: AttrValue,
    /// The view's key: a preset angle, or a named custom angle (`angle::view_key`).
    pub angle: AttrValue,
}

#[component]
pub fn ComparePage(props: &ComparePageProps) -> Html {
    let app = use_app_state();
    let library = use_library();
    let actions = use_photo_actions();
    let view = props.angle.to_string();
    let all = library.photos.clone().unwrap_or_default();
    let series: Vec<Photo> = compare::series(&all, &props.area_id, &view).into_iter().cloned().collect();
    let chosen_before = use_state(|| None::<String>);
    let chosen_after = use_state(|| None::<String>);
    let mode = use_state(|| CompareMode::SideBySide);
    let regions = use_redness_regions();
    let measuring = use_state(|| None::<AttrValue>);
    let save_error = use_state(|| None::<String>);
    let refs: Vec<&Photo> = series.iter().collect();
    let (default_before, default_after) =
        compare::default_pair(&refs).map(|(a, b)| (a.id.clone(), b.id.clone())).unwrap_or_default();
    let pick = |chosen: &Option<String>, fallback: &str| {
        chosen.clone().filter(|id| series.iter().any(|p| &p.id == id)).unwrap_or_else(|| fallback.to_string())
    };
    let (before_id, after_id) = (pick(&chosen_before, &default_before), pick(&chosen_after, &default_after));
    let images = use_photo_images(if before_id == after_id {
        vec![before_id.clone()]
    } else {
        vec![before_id.clone(), after_id.clone()]
    });
    let on_save = {
        let (actions, save_error) = (actions.clone(), save_error.clone());
        Callback::from(move |photo: Photo| {
            let save_error = save_error.clone();
            let report = Callback::from(move |result: Result<(), String>| save_error.set(result.err()));
            actions.update_photo(photo, report);
        })
    };
    let on_region = {
        let (actions, regions, save_error, area_id, view) =
            (actions.clone(), regions.clone(), save_error.clone(), props.area_id.to_string(), view.clone());
        Callback::from(move |region: Region| {
            // Shown at once (so arrow keys nudge from where it is); put back if it cannot be stored.
            let previous = (*regions).clone();
            let mut next = previous.clone();
            next.set(&area_id, &view, region);
            regions.set(next.clone());
            let (regions, save_error) = (regions.clone(), save_error.clone());
            actions.save_redness_regions(
                next,
                Callback::from(move |result: Result<(), String>| {
                    if let Err(message) = result {
                        regions.set(previous.clone());
                        save_error.set(Some(message));
                    }
                }),
            );
        })
    };
    let (Some(records), Some(_)) = (app.records.clone(), library.photos.as_ref()) else {
        return html! { <Page section={Section::Photos} heading="Compare"><p role="status">{ app.waiting_message() }</p></Page> };
    };
    let area_name = records.profile.area_name(&props.area_id);
    // A custom angle is called what its newest photo calls it.
    let view_label =
        series.last().map(Photo::angle_label).or_else(|| Angle::from_key(&view).map(|a| a.label().into()));
    let heading = format!("Compare {area_name} · {}", view_label.unwrap_or_else(|| "Custom".into()));
    let back = html! { <Link<PhotoRoute> to={PhotoRoute::Gallery}>{ "All photos" }</Link<PhotoRoute>> };
    let Some(reference) = compare::reference(&refs).cloned() else {
        return html! { <Page section={Section::Photos} heading={heading}><p>{ "There are no photos of this area and angle." }</p>{ back }</Page> };
    };
    if series.len() < 2 {
        return html! {
            <Page section={Section::Photos} heading={heading}>
                <p>{ "Comparing needs two photos of the same area and angle. Add another photo to compare." }</p>
                <Link<PhotoRoute> to={PhotoRoute::Add} classes="button">{ "Add photos" }</Link<PhotoRoute>>
            </Page>
        };
    }
    let first = first_session(&records.sessions);
    let session_dates: Vec<time::Date> =
        records.sessions.iter().filter(|s| s.is_done()).map(|s| s.date).collect();
    let size = fitted_size(reference.width, reference.height, DISPLAY_WIDTH);
    let framed = |id: &str, label: &'static str| {
        let photo = series.iter().find(|p| p.id == id)?.clone();
        let image = images.get(id)?.clone();
        let onto = to_reference(&photo, &reference.id);
        Some(FramedPhoto { caption: caption(&photo, first).into(), photo, image, onto, label: label.into() })
    };
    let (before, after) = (framed(&before_id, "before photo"), framed(&after_id, "after photo"));
    let region = regions.get(&props.area_id, &view);
    let on_measure_all = {
        let (series, actions, measuring, reference) =
            (series.clone(), actions.clone(), measuring.clone(), reference.clone());
        Callback::from(move |_| {
            let Some(region) = region else { return };
            let measuring = measuring.clone();
            let progress = Callback::from(move |said: Option<AttrValue>| measuring.set(said));
            actions.measure_series(series.clone(), reference.clone(), region, progress);
        })
    };
    let choose = |state: &UseStateHandle<Option<String>>| {
        let state = state.clone();
        Callback::from(move |id: String| state.set(Some(id)))
    };
    let on_mode = {
        let mode = mode.clone();
        move |m: CompareMode| {
            let mode = mode.clone();
            Callback::from(move |_| mode.set(m))
        }
    };
    let stage = match (&before, &after) {
        _ if *mode == CompareMode::Timelapse => html! {
            <Timelapse series={series.clone()} reference_id={reference.id.clone()} size={size} first_session={first} />
        },
        (Some(before), Some(after)) => match *mode {
            CompareMode::SideBySide => {
                html! { <SideBySide before={before.clone()} after={after.clone()} size={size} /> }
            }
            CompareMode::Slider => {
                html! { <Overlay key="slider" kind={OverlayKind::Slider} before={before.clone()} after={after.clone()} size={size} /> }
            }
            CompareMode::Blend => {
                html! { <Overlay key="blend" kind={OverlayKind::Blend} before={before.clone()} after={after.clone()} size={size} /> }
            }
            CompareMode::Difference => {
                html! { <DifferenceView before={before.clone()} after={after.clone()} size={size} /> }
            }
            CompareMode::Redness | CompareMode::Timelapse => html! {
                <RednessView before={before.clone()} after={after.clone()} size={size} region={region}
                    on_region={on_region.clone()} on_save={on_save.clone()} series={series.clone()}
                    sessions={session_dates.clone()} on_measure_all={on_measure_all.clone()} measuring={(*measuring).clone()} />
            },
        },
        _ => match &images.failed {
            Some(message) => html! { <p class="field__error" role="alert">{ message.clone() }</p> },
            None => html! { <p role="status">{ "Loading the photos…" }</p> },
        },
    };
    // The photo that moves when aligning: never the reference.
    let align = match (&before, &after) {
        (Some(b), Some(a)) if b.photo.id != a.photo.id => {
            let (fixed, moving) =
                if a.photo.id == reference.id { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
            // Keyed by the pair, so landmarks placed for another pair never carry over.
            let key = format!("{}/{}", fixed.photo.id, moving.photo.id);
            html! { <AlignPanel {key} fixed={fixed} moving={moving} reference_id={reference.id.clone()} on_save={on_save.clone()} /> }
        }
        _ => html! {},
    };
    html! {
        <Page section={Section::Photos} heading={heading}>
            { back }
            <div class="compare-choices">
                <PhotoChoice legend="Before" photos={series.clone()} selected={before_id.clone()} first_session={first} on_select={choose(&chosen_before)} />
                <PhotoChoice legend="After" photos={series.clone()} selected={after_id.clone()} first_session={first} on_select={choose(&chosen_after)} />
            </div>
            <p>
                <Link<PhotoRoute, PairQuery> to={PhotoRoute::Report} query={Some(PairQuery { before: Some(before_id.clone()), after: Some(after_id.clone()) })}>
                    { "Put this pair in the report for your clinic" }
                </Link<PhotoRoute, PairQuery>>
            </p>
            <fieldset class="compare-modes">
                <legend>{ "View" }</legend>
                { for CompareMode::ALL.iter().map(|m| html! {
                    <label class="compare-modes__option">
                        <input type="radio" name="compare-mode" checked={*mode == *m} onchange={on_mode(*m)} />
                        { m.label() }
                    </label>
                }) }
            </fieldset>
            if let Some(message) = &*save_error {
                <p class="field__error" role="alert">{ message.clone() }</p>
            }
            { stage }
            if *mode != CompareMode::Timelapse {
                { align }
            }
        </Page>
    }
}
