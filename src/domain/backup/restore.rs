//! What a restore writes: everything in the file in place of what is there ("replace"), or the
//! file's records beside what is there ("merge"), where two versions of one record (the same id)
//! are settled by their `updated` time: the newer is kept, never both.
//!
//! Pure, so the rules are tested natively; `storage::restore_stage` writes the plan (the photos'
//! bytes staged first, then the records in one transaction).

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{setting_key, Records};
use crate::domain::diary::recovery::RecoveryEntry;
use crate::domain::diary::session::Session;
use crate::domain::photos::photo::Photo;

/// How a restore treats the data already on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreMode {
    /// Delete everything, then write the file's records.
    Replace,
    /// Keep what is here and add the file's records. A record with the same id is the same
    /// record (ids are random UUIDs): identical, it is skipped; changed on one side, the version
    /// saved later (`updated`) is kept, and a version with no time counts as the older. A
    /// photo's bytes never change after import, so a newer photo record brings only its details.
    Merge,
}

/// The device's records a merge is planned against.
#[derive(Clone, Copy, Debug, Default)]
pub struct Existing<'a> {
    pub sessions: &'a [Session],
    pub entries: &'a [RecoveryEntry],
    pub photos: &'a [Photo],
    /// Keys of the settings records on the device.
    pub setting_keys: &'a [String],
    /// Ids of stored records this build could not read (damaged, or written by a newer version):
    /// never written over, so nothing this build doesn't understand is lost.
    pub unreadable_ids: &'a [String],
}

/// What to write.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestorePlan {
    /// Clear every store first.
    pub replace: bool,
    pub sessions: Vec<Session>,
    pub entries: Vec<RecoveryEntry>,
    /// Each photo record to write, with the index in `Records::photos` (and the file) of its bytes when they
    /// are to be written too (`None`: the photo is here, and only its details are newer).
    pub photos: Vec<(Photo, Option<usize>)>,
    pub settings: Vec<Value>,
    /// Records identical to ones already here, not written again.
    pub skipped: usize,
    /// Records changed on both sides where the file's version was saved later: written over.
    pub newer_in_file: usize,
    /// Records changed on both sides where this device's version is the newer: kept.
    pub newer_here: usize,
    /// File records whose stored version here could not be read: left as they are.
    pub unreadable_here: usize,
}

/// What a merge does with one incoming record.
enum Merge {
    /// Not here: added (with its photo bytes).
    Add,
    /// Here, and the file's version is newer: written over it.
    Overwrite,
    /// Here and kept (identical, the newer, or unreadable).
    Keep,
}

/// Plans restoring a backup's `records`.
pub fn plan(records: &Records, mode: RestoreMode, existing: Existing<'_>) -> RestorePlan {
    if mode == RestoreMode::Replace {
        return RestorePlan {
            replace: true,
            sessions: records.sessions.clone(),
            entries: records.recovery_entries.clone(),
            photos: records.photos.iter().cloned().zip((0..).map(Some)).collect(),
            settings: records.settings.clone(),
            ..RestorePlan::default()
        };
    }
    let mut plan = RestorePlan::default();
    let unreadable: HashSet<&str> = existing.unreadable_ids.iter().map(String::as_str).collect();

    let sessions_here = index(existing.sessions);
    for session in &records.sessions {
        if !matches!(plan.settle(session, &sessions_here, &unreadable), Merge::Keep) {
            plan.sessions.push(session.clone());
        }
    }
    let entries_here = index(existing.entries);
    for entry in &records.recovery_entries {
        if !matches!(plan.settle(entry, &entries_here, &unreadable), Merge::Keep) {
            plan.entries.push(entry.clone());
        }
    }
    let photos_here = index(existing.photos);
    for (file_index, photo) in records.photos.iter().enumerate() {
        match plan.settle(photo, &photos_here, &unreadable) {
            Merge::Add => plan.photos.push((photo.clone(), Some(file_index))),
            Merge::Overwrite => plan.photos.push((photo.clone(), None)),
            Merge::Keep => {}
        }
    }

    // Settings are one of each: the device's own are kept, and missing ones come from the file.
    plan.settings = records
        .settings
        .iter()
        .filter(|setting| {
            let key = setting_key(setting);
            !existing.setting_keys.iter().any(|k| k == key)
        })
        .cloned()
        .collect();
    plan
}

/// The records by id.
fn index<T: Versioned>(records: &[T]) -> HashMap<&str, &T> {
    records.iter().map(|record| (record.id(), record)).collect()
}

/// A record with an id and the time it was last saved, for [`RestorePlan::settle`].
trait Versioned: PartialEq + Clone {
    fn id(&self) -> &str;
    fn updated(&self) -> Option<&str>;
    /// The same record without its `updated` time (two saves of the same content are one).
    fn unstamped(&self) -> Self;
}

macro_rules! versioned {
    ($($record:ty),*) => {$(
        impl Versioned for $record {
            fn id(&self) -> &str {
                &self.id
            }
            fn updated(&self) -> Option<&str> {
                self.updated.as_deref()
            }
            fn unstamped(&self) -> Self {
                Self { updated: None, ..self.clone() }
            }
        }
    )*};
}
versioned!(Session, RecoveryEntry, Photo);

impl RestorePlan {
    /// What a merge does with `incoming`, counted in the plan.
    fn settle<T: Versioned>(
        &mut self,
        incoming: &T,
        here: &HashMap<&str, &T>,
        unreadable: &HashSet<&str>,
    ) -> Merge {
        let Some(stored) = here.get(incoming.id()) else {
            if unreadable.contains(incoming.id()) {
                self.unreadable_here += 1;
                return Merge::Keep;
            }
            return Merge::Add;
        };
        if stored.unstamped() == incoming.unstamped() {
            self.skipped += 1;
            Merge::Keep
        } else if incoming.updated() > stored.updated() {
            // `None` (saved before times were kept) sorts first: the older.
            self.newer_in_file += 1;
            Merge::Overwrite
        } else {
            self.newer_here += 1;
            Merge::Keep
        }
    }

    /// One line for the client: what was restored.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "Restored {} {}, {} {} and {} {}.",
            self.sessions.len(),
            plural(self.sessions.len(), "session", "sessions"),
            self.entries.len(),
            plural(self.entries.len(), "check-in", "check-ins"),
            self.photos.len(),
            plural(self.photos.len(), "photo", "photos"),
        );
        if self.skipped > 0 {
            text.push_str(&format!(
                " {} already here {} skipped.",
                self.skipped,
                plural(self.skipped, "was", "were")
            ));
        }
        let changed = self.newer_in_file + self.newer_here;
        if changed > 0 {
            text.push_str(&format!(
                " {changed} changed both here and in the file: the newer version of {} was kept ({} from the file).",
                plural(changed, "it", "each"),
                self.newer_in_file
            ));
        }
        if self.unreadable_here > 0 {
            text.push_str(&format!(
                " {} here could not be read, so {} left as {} (the file's {} not written over {}).",
                self.unreadable_here,
                plural(self.unreadable_here, "it was", "they were"),
                plural(self.unreadable_here, "it is", "they are"),
                plural(self.unreadable_here, "version was", "versions were"),
                plural(self.unreadable_here, "it", "them"),
            ));
        }
        text
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}
