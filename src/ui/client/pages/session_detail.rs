//! One session: its details, its check-ins and recovery curve, and how it compares with the
//! area's other sessions.

use std::collections::HashMap;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::diary::recovery::{entries_by_session, RecoveryEntry, REDNESS_WORDS};
use crate::domain::diary::recovery_curve::{
    comparison_sentence, recovery_curve, session_number, NumberedCurve,
};
use crate::domain::diary::session::{format_depth, Session};
use crate::domain::sections::Section;
use crate::domain::text::dates::display_date;
use crate::storage::Records;
use crate::ui::client::components::entry_list::EntryList;
use crate::ui::client::components::recovery_chart::ChartSeries;
use crate::ui::client::components::recovery_chart::RecoveryChart;
use crate::ui::client::routes::Route;
use crate::ui::shared::actions::{report_into, use_record_actions};
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;
use crate::ui::shared::state::SharedRecords;

#[derive(Properties, PartialEq)]
pub struct SessionDetailPageProps {
    pub id: String,
}

#[component]
pub fn SessionDetailPage(props: &SessionDetailPageProps) -> Html {
    let app = use_app_state();
    let actions = use_record_actions();
    let navigator = use_navigator();
    let delete_error = use_state(|| None::<String>);
    let Some(records) = app.records.as_ref() else {
        return html! { <Page section={Section::Sessions} heading="Session"><p>{ "Loading…" }</p></Page> };
    };
    // Grouped once for the page: the curve, the list and every comparison use it.
    let groups = entries_by_session(&records.entries, &records.sessions);
    let Some(session) = records.sessions.iter().find(|s| s.id == props.id) else {
        return html! {
            <Page section={Section::Sessions} heading="Session">
                <p>{ "This session no longer exists." }</p>
                <Link<Route> to={Route::Sessions}>{ "All sessions" }</Link<Route>>
            </Page>
        };
    };
    if !shows_complete_data(session, records, &groups) {
        return html! { <Page section={Section::Sessions} heading="Session"><p>{ app.waiting_message() }</p></Page> };
    }
    let entries: Vec<RecoveryEntry> = groups
        .get(session.id.as_str())
        .map(|list| list.iter().map(|e| (*e).clone()).collect())
        .unwrap_or_default();
    let curve = recovery_curve(session, &entries.iter().collect::<Vec<_>>());
    let ondelete = {
        let (session, entries, report) =
            (session.clone(), entries.clone(), report_into(delete_error.clone()));
        Callback::from(move |_: MouseEvent| {
            let (navigator, report) = (navigator.clone(), report.clone());
            actions.delete_session(
                session.clone(),
                entries.clone(),
                Callback::from(move |r: Result<(), _>| {
                    if r.is_ok() {
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Sessions);
                        }
                    }
                    report.emit(r);
                }),
            );
        })
    };
    let series = vec![
        ChartSeries {
            label: "Redness (0-4)".into(),
            class: "series-redness",
            max: 4.0,
            points: curve.iter().map(|p| (p.day, p.redness as f64)).collect(),
        },
        ChartSeries {
            label: "Swelling (0-3)".into(),
            class: "series-swelling",
            max: 3.0,
            points: curve.iter().map(|p| (p.day, p.swelling as f64)).collect(),
        },
        ChartSeries {
            label: "Pain (0-10)".into(),
            class: "series-pain",
            max: 10.0,
            points: curve.iter().filter_map(|p| p.pain.map(|v| (p.day, v as f64))).collect(),
        },
    ];
    html! {
        <Page section={Section::Sessions} heading={format!("Session on {}", display_date(session.date))}>
            <SessionFacts session={session.clone()} records={records.clone()} />
            <p class="actions">
                <Link<Route> to={Route::SessionEdit { id: session.id.clone() }} classes="button">{ "Edit session" }</Link<Route>>
                <button type="button" class="button button--danger" onclick={ondelete}>{ "Delete session" }</button>
            </p>
            if let Some(message) = &*delete_error {
                <p class="field__error" role="alert">{ message.clone() }</p>
            }
            <section class="card" aria-labelledby="recovery-heading">
                <h2 id="recovery-heading">{ "Recovery" }</h2>
                if curve.is_empty() {
                    <p>{ "No check-ins after this session yet." }</p>
                } else {
                    <RecoveryChart title="Redness, swelling and pain by day after this session" {series} />
                }
                if !entries.is_empty() {
                    // A week of check-ins at first: the chart above shows every day.
                    <EntryList entries={entries.clone()} sessions={records.sessions.clone()} page_size={Some(7)} />
                }
            </section>
            { for session.areas.iter().map(|t| area_comparison(&t.area_id, records, &groups)) }
        </Page>
    }
}

#[derive(Properties, PartialEq)]
struct SessionFactsProps {
    session: Session,
    records: SharedRecords,
}

