//! "Photo deleted. Undo", until undone or dismissed.

use yew::prelude::*;

use super::actions::use_photo_actions;
use super::library::use_library;
use crate::ui::shared::components::undo_bar::undo_bar_view;

#[component]
pub fn PhotoUndoBar() -> Html {
    let library = use_library();
    let actions = use_photo_actions();
    let error = use_state(|| None::<String>);
    if library.deleted.is_none() {
        return html! { <div class="undo-bar--idle" role="status"></div> };
    }
    let onundo = {
        let (actions, error) = (actions.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let error = error.clone();
            actions.undo_delete(Callback::from(move |result: Result<(), String>| error.set(result.err())));
        })
    };
    let ondismiss = Callback::from(move |_: MouseEvent| actions.dismiss_undo());
    undo_bar_view("Photo deleted.".into(), onundo, ondismiss, (*error).as_ref(), NodeRef::default())
}
