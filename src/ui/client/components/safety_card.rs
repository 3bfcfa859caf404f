//! "Contact your clinic": why, and how to reach them when known. Guidance, not a diagnosis.

use yew::prelude::*;

use crate::domain::clinic::ClinicProfile;
use crate::domain::diary::safety::SafetyPrompt;
use crate::site::Href;

/// The card for `prompt`. `session_clinic` is the clinic named on the session the prompt is
/// about; `clinic` is the client's clinic profile, whose phone is offered when it is the same
/// clinic (or the session names none).
pub fn safety_card(
    prompt: &SafetyPrompt,
    session_clinic: Option<&str>,
    clinic: Option<&ClinicProfile>,
) -> Html {
    let profile =
        clinic.filter(|c| session_clinic.is_none_or(|name| name.trim().eq_ignore_ascii_case(&c.name)));
    let who = match (profile, session_clinic) {
        (Some(c), _) => c.name.clone(),
        (None, Some(name)) => name.to_string(),
        (None, None) => "your clinic".to_string(),
    };
    let phone = profile.and_then(|c| c.phone.clone().zip(c.tel_href()));
    html! {
        <section class="safety-card" aria-labelledby="safety-heading">
            <h2 id="safety-heading">{ format!("Contact {who}") }</h2>
            <ul>
                { for prompt.reasons.iter().map(|r| html! {
                    <li>{ r.sentence() }{ " " }<a href={Href::evidence(Some(r.source()))}>{ "Source" }</a></li>
                }) }
            </ul>
            if let Some((number, href)) = phone {
                <p class="safety-card__contact">
                    { format!("Contact {who}: ") }
                    <a href={href} aria-label={format!("Call {who}: {number}")}>{ number.clone() }</a>
                </p>
            }
            <p class="safety-card__note">
                { "Not medical advice: guidance from what you logged, not a diagnosis. If you feel unwell or it is getting worse quickly, seek medical care." }
            </p>
        </section>
    }
}
