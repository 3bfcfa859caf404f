//! The gallery: photos grouped by area and angle, newest first, with a filter.

use yew::prelude::*;
use yew_router::prelude::*;

use super::details_form::{angle_options, area_options, session_options};
use super::library::use_library;
use super::photo_tile::PhotoTile;
use super::routes::PhotoRoute;
use crate::domain::photos::angle::Angle;
use crate::domain::photos::photo::{gallery, tile_names, PhotoFilter};
use crate::domain::sections::Section;
use crate::ui::shared::components::empty_state::empty_state;
use crate::ui::shared::components::field::edit;
use crate::ui::shared::components::field::SelectField;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[component]
pub fn GalleryPage() -> Html {
    let app = use_app_state();
    let library = use_library();
    let filter = use_state(PhotoFilter::default);
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
    let groups = gallery(&photos, &filter, profile);
    let value = |v: Option<&str>| AttrValue::from(v.unwrap_or_default().to_string());
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
            if groups.is_empty() {
                <p role="status">{ "No photos match this filter." }</p>
            }
            { for groups.iter().map(|group| {
                let name = profile.area_name(group.area_id);
                let heading = format!("{name} · {}", group.label);
                html! {
                    <section class="photo-group" aria-label={heading.clone()}>
                        <div class="photo-group__header">
                            <h2>{ heading }</h2>
                            // Compare counts every photo of the area and view, not only the filtered ones.
                            if photos.iter().filter(|p| p.area_id == group.area_id && p.view_key() == group.view_key).count() >= 2 {
                                <Link<PhotoRoute> classes="button button--quiet"
                                    to={PhotoRoute::Compare { area: group.area_id.to_string(), angle: group.view_key.clone() }}>
                                    { "Compare" }
                                </Link<PhotoRoute>>
                            }
                        </div>
                        <ul class="photo-grid">
                            { for group.photos.iter().zip(tile_names(&group.photos, &name)).map(|(photo, tile_name)| html! {
                                <PhotoTile key={photo.id.clone()} photo={(*photo).clone()} name={tile_name} />
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </Page>
    }
}
