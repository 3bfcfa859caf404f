//! In-browser tests of the records repository: sessions, check-ins, the profile, and that a
//! failed write changes nothing.
#![cfg(target_arch = "wasm32")]

use remodel::domain::diary::recovery::RecoveryForm;
use remodel::domain::diary::session::{SessionForm, SessionStatus};
use remodel::domain::profile::area::{Area, AreaKind};
use remodel::domain::profile::{Profile, SkinType};
use remodel::storage::{
    delete_database, delete_session, load_entries_before, load_recent_records, load_records, restore,
    save_clinic, save_entry, save_profile, save_session, Db, StorageError, Store, Write,
};
use time::macros::date;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh_db(name: &str) -> Db {
    delete_database(name).await.expect("delete the old test database");
    Db::open_named(name, || {}).await.expect("open")
}

fn profile() -> Profile {
    let cheeks = Area::new("cheeks".into(), AreaKind::Cheeks, "", &[]).unwrap();
    Profile { skin_type: Some(SkinType::IV), areas: vec![cheeks], ..Profile::default() }
}

fn session(id: &str, day: &str) -> remodel::domain::diary::session::Session {
    let mut form = SessionForm::new(date!(2026 - 11 - 24));
    form.date = day.into();
    form.status = SessionStatus::Done;
    form.areas = vec![("cheeks".into(), "1.5".into())];
    form.notes = "<img src=x onerror=alert(1)>".into();
    form.validate(id.into(), date!(2026 - 11 - 24), &profile()).unwrap()
}

#[wasm_bindgen_test]
async fn sessions_entries_and_the_profile_round_trip() {
    let db = fresh_db("remodel-test-records").await;
    save_profile(&db, &profile()).await.unwrap();
    let s1 = session("s1", "2026-11-01");
    save_session(&db, &s1).await.unwrap();
    let form =
        RecoveryForm { date: "2026-11-03".into(), redness: Some(2), swelling: Some(1), ..Default::default() };
    let entry = form.validate("e1".into(), date!(2026 - 11 - 24), std::slice::from_ref(&s1)).unwrap();
    save_entry(&db, &entry).await.unwrap();

    let records = load_records(&db).await.unwrap();
    assert_eq!(records.profile, profile());
    assert_eq!(records.sessions, vec![s1.clone()]);
    assert_eq!(records.entries, vec![entry.clone()]);

    // Deleting a session takes its check-ins with it; restoring brings both back.
    delete_session(&db, &s1, std::slice::from_ref(&entry)).await.unwrap();
    let emptied = load_records(&db).await.unwrap();
    assert!(emptied.sessions.is_empty() && emptied.entries.is_empty());
    restore(&db, std::slice::from_ref(&s1), std::slice::from_ref(&entry)).await.unwrap();
    let restored = load_records(&db).await.unwrap();
    assert_eq!((restored.sessions, restored.entries), (vec![s1], vec![entry]));
    db.close();
}

#[wasm_bindgen_test]
async fn a_failed_write_leaves_every_store_unchanged() {
    let db = fresh_db("remodel-test-atomic").await;
    let kept = session("kept", "2026-11-01");
    save_session(&db, &kept).await.unwrap();
    let before = load_records(&db).await.unwrap();

    // A batch whose last write is invalid (no key): the earlier writes must not stick either.
    #[derive(serde::Serialize)]
    struct NoKey {
        date: String,
    }
    let batch = vec![
        Write::put(Store::Sessions, &session("new", "2026-11-02")).unwrap(),
        Write::Delete(Store::Sessions, "kept".into()),
        Write::put(Store::Sessions, &NoKey { date: "2026-11-03".into() }).unwrap(),
    ];
    let result = db.write_batch(batch).await;
    assert!(matches!(result, Err(StorageError::Corrupt(_) | StorageError::Other(_))), "{result:?}");
    assert_eq!(load_records(&db).await.unwrap(), before);
    db.close();
}

