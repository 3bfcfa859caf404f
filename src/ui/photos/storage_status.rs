//! Settings' "Storage on this device": the space used, whether the browser keeps the data, and
//! the button that asks it to. Shown as soon as storage is open, never waiting on a prompt.

use yew::prelude::*;

use crate::domain::device::storage_usage::{
    NO_STORAGE_MANAGER, WAITING_FOR_PERSISTENCE, WHY_ASK_PERSISTENCE,
};
use crate::ui::photos::persistence::{use_persistence_request, PersistenceRequest};
use crate::ui::shared::context::use_app_state;
use crate::ui::shared::state::StorageStatus;

#[component]
pub fn StorageStatusCard() -> Html {
    let app = use_app_state();
    let (request, ask) = use_persistence_request();
    let body = match &app.storage {
        StorageStatus::Opening => html! { <p>{ "Checking this device's storage…" }</p> },
        StorageStatus::Blocked => html! { <p>{ "Waiting for another Remodel tab to close…" }</p> },
        StorageStatus::Failed(error) => html! { <p class="text-error">{ error.user_message() }</p> },
        StorageStatus::Ready { usage: None } => {
            html! { <p data-testid="storage-persistence">{ NO_STORAGE_MANAGER }</p> }
        }
        StorageStatus::Ready { usage: Some(usage) } => {
            let answer = match request {
                PersistenceRequest::NotAsked => None,
                PersistenceRequest::Waiting => Some(WAITING_FOR_PERSISTENCE),
                PersistenceRequest::Answered => Some(usage.persistence_advice()),
            };
            html! {
                <>
                    <p data-testid="storage-usage">{ usage.summary() }</p>
                    if request == PersistenceRequest::NotAsked {
                        <p data-testid="storage-persistence">{ usage.persistence_advice() }</p>
                    }
                    if usage.persisted != Some(true) {
                        <p>{ WHY_ASK_PERSISTENCE }</p>
                        <div class="actions">
                            <button type="button" class="button button--quiet" onclick={ask}
                                disabled={request == PersistenceRequest::Waiting}>
                                { "Keep my data on this device" }
                            </button>
                        </div>
                    }
                    <p role="status" data-testid="persistence-answer">{ answer.unwrap_or_default() }</p>
                </>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="storage-heading">
            <h2 id="storage-heading">{ "Storage on this device" }</h2>
            { body }
        </section>
    }
}
