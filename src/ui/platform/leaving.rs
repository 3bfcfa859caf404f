//! A write in flight survives leaving the app. A page load (a link to another of the site's apps,
//! or a typed address) closes the page's IndexedDB connection and aborts what it had not yet
//! committed, so: every write counts itself here while it runs; a click on a link that loads
//! another page waits until none is running, then follows the link; and leaving any other way
//! while one runs asks the browser to confirm.

use std::cell::Cell;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;

thread_local! {
    static RUNNING: Cell<u32> = const { Cell::new(0) };
}

/// Counts one write while it runs: create it before the write starts, drop it once it settles.
pub struct WriteInFlight(());

impl WriteInFlight {
    pub fn start() -> WriteInFlight {
        RUNNING.with(|n| n.set(n.get() + 1));
        WriteInFlight(())
    }
}

impl Drop for WriteInFlight {
    fn drop(&mut self) {
        RUNNING.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

fn running() -> bool {
    RUNNING.with(|n| n.get() > 0)
}

/// The link a click follows with a page load, if any: a plain left click on an `<a href>` that
/// nothing else handled (in-app links call `preventDefault` in their own handlers, which run
/// first only in the bubble phase, so this checks `defaultPrevented` after them).
fn page_load_target(event: &web_sys::MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let anchor = element.closest("a[href]").ok()??;
    if anchor.get_attribute("target").is_some_and(|t| t != "_self") || anchor.has_attribute("download") {
        return None;
    }
    anchor.dyn_into::<web_sys::HtmlAnchorElement>().ok().map(|a| a.href())
}

/// Follows `href` once no write is running (checked every 25 ms, for at most 10 s: a write that
/// never settles must not keep the person on the page).
fn follow_when_settled(href: String, waited_ms: u32) {
    if !running() || waited_ms >= 10_000 {
        if let Some(window) = web_sys::window() {
            let _ = window.location().assign(&href);
        }
        return;
    }
    gloo::timers::callback::Timeout::new(25, move || follow_when_settled(href, waited_ms + 25)).forget();
}

/// Installs the guard for the page's lifetime (called once, when the app starts).
pub fn guard_writes_on_leaving() {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    // Bubble phase on the document: in-app links have already prevented their default by then.
    let options = EventListenerOptions { phase: EventListenerPhase::Bubble, passive: false };
    EventListener::new_with_options(&document, "click", options, |event| {
        let Some(click) = event.dyn_ref::<web_sys::MouseEvent>() else { return };
        if !running() {
            return;
        }
        if let Some(href) = page_load_target(click) {
            event.prevent_default();
            follow_when_settled(href, 0);
        }
    })
    .forget();
    EventListener::new_with_options(
        &window,
        "beforeunload",
        EventListenerOptions::enable_prevent_default(),
        |event| {
            if running() {
                event.prevent_default();
            }
        },
    )
    .forget();
}