#[wasm_bindgen_test]
async fn an_unreadable_record_is_counted_and_left_alone_while_the_rest_loads() {
    let db = fresh_db("remodel-test-unreadable").await;
    let good = session("good", "2026-11-01");
    save_session(&db, &good).await.unwrap();
    #[derive(serde::Serialize)]
    struct Damaged {
        id: String,
        date: String,
    }
    db.put(Store::Sessions, &Damaged { id: "damaged".into(), date: "not a date".into() }).await.unwrap();
    let records = load_records(&db).await.unwrap();
    assert_eq!(records.sessions, vec![good]);
    assert_eq!(records.unreadable, 1);
    // Still there, untouched, for a later version (or a backup) to deal with.
    let raw: Option<serde_json::Value> = db.get(Store::Sessions, "damaged").await.unwrap();
    assert_eq!(raw.unwrap()["date"], "not a date");
    db.close();
}

fn studio() -> remodel::domain::clinic::ClinicProfile {
    let form = remodel::domain::clinic::ClinicForm {
        name: "Skin Studio".into(),
        phone: "+44 20 7946 0958".into(),
        sessions: "3".into(),
        interval_weeks: "6".into(),
        aftercare: "SPF 50\nNo gym for 48 hours".into(),
        colour: "#1f6f8b".into(),
        ..Default::default()
    };
    form.validate().unwrap()
}

#[wasm_bindgen_test]
async fn the_clinic_is_saved_replaced_and_removed_beside_the_profile() {
    let db = fresh_db("remodel-test-clinic").await;
    save_profile(&db, &profile()).await.unwrap();
    assert_eq!(load_records(&db).await.unwrap().clinic, None);
    save_clinic(&db, Some(&studio())).await.unwrap();
    let records = load_records(&db).await.unwrap();
    assert_eq!(records.clinic, Some(studio()));
    assert_eq!(records.profile, profile(), "the profile is untouched");
    save_clinic(&db, None).await.unwrap();
    assert_eq!(load_records(&db).await.unwrap().clinic, None);
    db.close();
}

#[wasm_bindgen_test]
async fn a_damaged_clinic_is_counted_and_left_alone() {
    let db = fresh_db("remodel-test-clinic-damaged").await;
    #[derive(serde::Serialize)]
    struct Stored {
        key: String,
        link: String,
    }
    db.put(Store::Settings, &Stored { key: "clinic".into(), link: "1.@@@".into() }).await.unwrap();
    let records = load_records(&db).await.unwrap();
    assert_eq!(records.clinic, None);
    assert_eq!(records.unreadable, 1);
    let raw: Option<serde_json::Value> = db.get(Store::Settings, "clinic").await.unwrap();
    assert_eq!(raw.unwrap()["link"], "1.@@@");
    db.close();
}

#[wasm_bindgen_test]
async fn recent_check_ins_first_then_the_older_ones_make_the_whole_diary() {
    let db = fresh_db("remodel-test-recent-first").await;
    save_profile(&db, &profile()).await.unwrap();
    let s1 = session("s1", "2026-06-01");
    save_session(&db, &s1).await.unwrap();
    let mut all = Vec::new();
    for (id, day) in [("old", "2026-06-03"), ("edge", "2026-08-01"), ("new", "2026-11-20")] {
        let form =
            RecoveryForm { date: day.into(), redness: Some(1), swelling: Some(0), ..Default::default() };
        let entry = form.validate(id.into(), date!(2026 - 11 - 24), std::slice::from_ref(&s1)).unwrap();
        save_entry(&db, &entry).await.unwrap();
        all.push(entry);
    }
    let recent = load_recent_records(&db, date!(2026 - 08 - 01)).await.unwrap();
    assert_eq!(recent.entries_from, Some(date!(2026 - 08 - 01)));
    assert_eq!(recent.entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), vec!["edge", "new"]);
    assert_eq!(recent.sessions, vec![s1.clone()], "every session is read first");
    assert_eq!(recent.profile, profile());
    assert!(
        recent.has_entries_since(date!(2026 - 08 - 01)) && !recent.has_entries_since(date!(2026 - 07 - 31))
    );
    let (older, unreadable) = load_entries_before(&db, date!(2026 - 08 - 01)).await.unwrap();
    assert_eq!(older.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), vec!["old"]);
    assert_eq!(unreadable, 0);
    let everything = load_records(&db).await.unwrap();
    assert_eq!(everything.entries_from, None);
    assert_eq!((everything.entries.len(), everything.unreadable), (3, 0));
    db.close();
}
