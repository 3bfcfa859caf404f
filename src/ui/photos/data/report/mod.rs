//! The report for the clinic (`/data/report`): who the client is, every session with its
//! recovery, each area's timeline, and a before-and-after pair with its redness index, laid out
//! for the browser's "Print" / "Save as PDF" (styles/report.css holds the print rules: no
//! navigation or controls, sections kept whole, A4 and Letter margins).
//!
//! Everything is read from this device and printed by the browser: nothing is uploaded, and
//! the PDF is a file the client hands over themselves.

mod pair;
mod sections;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::exports::report::session_rows;
use crate::domain::photos::compare::first_session;
use crate::domain::sections::Section;
use crate::domain::text::dates::display_date;
use crate::ui::photos::actions::backup::print_page;
use crate::ui::photos::library::use_library;
use crate::ui::photos::routes::PhotoRoute;
use crate::ui::platform::clock::today;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;
use pair::ReportPair;

const HEADING: &str = "Report for your clinic";

#[component]
pub fn ReportPage() -> Html {
    let app = use_app_state();
    let library = use_library();
    let print_error = use_state(|| None::<String>);
    // The recovery summaries need every check-in, not only the recent ones read first.
    let records = app.records.clone().filter(|r| r.entries_from.is_none());
    let (Some(records), Some(photos)) = (records, library.photos.clone()) else {
        return html! { <Page section={Section::Settings} heading={HEADING}><p role="status">{ app.waiting_message() }</p></Page> };
    };
    let today = today();
    let rows = session_rows(&records.sessions, &records.entries, &records.profile);
    let on_print = {
        let print_error = print_error.clone();
        Callback::from(move |_: MouseEvent| print_error.set(print_page().err()))
    };
    html! {
        <Page section={Section::Settings} heading={HEADING}>
            <div class="report__controls">
                <p class="page__purpose">{ "A summary to print or save as a PDF, then hand or send to your clinic yourself. Choose the photos below first." }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={on_print}>{ "Print or save as PDF" }</button>
                    <Link<PhotoRoute> to={PhotoRoute::Data} classes="button button--quiet">{ "Back to your data" }</Link<PhotoRoute>>
                </div>
                if let Some(message) = &*print_error {
                    <p class="field__error" role="alert">{ message.clone() }</p>
                }
            </div>
            <p class="report__meta">{ format!("Prepared on {} with Remodel, from what the client recorded on their own device.", display_date(today)) }</p>
            { sections::about(&records) }
            { sections::sessions(&rows) }
            { sections::timeline(&records, today) }
            <ReportPair photos={photos} profile={records.profile.clone()} first_session={first_session(&records.sessions)} />
            <p class="report__meta">{ "Self-reported ratings (redness 0–4, pain 0–10). The redness index is measured from the photos on the device; uncalibrated readings depend on lighting." }</p>
        </Page>
    }
}