#[component]
fn SessionFacts(props: &SessionFactsProps) -> Html {
    let s = &props.session;
    let areas: Vec<String> = s
        .areas
        .iter()
        .map(|t| {
            let name = props.records.profile.area_name(&t.area_id);
            match t.depth_mm {
                Some(d) => format!("{name} at {} mm", format_depth(d)),
                None => name,
            }
        })
        .collect();
    html! {
        <dl class="facts card">
            <dt>{ "Status" }</dt><dd>{ if s.is_done() { "Done" } else { "Planned" } }</dd>
            <dt>{ "Areas" }</dt><dd>{ areas.join(", ") }</dd>
            <dt>{ "Device" }</dt><dd>{ format!("{} {}", s.device.label(), s.device_model).trim().to_string() }</dd>
            <dt>{ "Where" }</dt><dd>{ if s.at_home { "At home" } else { "At a clinic" } }</dd>
            if let Some(p) = s.passes { <dt>{ "Passes" }</dt><dd>{ p }</dd> }
            if !s.products.is_empty() { <dt>{ "Products" }</dt><dd>{ s.products.join(", ") }</dd> }
            <dt>{ "Numbing" }</dt><dd>{ if s.numbing { "Yes" } else { "No" } }</dd>
            if !s.clinic.is_empty() { <dt>{ "Clinic" }</dt><dd>{ s.clinic.clone() }</dd> }
            if !s.practitioner.is_empty() { <dt>{ "Practitioner" }</dt><dd>{ s.practitioner.clone() }</dd> }
            if let Some(p) = s.pain { <dt>{ "Pain" }</dt><dd>{ format!("{p} / 10") }</dd> }
            if !s.notes.is_empty() { <dt>{ "Notes" }</dt><dd class="notes">{ s.notes.clone() }</dd> }
        </dl>
    }
}

/// How many of an area's sessions the comparison overlays.
const MAX_COMPARED: usize = 4;

/// Whether the check-ins read so far are enough for this page, exactly as it will look with all
/// of them (start-up reads recent check-ins first): the session's own check-ins are there, and for
/// each of its areas either no session is older than the first read, or more than
/// [`MAX_COMPARED`] sessions with check-ins are within it (so the comparison picks the same
/// sessions and says "last 4" either way).
fn shows_complete_data(
    session: &Session,
    records: &Records,
    groups: &HashMap<&str, Vec<&RecoveryEntry>>,
) -> bool {
    let Some(from) = records.entries_from else { return true };
    session.date >= from
        && session.areas.iter().all(|treated| {
            let of_area = || records.sessions.iter().filter(|s| s.treats(&treated.area_id));
            of_area().all(|s| s.date >= from)
                || of_area()
                    .filter(|s| s.date >= from)
                    .filter(|s| {
                        !recovery_curve(s, groups.get(s.id.as_str()).map(Vec::as_slice).unwrap_or_default())
                            .is_empty()
                    })
                    .count()
                    > MAX_COMPARED
        })
}

/// Redness after each of an area's recent sessions on one chart, and the sentence computed from
/// them. A plain function, not a component: it has no state of its own.
fn area_comparison(area_id: &str, records: &Records, groups: &HashMap<&str, Vec<&RecoveryEntry>>) -> Html {
    let Some(area) = records.profile.area(area_id) else { return html! {} };
    let mut numbered: Vec<(usize, Vec<_>)> = records
        .sessions
        .iter()
        .filter_map(|s| {
            let number = session_number(&area.id, &s.id, &records.sessions)?;
            let curve = recovery_curve(s, groups.get(s.id.as_str()).map(Vec::as_slice).unwrap_or_default());
            (!curve.is_empty()).then_some((number, curve))
        })
        .collect();
    numbered.sort_by_key(|(n, _)| *n);
    // More than a few overlaid lines can't be read: compare the most recent sessions with data.
    let skipped = numbered.len().saturating_sub(MAX_COMPARED);
    numbered.drain(..skipped);
    let curves: Vec<NumberedCurve> =
        numbered.iter().map(|(n, c)| NumberedCurve { number: *n, curve: c }).collect();
    let with_data = curves.iter().filter(|c| !c.curve.is_empty()).count();
    let Some(sentence) = comparison_sentence(&curves).filter(|_| with_data >= 2) else { return html! {} };
    let series: Vec<ChartSeries> = numbered
        .iter()
        .filter(|(_, c)| !c.is_empty())
        .enumerate()
        .map(|(i, (n, c))| ChartSeries {
            label: format!("Session {n}"),
            class: ["series-1", "series-2", "series-3", "series-4"][i % 4],
            max: 4.0,
            points: c.iter().map(|p| (p.day, p.redness as f64)).collect(),
        })
        .collect();
    html! {
        <section class="card" aria-label={format!("{} sessions compared", area.name)}>
            <h2>{ if skipped > 0 { format!("{}: last {MAX_COMPARED} sessions compared", area.name) } else { format!("{}: sessions compared", area.name) } }</h2>
            <p class="comparison">{ sentence }</p>
            <RecoveryChart title={format!("Redness after each {} session", area.name)} {series} y_words={Some(&REDNESS_WORDS[..])} markers=false />
        </section>
    }
}
