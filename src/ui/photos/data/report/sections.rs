//! The report's printed sections, as plain functions of the records (no state, no effects): who
//! it is about, every session with its recovery, and each area's timeline.

use time::Date;
use yew::prelude::*;

use crate::domain::diary::recovery::RecoveryEntry;
use crate::domain::diary::session::Session;
use crate::domain::exports::report::{clinic_line, profile_lines, SessionRow};
use crate::domain::text::dates::display_date;
use crate::domain::timeline::you_are_here;
use crate::storage::Records;
use crate::ui::shared::components::clinical_note::ClinicalNote;
use crate::ui::shared::components::timeline_chart::{own_ratings, timeline_chart, timeline_legend, Zoom};

/// A section of the report, named by its heading (tests and screen readers find it by that).
pub(super) fn section(id: &str, heading: &str, body: Html) -> Html {
    let heading_id = format!("report-{id}");
    html! {
        <section class="card report__section" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ heading.to_string() }</h2>
            { body }
        </section>
    }
}

/// The client's profile and their clinic.
pub fn about(records: &Records) -> Html {
    let lines = profile_lines(&records.profile);
    let clinic = records.clinic.as_ref().map(|clinic| ("Clinic", clinic_line(clinic)));
    let body = if lines.is_empty() && clinic.is_none() {
        html! { <p>{ "No profile details were entered." }</p> }
    } else {
        html! {
            <dl class="report__facts">
                { for lines.into_iter().chain(clinic).map(|(label, value)| html! {
                    <><dt>{ label }</dt><dd>{ value }</dd></>
                }) }
            </dl>
        }
    };
    section("about", "About me", body)
}

/// Every done session with its recovery, oldest first.
pub fn sessions(rows: &[SessionRow]) -> Html {
    let body = if rows.is_empty() {
        html! { <p>{ "No sessions have been logged as done." }</p> }
    } else {
        html! {
            <table class="report__table">
                <thead>
                    <tr>
                        <th scope="col">{ "Date" }</th>
                        <th scope="col">{ "Areas and depth" }</th>
                        <th scope="col">{ "Device" }</th>
                        <th scope="col">{ "Pain" }</th>
                        <th scope="col">{ "Recovery" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr>
                            <td>{ display_date(row.date) }</td>
                            <td>{ row.areas.clone() }</td>
                            <td>{ row.device.clone() }</td>
                            <td>{ row.pain.map(|p| format!("{p}/10")).unwrap_or_else(|| "–".into()) }</td>
                            <td>
                                { row.recovery.sentence() }
                                { for row.recovery.flags().into_iter().map(|flag| html! {
                                    <strong class="report__flag">{ flag }</strong>
                                }) }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        }
    };
    section("sessions", "Sessions and recovery", body)
}

/// Each treated area's whole timeline: where the client is now, and the chart from the first
/// session on, with the client's own ratings over the expected range.
pub fn timeline(records: &Records, today: Date) -> Html {
    let areas: Vec<Html> = records
        .profile
        .areas
        .iter()
        .filter_map(|area| {
            let sessions: Vec<&Session> = records.sessions.iter().filter(|s| s.treats(&area.id)).collect();
            let first = sessions.iter().filter(|s| s.is_done()).map(|s| s.date).min()?;
            let entries: Vec<&RecoveryEntry> = records.entries.iter().filter(|e| e.date >= first).collect();
            let own: Vec<Session> = sessions.iter().map(|s| (*s).clone()).collect();
            let window = Zoom::All.window(today, &sessions);
            Some(html! {
                <div class="report__area">
                    <h3>{ area.name.clone() }</h3>
                    if let Some(here) = you_are_here(today, &own) {
                        <p>{ here.sentence }</p>
                    }
                    { timeline_chart(&area.name, &sessions, today, window) }
                    { own_ratings(&area.name, &entries, window) }
                </div>
            })
        })
        .collect();
    let body = if areas.is_empty() {
        html! { <p>{ "The timeline starts with the first session logged as done." }</p> }
    } else {
        html! {
            <>
                { for areas }
                { timeline_legend() }
                <p class="muted">{ "Check-ins are not recorded per area: each chart shows every check-in since that area's first session. The shaded band illustrates published ranges (see the app's evidence page); it is not data, and not a prediction." }</p>
                <ClinicalNote />
            </>
        }
    };
    section("timeline", "Timeline", body)
}
