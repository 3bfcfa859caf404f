//! Sessions: every session, newest first, grouped by area.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::diary::session::{format_depth, Session};
use crate::domain::sections::Section;
use crate::domain::text::dates::display_date;
use crate::ui::client::links::in_app_links;
use crate::ui::client::routes::Route;
use crate::ui::shared::components::empty_state::empty_state;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[component]
pub fn SessionsPage() -> Html {
    let app = use_app_state();
    // Hooks before any early return: Yew needs the same hooks in the same order on every render.
    let follow_links = in_app_links(use_navigator());
    let Some(records) = app.records.as_ref() else {
        return html! { <Page section={Section::Sessions}><p>{ "Loading…" }</p></Page> };
    };
    let add = if records.profile.areas.is_empty() {
        html! { <Link<Route> to={Route::Profile} classes="button">{ "Set up your areas" }</Link<Route>> }
    } else {
        html! { <Link<Route> to={Route::SessionNew} classes="button">{ "Add a session" }</Link<Route>> }
    };
    let mut sessions: Vec<&Session> = records.sessions.iter().collect();
    sessions.sort_by_key(|s| std::cmp::Reverse(s.when()));
    html! {
        <Page section={Section::Sessions}>
            <p>{ add }</p>
            if sessions.is_empty() {
                { empty_state(Section::Sessions) }
            }
            { for records.profile.areas.iter().map(|area| {
                let of_area: Vec<&&Session> = sessions.iter().filter(|s| s.treats(&area.id)).collect();
                if of_area.is_empty() {
                    return html! {};
                }
                html! {
                    <section class="card" aria-label={area.name.clone()}>
                        <h2>{ area.name.clone() }</h2>
                        <ul class="list" onclick={follow_links.clone()}>
                            { for of_area.iter().map(|s| {
                                let depth = s.areas.iter().find(|a| a.area_id == area.id).and_then(|a| a.depth_mm);
                                html! {
                                    <li class="list__item">
                                        // A plain link (one click handler on the list follows it in
                                        // the app): a router component per row slows long lists.
                                        <a href={Route::SessionDetail { id: s.id.clone() }.to_path()}>{ display_date(s.date) }</a>
                                        <span class={classes!("badge", (!s.is_done()).then_some("badge--planned"))}>
                                            { if s.is_done() { "Done" } else { "Planned" } }
                                        </span>
                                        if let Some(depth) = depth {
                                            <span class="muted">{ format!("{} mm", format_depth(depth)) }</span>
                                        }
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </Page>
    }
}
