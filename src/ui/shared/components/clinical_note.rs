//! "Not medical advice; ask your clinic." on every page that shows a clinical figure, with a link
//! to where the figures come from. One component, so the wording is the same everywhere.

use yew::prelude::*;

use crate::site::Href;

#[derive(Properties, PartialEq)]
pub struct ClinicalNoteProps {
    /// The source key of the page's main figure, to link to it on the evidence page.
    #[prop_or_default]
    pub source: Option<AttrValue>,
}

#[component]
pub fn ClinicalNote(props: &ClinicalNoteProps) -> Html {
    let href = Href::evidence(props.source.as_deref());
    html! {
        <p class="notice clinical-note">
            <strong>{ "Not medical advice; ask your clinic. " }</strong>
            { "Figures here are what studies of groups of people reported; results vary from person to person. " }
            <a href={href}>{ "Where these figures come from" }</a>
        </p>
    }
}
