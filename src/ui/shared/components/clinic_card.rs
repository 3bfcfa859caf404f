//! The client's clinic: its name on its brand colour, the welcome, and ways to get in touch.

use yew::prelude::*;

use crate::domain::clinic::ClinicProfile;

/// Contact buttons for `clinic`. Every field is rendered as text or as an attribute the app
/// built from checked parts (`tel:`, `mailto:`, `https:`), so nothing from a link is markup.
pub fn clinic_card(clinic: &ClinicProfile, heading_level_two: bool) -> Html {
    let name = clinic.name.clone();
    let heading = if heading_level_two {
        html! { <h2 id="clinic-card-heading" class="clinic-card__name">{ name.clone() }</h2> }
    } else {
        html! { <h3 id="clinic-card-heading" class="clinic-card__name">{ name.clone() }</h3> }
    };
    let external = |href: &String, label: String| {
        html! { <a class="button button--quiet" href={href.clone()} target="_blank" rel="noopener noreferrer">{ label }</a> }
    };
    html! {
        <section class={classes!("card", "clinic-card", clinic.colour.map(|_| "clinic-card--branded"))}
            aria-labelledby="clinic-card-heading">
            <div class="clinic-card__band">
                { heading }
                if let Some(practitioner) = &clinic.practitioner {
                    <p class="clinic-card__practitioner">{ practitioner.clone() }</p>
                }
            </div>
            if let Some(welcome) = &clinic.welcome {
                <p class="clinic-card__welcome">{ welcome.clone() }</p>
            }
            <div class="clinic-card__actions">
                if let (Some(href), Some(phone)) = (clinic.tel_href(), &clinic.phone) {
                    <a class="button" href={href}>{ format!("Call {phone}") }</a>
                }
                if let Some(href) = clinic.mailto_href() {
                    <a class="button button--quiet" href={href}>{ format!("Email {name}") }</a>
                }
                if let Some(href) = &clinic.booking {
                    { external(href, "Book a session".to_string()) }
                }
                if let Some(href) = &clinic.website {
                    { external(href, format!("{name} website")) }
                }
            </div>
        </section>
    }
}
