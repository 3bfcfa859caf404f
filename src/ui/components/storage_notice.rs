//! Tells the client when the device's storage can't be used, and what to do about it.

use yew::prelude::*;

use crate::ui::context::use_app_state;
use crate::ui::state::StorageStatus;

#[component]
pub fn StorageNotice() -> Html {
    let app = use_app_state();
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
