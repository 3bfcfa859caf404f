//! The navigation: a bar at the bottom on phones, a column at the side on wider screens.

use yew::prelude::*;
use yew_router::prelude::*;

use super::nav_icon::nav_icon;
use crate::domain::sections::Section;
use crate::site::{App, Href};

#[derive(Properties, PartialEq)]
pub struct MainNavProps {
    /// The app the navigation is in: its sections are routed in place, the others' loaded.
    pub app: App,
    /// The section of the page shown, if any.
    pub current: Option<Section>,
}

#[component]
pub fn MainNav(props: &MainNavProps) -> Html {
    let current = props.current;
    html! {
        <nav class="main-nav" aria-label="Main">
            <ul class="main-nav__list">
                { for Section::ALL.into_iter().map(|section| html! {
                    <li><NavLink {section} current={current == Some(section)}
                        app={props.app} /></li>
                }) }
            </ul>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
struct NavLinkProps {
    section: Section,
    current: bool,
    /// The app rendering the link: a section another app serves is loaded by the browser.
    app: App,
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
    let href = Href::section(props.section);
    let onclick = {
        let href = href.clone();
        let in_app = href.app() == props.app;
        Callback::from(move |event: MouseEvent| {
            let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
            if let (false, 0, true, Some(navigator)) = (modified, event.button(), in_app, navigator.as_ref())
            {
                event.prevent_default();
                navigator.push(&href);
            }
        })
    };
    html! {
        <a
            ref={link}
            href={href}
            class={classes!("main-nav__link", props.current.then_some("is-current"))}
            aria-current={props.current.then_some("page")}
            {onclick}
        >
            { nav_icon(props.section) }
            <span class="main-nav__label">{ props.section.title() }</span>
        </a>
    }
}
