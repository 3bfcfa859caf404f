//! The report's before-and-after pair: chosen on screen (area and angle, then each photo), printed
//! as the two photos registered onto their series' reference, with their redness index.
//!
//! The choice lives in the address (`?before=…&after=…`) so the compare view can send a pair
//! here, and a reload or "Save as PDF" keeps it.

use time::Date;
use yew::prelude::*;
use yew_router::prelude::*;

use super::sections::section;
use crate::domain::exports::report::{chosen_pair, pair_series, redness_lines};
use crate::domain::photos::compare::{caption, default_pair, reference, series, to_reference};
use crate::domain::photos::photo::Photo;
use crate::domain::profile::Profile;
use crate::ui::photos::compare::images::use_photo_images;
use crate::ui::photos::compare::photo_canvas::PhotoCanvas;
use crate::ui::photos::compare::pixels::fitted_size;
use crate::ui::photos::routes::{PairQuery, PhotoRoute};
use crate::ui::shared::components::field::SelectField;

/// Widest the printed photos are drawn (two side by side fill an A4 or Letter page's width at
/// print resolution).
const PRINT_WIDTH: u32 = 1024;

#[derive(Properties, PartialEq)]
pub struct ReportPairProps {
    pub photos: std::rc::Rc<Vec<Photo>>,
    pub profile: Profile,
    pub first_session: Option<Date>,
}

#[component]
pub fn ReportPair(props: &ReportPairProps) -> Html {
    let navigator = use_navigator();
    let query = use_location().and_then(|l| l.query::<PairQuery>().ok()).unwrap_or_default();
    let wanted = query.before.as_deref().zip(query.after.as_deref());
    let pair = chosen_pair(&props.photos, &props.profile, wanted);
    let ids = pair.map_or_else(Vec::new, |(a, b)| vec![a.id.clone(), b.id.clone()]);
    let images = use_photo_images(ids);
    let Some((before, after)) = pair else {
        let body = html! { <p>{ "Before-and-after photos need two photos of the same area and angle." }</p> };
        return section("photos", "Before and after", body);
    };
    let this_series = series(&props.photos, &before.area_id, &before.view_key());
    let Some(reference) = reference(&this_series) else { return html! {} };
    let choose = move |before: String, after: String| {
        if let Some(navigator) = &navigator {
            let query = PairQuery { before: Some(before), after: Some(after) };
            let _ = navigator.replace_with_query(&PhotoRoute::Report, &query);
        }
    };
    let on_series = {
        let (photos, choose) = (props.photos.clone(), choose.clone());
        Callback::from(move |key: String| {
            // A view's key has no '/'; an area id might.
            let Some((area, view)) = key.rsplit_once('/') else { return };
            if let Some((a, b)) = default_pair(&series(&photos, area, view)) {
                choose(a.id.clone(), b.id.clone());
            }
        })
    };
    // Choosing the other side's photo swaps the two rather than asking for one photo twice.
    let (before_id, after_id) = (before.id.clone(), after.id.clone());
    let on_before = {
        let (choose, before_id, after_id) = (choose.clone(), before_id.clone(), after_id.clone());
        Callback::from(move |id: String| {
            let other = if id == after_id { before_id.clone() } else { after_id.clone() };
            choose(id, other)
        })
    };
    let on_after = Callback::from(move |id: String| {
        let other = if id == before_id { after_id.clone() } else { before_id.clone() };
        choose(other, id)
    });
    let series_options: Vec<(AttrValue, AttrValue)> = pair_series(&props.photos, &props.profile)
        .into_iter()
        .map(|s| (format!("{}/{}", s.area_id, s.view_key).into(), s.name.into()))
        .collect();
    let photo_options: Vec<(AttrValue, AttrValue)> =
        this_series.iter().map(|p| (p.id.clone().into(), caption(p, props.first_session).into())).collect();
    let size = fitted_size(reference.width, reference.height, PRINT_WIDTH);
    let figure = |photo: &Photo, name: &str| {
        let label = format!("{name} photo, {}", caption(photo, props.first_session));
        html! {
            <figure class="report__photo">
                if let Some(image) = images.get(&photo.id) {
                    <PhotoCanvas image={image.clone()} onto={to_reference(photo, &reference.id)} size={size} label={label} />
                } else if let Some(message) = &images.failed {
                    <p class="field__error" role="alert">{ message.clone() }</p>
                } else {
                    <p role="status">{ "Loading the photo…" }</p>
                }
                <figcaption>{ format!("{name}: {}", caption(photo, props.first_session)) }</figcaption>
            </figure>
        }
    };
    let body = html! {
        <>
            <div class="report__controls report__pair-choice">
                <SelectField id="report-series" label="Area and angle" options={series_options}
                    value={format!("{}/{}", before.area_id, before.view_key())} on_change={on_series} />
                <SelectField id="report-before" label="Before photo" options={photo_options.clone()}
                    value={before.id.clone()} on_change={on_before} />
                <SelectField id="report-after" label="After photo" options={photo_options}
                    value={after.id.clone()} on_change={on_after} />
            </div>
            // One block in print: the area's name, the photos and their readings stay together.
            <div class="report__figure">
                <p>{ format!("{} · {}", props.profile.area_name(&before.area_id), before.angle_label()) }</p>
                <div class="report__pair">
                    { figure(before, "Before") }
                    { figure(after, "After") }
                </div>
                <ul class="report__redness" aria-label="Redness index">
                    { for redness_lines(before, after).into_iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            </div>
        </>
    };
    section("photos", "Before and after", body)
}
