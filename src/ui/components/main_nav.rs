//! The navigation: a bar at the bottom on phones, a column at the side on wider screens.

use yew::prelude::*;
use yew_router::prelude::*;

use super::nav_icon::nav_icon;
use crate::domain::sections::Section;
use crate::site::{self, App};
use crate::ui::routes::Route;

#[derive(Properties, PartialEq)]
pub struct MainNavProps {
    /// Rendered by the photos app (`/photos/`) rather than the client app.
    #[prop_or_default]
    pub photo_app: bool,
    /// The section of a page the client's routes don't name (the photos app's own pages).
    #[prop_or_default]
    pub unrouted: Option<Section>,
}

#[component]
pub fn MainNav(props: &MainNavProps) -> Html {
    let routed = use_route::<Route>().and_then(|route| route.section());
    let current = routed.or(props.unrouted);
    html! {
        <nav class="main-nav" aria-label="Main">
            <ul class="main-nav__list">
                { for Section::ALL.into_iter().map(|section| html! {
                    <li><NavLink {section} current={current == Some(section)}
                        in_app={(site::app_of_section(section) == App::Photos) == props.photo_app} /></li>
                }) }
            </ul>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
struct NavLinkProps {
    section: Section,
    current: bool,
    /// Whether the section is in the app rendering the link; if not, the browser loads the page.
    in_app: bool,
}

/// A real `<a href>` (so middle-click and "open in new tab" work) that navigates in-app on a plain
/// click and marks the current page with `aria-current="page"`, which yew-router's `Link` can't.
#[component]
fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let link = use_node_ref();
    {
        // On a phone the bar scrolls sideways: keep the current page's item in sight.
        let link = link.clone();
        use_effect_with(props.current, move |current| {
            if let (true, Some(element)) = (*current, link.cast::<web_sys::Element>()) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let route = Route::for_section(props.section);
    let onclick = {
        let route = route.clone();
        let in_app = props.in_app;
        Callback::from(move |event: MouseEvent| {
            let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
            if let (false, 0, true, Some(navigator)) = (modified, event.button(), in_app, navigator.as_ref())
            {
                event.prevent_default();
                navigator.push(&route);
            }
        })
    };
    html! {
        <a
            ref={link}
            href={route.to_path()}
            class={classes!("main-nav__link", props.current.then_some("is-current"))}
            aria-current={props.current.then_some("page")}
            {onclick}
        >
            { nav_icon(props.section) }
            <span class="main-nav__label">{ props.section.title() }</span>
        </a>
    }
}
