//! The three browser apps, each in its own folder, over what they share. Imports only go down:
//! an app (`client`, `photos`, `kit`) → `shared` → `platform` → `crate::storage`, `crate::worker`
//! → `crate::analysis` → `crate::domain`. Two apps never import each other; what both need lives
//! in `shared` (`make lint` checks this with `.ci/imports.mjs`).

pub mod client;
pub mod kit;
pub mod photos;
pub mod platform;
pub mod shared;
