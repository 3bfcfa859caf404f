//! Timeline: where the client is after their sessions, what usually comes next, and their own
//! data on the same axis.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::diary::aftercare::pigmentation_caution;
use crate::domain::diary::recovery::RecoveryEntry;
use crate::domain::diary::session::Session;
use crate::domain::sections::Section;
use crate::domain::text::dates::display_date;
use crate::domain::timeline::evidence_data::TYPICAL_INTERVAL_WEEKS;
use crate::domain::timeline::{milestones, next_due, you_are_here, NextDue, Protocol};
use crate::site::Href;
use crate::ui::client::routes::Route;
use crate::ui::platform::clock::today;
use crate::ui::shared::components::clinical_note::ClinicalNote;
use crate::ui::shared::components::empty_state::empty_state;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::components::timeline_chart::{own_ratings, timeline_chart, timeline_legend, Zoom};
use crate::ui::shared::context::use_app_state;

#[component]
pub fn TimelinePage() -> Html {
    let app = use_app_state();
    let zoom = use_state(|| Zoom::Months6);
    // Every zoom reaches back to the first session: wait for the older check-ins too.
    let Some(records) = app.records.as_ref().filter(|r| r.entries_from.is_none()) else {
        return html! { <Page section={Section::Timeline}><p>{ app.waiting_message() }</p></Page> };
    };
    let today = today();
    let evidence =
        html! { <Link<Route> to={Route::Evidence}>{ "The evidence behind these figures" }</Link<Route>> };
    if !records.sessions.iter().any(|s| s.is_done()) {
        return html! { <Page section={Section::Timeline}>{ empty_state(Section::Timeline) }<p>{ evidence }</p></Page> };
    }
    // A planned session is the client's own plan and wins over the typical interval.
    let planned =
        records.sessions.iter().filter(|s| !s.is_done() && s.date >= today).min_by_key(|s| s.when());
    let protocol = records
        .clinic
        .as_ref()
        .and_then(|c| c.protocol)
        .map(|p| Protocol { sessions: p.sessions, interval_weeks: p.interval_weeks });
    let clinic_name = records.clinic.as_ref().map(|c| c.name.as_str()).unwrap_or("your clinic");
    let next = next_due(&records.sessions, protocol);
    // The typical interval is a study figure: it links to its source; a clinic's own is not.
    let due_source = matches!((&planned, &next), (None, NextDue::Due { from_clinic: false, .. }))
        .then_some(TYPICAL_INTERVAL_WEEKS.source);
    let due = match (planned, next) {
        (Some(next), _) => format!("Next session planned for {}.", display_date(next.date)),
        (None, NextDue::Due { date, interval_weeks, from_clinic }) => format!(
            "Next session {} around {} ({}).",
            if date < today { "was due" } else { "due" },
            display_date(date),
            if from_clinic {
                format!("{clinic_name}'s protocol: every {interval_weeks} weeks")
            } else {
                format!("a typical interval of {interval_weeks} weeks")
            }
        ),
        (None, NextDue::ProtocolComplete { sessions }) => {
            format!("Protocol complete: all {sessions} sessions done.")
        }
        (None, NextDue::NotStarted) => String::new(),
    };
    // Each area's own series: sessions numbered within the area, like the chart's markers.
    let areas: Vec<(&str, Vec<&Session>)> = records
        .profile
        .areas
        .iter()
        .map(|a| (a.name.as_str(), records.sessions.iter().filter(|s| s.treats(&a.id)).collect::<Vec<_>>()))
        .filter(|(_, sessions)| sessions.iter().any(|s| s.is_done()))
        .collect();
    html! {
        <Page section={Section::Timeline}>
            <section class="card you-are-here" aria-label="You are here">
                <ul class="list">
                    { for areas.iter().filter_map(|(name, sessions)| {
                        let own: Vec<Session> = sessions.iter().map(|s| (*s).clone()).collect();
                        you_are_here(today, &own).map(|here| html! {
                            <li class="list__item">
                                <span><strong>{ format!("{name}: ") }</strong>{ here.sentence }</span>
                                <a href={Href::evidence(Some(here.source))}>{ "Evidence" }</a>
                            </li>
                        })
                    }) }
                </ul>
                <p>
                    { due }
                    if let Some(source) = due_source {
                        { " " }<a href={Href::evidence(Some(source))} aria-label="Source of the typical interval">{ "Source" }</a>
                    }
                </p>
                <p class="muted">{ "The shaded band is an illustration built from the published ranges on the evidence page: not data, and not a prediction for you." }</p>
            </section>
            if let Some(caution) = pigmentation_caution(records.profile.skin_type) {
                <section class="card notice notice--caution" aria-label="Pigmentation caution">
                    <p>{ caution }{ " " }<a href={Href::evidence(Some("chu2021"))}>{ "Source" }</a></p>
                </section>
            }
            <ClinicalNote />
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
                // Check-ins aren't per area: show every one from the area's first session on.
                let first = sessions.iter().filter(|s| s.is_done()).map(|s| s.date).min()?;
                let entries: Vec<&RecoveryEntry> = records.entries.iter().filter(|e| e.date >= first).collect();
                let window = zoom.window(today, &sessions);
                Some(html! {
                    <section class="card" aria-label={format!("{} timeline", area.name)}>
                        <h2>{ area.name.clone() }</h2>
                        { timeline_chart(&area.name, &sessions, today, window) }
                        { timeline_legend() }
                        { own_ratings(&area.name, &entries, window) }
                        <ul class="list" aria-label={format!("{} milestones", area.name)}>
                            { for milestones(&sessions.iter().map(|s| (*s).clone()).collect::<Vec<_>>()).into_iter().map(|m| html! {
                                <li class="list__item">
                                    { m.sentence() }
                                    <a href={Href::evidence(Some(m.source))}>{ "Evidence" }</a>
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
