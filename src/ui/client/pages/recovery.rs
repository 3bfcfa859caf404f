//! Recovery: the diary of check-ins, newest first.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::domain::sections::Section;
use crate::ui::client::components::entry_list::EntryList;
use crate::ui::client::routes::Route;
use crate::ui::shared::components::empty_state::empty_state;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[component]
pub fn RecoveryPage() -> Html {
    let app = use_app_state();
    // The whole diary: wait for the older check-ins too.
    let Some(records) = app.records.as_ref().filter(|r| r.entries_from.is_none()) else {
        return html! { <Page section={Section::Recovery}><p>{ app.waiting_message() }</p></Page> };
    };
    html! {
        <Page section={Section::Recovery}>
            <p><Link<Route> to={Route::RecoveryNew} classes="button">{ "Add a check-in" }</Link<Route>></p>
            if records.entries.is_empty() {
                { empty_state(Section::Recovery) }
            } else {
                <EntryList entries={records.entries.clone()} sessions={records.sessions.clone()} page_size={Some(30)} />
            }
        </Page>
    }
}
