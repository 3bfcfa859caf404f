//! Asking the browser to keep the app's data, from a person's tap (see `storage::persistence`).

use yew::prelude::*;

use crate::storage::ask_persistence;
use crate::ui::shared::context::use_app_state;
use crate::ui::shared::state::Action;

/// Where a request to keep the data stands on this page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersistenceRequest {
    NotAsked,
    /// `persist()` is pending: the browser may be showing a prompt.
    Waiting,
    /// The browser answered; the app state holds the answer.
    Answered,
}

/// The request's state, and the callback for the button that makes it. `persist()` is called
/// inside the click handler itself, so the browser sees the tap.
#[hook]
pub fn use_persistence_request() -> (PersistenceRequest, Callback<MouseEvent>) {
    let app = use_app_state();
    let request = use_state(|| PersistenceRequest::NotAsked);
    let ask = {
        let request = request.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(answer) = ask_persistence() else {
                app.dispatch(Action::PersistenceAnswered(None));
                request.set(PersistenceRequest::Answered);
                return;
            };
            request.set(PersistenceRequest::Waiting);
            let (app, request) = (app.clone(), request.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let persisted = answer.await;
                app.dispatch(Action::PersistenceAnswered(persisted));
                request.set(PersistenceRequest::Answered);
            });
        })
    };
    (*request, ask)
}
