//! What a restore writes: everything in the file in place of what is there ("replace"), or what
//! is new beside it ("merge": keep both, skip exact duplicates).
//!
//! Pure, so the rules are tested natively; `storage::backup` writes the plan in one transaction.

use std::collections::HashMap;

use serde_json::Value;

use super::{setting_key, Backup};
use crate::domain::diary::recovery::RecoveryEntry;
use crate::domain::diary::session::Session;
use crate::domain::photos::photo::Photo;

/// How a restore treats the data already on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreMode {
    /// Delete everything, then write the file's records.
    Replace,
    /// Keep what is here and add the file's records: a record identical to one here is skipped;
    /// one with the same id but different content is kept too, under a new id (and whatever
    /// pointed at it, such as a check-in's session, follows it).
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
}

/// What to write.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestorePlan {
    /// Clear every store first.
    pub replace: bool,
    pub sessions: Vec<Session>,
    pub entries: Vec<RecoveryEntry>,
    /// Each photo record to write, with the index in `Backup::photo_files` of its bytes (its id
    /// may have changed in a merge).
    pub photos: Vec<(Photo, usize)>,
    pub settings: Vec<Value>,
    /// Records identical to ones already here, not written again.
    pub skipped: usize,
    /// Records kept beside a different one with the same id, under a new id.
    pub renamed: usize,
}

/// Plans restoring `backup`. `fresh_id` makes a new record id (a UUID in the browser).
pub fn plan(
    backup: &Backup,
    mode: RestoreMode,
    existing: Existing<'_>,
    mut fresh_id: impl FnMut() -> String,
) -> RestorePlan {
    let records = &backup.records;
    if mode == RestoreMode::Replace {
        return RestorePlan {
            replace: true,
            sessions: records.sessions.clone(),
            entries: records.recovery_entries.clone(),
            photos: records.photos.iter().cloned().zip(0..).collect(),
            settings: records.settings.clone(),
            ..RestorePlan::default()
        };
    }
    let mut plan = RestorePlan::default();

    let mut session_ids = HashMap::new();
    let sessions_here = index(existing.sessions);
    for session in &records.sessions {
        if let Some(session) = plan.place(session.clone(), &sessions_here, &mut session_ids, &mut fresh_id) {
            plan.sessions.push(session);
        }
    }
    let follow = |id: &mut Option<String>| {
        if let Some(new) = id.as_ref().and_then(|old| session_ids.get(old)) {
            *id = Some(new.clone());
        }
    };

    let mut entry_ids = HashMap::new();
    let entries_here = index(existing.entries);
    for entry in &records.recovery_entries {
        let mut entry = entry.clone();
        follow(&mut entry.session_id);
        if let Some(entry) = plan.place(entry, &entries_here, &mut entry_ids, &mut fresh_id) {
            plan.entries.push(entry);
        }
    }

    let mut photo_ids = HashMap::new();
    let photos_here = index(existing.photos);
    let mut photos = Vec::new();
    for (index, photo) in records.photos.iter().enumerate() {
        let mut photo = photo.clone();
        follow(&mut photo.session_id);
        if let Some(photo) = plan.place(photo, &photos_here, &mut photo_ids, &mut fresh_id) {
            photos.push((photo, index));
        }
    }
    // An alignment points at its series' reference photo, which may have moved too.
    for (photo, _) in &mut photos {
        if let Some(alignment) = &mut photo.alignment {
            if let Some(new) = photo_ids.get(&alignment.reference_id) {
                alignment.reference_id = new.clone();
            }
        }
    }
    plan.photos = photos;

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
fn index<T: Keyed>(records: &[T]) -> HashMap<&str, &T> {
    records.iter().map(|record| (record.id(), record)).collect()
}

/// A record with an id, for [`RestorePlan::place`].
trait Keyed: PartialEq {
    fn id_mut(&mut self) -> &mut String;
    fn id(&self) -> &str;
}

impl Keyed for Session {
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn id(&self) -> &str {
        &self.id
    }
}

impl Keyed for RecoveryEntry {
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn id(&self) -> &str {
        &self.id
    }
}

impl Keyed for Photo {
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn id(&self) -> &str {
        &self.id
    }
}

impl RestorePlan {
    /// The record to write for `incoming` in a merge, if any: `None` for an exact duplicate;
    /// under a new id (noted in `moved`) when its id is taken by a different record.
    fn place<T: Keyed>(
        &mut self,
        mut incoming: T,
        here: &HashMap<&str, &T>,
        moved: &mut HashMap<String, String>,
        fresh_id: &mut impl FnMut() -> String,
    ) -> Option<T> {
        let id = incoming.id().to_string();
        match here.get(id.as_str()) {
            None => Some(incoming),
            Some(record) if **record == incoming => {
                self.skipped += 1;
                None
            }
            Some(_) => {
                let new = fresh_id();
                moved.insert(id, new.clone());
                *incoming.id_mut() = new;
                self.renamed += 1;
                Some(incoming)
            }
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
        if self.renamed > 0 {
            text.push_str(&format!(
                " {} that differed from {} here {} kept as {}.",
                self.renamed,
                plural(self.renamed, "one", "ones"),
                plural(self.renamed, "was", "were"),
                plural(self.renamed, "a copy", "copies")
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
