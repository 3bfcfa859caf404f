//! Today: days since the last session, today's check-in, the next planned session, and any
//! reason to contact the clinic.

use time::Duration;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::backup::nudge::backup_nudge;
use crate::domain::device::getting_started::{areas_without_photo, getting_started, SetupFacts};
use crate::domain::device::home_screen;
use crate::domain::diary::recovery::{day_number, improvement_rating_due, mild_scale_word, redness_word};
use crate::domain::diary::safety::current_prompt;
use crate::domain::sections::Section;
use crate::domain::text::dates::{display_date, relative_days};
use crate::site::Href;
use crate::ui::client::components::check_in_card::CheckInCard;
use crate::ui::client::components::getting_started_card::GettingStartedCard;
use crate::ui::client::components::safety_card::safety_card;
use crate::ui::client::home_screen::use_home_screen_guide;
use crate::ui::client::routes::Route;
use crate::ui::platform::clock::today;
use crate::ui::shared::components::clinic_card::clinic_card;
use crate::ui::shared::components::empty_state::empty_state;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[component]
pub fn TodayPage() -> Html {
    let app = use_app_state();
    let today = today();
    let checked_in_today = app.records.as_ref().map(|r| r.entries.iter().find(|e| e.date == today));
    let checked_in_card = use_node_ref();
    let (home_screen_guide, dismiss_guide) = use_home_screen_guide();
    {
        // Done on the check-in card replaces it with this summary: move focus there, so keyboard
        // and screen-reader users hear that it was saved (not on the first render, though).
        let checked_now = checked_in_today.map(|entry| entry.is_some());
        let before = use_mut_ref(|| None::<bool>);
        let card = checked_in_card.clone();
        use_effect_with(checked_now, move |now| {
            if *before.borrow() == Some(false) && *now == Some(true) {
                if let Some(el) = card.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
            *before.borrow_mut() = *now;
        });
    }
    let (Some(records), Some(checked_in_today)) = (app.records.as_ref(), checked_in_today) else {
        return html! { <Page section={Section::Today}><p>{ "Loading…" }</p></Page> };
    };
    let last_done =
        records.sessions.iter().filter(|s| s.is_done() && s.date <= today).max_by_key(|s| s.when());
    let next_planned =
        records.sessions.iter().filter(|s| !s.is_done() && s.date >= today).min_by_key(|s| s.when());
    let overdue = records.sessions.iter().filter(|s| !s.is_done() && s.date < today).max_by_key(|s| s.when());
    // The check-in card, the safety prompt and the weekly rating read the check-ins since the
    // last session (and at least the last week): wait for them if the first read stopped later.
    let needed = last_done.map_or(today, |s| s.date).min(today - Duration::days(7));
    if !records.has_entries_since(needed) {
        return html! { <Page section={Section::Today}><p>{ app.waiting_message() }</p></Page> };
    }
    let prompt = current_prompt(today, &records.sessions, &records.entries);
    let session_clinic = prompt
        .as_ref()
        .and_then(|p| p.session_id.as_ref())
        .and_then(|id| records.sessions.iter().find(|s| &s.id == id))
        .map(|s| s.clinic.as_str())
        .filter(|c| !c.is_empty());
    let oldest = records.sessions.iter().map(|s| s.date).chain(records.entries.iter().map(|e| e.date)).min();
    let backup_due = backup_nudge(&records.backup, today, oldest);
    html! {
        <Page section={Section::Today}>
            if let Some(prompt) = prompt {
                { safety_card(&prompt, session_clinic, records.clinic.as_ref()) }
            }
            if home_screen_guide {
                { home_screen_card(dismiss_guide) }
            }
            if let Some(reason) = backup_due {
                <section class="card" aria-labelledby="backup-due-heading">
                    <h2 id="backup-due-heading">{ "Time for a backup" }</h2>
                    <p>{ reason }{ " A backup file keeps your records and photos if this phone or browser loses them." }</p>
                    <a class="button button--quiet" href={Href::data()}>{ "Back up now" }</a>
                </section>
            }
            <GettingStartedCard skipped={records.setup_skipped.clone()} state={getting_started(&SetupFacts {
                    area_count: records.profile.areas.len(),
                    screening_answered: records.profile.screening.is_some(),
                    has_session: !records.sessions.is_empty(),
                    areas_without_photo: areas_without_photo(&records.profile, &records.photographed_areas),
                    backed_up: records.backup.last_backup.is_some(),
                }, &records.setup_skipped)} />
            { match last_done {
                Some(session) => html! {
                    <section class="card" aria-label="Last session">
                        <p class="big-number">{ format!("Day {}", day_number(session.date, today)) }</p>
                        <p>
                            { "since your last session, on " }
                            <Link<Route> to={Route::SessionDetail { id: session.id.clone() }}>{ display_date(session.date) }</Link<Route>>
                        </p>
                    </section>
                },
                None => html! {
                    <>
                        { empty_state(Section::Today) }
                        // With no areas yet, "Getting started" above leads the way instead.
                        if !records.profile.areas.is_empty() {
                            <p><Link<Route> to={Route::SessionNew} classes="button">{ "Add your first session" }</Link<Route>></p>
                        }
                    </>
                },
            } }
            { match checked_in_today {
                Some(entry) => html! {
                    <section class="card" aria-label="Today's check-in" tabindex="-1" ref={checked_in_card}>
                        <p>{ format!("Checked in today: redness {}, swelling {}.",
                            redness_word(entry.redness),
                            mild_scale_word(entry.swelling)) }</p>
                        <Link<Route> to={Route::RecoveryEdit { id: entry.id.clone() }}>{ "Edit today's check-in" }</Link<Route>>
                    </section>
                },
                None => html! { <CheckInCard sessions={records.sessions.clone()} /> },
            } }
            if improvement_rating_due(today, &records.sessions, &records.entries) {
                <section class="card" aria-labelledby="rating-heading">
                    <h2 id="rating-heading">{ "Weekly check" }</h2>
                    <p>{ "How much has your skin improved since your first session? A rating each week shows the trend." }</p>
                    <Link<Route> to={Route::RecoveryNew}>{ "Rate your improvement" }</Link<Route>>
                </section>
            }
            if let Some(late) = overdue {
                <section class="card" aria-label="Planned session in the past">
                    <p>{ format!("A session was planned for {} ({}). If it took place, mark it done so your recovery counts from it.",
                        display_date(late.date), relative_days(late.date, today)) }</p>
                    <Link<Route> to={Route::SessionEdit { id: late.id.clone() }}>{ "Update that session" }</Link<Route>>
                </section>
            }
            if let Some(clinic) = &records.clinic {
                { clinic_card(clinic, true) }
            }
            if let Some(next) = next_planned {
                <section class="card" aria-label="Next session">
                    <p>{ format!("Next session: {} ({})", display_date(next.date), relative_days(next.date, today)) }</p>
                </section>
            }
            if !records.profile.areas.is_empty() {
                <p><Link<Route> to={Route::Profile}>{ "Your profile: areas, skin type and goals" }</Link<Route>></p>
            }
        </Page>
    }
}

/// Safari's 7-day rule and how to avoid it (WebKit browser tabs only; see `domain::home_screen`).
fn home_screen_card(dismiss: Callback<MouseEvent>) -> Html {
    html! {
        <section class="card" aria-labelledby="home-screen-heading">
            <h2 id="home-screen-heading">{ home_screen::HEADING }</h2>
            <p>{ home_screen::WHY }</p>
            <ol>
                { for home_screen::STEPS.iter().map(|step| html! { <li>{ *step }</li> }) }
            </ol>
            <button type="button" class="button button--quiet" onclick={dismiss}>{ "Dismiss" }</button>
        </section>
    }
}
