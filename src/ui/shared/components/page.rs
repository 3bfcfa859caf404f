//! The frame of every page: its heading, the line saying what the page is for, and the content.

use std::cell::Cell;

use yew::prelude::*;

use crate::domain::sections::Section;

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub section: Section,
    /// A sub-page's own heading (and no purpose line); the section's title when `None`.
    #[prop_or_default]
    pub heading: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

thread_local! {
    /// Whether a page has been shown since the app started: the first page keeps the browser's
    /// own initial focus; every later one (an in-app navigation) takes focus.
    static SHOWN_A_PAGE: Cell<bool> = const { Cell::new(false) };
}

/// Moves focus to the heading when the client navigates to a page, so keyboard and screen-reader
/// users land on the new page instead of staying on the link they pressed.
#[component]
pub fn Page(props: &PageProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((props.section, props.heading.clone()), move |_| {
            if SHOWN_A_PAGE.with(|shown| shown.replace(true)) {
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    html! {
        <article class="page">
            <h1 class="page__title" tabindex="-1" ref={heading}>
                { props.heading.clone().unwrap_or_else(|| props.section.title().into()) }
            </h1>
            if props.heading.is_none() {
                <p class="page__purpose">{ props.section.purpose() }</p>
            }
            { props.children.clone() }
        </article>
    }
}
