//! The backup's effects, in two taps: "Back up now" builds the file; "Save backup" hands it over.
//!
//! Safari lets `navigator.share` run only inside a tap, and a backup takes seconds to build, so
//! sharing straight after building fails there. The file is built first and kept in the browser;
//! the "Save backup" tap calls the share sheet at once. Where sharing is missing or refused, the
//! file is downloaded instead, and since a page can't see where a download went, the person
//! confirms with "I saved it". Only then, or when the share sheet reports success, is the backup
//! recorded as made: a cancelled share is not a backup.

use std::rc::Rc;

use yew::prelude::*;

use super::progress_bar::report_into;
use crate::domain::backup::nudge::BackupStatus;
use crate::ui::photos::actions::backup::{make_backup, record_backup, Progress, ReadyBackup};
use crate::ui::platform::files::{save, share_outcome, shareable, start_share, ShareOutcome};
use crate::ui::shared::hooks::storage::use_db;

/// Where the backup stands, for the card to show.
#[derive(Clone)]
pub struct BackupFlow {
    pub ready: Option<Rc<ReadyBackup>>,
    pub progress: Option<Progress>,
    /// A download was started: waiting for "I saved it".
    pub awaiting_confirmation: bool,
    /// The last step's message: a status when it worked, an alert when not.
    pub outcome: Option<Result<String, String>>,
    /// Builds the file (with the passphrase, when one is given).
    pub make: Callback<Option<String>>,
    /// Hands the built file over: the share sheet, or a download.
    pub save: Callback<MouseEvent>,
    /// Downloads the built file, where the browser could share it too (never a dead end: a
    /// download started after a refused share may itself be blocked outside the tap).
    pub download: Option<Callback<MouseEvent>>,
    /// The person saved the downloaded file somewhere: record the backup.
    pub confirm: Callback<MouseEvent>,
}

const KEEP_IT_AWAY: &str =
    " Keep it somewhere other than this phone, such as a computer or a cloud drive you trust.";

/// Once, when the photos app opens: the file of a backup made on an earlier visit (kept on disk
/// while it was handed over) goes, so its gigabytes do not stay on the device.
#[hook]
pub fn use_earlier_backup_files_removed() {
    use_effect_with((), |_| {
        wasm_bindgen_futures::spawn_local(crate::ui::platform::backup_sink::forget_backup_files());
    });
}

#[hook]
pub fn use_backup_flow(on_backed_up: Callback<BackupStatus>) -> BackupFlow {
    let db = use_db();
    let ready = use_state(|| None::<Rc<ReadyBackup>>);
    let progress = use_state(|| None::<Progress>);
    let awaiting_confirmation = use_state(|| false);
    let outcome = use_state(|| None::<Result<String, String>>);

    let make = {
        let (db, ready, progress) = (db.clone(), ready.clone(), progress.clone());
        let (awaiting_confirmation, outcome) = (awaiting_confirmation.clone(), outcome.clone());
        Callback::from(move |passphrase: Option<String>| {
            let Some(db) = db.clone() else { return };
            ready.set(None);
            outcome.set(None);
            awaiting_confirmation.set(false);
            let (ready, progress, outcome) = (ready.clone(), progress.clone(), outcome.clone());
            let report = report_into(&progress);
            wasm_bindgen_futures::spawn_local(async move {
                let built = make_backup(&db.0, passphrase, report).await;
                progress.set(None);
                match built {
                    Ok(backup) => {
                        let mut message = format!("Your backup is ready: {}.", backup.describe());
                        if backup.left_out > 0 {
                            message.push_str(&format!(
                                " {} damaged records could not be included.",
                                backup.left_out
                            ));
                        }
                        outcome.set(Some(Ok(message)));
                        ready.set(Some(Rc::new(backup)));
                    }
                    Err(message) => outcome.set(Some(Err(message))),
                }
            });
        })
    };

    // Records the backup, then tells the page (Settings and the nudge read the same status).
    let record = {
        let (db, outcome, on_backed_up) = (db.clone(), outcome.clone(), on_backed_up.clone());
        Callback::from(move |(status, done): (BackupStatus, String)| {
            let Some(db) = db.clone() else { return };
            let (outcome, on_backed_up) = (outcome.clone(), on_backed_up.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match record_backup(&db.0, &status).await {
                    Ok(()) => {
                        on_backed_up.emit(status);
                        outcome.set(Some(Ok(format!("{done}{KEEP_IT_AWAY}"))));
                    }
                    Err(message) => outcome.set(Some(Err(message))),
                }
            });
        })
    };

    let save_click = {
        let (ready, awaiting_confirmation, outcome, record) =
            (ready.clone(), awaiting_confirmation.clone(), outcome.clone(), record.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(backup) = (*ready).clone() else { return };
            // Inside the tap: the share sheet opens now or not at all.
            let Some(sheet) = start_share(&backup.file) else {
                download(&backup, "", &awaiting_confirmation, &outcome);
                return;
            };
            let (awaiting_confirmation, outcome, record) =
                (awaiting_confirmation.clone(), outcome.clone(), record.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match share_outcome(sheet).await {
                    ShareOutcome::Shared => {
                        record.emit((backup.status.clone(), format!("Shared {}.", backup.name())))
                    }
                    ShareOutcome::Cancelled => {
                        outcome.set(Some(Ok("Not shared: nothing left this device.".to_string())))
                    }
                    ShareOutcome::Refused => download(
                        &backup,
                        "This browser would not share the file, so it was downloaded instead. ",
                        &awaiting_confirmation,
                        &outcome,
                    ),
                }
            });
        })
    };

    let download_click = {
        let (ready, awaiting_confirmation, outcome) =
            (ready.clone(), awaiting_confirmation.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(backup) = (*ready).clone() {
                download(&backup, "", &awaiting_confirmation, &outcome);
            }
        })
    };

    let confirm = {
        let (ready, awaiting_confirmation) = (ready.clone(), awaiting_confirmation.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(backup) = (*ready).clone() else { return };
            awaiting_confirmation.set(false);
            record.emit((backup.status.clone(), format!("Backup recorded: {}.", backup.name())));
        })
    };

    BackupFlow {
        ready: (*ready).clone(),
        progress: (*progress).clone(),
        awaiting_confirmation: *awaiting_confirmation,
        outcome: (*outcome).clone(),
        make,
        save: save_click,
        download: ready.as_ref().filter(|backup| shareable(&backup.file).is_some()).map(|_| download_click),
        confirm,
    }
}

/// Downloads the backup; since a page can't see where a download went, the person then confirms.
fn download(
    backup: &ReadyBackup,
    why: &str,
    awaiting_confirmation: &UseStateHandle<bool>,
    outcome: &UseStateHandle<Option<Result<String, String>>>,
) {
    match save(&backup.file) {
        Ok(()) => {
            awaiting_confirmation.set(true);
            outcome.set(Some(Ok(format!(
                "{why}Downloaded {}. Once it is somewhere off this phone (a computer, or a cloud drive you trust), tap \u{201c}I saved it\u{201d}.",
                backup.name()
            ))));
        }
        Err(message) => outcome.set(Some(Err(message))),
    }
}
