//! "A new version is ready — reload", shown once a new version has installed in the background.

use yew::prelude::*;

use crate::ui::platform::service_worker::reload_to_update;
use crate::ui::shared::context::use_app_state;

#[component]
pub fn UpdateBanner() -> Html {
    let app = use_app_state();
    if !app.update_ready {
        return html! {};
    }
    let onclick = Callback::from(|_: MouseEvent| reload_to_update());
    html! {
        <div class="banner banner--info" role="status">
            <span>{ "A new version is ready — reload to use it." }</span>
            <button type="button" class="button" {onclick}>{ "Reload" }</button>
        </div>
    }
}
