//! A section whose records don't exist yet: its heading and its empty state.

use yew::prelude::*;

use crate::domain::sections::Section;
use crate::ui::components::empty_state::empty_state;
use crate::ui::components::Page;

pub fn section_page(section: Section) -> Html {
    html! {
        <Page section={section}>
            { empty_state(section) }
        </Page>
    }
}
