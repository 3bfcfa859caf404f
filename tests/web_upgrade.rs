//! In-browser tests of the schema upgrade that moves thumbnails into their own store (version 3),
//! on a database written the way version 2 wrote it: photo records and `photo_bytes` records
//! holding both copies. Run with `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use js_sys::{ArrayBuffer, Object, Reflect, Uint8Array};
use remodel::storage::schema::{Migration, MigrationStep, MIGRATIONS};
use remodel::storage::{
    delete_database, load_photo_bytes, Db, PhotoCopy, StorageError, Store, Write, DB_VERSION,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Bytes that differ per photo and copy, so a mixed-up move cannot pass.
fn pattern(seed: u32, len: usize) -> Vec<u8> {
    (0..len).map(|i| ((i as u32).wrapping_mul(31).wrapping_add(seed * 7919) % 251) as u8).collect()
}

fn buffer(bytes: &[u8]) -> ArrayBuffer {
    Uint8Array::from(bytes).buffer()
}

/// A `photo_bytes` record as version 2 stored it: `{ id, working, thumb }`.
fn version_2_record(id: &str, working: &[u8], thumb: &[u8]) -> JsValue {
    let record = Object::new();
    Reflect::set(&record, &"id".into(), &id.into()).unwrap();
    Reflect::set(&record, &"working".into(), &buffer(working)).unwrap();
    Reflect::set(&record, &"thumb".into(), &buffer(thumb)).unwrap();
    record.into()
}

fn bytes_of(buffer: Option<ArrayBuffer>) -> Option<Vec<u8>> {
    buffer.map(|b| Uint8Array::new(&b).to_vec())
}

struct Fixture {
    id: String,
    working: Vec<u8>,
    thumb: Vec<u8>,
}

/// A version 2 database named `name` with `count` photos' bytes (about 200 KB and 8 KB each).
async fn version_2_database(name: &str, count: u32) -> Vec<Fixture> {
    delete_database(name).await.unwrap();
    let v2 = Db::open_with(name, &MIGRATIONS[..2], || panic!("not blocked")).await.unwrap();
    let photos: Vec<Fixture> = (0..count)
        .map(|n| Fixture {
            id: format!("photo-{n}"),
            working: pattern(n, 200_000 + n as usize),
            thumb: pattern(n + 1000, 8_000 + n as usize),
        })
        .collect();
    let writes = photos
        .iter()
        .map(|p| Write::Put(Store::PhotoBytes, version_2_record(&p.id, &p.working, &p.thumb)))
        .collect();
    v2.write_batch(writes).await.unwrap();
    v2.close();
    photos
}

#[wasm_bindgen_test]
async fn the_upgrade_moves_every_thumbnail_to_its_own_store_byte_for_byte() {
    let name = "remodel-test-thumbs-upgrade";
    let photos = version_2_database(name, 12).await;
    let db = Db::open_with(name, MIGRATIONS, || panic!("not blocked")).await.expect("the upgrade succeeds");
    assert_eq!((db.upgraded_from(), db.version().unwrap()), (2, DB_VERSION));
    for photo in &photos {
        let working = bytes_of(load_photo_bytes(&db, &photo.id, PhotoCopy::Working).await.unwrap());
        let thumb = bytes_of(load_photo_bytes(&db, &photo.id, PhotoCopy::Thumb).await.unwrap());
        assert!(working.as_ref() == Some(&photo.working), "{}: the working copy is intact", photo.id);
        assert!(thumb.as_ref() == Some(&photo.thumb), "{}: the thumbnail moved intact", photo.id);
        // The working copy's record no longer carries the thumbnail: a tile never reads it.
        let record = db.get_value(Store::PhotoBytes, &photo.id).await.unwrap().unwrap();
        assert!(Reflect::get(&record, &"thumb".into()).unwrap().is_undefined(), "{}", photo.id);
    }
    db.close();
    delete_database(name).await.unwrap();
}

/// A version 3 whose move cannot succeed: the target store's key is not the photo's `id`, so the
/// first put fails midway through the upgrade, as a tab closed midway would stop it.
static FAILING_MOVE: [Migration; 3] = {
    const MOVE: &[MigrationStep] =
        &[MigrationStep::MoveField { from: Store::PhotoBytes, field: "thumb", to: Store::Settings }];
    [MIGRATIONS[0], MIGRATIONS[1], Migration { version: 3, steps: MOVE }]
};

#[wasm_bindgen_test]
async fn an_upgrade_stopped_midway_leaves_the_older_database_exactly_as_it_was() {
    let name = "remodel-test-thumbs-upgrade-stopped";
    let photos = version_2_database(name, 3).await;
    let failed = Db::open_with(name, &FAILING_MOVE, || panic!("not blocked")).await;
    // The move's put has no settings key: IndexedDB's DataError, reported as the record it
    // could not write (not as a blocked or missing database).
    let error = failed.err().expect("the open reports the failed upgrade");
    assert!(matches!(error, StorageError::Corrupt(_)), "{error:?}");

    let v2 = Db::open_with(name, &MIGRATIONS[..2], || panic!("not blocked")).await.expect("still version 2");
    assert_eq!((v2.upgraded_from(), v2.version().unwrap()), (2, 2), "no upgrade was kept");
    for photo in &photos {
        let record = v2.get_value(Store::PhotoBytes, &photo.id).await.unwrap().expect("the record is there");
        let field = |name: &str| {
            Reflect::get(&record, &name.into()).ok().and_then(|v| v.dyn_into::<ArrayBuffer>().ok())
        };
        assert!(bytes_of(field("thumb")).as_ref() == Some(&photo.thumb), "{}: thumbnail in place", photo.id);
        assert!(bytes_of(field("working")).as_ref() == Some(&photo.working), "{}", photo.id);
    }
    v2.close();

    // And the real upgrade then runs from the start.
    let db = Db::open_with(name, MIGRATIONS, || panic!("not blocked")).await.expect("the upgrade succeeds");
    let thumb = bytes_of(load_photo_bytes(&db, "photo-2", PhotoCopy::Thumb).await.unwrap());
    assert!(thumb.as_ref() == Some(&photos[2].thumb));
    db.close();
    delete_database(name).await.unwrap();
}
