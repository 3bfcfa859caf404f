//! Sessions and recovery entries: loading, saving, deleting (with their entries) and restoring.

use time::Date;

use super::db::Db;
use super::db::Span;
use super::error::StorageError;
use super::idb_values::from_js;
use super::schema::{Store, PHOTOS_BY_AREA};
use super::settings_repo::{clinic_from, keyed_from};
use super::write::Write;
use crate::domain::backup::nudge::BackupStatus;
use crate::domain::clinic::ClinicProfile;
use crate::domain::device::getting_started::SetupStep;
use crate::domain::diary::recovery::RecoveryEntry;
use crate::domain::diary::session::Session;
use crate::domain::profile::settings::{keys, AppSettings};
use crate::domain::profile::Profile;
use crate::domain::text::iso::format_date;

/// Everything the diary screens show, read at start-up (records are small: no pixels here).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    pub profile: Profile,
    /// The client's clinic, once they accepted its link or typed it in.
    pub clinic: Option<ClinicProfile>,
    pub sessions: Vec<Session>,
    pub entries: Vec<RecoveryEntry>,
    /// `None` when every check-in is here; `Some(date)` while only those dated on or after it
    /// are (start-up reads recent ones first, then the rest).
    pub entries_from: Option<Date>,
    /// Stored records that could not be read (left untouched in storage).
    pub unreadable: usize,
    /// This device's last backup (for the nudge on Today and Settings).
    pub backup: BackupStatus,
    /// The guided start's steps skipped for now (from the app's settings).
    pub setup_skipped: Vec<SetupStep>,
    /// The profile's areas with at least one photo (counted by the photos' area index, never
    /// read: the guided start's "a first photo of each area").
    pub photographed_areas: Vec<String>,
}

impl Records {
    /// Whether every check-in dated on or after `date` is here.
    pub fn has_entries_since(&self, date: Date) -> bool {
        self.entries_from.is_none_or(|from| date >= from)
    }
}

/// Everything, every check-in included.
pub async fn load_records(db: &Db) -> Result<Records, StorageError> {
    load(db, None).await
}

/// Everything but the check-ins dated before `from`: the pages a client opens first need only
/// recent ones, and a diary of years reads several times faster this way. Read the rest with
/// [`load_entries_before`].
pub async fn load_recent_records(db: &Db, from: Date) -> Result<Records, StorageError> {
    load(db, Some(from)).await
}

async fn load(db: &Db, from: Option<Date>) -> Result<Records, StorageError> {
    let from_text = from.map(format_date);
    let span = from_text.as_deref().map_or(Span::All, Span::DatedFrom);
    let (mut all, mut singles) = db
        .read_many(
            &[(Store::Sessions, Span::All), (Store::RecoveryEntries, span)],
            &[keys::PROFILE, keys::CLINIC, keys::BACKUP_STATUS, keys::APP],
        )
        .await?;
    // Read with the records, so Today draws the guided start once, in place (no later shift).
    // Damaged app settings read as none skipped: better to offer a step than to hide one.
    let app: AppSettings = keyed_from(singles.pop().flatten()).unwrap_or_default();
    // A damaged status reads as none: the nudge may then come early, which is harmless.
    let backup = keyed_from(singles.pop().flatten()).unwrap_or_default();
    let (entries, bad_entries) = readable(all.pop().unwrap_or_default());
    let (sessions, bad_sessions) = readable(all.pop().unwrap_or_default());
    // A damaged clinic record is counted and left alone, like a damaged session.
    let (clinic, bad_clinic) = match clinic_from(singles.pop().flatten()) {
        Err(StorageError::Corrupt(_)) => (None, 1),
        other => (other?, 0),
    };
    let profile: Profile = keyed_from(singles.pop().flatten())?;
    // A failed count leaves the step open: better to offer it than to hide it.
    let area_ids: Vec<String> = profile.areas.iter().map(|a| a.id.clone()).collect();
    let counts = db.count_each(Store::Photos, PHOTOS_BY_AREA, &area_ids).await.unwrap_or_default();
    let photographed_areas =
        area_ids.into_iter().zip(counts).filter(|(_, count)| *count > 0).map(|(id, _)| id).collect();
    Ok(Records {
        profile,
        clinic,
        sessions,
        entries,
        entries_from: from,
        unreadable: bad_sessions + bad_entries + bad_clinic,
        backup,
        setup_skipped: app.setup_skipped,
        photographed_areas,
    })
}

