//! Backups for tests: a fixed sample, and generated ones for the property tests.

use proptest::prelude::*;
use time::macros::date;
use time::Duration;

use super::{Backup, Manifest, PhotoFiles, Records};
use crate::domain::diary::recovery::tests::{entry_after, session};
use crate::domain::diary::session::SessionStatus;
use crate::domain::photos::alignment::{AlignMethod, Alignment};
use crate::domain::photos::angle::Angle;
use crate::domain::photos::photo::tests::photo;
use crate::domain::photos::similarity::Similarity;

pub(crate) const CREATED_AT: &str = "2026-11-24T09:30";

/// Bytes that start like a JPEG.
pub(crate) fn jpeg(len: usize, fill: u8) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.extend(std::iter::repeat_n(fill, len));
    bytes
}

/// A backup of `sessions` sessions, each with `entries` check-ins, and `photos` photos (the
/// second and later aligned to the first), with free text that needs escaping.
pub(crate) fn sample(sessions: usize, entries: usize, photos: usize) -> Backup {
    let start = date!(2026 - 01 - 05);
    let mut records = Records::default();
    for s in 0..sessions {
        let day = start + Duration::weeks(6 * s as i64);
        let mut session = session(&format!("session-{s}"), day, SessionStatus::Done);
        session.notes = format!("Session {s}: \"fine\", ok\nnext line; =1+1 ✓");
        for e in 1..=entries {
            let mut entry = entry_after(&session.id, day, e as i64, (e % 5) as u8);
            entry.notes = format!("day {e}, a bit red");
            records.recovery_entries.push(entry);
        }
        records.sessions.push(session);
    }
    let mut photo_files = Vec::new();
    for p in 0..photos {
        let id = format!("photo-{p}");
        let mut record = photo(&id, "cheeks", Angle::Front, &format!("2026-02-{:02}T10:00", 1 + p % 28));
        if p > 0 {
            record.alignment = Some(Alignment {
                reference_id: "photo-0".into(),
                to_reference: Similarity { scale: 1.01, rotation: 0.02, tx: 0.003, ty: -0.004 },
                method: AlignMethod::Automatic { confidence: 0.9 },
            });
        }
        records.photos.push(record);
        photo_files.push(PhotoFiles { id, working: jpeg(2_000 + p, p as u8), thumb: jpeg(200, 7) });
    }
    records.settings = vec![
        serde_json::json!({ "key": "app", "persistence_requested": true }),
        serde_json::json!({ "key": "profile", "goals": "Softer scars", "concerns": ["acne_scars"] }),
    ];
    let manifest = Manifest::new(&records, CREATED_AT);
    Backup { manifest, records, photo_files }
}

/// Generated backups: any free text, any bytes after a JPEG's first three, any number of each
/// record up to a few.
pub(crate) fn any_backup() -> impl Strategy<Value = Backup> {
    (
        prop::collection::vec(("\\PC{0,30}", 0u8..=10), 0..4),
        prop::collection::vec(("\\PC{0,30}", 0u8..5), 0..6),
        prop::collection::vec(
            (prop::collection::vec(any::<u8>(), 0..200), any::<u8>(), "[a-z0-9-]{1,12}"),
            0..4,
        ),
        "\\PC{0,40}",
    )
        .prop_map(|(sessions, entries, photos, goals)| {
            let mut backup = sample(0, 0, 0);
            let records = &mut backup.records;
            for (i, (notes, pain)) in sessions.into_iter().enumerate() {
                let mut s = session(
                    &format!("s{i}"),
                    date!(2026 - 03 - 01) + Duration::days(i as i64 * 40),
                    SessionStatus::Done,
                );
                s.notes = notes;
                s.pain = Some(pain);
                records.sessions.push(s);
            }
            for (i, (notes, redness)) in entries.into_iter().enumerate() {
                let mut e = entry_after("s0", date!(2026 - 03 - 01), i as i64, redness);
                e.id = format!("e{i}");
                e.notes = notes;
                records.recovery_entries.push(e);
            }
            for (i, (tail, fill, name)) in photos.into_iter().enumerate() {
                let id = format!("{name}-{i}");
                records.photos.push(photo(&id, "cheeks", Angle::Left45, "2026-03-02T08:00"));
                let mut working = jpeg(0, 0);
                working.extend(tail);
                backup.photo_files.push(PhotoFiles { id, working, thumb: jpeg(10, fill) });
            }
            records.settings = vec![serde_json::json!({ "key": "profile", "goals": goals })];
            backup.manifest = Manifest::new(records, CREATED_AT);
            backup
        })
}
