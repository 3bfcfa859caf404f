//! Tells the client when the device's storage can't be used, and what to do about it.

use yew::prelude::*;

use crate::ui::shared::context::use_app_state;
use crate::ui::shared::state::StorageStatus;

#[component]
pub fn StorageNotice() -> Html {
    let app = use_app_state();
    let unreadable = app.records.as_ref().map_or(0, |r| r.unreadable);
    if unreadable > 0 && matches!(app.storage, StorageStatus::Ready { .. }) {
        return html! {
            <div class="banner banner--warning" role="alert">
                { format!(
                    "{unreadable} stored {} could not be read and {} left as {}. Everything else works as usual.",
                    if unreadable == 1 { "record" } else { "records" },
                    if unreadable == 1 { "is" } else { "are" },
                    if unreadable == 1 { "it is" } else { "they are" },
                ) }
            </div>
        };
    }
    match &app.storage {
        StorageStatus::Failed(error) => html! {
            <div class="banner banner--error" role="alert">
                <strong>{ "Can't save on this device. " }</strong>
                { error.user_message() }
            </div>
        },
        StorageStatus::Blocked => html! {
            <div class="banner banner--warning" role="alert">
                { crate::storage::StorageError::Blocked.user_message() }
            </div>
        },
        StorageStatus::Opening | StorageStatus::Ready { .. } => html! {},
    }
}
