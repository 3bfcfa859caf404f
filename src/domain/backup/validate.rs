//! Checks on a backup's records beyond their types, and bringing older formats forward.

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::{setting_key, BackupError, Manifest, Records, SETTING_KEYS};
use crate::domain::clinic::link;
use crate::domain::photos::redness::RednessRegions;
use crate::domain::profile::settings::keys;
use crate::domain::profile::settings::AppSettings;
use crate::domain::profile::Profile;

/// The longest record id accepted (the app's are 36-character UUIDs).
const MAX_ID_CHARS: usize = 64;

/// A photo id safe to use in an entry name: ASCII letters, digits, `-` and `_`, so no `/`, `..`
/// or drive letters can reach a path.
pub fn is_safe_photo_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `records.json` of format `version`, brought forward to [`super::FORMAT_VERSION`].
///
/// Format 1 is the first, so there is nothing to bring forward yet. A change to the format adds
/// an arm here that rewrites the older JSON (rename, default or split fields) before it is read
/// as today's types; fields added with a serde default need no arm at all (photo records from
/// before the compare view, without alignment or readings, read as they are).
pub fn migrate(version: u32, records: serde_json::Value) -> Result<serde_json::Value, BackupError> {
    match version {
        1 => Ok(records),
        other => Err(BackupError::Damaged(format!("unknown format version {other}"))),
    }
}

/// Everything the types alone cannot say: the manifest's counts, ids, and each setting.
pub fn validate_records(manifest: &Manifest, records: &Records) -> Result<(), BackupError> {
    let counts = (records.sessions.len(), records.recovery_entries.len(), records.photos.len());
    if counts != (manifest.sessions, manifest.recovery_entries, manifest.photos) {
        return Err(BackupError::Damaged("the records do not match the manifest's counts".into()));
    }
    unique_ids("session", records.sessions.iter().map(|s| s.id.as_str()))?;
    unique_ids("check-in", records.recovery_entries.iter().map(|e| e.id.as_str()))?;
    unique_ids("photo", records.photos.iter().map(|p| p.id.as_str()))?;
    if let Some(photo) = records.photos.iter().find(|p| !is_safe_photo_id(&p.id)) {
        return Err(BackupError::Damaged(format!("a photo has the id {:?}", photo.id)));
    }
    if records.photos.iter().any(|p| p.width == 0 || p.height == 0) {
        return Err(BackupError::Damaged("a photo record has no size".into()));
    }
    let mut keys = HashSet::new();
    for setting in &records.settings {
        let key = setting_key(setting);
        if !SETTING_KEYS.contains(&key) || !keys.insert(key) {
            return Err(BackupError::Damaged(format!("unexpected setting {key:?}")));
        }
        check_setting(key, setting)?;
    }
    Ok(())
}

fn unique_ids<'a>(what: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), BackupError> {
    let mut seen = HashSet::new();
    for id in ids {
        if id.is_empty() || id.chars().count() > MAX_ID_CHARS || !seen.insert(id) {
            return Err(BackupError::Damaged(format!("a {what} id is empty, too long or repeated")));
        }
    }
    Ok(())
}

/// A setting reads as its type (the clinic through the link's strict decoder).
fn check_setting(key: &str, value: &serde_json::Value) -> Result<(), BackupError> {
    fn reads<T: DeserializeOwned>(value: &serde_json::Value) -> bool {
        T::deserialize(value).is_ok()
    }
    #[derive(Deserialize)]
    struct StoredClinic {
        link: String,
    }
    let ok = match key {
        keys::APP => reads::<AppSettings>(value),
        keys::PROFILE => reads::<Profile>(value),
        keys::REDNESS_REGIONS => reads::<RednessRegions>(value),
        keys::CLINIC => StoredClinic::deserialize(value).is_ok_and(|c| link::decode(&c.link).is_ok()),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(BackupError::Damaged(format!("the {key} setting cannot be read")))
    }
}
