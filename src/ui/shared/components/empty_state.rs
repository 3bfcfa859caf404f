//! What a section shows before it has anything to show.

use yew::prelude::*;

use crate::domain::sections::Section;

/// A plain function, not a component: it has no state, and every component type costs wasm size.
pub fn empty_state(section: Section) -> Html {
    let empty = section.empty_state();
    html! {
        <section class="empty-state" aria-label={empty.headline}>
            <p class="empty-state__headline">{ empty.headline }</p>
            <p class="empty-state__detail">{ empty.detail }</p>
        </section>
    }
}
