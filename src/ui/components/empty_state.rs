//! What a section shows before it has anything to show.

use yew::prelude::*;

use crate::domain::sections::Section;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub section: Section,
}

#[component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    let empty = props.section.empty_state();
    html! {
        <section class="empty-state" aria-label={empty.headline}>
            <p class="empty-state__headline">{ empty.headline }</p>
            <p class="empty-state__detail">{ empty.detail }</p>
        </section>
    }
}
