//! Timeline: where the client is after their sessions, what usually comes next, and their own
//! data on the same axis.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::dates::display_date;
use crate::domain::recovery::{entries_by_session, RecoveryEntry};
use crate::domain::sections::Section;
use crate::domain::session::Session;
use crate::domain::timeline::{milestones, next_due, you_are_here, NextDue};
use crate::ui::components::empty_state::empty_state;
use crate::ui::components::timeline_chart::{timeline_chart, Zoom};
use crate::ui::components::Page;
use crate::ui::context::use_app_state;
use crate::ui::hooks::today;
use crate::ui::routes::Route;

#[component]
pub fn TimelinePage() -> Html {
    let app = use_app_state();
    let zoom = use_state(|| Zoom::Months6);
    let Some(records) = app.records.as_ref() else {
        return html! { <Page section={Section::Timeline}><p>{ "Loading…" }</p></Page> };
    };
    let today = today();
    let evidence =
        html! { <Link<Route> to={Route::Evidence}>{ "The evidence behind these figures" }</Link<Route>> };
    if !records.sessions.iter().any(|s| s.is_done()) {
        return html! { <Page section={Section::Timeline}>{ empty_state(Section::Timeline) }<p>{ evidence }</p></Page> };
    }
    let due = match next_due(&records.sessions, None) {
        NextDue::Due { date, interval_weeks, .. } => {
            format!(
                "Next session due around {} (a typical interval of {interval_weeks} weeks).",
                display_date(date)
            )
        }
        NextDue::ProtocolComplete { sessions } => format!("Protocol complete: all {sessions} sessions done."),
        NextDue::NotStarted => String::new(),
    };
    let groups = entries_by_session(&records.entries, &records.sessions);
    html! {
        <Page section={Section::Timeline}>
            <section class="card you-are-here" aria-label="You are here">
                <p><strong>{ you_are_here(today, &records.sessions).unwrap_or_default() }</strong></p>
                <p>{ due }</p>
                <p class="muted">{ "The shaded band is the range of improvement groups of people report over time: an illustration, not a prediction for you." }</p>
            </section>
            <fieldset class="scale zoom">
                <legend>{ "Zoom" }</legend>
                <div class="scale__options">
                    { for Zoom::ALL.into_iter().map(|z| {
                        let zoom = zoom.clone();
                        let id = format!("zoom-{z:?}");
                        html! {
                            <div class="scale__option">
                                <input type="radio" name="zoom" id={id.clone()} checked={*zoom == z}
                                    onchange={Callback::from(move |_: Event| zoom.set(z))} />
                                <label for={id}><span class="scale__word">{ z.label() }</span></label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            { for records.profile.areas.iter().filter_map(|area| {
                let sessions: Vec<&Session> = records.sessions.iter().filter(|s| s.treats(&area.id)).collect();
                if sessions.is_empty() {
                    return None;
                }
                let entries: Vec<&RecoveryEntry> =
                    sessions.iter().flat_map(|s| groups.get(s.id.as_str()).cloned().unwrap_or_default()).collect();
                let window = zoom.window(today, &sessions);
                Some(html! {
                    <section class="card" aria-label={format!("{} timeline", area.name)}>
                        <h2>{ area.name.clone() }</h2>
                        { timeline_chart(&area.name, &sessions, &entries, today, window) }
                        <p class="chart__legend">
                            <span class="legend legend--band">{ "expected range" }</span>
                            <span class="legend legend--inflammation">{ "inflammation" }</span>
                            <span class="legend legend--proliferation">{ "proliferation" }</span>
                            <span class="legend legend--remodelling">{ "remodelling" }</span>
                            <span class="legend legend--redness">{ "your redness" }</span>
                            <span class="legend legend--gais">{ "your improvement rating" }</span>
                        </p>
                        <ul class="list" aria-label={format!("{} milestones", area.name)}>
                            { for milestones(&sessions.iter().map(|s| (*s).clone()).collect::<Vec<_>>()).into_iter().map(|m| html! {
                                <li class="list__item">
                                    { m.sentence() }
                                    <a href={format!("{}#source-{}", Route::Evidence.to_path(), m.source)}>{ "Evidence" }</a>
                                </li>
                            }) }
                        </ul>
                    </section>
                })
            }) }
            <p>{ evidence }</p>
        </Page>
    }
}
