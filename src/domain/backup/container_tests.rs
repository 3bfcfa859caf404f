//! The backup file: round trips, and every kind of bad file refused with its reason.

use std::io::{Cursor, Write};

use proptest::prelude::*;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::container::{encode, BackupWriter, WriteError};
use super::envelope::Envelope;
use super::read::decode;
use super::sample::{any_backup, jpeg, sample, CREATED_AT};
use super::{file_name, BackupError, FORMAT_VERSION};

/// A zip of stored entries, exactly as given (for files Remodel would never write).
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, SimpleFileOptions::default().compression_method(CompressionMethod::Stored))
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The sample's entries with `name`'s bytes replaced (or the entry dropped, or one added).
fn sample_entries_with(name: &str, bytes: Option<&[u8]>) -> Vec<u8> {
    let backup = sample(1, 2, 2);
    let records = serde_json::to_vec(&backup.records).unwrap();
    let manifest = serde_json::to_vec(&backup.manifest).unwrap();
    let mut entries: Vec<(String, Vec<u8>)> =
        vec![("manifest.json".into(), manifest), ("records.json".into(), records)];
    for files in &backup.photo_files {
        entries.push((format!("photos/{}/working.jpg", files.id), files.working.clone()));
        entries.push((format!("photos/{}/thumb.jpg", files.id), files.thumb.clone()));
    }
    match entries.iter_mut().find(|(n, _)| n == name) {
        Some(entry) => match bytes {
            Some(bytes) => entry.1 = bytes.to_vec(),
            None => entries.retain(|(n, _)| n != name),
        },
        None => entries.push((name.into(), bytes.unwrap_or_default().to_vec())),
    }
    let borrowed: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    zip_of(&borrowed)
}

#[test]
fn a_backup_reads_back_exactly_with_its_header() {
    let backup = sample(3, 4, 3);
    let file = encode(&backup).unwrap();
    let read = decode(&file).unwrap();
    assert_eq!(read, backup);
    assert_eq!(read.manifest.format_version, FORMAT_VERSION);
    assert_eq!(read.manifest.app_version, env!("CARGO_PKG_VERSION"));
    assert_eq!((read.manifest.sessions, read.manifest.recovery_entries, read.manifest.photos), (3, 12, 3));
    assert_eq!(file_name(CREATED_AT), "remodel-2026-11-24.remodel");
}

#[test]
fn photos_are_stored_as_their_own_bytes_not_encoded() {
    let backup = sample(0, 0, 1);
    let file = encode(&backup).unwrap();
    let working = &backup.photo_files[0].working;
    assert!(file.windows(working.len()).any(|w| w == working.as_slice()));
    // The zip's overhead is small: the file is the photos plus the records and headers.
    assert!(file.len() < working.len() + backup.photo_files[0].thumb.len() + 3_000, "{}", file.len());
}

#[test]
fn the_writer_refuses_records_without_bytes_and_bytes_without_records() {
    let backup = sample(0, 0, 2);
    let mut writer = BackupWriter::new();
    writer.add_photo("photo-0", &jpeg(1, 1), &jpeg(1, 1)).unwrap();
    assert!(writer.has_photo("photo-0") && !writer.has_photo("photo-1"));
    assert_eq!(
        writer.finish(&backup.records, CREATED_AT).unwrap_err(),
        WriteError::Broken("photo photo-1 has no bytes".into())
    );
    let mut writer = BackupWriter::new();
    assert_eq!(
        writer.add_photo("../x", &[], &[]).unwrap_err(),
        WriteError::Broken("photo id \"../x\" cannot be written".into())
    );
    writer.add_photo("stray", &jpeg(1, 1), &jpeg(1, 1)).unwrap();
    assert_eq!(
        writer.finish(&sample(0, 0, 0).records, CREATED_AT).unwrap_err(),
        WriteError::Broken("bytes were added for a photo that has no record".into())
    );
}