/// The check-ins dated before `before`, and how many of them could not be read. (A record with
/// no date at all is in neither date range: it stays untouched in storage but is not counted
/// here; `load_records` reads and counts everything.)
pub async fn load_entries_before(db: &Db, before: Date) -> Result<(Vec<RecoveryEntry>, usize), StorageError> {
    let before = format_date(before);
    let (mut all, _) = db.read_many(&[(Store::RecoveryEntries, Span::DatedBefore(&before))], &[]).await?;
    Ok(readable(all.pop().unwrap_or_default()))
}

/// The values that read back as `T`, and how many did not. One damaged record (say, written by
/// a buggy or newer version) must not hide all the others: it is left in place and counted.
pub(super) fn readable<T: serde::de::DeserializeOwned>(
    values: Vec<wasm_bindgen::JsValue>,
) -> (Vec<T>, usize) {
    let total = values.len();
    let readable: Vec<T> = values.into_iter().filter_map(|v| from_js(v).ok()).collect();
    let unreadable = total - readable.len();
    (readable, unreadable)
}

/// Adds or replaces a session (an edit is one transaction).
pub async fn save_session(db: &Db, session: &Session) -> Result<(), StorageError> {
    db.put(Store::Sessions, session).await
}

pub async fn save_entry(db: &Db, entry: &RecoveryEntry) -> Result<(), StorageError> {
    db.put(Store::RecoveryEntries, entry).await
}

/// Saves an edit of a session made from the version stamped `from` (its `updated` when read):
/// [`StorageError::Conflict`] if another tab saved a newer one meanwhile.
pub async fn save_session_edit(db: &Db, session: &Session, from: Option<&str>) -> Result<(), StorageError> {
    db.put_if_current(Store::Sessions, &session.id, session, from).await
}

/// Saves an edit of a check-in made from the version stamped `from`, as [`save_session_edit`].
pub async fn save_entry_edit(db: &Db, entry: &RecoveryEntry, from: Option<&str>) -> Result<(), StorageError> {
    db.put_if_current(Store::RecoveryEntries, &entry.id, entry, from).await
}

/// Deletes a session and the check-ins that follow it, together or not at all.
pub async fn delete_session(
    db: &Db,
    session: &Session,
    entries: &[RecoveryEntry],
) -> Result<(), StorageError> {
    let mut writes = vec![Write::Delete(Store::Sessions, session.id.clone())];
    writes.extend(entries.iter().map(|e| Write::Delete(Store::RecoveryEntries, e.id.clone())));
    db.write_batch(writes).await
}

pub async fn delete_entry(db: &Db, entry: &RecoveryEntry) -> Result<(), StorageError> {
    db.write_batch(vec![Write::Delete(Store::RecoveryEntries, entry.id.clone())]).await
}

/// Puts deleted records back (undo), together or not at all.
pub async fn restore(db: &Db, sessions: &[Session], entries: &[RecoveryEntry]) -> Result<(), StorageError> {
    let mut writes = Vec::new();
    for session in sessions {
        writes.push(Write::put(Store::Sessions, session)?);
    }
    for entry in entries {
        writes.push(Write::put(Store::RecoveryEntries, entry)?);
    }
    db.write_batch(writes).await
}

/// A new random record id: `crypto.randomUUID()`, or (Safari before 15.4 lacks it) the same
/// form from `crypto.getRandomValues()`.
pub fn new_id() -> String {
    let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) else {
        return fallback_id();
    };
    if js_sys::Reflect::has(&crypto, &"randomUUID".into()).unwrap_or(false) {
        return crypto.random_uuid();
    }
    let mut bytes = [0u8; 16];
    match crypto.get_random_values_with_u8_array(&mut bytes) {
        Ok(_) => crate::domain::device::ids::uuid_v4(bytes),
        Err(_) => fallback_id(),
    }
}

/// Without WebCrypto at all (never in a secure context): time and `Math.random`, still unique
/// enough for one person's records.
fn fallback_id() -> String {
    format!("{:x}-{:x}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e12) as u64)
}
