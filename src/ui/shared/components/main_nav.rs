//! The navigation: a bar at the bottom on phones (four sections and "More" with the rest), a
//! column at the side with every section on wider screens.

use wasm_bindgen::JsCast;
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
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    // Escape closes "More" and leaves focus on its button, as a disclosure menu does.
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && *open {
                open.set(false);
                if let Some(button) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(MORE_BUTTON_ID))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = button.focus();
                }
            }
        })
    };
    let overflow_current = current.is_some_and(|s| !s.in_phone_bar());
    html! {
        <nav class="main-nav" aria-label="Main" {onkeydown}>
            <ul class="main-nav__list">
                { for Section::ALL.into_iter().map(|section| html! {
                    <li class={classes!("main-nav__item", (!section.in_phone_bar()).then_some("main-nav__item--overflow"))}>
                        <NavLink {section} current={current == Some(section)} app={props.app} on_follow={close.clone()} />
                    </li>
                }) }
                <li class="main-nav__item main-nav__item--more">
                    <button type="button" id={MORE_BUTTON_ID} class={classes!("main-nav__link", "main-nav__more", overflow_current.then_some("is-current"))}
                        aria-expanded={if *open { "true" } else { "false" }} aria-controls={MORE_LIST_ID} onclick={toggle}>
                        { more_icon() }
                        <span class="main-nav__label">{ "More" }</span>
                    </button>
                    <ul id={MORE_LIST_ID} class="main-nav__more-list" hidden={!*open}>
                        { for Section::ALL.into_iter().filter(|s| !s.in_phone_bar()).map(|section| html! {
                            <li><NavLink {section} current={current == Some(section)} app={props.app} on_follow={close.clone()} /></li>
                        }) }
                    </ul>
                </li>
            </ul>
        </nav>
    }
}

/// The ids of "More" and its list (one navigation per page).
pub const MORE_BUTTON_ID: &str = "more-sections-button";
pub const MORE_LIST_ID: &str = "more-sections";

fn more_icon() -> Html {
    html! {
        <svg class="nav-icon nav-icon--more" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={Section::MORE_ICON} />
        </svg>
    }
}

#[derive(Properties, PartialEq)]
struct NavLinkProps {
    section: Section,
    current: bool,
    /// The app rendering the link: a section another app serves is loaded by the browser.
    app: App,
    /// Called when the link is followed (closes "More").
    on_follow: Callback<()>,
}

/// A real `<a href>` (so middle-click and "open in new tab" work) that navigates in-app on a plain
/// click and marks the current page with `aria-current="page"`, which yew-router's `Link` can't.
#[component]
fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let href = Href::section(props.section);
    let onclick = {
        let href = href.clone();
        let in_app = href.app() == props.app;
        let on_follow = props.on_follow.clone();
        Callback::from(move |event: MouseEvent| {
            on_follow.emit(());
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