#[test]
fn a_changed_byte_fails_its_checksum() {
    let file = encode(&sample(1, 1, 2)).unwrap();
    let working = &sample(1, 1, 2).photo_files[1].working;
    let at = file.windows(working.len()).position(|w| w == working.as_slice()).unwrap() + 100;
    let mut tampered = file.clone();
    tampered[at] ^= 0x01;
    match decode(&tampered) {
        Err(BackupError::Damaged(detail)) => assert!(detail.contains("checksum"), "{detail}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_truncated_file_is_refused_wherever_it_is_cut() {
    let file = encode(&sample(2, 2, 2)).unwrap();
    for cut in [0, 3, 10, 100, file.len() / 2, file.len() - 23, file.len() - 1] {
        let error = decode(&file[..cut]).unwrap_err();
        assert!(
            matches!(error, BackupError::Incomplete(_) | BackupError::NotABackup | BackupError::Damaged(_)),
            "cut at {cut}: {error:?}"
        );
    }
}

#[test]
fn other_files_are_not_backups() {
    assert_eq!(decode(b""), Err(BackupError::NotABackup));
    assert_eq!(decode(b"\x89PNG\r\n\x1a\n...."), Err(BackupError::NotABackup));
    assert_eq!(decode(&jpeg(100, 0)), Err(BackupError::NotABackup));
    assert_eq!(decode(b"sessions,date\n1,2026-01-01\n"), Err(BackupError::NotABackup));
    // Another app's zip.
    assert_eq!(
        decode(&zip_of(&[("manifest.json", b"{\"format\":\"other\"}")])),
        Err(BackupError::NotABackup)
    );
    let encrypted = Envelope::new([1; 16], [2; 12], 48).seal(&[0; 64]);
    assert_eq!(decode(&encrypted), Err(BackupError::NeedsPassphrase));
}

#[test]
fn a_newer_format_asks_for_an_update_and_an_unknown_old_one_is_refused() {
    let mut manifest = serde_json::to_value(&sample(1, 2, 2).manifest).unwrap();
    manifest["format_version"] = 2.into();
    let file = sample_entries_with("manifest.json", Some(&serde_json::to_vec(&manifest).unwrap()));
    assert_eq!(decode(&file), Err(BackupError::FutureVersion(2)));
    assert!(BackupError::FutureVersion(2).user_message().contains("newer version"));
    manifest["format_version"] = 0.into();
    let file = sample_entries_with("manifest.json", Some(&serde_json::to_vec(&manifest).unwrap()));
    assert!(matches!(decode(&file), Err(BackupError::Damaged(_))));
}

#[test]
fn path_tricks_and_foreign_entries_are_refused() {
    for name in [
        "../records.json",
        "/etc/passwd",
        "photos/../../evil/working.jpg",
        "photos/a/b/working.jpg",
        "photos/a%2F../working.jpg",
        "C:\\photos\\x\\working.jpg",
        "photos/x/working.png",
        "photos/x/",
        "notes.txt",
    ] {
        let file = sample_entries_with(name, Some(b"x"));
        assert!(matches!(decode(&file), Err(BackupError::UnexpectedEntry(_))), "{name}");
    }
}

#[test]
fn oversized_entries_are_refused_before_they_are_read() {
    let big = vec![b' '; (64 << 10) + 1];
    let file = sample_entries_with("manifest.json", Some(&big));
    assert!(matches!(decode(&file), Err(BackupError::TooLarge(_))));
}

/// The offset of each central-directory record (`PK\x01\x02`).
fn central_records(file: &[u8]) -> Vec<usize> {
    file.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x01\x02").map(|(i, _)| i).collect()
}

#[test]
fn compressed_entries_and_zip_bombs_are_refused() {
    // An entry claiming deflate and 4 GB once inflated: refused from the directory alone.
    let mut bomb = encode(&sample(0, 0, 1)).unwrap();
    let at = central_records(&bomb)[0];
    bomb[at + 10..at + 12].copy_from_slice(&8u16.to_le_bytes());
    bomb[at + 24..at + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    assert_eq!(
        decode(&bomb).unwrap_err(),
        BackupError::Damaged("“photos/photo-0/working.jpg” is compressed; Remodel never compresses".into())
    );

    // Entries whose sizes add up to more than the file.
    let mut oversized = encode(&sample(0, 0, 2)).unwrap();
    let len = oversized.len() as u32;
    for at in central_records(&oversized) {
        oversized[at + 20..at + 24].copy_from_slice(&(len / 2).to_le_bytes());
        oversized[at + 24..at + 28].copy_from_slice(&(len / 2).to_le_bytes());
    }
    assert!(
        matches!(decode(&oversized).unwrap_err(), BackupError::Incomplete(m) if m.ends_with("does not fit the file"))
    );

    // Two entries sharing bytes: the second photo's working copy claims the first one's place.
    let mut overlap = encode(&sample(0, 0, 2)).unwrap();
    let records = central_records(&overlap);
    let first_offset = overlap[records[0] + 42..records[0] + 46].to_vec();
    overlap[records[2] + 42..records[2] + 46].copy_from_slice(&first_offset);
    assert_eq!(decode(&overlap).unwrap_err(), BackupError::Damaged("its entries overlap".into()));
}

#[test]
fn records_must_match_the_manifest_and_the_photo_files() {
    // A photo's file missing, and a file without a photo.
    assert!(matches!(
        decode(&sample_entries_with("photos/photo-1/thumb.jpg", None)),
        Err(BackupError::Damaged(_))
    ));
    assert!(matches!(
        decode(&sample_entries_with("photos/stray/working.jpg", Some(&jpeg(5, 5)))),
        Err(BackupError::Damaged(_))
    ));
    // A photo file that is not a JPEG.
    assert!(matches!(
        decode(&sample_entries_with("photos/photo-0/working.jpg", Some(b"GIF89a"))),
        Err(BackupError::Damaged(_))
    ));
    // Counts that disagree with the manifest.
    let backup = sample(1, 2, 2);
    let mut manifest = serde_json::to_value(&backup.manifest).unwrap();
    manifest["sessions"] = 5.into();
    let file = sample_entries_with("manifest.json", Some(&serde_json::to_vec(&manifest).unwrap()));
    assert!(matches!(decode(&file), Err(BackupError::Damaged(_))));
}

#[test]
fn records_that_do_not_read_are_refused() {
    let backup = sample(1, 2, 2);
    let mut records = serde_json::to_value(&backup.records).unwrap();
    records["sessions"][0]["date"] = "2026-02-30".into();
    let file = sample_entries_with("records.json", Some(&serde_json::to_vec(&records).unwrap()));
    assert!(matches!(decode(&file), Err(BackupError::Damaged(_))));

    for setting in [
        serde_json::json!({ "key": "backup", "last_backup": "2026-01-01" }),
        serde_json::json!({ "key": "clinic", "link": "not a link" }),
        serde_json::json!({ "key": "profile", "areas": "cheeks" }),
        serde_json::json!({ "nokey": true }),
    ] {
        let mut records = serde_json::to_value(&backup.records).unwrap();
        records["settings"] = serde_json::json!([setting]);
        let file = sample_entries_with("records.json", Some(&serde_json::to_vec(&records).unwrap()));
        assert!(matches!(decode(&file), Err(BackupError::Damaged(_))), "{setting}");
    }

    let mut records = serde_json::to_value(&backup.records).unwrap();
    records["recovery_entries"][1]["id"] = records["recovery_entries"][0]["id"].clone();
    let file = sample_entries_with("records.json", Some(&serde_json::to_vec(&records).unwrap()));
    assert!(matches!(decode(&file), Err(BackupError::Damaged(_))));
}

#[test]
fn every_message_says_nothing_changed_or_what_to_do() {
    for error in [
        BackupError::NotABackup,
        BackupError::Incomplete("x".into()),
        BackupError::Damaged("x".into()),
        BackupError::UnexpectedEntry("x".into()),
        BackupError::TooLarge("x".into()),
        BackupError::FutureVersion(9),
        BackupError::WrongPassphrase,
    ] {
        assert!(error.user_message().ends_with("Nothing on this device was changed."), "{error:?}");
    }
    assert!(BackupError::NeedsPassphrase.user_message().contains("passphrase"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_backups_round_trip(backup in any_backup()) {
        let file = encode(&backup).unwrap();
        prop_assert_eq!(decode(&file).unwrap(), backup);
    }
}

/// A change to a file: flip a byte, cut it, or splice bytes into it.
#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, mask: u8 },
    Set { at: usize, value: u8 },
    Truncate { at: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Remove { at: usize, len: usize },
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let one = prop_oneof![
        (any::<usize>(), 1u8..).prop_map(|(at, mask)| Mutation::Flip { at, mask }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, value)| Mutation::Set { at, value }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..32))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Remove { at, len }),
    ];
    prop::collection::vec(one, 1..4)
}

fn mutate(mut file: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = file.len().max(1);
        match mutation {
            Mutation::Flip { at, mask } => {
                if let Some(byte) = file.get_mut(at % len) {
                    *byte ^= mask;
                }
            }
            Mutation::Set { at, value } => {
                if let Some(byte) = file.get_mut(at % len) {
                    *byte = *value;
                }
            }
            Mutation::Truncate { at } => file.truncate(at % len),
            Mutation::Insert { at, bytes } => {
                let at = at % (file.len() + 1);
                file.splice(at..at, bytes.iter().copied());
            }
            Mutation::Remove { at, len: count } => {
                let at = at % len;
                let end = (at + count).min(file.len());
                if at < end {
                    file.drain(at..end);
                }
            }
        }
    }
    file
}

proptest! {
    // 1,500 mutated backup files: reading never panics, and anything it accepts is a whole,
    // valid backup (it writes out again and reads back the same).
    #![proptest_config(ProptestConfig::with_cases(1_500))]

    #[test]
    fn mutated_files_are_an_error_or_a_valid_backup(changes in mutations()) {
        let original = encode(&sample(2, 2, 2)).unwrap();
        let file = mutate(original, &changes);
        if let Ok(backup) = decode(&file) {
            let again = encode(&backup).unwrap();
            prop_assert_eq!(decode(&again).unwrap(), backup);
        }
    }
}

#[test]
fn the_wrong_file_or_a_cut_one_is_named_in_plain_words() {
    // Random bytes with a backup's name: not "choose a file ending in .remodel".
    let random: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let message = decode(&random).unwrap_err().user_message();
    assert!(message.starts_with(
        "This file is not a Remodel backup: what is inside is not a backup, whatever its name."
    ));
    assert!(!message.contains("ending in"), "{message}");
    // A backup cut short: the zip reader's words ("invalid Zip archive", "EOCD") never reach the page.
    let good = encode(&sample(2, 2, 2)).unwrap();
    for cut in [good.len() / 2, good.len() - 10, 40] {
        let message = decode(&good[..cut]).unwrap_err().user_message();
        for jargon in ["Zip", "zip", "EOCD", "archive", "invalid"] {
            assert!(!message.contains(jargon), "{cut}: {message}");
        }
        assert!(message.contains("choose another backup") || message.contains("another backup"), "{message}");
    }
}

/// A file written by the build before the streaming writer (the `zip` crate's layout, with its
/// own version fields and extra bytes) reads with today's reader, checked in as data.
#[test]
fn a_file_from_the_zip_crate_writer_still_reads() {
    let older = std::fs::read("tests/fixtures/backups/plain-zip-crate.remodel").unwrap();
    let backup = decode(&older).unwrap();
    assert_eq!((backup.records.sessions.len(), backup.records.recovery_entries.len()), (2, 3));
    assert!(backup.photo_files.is_empty());
    // And today's writer gives a file the independent zip reader takes, entry for entry.
    let file = encode(&sample(1, 1, 2)).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&file)).unwrap();
    assert_eq!(archive.len(), 6);
    let mut manifest = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("manifest.json").unwrap(), &mut manifest).unwrap();
    assert!(manifest.contains("remodel-backup"));
}

/// A photo's two entries are read in one go when they lie together (as Remodel writes them), and
/// one by one otherwise: a file from another zip writer, with every thumbnail first, reads the
/// same.
#[test]
fn photos_read_the_same_whether_their_entries_lie_together_or_not() {
    let backup = sample(1, 1, 2);
    let records = serde_json::to_vec(&backup.records).unwrap();
    let manifest = serde_json::to_vec(&backup.manifest).unwrap();
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let mut add = |name: String, bytes: &[u8]| {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    };
    for files in &backup.photo_files {
        add(format!("photos/{}/thumb.jpg", files.id), &files.thumb);
    }
    for files in &backup.photo_files {
        add(format!("photos/{}/working.jpg", files.id), &files.working);
    }
    add("records.json".into(), &records);
    add("manifest.json".into(), &manifest);
    let file = zip.finish().unwrap().into_inner();
    assert_eq!(decode(&file).unwrap().photo_files, backup.photo_files);
}
