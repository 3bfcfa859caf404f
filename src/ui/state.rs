//! The app-wide state: a reducer with typed actions, shared through [`super::context`].

use std::rc::Rc;

use yew::Reducible;

use crate::domain::storage_usage::StorageUsage;
use crate::storage::StorageError;

/// Where the device's storage stands.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageStatus {
    /// The database is being opened (and migrated).
    Opening,
    /// Another tab holds an older version open; the open waits for it.
    Blocked,
    /// Open and usable, with usage when the browser reports it.
    Ready { usage: Option<StorageUsage> },
    /// Storage can't be used; the message says why and what to do.
    Failed(StorageError),
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub storage: StorageStatus,
    /// A new version of the app is installed and waiting for a reload.
    pub update_ready: bool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState { storage: StorageStatus::Opening, update_ready: false }
    }
}

/// Everything that can change the app state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    StorageBlocked,
    StorageReady { usage: Option<StorageUsage> },
    StorageFailed(StorageError),
    UpdateReady,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::StorageBlocked => {
                // A late `blocked` event must not hide an open that already finished.
                if next.storage == StorageStatus::Opening {
                    next.storage = StorageStatus::Blocked;
                }
            }
            Action::StorageReady { usage } => next.storage = StorageStatus::Ready { usage },
            Action::StorageFailed(error) => next.storage = StorageStatus::Failed(error),
            Action::UpdateReady => next.update_ready = true,
        }
        Rc::new(next)
    }
}
