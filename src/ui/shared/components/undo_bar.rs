//! "Session deleted. Undo" — shown after a delete until the client undoes or dismisses it.

use yew::prelude::*;

use crate::ui::shared::actions::{report_into, use_record_actions};
use crate::ui::shared::context::use_app_state;
use crate::ui::shared::state::Action;

#[component]
pub fn UndoBar() -> Html {
    let app = use_app_state();
    let actions = use_record_actions();
    let error = use_state(|| None::<String>);
    let undo_button = use_node_ref();
    {
        // The button that deleted is gone: give focus to Undo, the most likely next action.
        let undo_button = undo_button.clone();
        let error = error.clone();
        use_effect_with(app.undo.clone(), move |undo| {
            error.set(None);
            if undo.is_some() {
                if let Some(button) = undo_button.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    // The status region stays mounted (empty) so screen readers announce the message when it
    // appears; a region inserted already filled is often not read.
    let Some(undo) = app.undo.clone() else {
        return html! { <div class="undo-bar--idle" role="status"></div> };
    };
    let undo_message = undo.message();
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
    undo_bar_view(undo_message, onundo, ondismiss, (*error).as_ref(), undo_button)
}

/// The bar itself: what was done, Undo, Dismiss, and a failed Undo's message (shared with the
/// photos app's bar).
pub fn undo_bar_view(
    message: String,
    onundo: Callback<MouseEvent>,
    ondismiss: Callback<MouseEvent>,
    error: Option<&String>,
    undo_button: NodeRef,
) -> Html {
    html! {
        <div class="undo-bar" role="status">
            <span>{ message }</span>
            <button type="button" class="button button--quiet" onclick={onundo} ref={undo_button}>{ "Undo" }</button>
            <button type="button" class="button button--quiet" onclick={ondismiss} aria-label="Dismiss">{ "×" }</button>
            if let Some(error) = error {
                <p class="field__error" role="alert">{ error.clone() }</p>
            }
        </div>
    }
}
