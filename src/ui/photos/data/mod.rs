//! "Your data" (`/data`, in the photos app): back up, restore, export, the report for the clinic,
//! and deleting everything. In the photos app rather than the client's first load: the backup
//! container, the exports and the report weigh more than the whole first-load budget allows, and
//! a backup needs the photos anyway (README "Your data").

mod backup_card;
mod delete_card;
mod exports_card;
mod handover;
mod progress_bar;
mod report;
mod restore_card;

use yew::prelude::*;

use crate::domain::backup::nudge::BackupStatus;
use crate::domain::sections::Section;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;
use crate::ui::shared::state::Action;
use backup_card::BackupCard;
use delete_card::DeleteCard;
use exports_card::ExportsCard;
pub use handover::use_earlier_backup_files_removed;
pub use report::ReportPage;
use restore_card::RestoreCard;

#[component]
pub fn DataPage() -> Html {
    let app = use_app_state();
    // One source for the status: the app's records. A backup made here goes into them (so
    // Settings, in the same app, shows it too); a restore or a deletion reads them again.
    let status = app.records.as_ref().map(|r| r.backup.clone());
    let on_backed_up = {
        let app = app.clone();
        Callback::from(move |status: BackupStatus| app.dispatch(Action::BackupMade(status)))
    };
    html! {
        <Page section={Section::Settings} heading="Your data">
            <p class="page__purpose">{ "Everything stays on this device unless you save or share a file yourself." }</p>
            <BackupCard {status} {on_backed_up} />
            <RestoreCard />
            <ExportsCard />
            <DeleteCard />
        </Page>
    }
}
