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

/// A history one version past the app's: v2 adds an index to a store v1 made, as the photos
/// issue's thumbnail index or any future query will.
static WITH_NEW_INDEX: [remodel::storage::schema::Migration; 2] = {
    use remodel::storage::schema::{IndexSpec, Migration, MigrationStep, MIGRATIONS};
    const V2: &[MigrationStep] = &[MigrationStep::CreateIndex(IndexSpec {
        store: Store::Sessions,
        name: "by_status",
        key_path: "status",
    })];
    [MIGRATIONS[0], Migration { version: 2, steps: V2 }]
};

#[wasm_bindgen_test]
async fn an_upgrade_adds_an_index_to_a_store_an_older_version_made_and_keeps_its_records() {
    let name = "remodel-test-upgrade-index";
    delete_database(name).await.unwrap();
    let v1 = Db::open_with(name, &WITH_NEW_INDEX[..1], || panic!("not blocked")).await.unwrap();
    let session = SampleSession {
        id: "s1".into(),
        date: "2026-11-20".into(),
        depth_mm: 1.5,
        areas: vec!["cheeks".into()],
        notes: None,
    };
    v1.put(Store::Sessions, &session).await.unwrap();
    v1.close();

    let v2 =
        Db::open_with(name, &WITH_NEW_INDEX, || panic!("not blocked")).await.expect("the upgrade succeeds");
    assert_eq!((v2.upgraded_from(), v2.version().unwrap()), (1, 2));
    let kept: Option<SampleSession> = v2.get(Store::Sessions, "s1").await.unwrap();
    assert_eq!(kept, Some(session), "the record is intact");
    let indexes = v2.index_names(Store::Sessions).unwrap();
    assert!(
        indexes.contains(&"by_status".to_string()) && indexes.contains(&"by_date".to_string()),
        "{indexes:?}"
    );
    v2.close();
    delete_database(name).await.unwrap();
}

/// A photo record as far as the version 2 index reads it.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct SamplePhoto {
    id: String,
    area_id: String,
    taken_at: String,
}

#[wasm_bindgen_test]
async fn version_1_photos_are_counted_by_area_after_the_upgrade_to_version_2() {
    use remodel::storage::schema::{MIGRATIONS, PHOTOS_BY_AREA};
    let name = "remodel-test-photos-by-area";
    delete_database(name).await.unwrap();
    let v1 = Db::open_with(name, &MIGRATIONS[..1], || panic!("not blocked")).await.unwrap();
    let photos: Vec<SamplePhoto> = [("p1", "cheeks"), ("p2", "cheeks"), ("p3", "neck")]
        .into_iter()
        .map(|(id, area)| SamplePhoto {
            id: id.into(),
            area_id: area.into(),
            taken_at: "2026-11-20T10:00".into(),
        })
        .collect();
    for photo in &photos {
        v1.put(Store::Photos, photo).await.unwrap();
    }
    v1.close();

    let current =
        Db::open_with(name, MIGRATIONS, || panic!("not blocked")).await.expect("the upgrade succeeds");
    assert_eq!((current.upgraded_from(), current.version().unwrap()), (1, DB_VERSION));
    let areas = ["cheeks", "neck", "forehead"].map(String::from);
    assert_eq!(current.count_each(Store::Photos, PHOTOS_BY_AREA, &areas).await.unwrap(), vec![2, 1, 0]);
    for photo in &photos {
        let kept: Option<SamplePhoto> = current.get(Store::Photos, &photo.id).await.unwrap();
        assert_eq!(kept.as_ref(), Some(photo), "every record intact");
    }
    current.close();
    delete_database(name).await.unwrap();
}
