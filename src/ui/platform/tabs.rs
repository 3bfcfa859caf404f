//! Other tabs and windows of the app on this device (a browser tab beside the installed app, say):
//! each announces a saved change on a `BroadcastChannel`, and the others read their records again,
//! so no tab goes on showing, and then editing, an older version. (The edit itself is also
//! checked against the stored version: `storage::checked_write`.)

use wasm_bindgen::prelude::*;
use web_sys::BroadcastChannel;
use yew::prelude::*;

/// The channel's name: one per origin, shared by the client and photos apps.
const CHANNEL: &str = "remodel-changes";

thread_local! {
    /// This tab's one channel, for sending and listening alike: a channel never hears its own
    /// messages, where a second one in the same tab would (and would reload after every save
    /// here, dropping a pending Undo).
    static TAB: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

/// Tells the app's other tabs that something stored changed. A browser without the channel
/// simply has no other tab told: nothing else depends on it.
pub fn announce_change() {
    TAB.with(|tab| {
        if let Some(tab) = tab {
            let _ = tab.post_message(&JsValue::from_str("changed"));
        }
    });
}

/// Calls `on_change` whenever another tab announces a change (never for this tab's own).
#[hook]
pub fn use_changes_elsewhere(on_change: Callback<()>) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_| on_change.emit(()));
        TAB.with(|tab| {
            if let Some(tab) = tab {
                let _ = tab.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
            }
        });
        move || {
            TAB.with(|tab| {
                if let Some(tab) = tab {
                    let _ =
                        tab.remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
                }
            });
        }
    });
}
