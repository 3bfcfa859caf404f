//! Entry point of the photo worker (`/photos/photo-worker.js`): see `remodel::worker`.

#[cfg(target_arch = "wasm32")]
fn main() {
    remodel::worker::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The photo worker runs in the browser: build it with `make build` (see README.md).");
}
