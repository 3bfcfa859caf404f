//! Entry point of the photos app (`/photos/`): the gallery, import and camera, loaded on first
//! use so the client's first load stays small (see README "Photos").

#[cfg(target_arch = "wasm32")]
fn main() {
    remodel::ui::platform::shell::take_over();
    remodel::ui::platform::leaving::guard_writes_on_leaving();
    yew::Renderer::<remodel::ui::photos::PhotosApp>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The photos app runs in the browser: build it with `make build` (see README.md).");
}
