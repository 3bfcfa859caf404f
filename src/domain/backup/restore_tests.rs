//! Planning a restore: replace takes the file as it is; merge keeps both and skips duplicates.

use super::restore::{plan, Existing, RestoreMode};
use super::sample::sample;

fn ids() -> impl FnMut() -> String {
    let mut next = 0;
    move || {
        next += 1;
        format!("new-{next}")
    }
}

#[test]
fn replace_writes_the_file_as_it_is() {
    let backup = sample(2, 2, 2);
    let here = sample(1, 1, 1);
    let existing = Existing { sessions: &here.records.sessions, ..Existing::default() };
    let plan = plan(&backup, RestoreMode::Replace, existing, ids());
    assert!(plan.replace);
    assert_eq!(plan.sessions, backup.records.sessions);
    assert_eq!(plan.entries, backup.records.recovery_entries);
    assert_eq!(
        plan.photos.iter().map(|(p, i)| (p.clone(), *i)).collect::<Vec<_>>(),
        backup.records.photos.iter().cloned().zip(0..).collect::<Vec<_>>()
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
    };
    let plan = plan(&backup, RestoreMode::Merge, existing, ids());
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
    let plan = plan(&backup, RestoreMode::Merge, Existing::default(), ids());
    assert_eq!(
        (plan.sessions.len(), plan.entries.len(), plan.photos.len(), plan.settings.len()),
        (1, 1, 1, 2)
    );
    assert_eq!((plan.skipped, plan.renamed), (0, 0));
}

#[test]
fn a_different_record_under_the_same_id_is_kept_as_a_copy_and_followed() {
    let mut backup = sample(1, 2, 2);
    for photo in &mut backup.records.photos {
        photo.session_id = Some("session-0".into());
    }
    let mut here = backup.records.clone();
    here.sessions[0].notes = "edited on this phone".into();
    here.photos[0].lighting = "window".into();
    let existing = Existing { sessions: &here.sessions, photos: &here.photos, ..Existing::default() };
    let plan = plan(&backup, RestoreMode::Merge, existing, ids());

    // The session is kept beside the device's, under a new id, and its check-ins follow it.
    assert_eq!(plan.sessions.len(), 1);
    assert_eq!(plan.sessions[0].id, "new-1");
    assert_eq!(plan.sessions[0].notes, backup.records.sessions[0].notes);
    assert!(plan.entries.iter().all(|e| e.session_id.as_deref() == Some("new-1")));
    assert_eq!(plan.entries.len(), 2);

    // Both photos pointed at the old session, so both differ now and move; the second's
    // alignment follows its reference photo to its new id, and the bytes come from the file.
    assert_eq!(plan.photos.len(), 2);
    let (first, first_file) = &plan.photos[0];
    let (second, second_file) = &plan.photos[1];
    assert_eq!((first.id.as_str(), *first_file), ("new-2", 0));
    assert_eq!((second.id.as_str(), *second_file), ("new-3", 1));
    assert_eq!(second.alignment.as_ref().unwrap().reference_id, "new-2");
    assert_eq!(plan.renamed, 3);
    assert!(
        plan.summary().ends_with("3 that differed from ones here were kept as copies."),
        "{}",
        plan.summary()
    );
}

#[test]
fn the_devices_own_settings_are_kept_in_a_merge() {
    let backup = sample(0, 0, 0);
    let keys = vec!["profile".to_string()];
    let plan =
        plan(&backup, RestoreMode::Merge, Existing { setting_keys: &keys, ..Existing::default() }, ids());
    assert_eq!(plan.settings.len(), 1);
    assert_eq!(plan.settings[0]["key"], "app");
}
