//! The app-wide state: a reducer with typed actions, shared through [`super::context`].
//!
//! Records change here only after storage has confirmed the write, so what the client sees is
//! what is stored.

use std::rc::Rc;

use yew::Reducible;

use crate::domain::backup::nudge::BackupStatus;
use crate::domain::clinic::ClinicProfile;
use crate::domain::device::getting_started::SetupStep;
use crate::domain::device::storage_usage::StorageUsage;
use crate::domain::diary::recovery::RecoveryEntry;
use crate::domain::diary::session::Session;
use crate::domain::profile::Profile;
use crate::storage::{Records, StorageError};

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

/// The client's records, shared: cloning the state or passing records as props copies a
/// pointer, and equality is identity, so a diary of thousands of check-ins is never deep-copied
/// or deep-compared on render. A change makes a new `Records` (copy on write).
#[derive(Clone, Debug, Default)]
pub struct SharedRecords(pub Rc<Records>);

impl PartialEq for SharedRecords {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedRecords {
    type Target = Records;

    fn deref(&self) -> &Records {
        &self.0
    }
}

/// Something just deleted that the client can still bring back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    Session {
        session: Session,
        entries: Vec<RecoveryEntry>,
    },
    Entry(RecoveryEntry),
    /// An edit: the version before it.
    SessionEdit(Session),
    EntryEdit(RecoveryEntry),
    /// The clinic that was removed.
    Clinic(ClinicProfile),
}

impl Undo {
    /// What was deleted, including the check-ins that went with a session.
    pub fn message(&self) -> String {
        match self {
            Undo::Session { entries, .. } if entries.is_empty() => "Session deleted.".to_string(),
            Undo::Session { entries, .. } if entries.len() == 1 => {
                "Session and its check-in deleted.".to_string()
            }
            Undo::Session { entries, .. } => format!("Session and its {} check-ins deleted.", entries.len()),
            Undo::Entry(_) => "Check-in deleted.".to_string(),
            Undo::SessionEdit(_) => "Session updated.".to_string(),
            Undo::EntryEdit(_) => "Check-in updated.".to_string(),
            Undo::Clinic(clinic) => format!("{} removed. Its details are no longer used.", clinic.name),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub storage: StorageStatus,
    /// A new version of the app is installed and waiting for a reload.
    pub update_ready: bool,
    /// The client's records; `None` until they have been read from storage.
    pub records: Option<SharedRecords>,
    pub undo: Option<Undo>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState { storage: StorageStatus::Opening, update_ready: false, records: None, undo: None }
    }
}

/// Everything that can change the app state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    StorageBlocked,
    StorageReady {
        usage: Option<StorageUsage>,
    },
    StorageFailed(StorageError),
    /// The browser answered a request to keep the data (`None`: it could not say).
    PersistenceAnswered(Option<bool>),
    UpdateReady,
    RecordsLoaded(Records),
    /// The check-ins older than the first read (see `Records::entries_from`), and how many of
    /// them could not be read.
    OlderEntriesLoaded {
        entries: Vec<RecoveryEntry>,
        unreadable: usize,
    },
    ProfileSaved(Profile),
    /// The guided start's skipped steps, as now stored.
    SetupSkipped(Vec<SetupStep>),
    /// The client's clinic was set, replaced, or (with `None`) removed.
    ClinicSaved(Option<ClinicProfile>),
    /// The clinic was removed; it can be brought back with Undo.
    ClinicRemoved(ClinicProfile),
    SessionSaved(Session),
    /// An existing session was changed; `previous` is kept for Undo.
    SessionEdited {
        previous: Session,
        updated: Session,
    },
    SessionDeleted {
        session: Session,
        entries: Vec<RecoveryEntry>,
    },
    EntrySaved(RecoveryEntry),
    EntryEdited {
        previous: RecoveryEntry,
        updated: RecoveryEntry,
    },
    EntryDeleted(RecoveryEntry),
    Restored(Undo),
    DismissUndo,
    /// A backup was handed over and its day stored: Settings and the data page show it at once.
    BackupMade(BackupStatus),
}

