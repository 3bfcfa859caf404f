//! The photos app's writes: every change it makes to IndexedDB goes through here (the records it
//! shares with the client app go through `crate::ui::shared::actions`).

pub mod backup;
