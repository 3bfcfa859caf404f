//! "Export": the records as spreadsheets (CSV), the planned sessions as a calendar (.ics), and
//! the way to the report for the clinic.

use yew::prelude::*;
use yew_router::prelude::*;

use super::backup_card::outcome_view;
use crate::domain::exports::csv::{recovery_csv, sessions_csv};
use crate::domain::exports::ics::{
    calendar, planned_from, utc_stamp, CalendarOptions, CHECK_IN_DAYS, NOTHING_TO_ADD,
};
use crate::domain::text::iso::{format_date, parse_time};
use crate::storage::Records;
use crate::ui::photos::routes::PhotoRoute;
use crate::ui::platform::clock::today;
use crate::ui::platform::clock::unix_seconds;
use crate::ui::platform::deliver::use_delivery;
use crate::ui::platform::files::MadeFile;
use crate::ui::shared::components::field::{Checkbox, TextField};
use crate::ui::shared::context::use_app_state;

/// Which export.
#[derive(Clone, Copy, PartialEq)]
enum Export {
    Sessions,
    Recovery,
    Calendar,
}

#[component]
pub fn ExportsCard() -> Html {
    let app = use_app_state();
    let reminders = use_state(|| false);
    let reminder_time = use_state(|| "20:00".to_string());
    let time_error = use_state(|| None::<String>);
    // The calendar export found no planned session to add.
    let nothing = use_state(|| false);
    let (outcome, hand_over) = use_delivery();
    // Every check-in must be read before the diary is exported (start-up reads recent ones first).
    let records = app.records.clone().filter(|r| r.entries_from.is_none());

    let export = |what: Export| {
        let (records, reminders, reminder_time) = (records.clone(), reminders.clone(), reminder_time.clone());
        let (time_error, hand_over, nothing) = (time_error.clone(), hand_over.clone(), nothing.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(records) = records.clone() else { return };
            let check_in_at = match (*reminders, parse_time(&reminder_time)) {
                (false, _) => None,
                (true, Some(time)) => Some(time),
                (true, None) => {
                    time_error.set(Some("Enter a time such as 20:00. Nothing was exported.".into()));
                    return;
                }
            };
            time_error.set(None);
            if what == Export::Calendar && planned_from(&records.0.sessions, today()).is_empty() {
                nothing.set(true);
                return;
            }
            nothing.set(false);
            hand_over.emit(make(what, &records.0, check_in_at));
        })
    };
    let ready = records.is_some();
    html! {
        <section class="card" aria-labelledby="export-heading">
            <h2 id="export-heading">{ "Export" }</h2>
            <p>{ "Your sessions and recovery diary as spreadsheets, and your planned sessions for your phone's calendar." }</p>
            <div class="actions">
                <button type="button" class="button button--quiet" disabled={!ready} onclick={export(Export::Sessions)}>
                    { "Sessions (CSV)" }
                </button>
                <button type="button" class="button button--quiet" disabled={!ready} onclick={export(Export::Recovery)}>
                    { "Recovery diary (CSV)" }
                </button>
            </div>
            <Checkbox id="calendar-reminders" label={format!("Add a daily check-in reminder for {CHECK_IN_DAYS} days after each planned session")}
                checked={*reminders} on_change={Callback::from({ let r = reminders.clone(); move |on| r.set(on) })} />
            if *reminders {
                <TextField id="calendar-reminder-time" label="Reminder time" kind="time" value={(*reminder_time).clone()}
                    error={(*time_error).clone().map(AttrValue::from)}
                    on_change={Callback::from({ let t = reminder_time.clone(); move |v| t.set(v) })} />
            }
            <div class="actions">
                <button type="button" class="button button--quiet" disabled={!ready} onclick={export(Export::Calendar)}>
                    { "Planned sessions (calendar)" }
                </button>
            </div>
            if *nothing {
                <p class="field__hint" role="status">{ NOTHING_TO_ADD }</p>
            }
            <p>{ "A report of your sessions, recovery, timeline and a before-and-after pair, to print or save as a PDF for your clinic." }</p>
            <div class="actions">
                <Link<PhotoRoute> to={PhotoRoute::Report} classes="button button--quiet">{ "Report for your clinic" }</Link<PhotoRoute>>
            </div>
            if !ready {
                <p role="status">{ app.waiting_message() }</p>
            }
            { outcome_view(outcome.as_ref()) }
        </section>
    }
}

/// The export's file, named for today.
fn make(what: Export, records: &Records, check_in_at: Option<time::Time>) -> MadeFile {
    let day = format_date(today());
    match what {
        Export::Sessions => MadeFile::new(
            format!("remodel-sessions-{day}.csv"),
            "text/csv",
            sessions_csv(&records.sessions, &records.profile).into_bytes(),
        ),
        Export::Recovery => MadeFile::new(
            format!("remodel-recovery-{day}.csv"),
            "text/csv",
            recovery_csv(&records.entries, &records.sessions).into_bytes(),
        ),
        Export::Calendar => {
            let options = CalendarOptions { check_in_at };
            let text =
                calendar(&records.sessions, &records.profile, today(), &utc_stamp(unix_seconds()), options);
            MadeFile::new(format!("remodel-sessions-{day}.ics"), "text/calendar", text.into_bytes())
        }
    }
}
