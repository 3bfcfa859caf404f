//! In-browser tests of `src/storage` against the real IndexedDB of headless Chromium.
//! Run with `make test-wasm` (wasm-bindgen-test-runner + chromedriver).
#![cfg(target_arch = "wasm32")]

use remodel::domain::profile::settings::AppSettings;
use remodel::storage::{delete_database, load_settings, save_settings, Db, Store, DB_VERSION};
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct SampleSession {
    id: String,
    date: String,
    depth_mm: f64,
    areas: Vec<String>,
    notes: Option<String>,
}

/// A fresh, uniquely named database per test, so tests never see each other's data.
async fn fresh_db(name: &str) -> Db {
    delete_database(name).await.expect("delete the old test database");
    Db::open_named(name, || panic!("nothing else holds the test database")).await.expect("open")
}

#[wasm_bindgen_test]
async fn opens_an_empty_database_and_migrates_it_to_the_current_version() {
    let db = fresh_db("remodel-test-migrate").await;
    assert_eq!(db.upgraded_from(), 0, "a new database starts at version 0");
    assert_eq!(db.version().unwrap(), DB_VERSION);
    let mut names = db.store_names();
    names.sort();
    let mut expected: Vec<String> = Store::ALL.iter().map(|s| s.name().to_string()).collect();
    expected.sort();
    assert_eq!(names, expected);
    db.close();

    // Opening again at the same version runs no migration.
    let again = Db::open_named("remodel-test-migrate", || {}).await.unwrap();
    assert_eq!(again.upgraded_from(), DB_VERSION);
    again.close();
}

#[wasm_bindgen_test]
async fn a_record_round_trips_and_can_be_deleted() {
    let db = fresh_db("remodel-test-roundtrip").await;
    let session = SampleSession {
        id: "s-1".into(),
        date: "2026-11-24".into(),
        depth_mm: 1.25,
        areas: vec!["cheeks".into(), "forehead".into()],
        notes: Some("Numbing cream, slight sting — «fine»".into()),
    };
    db.put(Store::Sessions, &session).await.unwrap();
    let read: Option<SampleSession> = db.get(Store::Sessions, "s-1").await.unwrap();
    assert_eq!(read.as_ref(), Some(&session));
    let all: Vec<SampleSession> = db.get_all(Store::Sessions).await.unwrap();
    assert_eq!(all, vec![session]);

    db.delete(Store::Sessions, "s-1").await.unwrap();
    let gone: Option<SampleSession> = db.get(Store::Sessions, "s-1").await.unwrap();
    assert_eq!(gone, None);
    db.close();
}

#[wasm_bindgen_test]
async fn settings_default_on_first_start_and_persist() {
    let db = fresh_db("remodel-test-settings").await;
    assert_eq!(load_settings(&db).await.unwrap(), AppSettings::default());
    let changed = AppSettings { persistence_requested: true, ..AppSettings::default() };
    save_settings(&db, &changed).await.unwrap();
    assert_eq!(load_settings(&db).await.unwrap(), changed);
    db.close();
}

#[wasm_bindgen_test]
async fn a_record_of_the_wrong_shape_is_a_typed_error_not_a_panic() {
    let db = fresh_db("remodel-test-corrupt").await;
    #[derive(Serialize)]
    struct Other {
        id: String,
        date: u32,
    }
    db.put(Store::Sessions, &Other { id: "x".into(), date: 7 }).await.unwrap();
    let read: Result<Option<SampleSession>, _> = db.get(Store::Sessions, "x").await;
    assert!(matches!(read, Err(remodel::storage::StorageError::Corrupt(_))), "{read:?}");
    db.close();
}
