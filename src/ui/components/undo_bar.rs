//! "Session deleted. Undo" — shown after a delete until the client undoes or dismisses it.

use yew::prelude::*;

use crate::ui::context::use_app_state;
use crate::ui::hooks::{report_into, use_record_actions};
use crate::ui::state::Action;

#[component]
pub fn UndoBar() -> Html {
    let app = use_app_state();
    let actions = use_record_actions();
    let error = use_state(|| None::<String>);
    let Some(undo) = app.undo.clone() else { return html! {} };
    let onundo = {
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            actions.undo(undo.clone(), report_into(error.clone()));
        })
    };
    let ondismiss = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::DismissUndo))
    };
    html! {
        <div class="undo-bar" role="status">
            <span>{ app.undo.as_ref().map(|u| u.message()).unwrap_or_default() }</span>
            <button type="button" class="button button--quiet" onclick={onundo}>{ "Undo" }</button>
            <button type="button" class="button button--quiet" onclick={ondismiss} aria-label="Dismiss">{ "×" }</button>
            if let Some(message) = &*error {
                <p class="field__error">{ message.clone() }</p>
            }
        </div>
    }
}
