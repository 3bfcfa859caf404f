//! What to do about the side effects a check-in has ticked, shown as soon as a box is ticked
//! (before saving), each with its source, the most urgent first.

use yew::prelude::*;

use crate::domain::diary::side_effects::Advice;
use crate::site::Href;

#[derive(Properties, PartialEq)]
pub struct SideEffectAdviceProps {
    pub advice: Vec<Advice>,
}

#[component]
pub fn SideEffectAdvice(props: &SideEffectAdviceProps) -> Html {
    // The live region is always there, so a screen reader hears advice appear when a box is ticked.
    html! {
        <section class="side-effect-advice" aria-live="polite" aria-label="What to do">
            if !props.advice.is_empty() {
                <ul class="list">
                    { for props.advice.iter().map(|advice| html! {
                        <li class="list__item side-effect-advice__item">
                            <span>
                                <strong>{ format!("{}. ", advice.urgency.words()) }</strong>
                                { advice.text }
                            </span>
                            <a href={Href::evidence(Some(advice.source))}>{ "Source" }</a>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
