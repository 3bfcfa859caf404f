//! The static shell each page paints before its wasm arrives (`crate::site::shell`): removed just
//! before the app's first render, in the same task, so the browser never paints the page without
//! one or the other.

/// Removes the page's static shell, if it has one.
pub fn take_over() {
    if let Some(shell) = gloo::utils::document().get_element_by_id("shell") {
        shell.remove();
    }
}
