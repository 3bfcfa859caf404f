//! "Restore": a backup file back onto this device, added to what is here or in place of it.
//!
//! The whole file is read, decrypted and checked before anything is written, and the writing is
//! one transaction: a bad file, a wrong passphrase or a closed page leaves the data as it was.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::backup_card::outcome_view;
use super::progress_bar::{report_into, ProgressBar};
use crate::domain::backup::restore::RestoreMode;
use crate::ui::photos::actions::backup::Progress;
use crate::ui::photos::actions::restore::RestoreFailed;
use crate::ui::photos::actions::use_photo_actions;
use crate::ui::shared::components::field::TextField;

#[component]
pub fn RestoreCard() -> Html {
    let actions = use_photo_actions();
    // Until the database is open a click could do nothing, so the action waits disabled.
    let ready = actions.ready();
    let input = use_node_ref();
    let mode = use_state(|| RestoreMode::Merge);
    let passphrase = use_state(String::new);
    let passphrase_error = use_state(|| None::<String>);
    let progress = use_state(|| None::<Progress>);
    let outcome = use_state(|| None::<Result<String, String>>);

    let onclick = {
        let (input, mode, passphrase) = (input.clone(), mode.clone(), passphrase.clone());
        let (passphrase_error, progress, outcome) =
            (passphrase_error.clone(), progress.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let file = input.cast::<HtmlInputElement>().and_then(|i| i.files()).and_then(|f| f.get(0));
            passphrase_error.set(None);
            let Some(file) = file else {
                outcome.set(Some(Err("Choose a backup file first (it ends in .remodel).".into())));
                return;
            };
            outcome.set(None);
            let (passphrase_error, progress, outcome) =
                (passphrase_error.clone(), progress.clone(), outcome.clone());
            let report = report_into(&progress);
            let done = Callback::from(move |result: Result<String, RestoreFailed>| {
                progress.set(None);
                outcome.set(Some(result.map_err(|failed| {
                    passphrase_error.set(failed.passphrase);
                    failed.message
                })));
            });
            actions.restore_backup(file, (*passphrase).clone(), *mode, report, done);
        })
    };

    let choose = |value: RestoreMode| {
        let mode = mode.clone();
        Callback::from(move |_: Event| mode.set(value))
    };
    html! {
        <section class="card" aria-labelledby="restore-heading">
            <h2 id="restore-heading">{ "Restore" }</h2>
            <p>{ "Bring back a backup made on this or another device. The whole file is checked before anything is written." }</p>
            <div class="field">
                <label for="restore-file">{ "Backup file" }</label>
                <input id="restore-file" type="file" accept=".remodel,application/octet-stream" ref={input} />
            </div>
            <TextField id="restore-passphrase" label="Passphrase (encrypted backups only)" kind="password"
                value={(*passphrase).clone()} error={(*passphrase_error).clone().map(AttrValue::from)}
                on_change={Callback::from({ let p = passphrase.clone(); move |v| p.set(v) })} />
            <fieldset class="field">
                <legend>{ "What happens to the data on this device" }</legend>
                <div class="check">
                    <input type="radio" id="restore-merge" name="restore-mode" checked={*mode == RestoreMode::Merge}
                        onchange={choose(RestoreMode::Merge)} />
                    <label for="restore-merge">{ "Keep it and add the backup (records already here are skipped)" }</label>
                </div>
                <div class="check">
                    <input type="radio" id="restore-replace" name="restore-mode" checked={*mode == RestoreMode::Replace}
                        onchange={choose(RestoreMode::Replace)} />
                    <label for="restore-replace">{ "Replace everything with the backup" }</label>
                </div>
            </fieldset>
            <div class="actions">
                <button type="button" class="button" {onclick} disabled={progress.is_some() || !ready}>{ "Restore backup" }</button>
            </div>
            if let Some(progress) = &*progress {
                <ProgressBar progress={progress.clone()} label="Restore progress" />
            }
            { outcome_view(outcome.as_ref()) }
        </section>
    }
}
