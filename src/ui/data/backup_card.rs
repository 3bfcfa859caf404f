//! "Back up": one file with every record and photo, optionally encrypted with a passphrase.

use yew::prelude::*;

use super::progress_bar::{report_into, ProgressBar};
use super::services::{back_up, Progress};
use crate::domain::backup::nudge::BackupStatus;
use crate::domain::backup::passphrase_problem;
use crate::ui::components::field::{Checkbox, TextField};
use crate::ui::hooks::{today, use_db};

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
    let ready = db.is_some();
    let encrypt = use_state(|| false);
    let passphrase = use_state(String::new);
    let confirmation = use_state(String::new);
    let field_error = use_state(|| None::<(&'static str, String)>);
    let progress = use_state(|| None::<Progress>);
    let outcome = use_state(|| None::<Result<String, String>>);

    let onclick = {
        let (encrypt, passphrase, confirmation) = (encrypt.clone(), passphrase.clone(), confirmation.clone());
        let (field_error, progress, outcome) = (field_error.clone(), progress.clone(), outcome.clone());
        let on_backed_up = props.on_backed_up.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(db) = db.clone() else { return };
            let secret = (*encrypt).then(|| (*passphrase).clone());
            if secret.is_some() {
                let problem = passphrase_problem(&passphrase, &confirmation);
                field_error.set(problem.clone());
                if problem.is_some() {
                    return;
                }
            }
            outcome.set(None);
            let (progress, outcome, on_backed_up) = (progress.clone(), outcome.clone(), on_backed_up.clone());
            let report = report_into(&progress);
            wasm_bindgen_futures::spawn_local(async move {
                let result = back_up(&db.0, secret, report).await.map(|(message, status)| {
                    if let Some(status) = status {
                        on_backed_up.emit(status);
                    }
                    message
                });
                progress.set(None);
                outcome.set(Some(result));
            });
        })
    };

    let error_for = |field: &str| {
        field_error.as_ref().filter(|(f, _)| *f == field).map(|(_, message)| AttrValue::from(message.clone()))
    };
    let busy = progress.is_some();
    html! {
        <section class="card" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{ "Back up" }</h2>
            <p>{ "One file with every session, check-in, setting and photo. Keep it off this phone: browsers can clear a site's data, and a lost phone takes everything with it." }</p>
            if let Some(status) = &props.status {
                <p data-testid="last-backup">{ status.describe(today()) }</p>
            }
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
                <button type="button" class="button" {onclick} disabled={busy || !ready}>{ "Back up now" }</button>
            </div>
            if let Some(progress) = &*progress {
                <ProgressBar progress={progress.clone()} label="Backup progress" />
            }
            { outcome_view(outcome.as_ref()) }
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
