//! "Contact your clinic": why, and how to reach them when known. Guidance, not a diagnosis.

use yew::prelude::*;

use crate::domain::safety::SafetyPrompt;

/// The card for `prompt`; `clinic` is the clinic's name when the session records one.
pub fn safety_card(prompt: &SafetyPrompt, clinic: Option<AttrValue>) -> Html {
    let who = clinic.unwrap_or_else(|| AttrValue::from("your clinic"));
    html! {
        <section class="safety-card" aria-labelledby="safety-heading">
            <h2 id="safety-heading">{ format!("Contact {who}") }</h2>
            <ul>
                { for prompt.reasons.iter().map(|r| html! { <li>{ r.sentence() }</li> }) }
            </ul>
            <p class="safety-card__note">
                { "This is guidance from what you logged, not a diagnosis. If you feel unwell or it is getting worse quickly, seek medical care." }
            </p>
        </section>
    }
}
