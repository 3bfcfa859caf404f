//! "Your data" (`/data`, in the photos app): back up, restore, export, the report for the clinic,
//! and deleting everything. In the photos app rather than the client's first load: the backup
//! container, the exports and the report weigh more than the whole first-load budget allows, and
//! a backup needs the photos anyway (README "Your data").

mod backup_card;
mod crypto;
mod delete_card;
mod deliver;
mod exports_card;
mod files;
mod progress_bar;
mod report;
mod services;

use yew::prelude::*;

use crate::domain::backup::nudge::BackupStatus;
use crate::domain::sections::Section;
use crate::storage;
use crate::ui::components::Page;
use crate::ui::hooks::use_db;
use backup_card::BackupCard;
use delete_card::DeleteCard;
use exports_card::ExportsCard;
pub use report::{PairQuery, ReportPage};
use restore_card::RestoreCard;

mod restore_card;

/// This device's backup status, read once the database is open; `reload` reads it again.
#[hook]
fn use_backup_status() -> (Option<BackupStatus>, Callback<()>) {
    let db = use_db();
    let status = use_state(|| None::<BackupStatus>);
    let generation = use_state(|| 0u32);
    {
        let status = status.clone();
        use_effect_with((db, *generation), move |(db, _)| {
            if let Some(db) = db.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    status.set(Some(storage::load_backup_status(&db.0).await.unwrap_or_default()));
                });
            }
        });
    }
    let reload = Callback::from(move |_| generation.set(*generation + 1));
    ((*status).clone(), reload)
}

#[component]
pub fn DataPage() -> Html {
    let (status, reload_status) = use_backup_status();
    let on_backed_up = {
        let reload_status = reload_status.clone();
        Callback::from(move |_: BackupStatus| reload_status.emit(()))
    };
    html! {
        <Page section={Section::Settings} heading="Your data">
            <p class="page__purpose">{ "Everything stays on this device unless you save or share a file yourself." }</p>
            <BackupCard {status} {on_backed_up} />
            <RestoreCard on_restored={reload_status} />
            <ExportsCard />
            <DeleteCard />
        </Page>
    }
}
