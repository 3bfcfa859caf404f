//! One line icon per section, drawn inline so the app needs no icon font or image requests.

use yew::prelude::*;

use crate::domain::sections::Section;

pub fn nav_icon(section: Section) -> Html {
    html! {
        <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={section.icon_path()} />
        </svg>
    }
}
