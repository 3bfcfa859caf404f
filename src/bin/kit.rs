//! Entry point of the clinic kit (`/kit/`): a separate, small app for clinics.

#[cfg(target_arch = "wasm32")]
fn main() {
    remodel::ui::platform::shell::take_over();
    yew::Renderer::<remodel::ui::kit::KitApp>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The clinic kit runs in the browser: build it with `make build` (see README.md).");
}
