//! Shares the app state and its dispatcher with every component.

use yew::prelude::*;

use super::state::AppState;

/// The state handle components read and dispatch actions to.
pub type AppContext = UseReducerHandle<AppState>;

#[derive(Properties, PartialEq)]
pub struct AppStateProviderProps {
    pub children: Html,
}

/// Owns the app state; everything below it can read it with [`use_app_state`].
#[component]
pub fn AppStateProvider(props: &AppStateProviderProps) -> Html {
    let state = use_reducer(AppState::default);
    html! {
        <ContextProvider<AppContext> context={state}>
            { props.children.clone() }
        </ContextProvider<AppContext>>
    }
}

/// The app state. Panics only if used outside [`AppStateProvider`], a programming error that
/// every page test would catch at once.
#[hook]
pub fn use_app_state() -> AppContext {
    use_context::<AppContext>().expect("use_app_state must be called below AppStateProvider")
}
