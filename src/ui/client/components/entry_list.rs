//! Check-ins as a list: date, day after the session, the scores, and edit / delete.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::diary::recovery::{
    day_number, gais_word, mild_scale_word, redness_word, session_of, RecoveryEntry,
};
use crate::domain::diary::session::Session;
use crate::domain::text::dates::display_date;
use crate::ui::client::links::in_app_links;
use crate::ui::client::routes::Route;
use crate::ui::shared::actions::{report_into, use_record_actions};

#[derive(Properties, PartialEq)]
pub struct EntryListProps {
    pub entries: Vec<RecoveryEntry>,
    pub sessions: Vec<Session>,
    /// Show the most recent this many, and all on request: a diary of years renders much faster
    /// (the session page's render time halved with three years of data). Everything when `None`.
    #[prop_or_default]
    pub page_size: Option<usize>,
}

#[component]
pub fn EntryList(props: &EntryListProps) -> Html {
    let actions = use_record_actions();
    let error = use_state(|| None::<String>);
    // Plain links with one handler: a router component per row slows a long diary.
    let follow_links = in_app_links(use_navigator());
    let page_size = props.page_size.unwrap_or(usize::MAX);
    let expanded = use_state(|| false);
    let total = props.entries.len();
    let mut entries = props.entries.clone();
    entries.sort_by_key(|e| std::cmp::Reverse(e.date));
    if !*expanded {
        entries.truncate(page_size);
    }
    // One button that stays where it is (so keyboard focus does too) and switches both ways.
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    html! {
        <>
            if let Some(message) = &*error {
                <p class="field__error" role="alert">{ message.clone() }</p>
            }
            <ul class="list" id="check-in-list" aria-label="Check-ins" onclick={follow_links}>
                { for entries.into_iter().map(|entry| {
                    let session = session_of(&entry, &props.sessions);
                    let day = session.map(|s| format!("Day {} after the session of {}", day_number(s.date, entry.date), display_date(s.date)));
                    let when = display_date(entry.date);
                    let ondelete = {
                        let (actions, entry, report) = (actions.clone(), entry.clone(), report_into(error.clone()));
                        Callback::from(move |_: MouseEvent| actions.delete_entry(entry.clone(), report.clone()))
                    };
                    html! {
                        <li class="list__item list__item--entry">
                            <div>
                                <strong>{ when.clone() }</strong>
                                if let Some(day) = day { <span class="muted">{ format!(" · {day}") }</span> }
                            </div>
                            <div>
                                { format!("Redness {} ({}), swelling {}", entry.redness, redness_word(entry.redness), mild_scale_word(entry.swelling)) }
                                if let Some(pain) = entry.pain { { format!(", pain {pain}/10") } }
                                if let Some(gais) = entry.gais { { format!(", improvement: {}", gais_word(gais)) } }
                            </div>
                            if !entry.notes.is_empty() { <p class="notes">{ entry.notes.clone() }</p> }
                            <div class="actions">
                                <a href={Route::RecoveryEdit { id: entry.id.clone() }.to_path()}>
                                    <span>{ "Edit" }</span><span class="visually-hidden">{ format!(" check-in of {when}") }</span>
                                </a>
                                <button type="button" class="button button--quiet" onclick={ondelete}
                                    aria-label={format!("Delete check-in of {when}")}>{ "Delete" }</button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
            if total > page_size {
                // A disclosure: one fixed name, and whether the full list is shown.
                <button type="button" class="button button--quiet" onclick={toggle}
                    aria-expanded={expanded.to_string()} aria-controls="check-in-list">
                    { format!("Show all {total} check-ins") }
                </button>
            }
        </>
    }
}
