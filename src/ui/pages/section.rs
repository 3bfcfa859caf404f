//! A section whose records don't exist yet: its heading and its empty state.

use yew::prelude::*;

use crate::domain::sections::Section;
use crate::ui::components::{EmptyState, Page};

#[derive(Properties, PartialEq)]
pub struct SectionPageProps {
    pub section: Section,
}

#[component]
pub fn SectionPage(props: &SectionPageProps) -> Html {
    html! {
        <Page section={props.section}>
            <EmptyState section={props.section} />
        </Page>
    }
}
