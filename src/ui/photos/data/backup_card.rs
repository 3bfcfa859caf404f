//! "Back up": one file with every record and photo, optionally encrypted with a passphrase.

use yew::prelude::*;

use super::handover::use_backup_flow;
use super::progress_bar::ProgressBar;
use crate::domain::backup::nudge::BackupStatus;
use crate::domain::backup::passphrase_problem;
use crate::ui::platform::clock::today;
use crate::ui::shared::components::field::{Checkbox, TextField};
use crate::ui::shared::hooks::storage::use_db;

#[derive(Properties, PartialEq)]
pub struct BackupCardProps {
    /// This device's backup status (`None` while it is read).
    pub status: Option<BackupStatus>,
    /// A backup was handed over: the page stores and shows the new status.
    pub on_backed_up: Callback<BackupStatus>,
}

#[component]
pub fn BackupCard(props: &BackupCardProps) -> Html {
    let db = use_db();
    // Until the database is open a click could do nothing, so the action waits disabled.
    let ready_to_build = db.is_some();
    let encrypt = use_state(|| false);
    let passphrase = use_state(String::new);
    let confirmation = use_state(String::new);
    let field_error = use_state(|| None::<(&'static str, String)>);
    let flow = use_backup_flow(props.on_backed_up.clone());

    let onclick = {
        let (encrypt, passphrase, confirmation) = (encrypt.clone(), passphrase.clone(), confirmation.clone());
        let (field_error, make) = (field_error.clone(), flow.make.clone());
        Callback::from(move |_: MouseEvent| {
            let secret = (*encrypt).then(|| (*passphrase).clone());
            if secret.is_some() {
                let problem = passphrase_problem(&passphrase, &confirmation);
                field_error.set(problem.clone());
                if problem.is_some() {
                    return;
                }
            }
            make.emit(secret);
        })
    };

    let error_for = |field: &str| {
        field_error.as_ref().filter(|(f, _)| *f == field).map(|(_, message)| AttrValue::from(message.clone()))
    };
    let busy = flow.progress.is_some();
    html! {
        <section class="card" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{ "Back up" }</h2>
            <p>{ "One file with every session, check-in, setting and photo. Keep it off this phone: browsers can clear a site's data, and a lost phone takes everything with it." }</p>
            // Always one line, so the status arriving moves nothing below it (a tap on the
            // passphrase box as it arrived would land beside it).
            <p data-testid="last-backup" aria-busy={props.status.is_none().then_some("true")}>
                { props.status.as_ref().map_or_else(|| "Looking for the last backup…".to_string(), |s| s.describe(today())) }
            </p>
            <Checkbox id="backup-encrypt" label="Protect the file with a passphrase" checked={*encrypt}
                on_change={Callback::from({ let encrypt = encrypt.clone(); move |on| encrypt.set(on) })} />
            if *encrypt {
                <TextField id="backup-passphrase" label="Passphrase" kind="password" value={(*passphrase).clone()}
                    hint="Nobody can restore the file without it, not even you: write it down somewhere safe."
                    error={error_for("passphrase")}
                    on_change={Callback::from({ let p = passphrase.clone(); move |v| p.set(v) })} />
                <TextField id="backup-confirmation" label="Passphrase again" kind="password" value={(*confirmation).clone()}
                    error={error_for("confirmation")}
                    on_change={Callback::from({ let c = confirmation.clone(); move |v| c.set(v) })} />
            }
            <div class="actions">
                <button type="button" class="button" {onclick} disabled={busy || !ready_to_build}>{ "Back up now" }</button>
                if flow.ready.is_some() {
                    <button type="button" class="button" onclick={flow.save.clone()}>{ "Save backup" }</button>
                }
                if let Some(download) = flow.download.clone() {
                    <button type="button" class="button button--quiet" onclick={download}>{ "Download instead" }</button>
                }
                if flow.awaiting_confirmation {
                    <button type="button" class="button button--quiet" onclick={flow.confirm.clone()}>{ "I saved it" }</button>
                }
            </div>
            if let Some(progress) = &flow.progress {
                <ProgressBar progress={progress.clone()} label="Backup progress" />
            }
            { outcome_view(flow.outcome.as_ref()) }
        </section>
    }
}

/// A finished task's message: a status when it worked, an alert beside the action when not.
pub fn outcome_view(outcome: Option<&Result<String, String>>) -> Html {
    match outcome {
        Some(Ok(message)) => html! { <p class="notice" role="status">{ message.clone() }</p> },
        Some(Err(message)) => html! { <p class="field__error" role="alert">{ message.clone() }</p> },
        None => html! {},
    }
}
