//! Entry point: mounts the Yew app in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    remodel::ui::platform::shell::take_over();
    remodel::ui::platform::leaving::guard_writes_on_leaving();
    yew::Renderer::<remodel::ui::client::App>::new().render();
}

// Natively there is nothing to run: `cargo test` covers the pure code.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Remodel runs in the browser: build it with `trunk build --release` (see README.md).");
}
