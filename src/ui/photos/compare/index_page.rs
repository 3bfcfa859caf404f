//! The Compare section: every area and angle with two or more photos, each opening the compare view.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::photos::photo::{gallery, PhotoFilter};
use crate::domain::sections::Section;
use crate::ui::photos::library::use_library;
use crate::ui::photos::routes::PhotoRoute;
use crate::ui::shared::components::empty_state::empty_state;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[component]
pub fn CompareIndexPage() -> Html {
    let app = use_app_state();
    let library = use_library();
    let (Some(records), Some(photos)) = (app.records.clone(), library.photos.clone()) else {
        return html! { <Page section={Section::Compare}><p role="status">{ app.waiting_message() }</p></Page> };
    };
    let groups = gallery(&photos, &PhotoFilter::default(), &records.profile);
    let comparable: Vec<_> = groups.iter().filter(|g| g.photos.len() >= 2).collect();
    html! {
        <Page section={Section::Compare}>
            if comparable.is_empty() {
                { empty_state(Section::Compare) }
                <Link<PhotoRoute> to={PhotoRoute::Add} classes="button">{ "Add photos" }</Link<PhotoRoute>>
            } else {
                <ul class="compare-index">
                    { for comparable.iter().map(|group| {
                        let name = format!("{} · {}", records.profile.area_name(group.area_id), group.label);
                        let route = PhotoRoute::Compare { area: group.area_id.to_string(), angle: group.view_key.clone() };
                        html! {
                            <li><Link<PhotoRoute> to={route}>{ format!("{name} ({} photos)", group.photos.len()) }</Link<PhotoRoute>></li>
                        }
                    }) }
                </ul>
            }
        </Page>
    }
}