fn upsert<T: Clone>(items: &mut Vec<T>, item: T, same: impl Fn(&T) -> bool) {
    match items.iter_mut().find(|existing| same(existing)) {
        Some(existing) => *existing = item,
        None => items.push(item),
    }
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
            Action::PersistenceAnswered(persisted) => {
                if let StorageStatus::Ready { usage: Some(usage) } = &mut next.storage {
                    usage.persisted = persisted;
                }
            }
            Action::UpdateReady => next.update_ready = true,
            Action::RecordsLoaded(loaded) => {
                next.records = Some(SharedRecords(Rc::new(loaded)));
                // Records read again (after "delete everything" or a restore) replace what an
                // undo would bring back: it must not resurrect old data into the new.
                next.undo = None;
            }
            Action::DismissUndo => next.undo = None,
            change => next.apply_record_change(change),
        }
        Rc::new(next)
    }
}

impl AppState {
    /// What a page says while it waits for records (or older check-ins) that may not come.
    pub fn waiting_message(&self) -> &'static str {
        match self.storage {
            StorageStatus::Failed(_) => "Your records could not all be read: see the message above.",
            _ => "Loading…",
        }
    }

    /// A confirmed write or delete, applied to the records in memory.
    fn apply_record_change(&mut self, change: Action) {
        let shared = self.records.get_or_insert_with(SharedRecords::default);
        let records = Rc::make_mut(&mut shared.0);
        match change {
            Action::ProfileSaved(profile) => records.profile = profile,
            Action::SetupSkipped(skipped) => records.setup_skipped = skipped,
            Action::OlderEntriesLoaded { entries, unreadable } => {
                // Upserts: a check-in saved while these were read is already in the list.
                for entry in entries {
                    let id = entry.id.clone();
                    upsert(&mut records.entries, entry, |e| e.id == id);
                }
                records.entries_from = None;
                records.unreadable += unreadable;
            }
            Action::ClinicSaved(clinic) => records.clinic = clinic,
            Action::BackupMade(status) => records.backup = status,
            Action::ClinicRemoved(clinic) => {
                records.clinic = None;
                self.undo = Some(Undo::Clinic(clinic));
            }
            Action::SessionSaved(session) => {
                let id = session.id.clone();
                upsert(&mut records.sessions, session, |s| s.id == id);
            }
            Action::EntrySaved(entry) => {
                let id = entry.id.clone();
                upsert(&mut records.entries, entry, |e| e.id == id);
            }
            Action::SessionEdited { previous, updated } => {
                let id = updated.id.clone();
                upsert(&mut records.sessions, updated, |s| s.id == id);
                self.undo = Some(Undo::SessionEdit(previous));
            }
            Action::EntryEdited { previous, updated } => {
                let id = updated.id.clone();
                upsert(&mut records.entries, updated, |e| e.id == id);
                self.undo = Some(Undo::EntryEdit(previous));
            }
            Action::SessionDeleted { session, entries } => {
                records.sessions.retain(|s| s.id != session.id);
                records.entries.retain(|e| !entries.iter().any(|gone| gone.id == e.id));
                self.undo = Some(Undo::Session { session, entries });
            }
            Action::EntryDeleted(entry) => {
                records.entries.retain(|e| e.id != entry.id);
                self.undo = Some(Undo::Entry(entry));
            }
            Action::Restored(undo) => {
                match undo {
                    // Upserts, so a double-tapped Undo can't duplicate anything.
                    Undo::Session { session, entries } => {
                        let id = session.id.clone();
                        upsert(&mut records.sessions, session, |s| s.id == id);
                        for entry in entries {
                            let id = entry.id.clone();
                            upsert(&mut records.entries, entry, |e| e.id == id);
                        }
                    }
                    Undo::Entry(entry) | Undo::EntryEdit(entry) => {
                        let id = entry.id.clone();
                        upsert(&mut records.entries, entry, |e| e.id == id);
                    }
                    Undo::SessionEdit(session) => {
                        let id = session.id.clone();
                        upsert(&mut records.sessions, session, |s| s.id == id);
                    }
                    Undo::Clinic(clinic) => records.clinic = Some(clinic),
                }
                self.undo = None;
            }
            _ => {}
        }
    }
}
