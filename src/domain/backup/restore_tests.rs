//! Planning a restore: replace takes the file as it is; merge adds what is new, skips duplicates
//! and keeps the newer of two versions of a record.

use super::restore::{plan, Existing, RestoreMode};
use super::sample::sample;

#[test]
fn replace_writes_the_file_as_it_is() {
    let backup = sample(2, 2, 2);
    let here = sample(1, 1, 1);
    let existing = Existing { sessions: &here.records.sessions, ..Existing::default() };
    let plan = plan(&backup.records, RestoreMode::Replace, existing);
    assert!(plan.replace);
    assert_eq!(plan.sessions, backup.records.sessions);
    assert_eq!(plan.entries, backup.records.recovery_entries);
    assert_eq!(
        plan.photos.iter().map(|(p, i)| (p.clone(), *i)).collect::<Vec<_>>(),
        backup.records.photos.iter().cloned().zip((0..).map(Some)).collect::<Vec<_>>()
    );
    assert_eq!(plan.settings, backup.records.settings);
    assert_eq!(plan.summary(), "Restored 2 sessions, 4 check-ins and 2 photos.");
}

#[test]
fn merging_a_backup_into_its_own_data_writes_nothing() {
    let backup = sample(2, 3, 2);
    let keys = vec!["app".to_string(), "profile".to_string()];
    let records = &backup.records;
    let existing = Existing {
        sessions: &records.sessions,
        entries: &records.recovery_entries,
        photos: &records.photos,
        setting_keys: &keys,
        unreadable_ids: &[],
    };
    let plan = plan(&backup.records, RestoreMode::Merge, existing);
    assert!(!plan.replace);
    assert!(
        plan.sessions.is_empty()
            && plan.entries.is_empty()
            && plan.photos.is_empty()
            && plan.settings.is_empty()
    );
    assert_eq!(plan.skipped, 2 + 6 + 2);
    assert_eq!(
        plan.summary(),
        "Restored 0 sessions, 0 check-ins and 0 photos. 10 already here were skipped."
    );
}

#[test]
fn merging_onto_an_empty_device_adds_everything() {
    let backup = sample(1, 1, 1);
    let plan = plan(&backup.records, RestoreMode::Merge, Existing::default());
    assert_eq!(
        (plan.sessions.len(), plan.entries.len(), plan.photos.len(), plan.settings.len()),
        (1, 1, 1, 2)
    );
    assert_eq!((plan.skipped, plan.newer_in_file, plan.newer_here), (0, 0, 0));
    assert!(plan.photos.iter().all(|(_, bytes)| bytes.is_some()), "new photos bring their bytes");
}

#[test]
fn two_versions_of_a_record_keep_the_newer_never_both() {
    let stamp = |minute: u8| Some(format!("2026-12-05T10:{minute:02}:00.000Z"));
    let mut backup = sample(2, 1, 2);
    let mut here = backup.records.clone();
    // Session 0: edited on this phone after the backup. Session 1: edited in the file later.
    here.sessions[0].notes = "edited on this phone".into();
    here.sessions[0].updated = stamp(30);
    backup.records.sessions[0].updated = stamp(10);
    here.sessions[1].notes = "older note".into();
    here.sessions[1].updated = stamp(5);
    backup.records.sessions[1].updated = stamp(20);
    // A check-in saved before times were kept, against a stamped one in the file: the file's.
    here.recovery_entries[0].notes = "no time".into();
    backup.records.recovery_entries[0].updated = stamp(1);
    // Photo 0's details were changed in the file later; photo 1 is identical apart from its time.
    backup.records.photos[0].lighting = "window".into();
    backup.records.photos[0].updated = stamp(40);
    here.photos[0].updated = stamp(2);
    backup.records.photos[1].updated = stamp(50);
    let existing = Existing {
        sessions: &here.sessions,
        entries: &here.recovery_entries,
        photos: &here.photos,
        ..Existing::default()
    };
    let plan = plan(&backup.records, RestoreMode::Merge, existing);

    assert_eq!(plan.sessions, vec![backup.records.sessions[1].clone()], "only the file's newer session");
    assert_eq!(plan.entries, vec![backup.records.recovery_entries[0].clone()], "the stamped check-in");
    // The newer photo record is written under its own id, without its bytes: never a second copy.
    assert_eq!(plan.photos, vec![(backup.records.photos[0].clone(), None)]);
    // Skipped: the second check-in, and photo 1 (the same but for its time).
    assert_eq!((plan.newer_in_file, plan.newer_here, plan.skipped), (3, 1, 2));
    assert!(
        plan.summary().ends_with(
            "4 changed both here and in the file: the newer version of each was kept (3 from the file)."
        ),
        "{}",
        plan.summary()
    );
}

#[test]
fn a_stored_record_that_cannot_be_read_is_never_written_over() {
    let backup = sample(1, 1, 1);
    let unreadable = vec![backup.records.sessions[0].id.clone(), backup.records.photos[0].id.clone()];
    let existing = Existing { unreadable_ids: &unreadable, ..Existing::default() };
    let plan = plan(&backup.records, RestoreMode::Merge, existing);
    assert!(plan.sessions.is_empty() && plan.photos.is_empty());
    assert_eq!(plan.entries.len(), 1, "what could be read here is merged as usual");
    assert_eq!(plan.unreadable_here, 2);
    assert!(
        plan.summary().ends_with(
            "2 here could not be read, so they were left as they are (the file's versions were not written over them)."
        ),
        "{}",
        plan.summary()
    );
}

#[test]
fn the_devices_own_settings_are_kept_in_a_merge() {
    let backup = sample(0, 0, 0);
    let keys = vec!["profile".to_string()];
    let plan =
        plan(&backup.records, RestoreMode::Merge, Existing { setting_keys: &keys, ..Existing::default() });
    assert_eq!(plan.settings.len(), 1);
    assert_eq!(plan.settings[0]["key"], "app");
}
