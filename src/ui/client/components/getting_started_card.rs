//! "Getting started" on Today: the newcomer's next steps in order, each with its action and a
//! "Skip for now"; skipped steps come back on request. Restoring a backup is offered beside the
//! first step, for someone moving from another phone.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::device::getting_started::{GettingStarted, SetupStep};
use crate::site::Href;
use crate::ui::client::routes::Route;
use crate::ui::shared::actions::use_record_actions;

#[derive(Properties, PartialEq)]
pub struct GettingStartedCardProps {
    pub state: GettingStarted,
    /// The steps skipped so far, as stored (skipping adds to them).
    pub skipped: Vec<SetupStep>,
}

fn action(step: SetupStep) -> Html {
    let route = match step {
        SetupStep::Areas => Some(Route::Profile),
        SetupStep::Screening => Some(Route::Screening),
        SetupStep::FirstSession => Some(Route::SessionNew),
        SetupStep::FirstPhotos | SetupStep::KeepData => None,
    };
    match route {
        Some(route) => html! { <Link<Route> to={route} classes="button">{ step.action() }</Link<Route>> },
        // The photos app's pages: a page load.
        None => {
            let href = if step == SetupStep::FirstPhotos { Href::add_photos() } else { Href::data() };
            html! { <a href={href} class="button">{ step.action() }</a> }
        }
    }
}

#[component]
pub fn GettingStartedCard(props: &GettingStartedCardProps) -> Html {
    let actions = use_record_actions();
    let state = &props.state;
    if state.open.is_empty() && state.skipped.is_empty() {
        return html! {};
    }
    let skip = |step: Option<SetupStep>| {
        let (actions, skipped) = (actions.clone(), props.skipped.clone());
        Callback::from(move |_: MouseEvent| actions.skip_setup_step(step, &skipped, Callback::noop()))
    };
    let show_skipped = skip(None);
    html! {
        <section class="card getting-started" aria-labelledby="getting-started-heading">
            <h2 id="getting-started-heading">{ "Getting started" }</h2>
            <p class="muted">{ format!("{} of {} done.", state.done, SetupStep::ALL.len()) }</p>
            <ol class="list getting-started__steps" aria-label="Next steps">
                { for state.open.iter().map(|&step| {
                    html! {
                        <li class="list__item getting-started__step">
                            <div>
                                <strong>{ step.title() }</strong>
                                <p>{ step.detail() }</p>
                                if step == SetupStep::FirstPhotos && !state.still_to_photograph.is_empty() {
                                    <p>{ format!("Still without a photo: {}.", state.still_to_photograph.join(", ")) }</p>
                                }
                            </div>
                            <div class="actions">
                                { action(step) }
                                <button type="button" class="button button--quiet" aria-label={format!("Skip for now: {}", step.title())}
                                    onclick={skip(Some(step))}>{ "Skip for now" }</button>
                            </div>
                            if step == SetupStep::Areas {
                                // The data page is in the photos app: a page load, not an in-app link.
                                <a href={Href::data()}>{ "Moving from another phone? Restore a backup" }</a>
                            }
                        </li>
                    }
                }) }
            </ol>
            if !state.skipped.is_empty() {
                <button type="button" class="button button--quiet" onclick={show_skipped}>
                    { match state.skipped.len() { 1 => "Show the skipped step".to_string(), n => format!("Show the {n} skipped steps") } }
                </button>
            }
        </section>
    }
}
