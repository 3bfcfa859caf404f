//! The backup writer against the reader: their limits agree (the writer never makes a file the
//! reader refuses), and a photo added by its stored sums writes the same file as by its bytes.

use super::container::{encode, BackupWriter, FileSum, WriteError};
use super::read::decode;
use super::sample::{jpeg, sample, CREATED_AT};
use super::BackupError;

/// The writer keeps to the reader's limits, so it never makes a file the reader refuses: at the
/// photo limit the file reads back; one more is refused by the writer, in words, before writing.
#[test]
fn the_writer_and_the_reader_agree_on_the_limits() {
    use super::container::MAX_PHOTOS;
    let backup = sample(0, 0, 1);
    let template = &backup.records.photos[0];
    let (working, thumb) = (jpeg(1, 1), jpeg(1, 1));
    let mut records = backup.records.clone();
    records.photos = (0..MAX_PHOTOS)
        .map(|i| {
            let mut photo = template.clone();
            photo.id = format!("p{i}");
            photo
        })
        .collect();
    let mut writer = BackupWriter::new();
    let mut file = Vec::new();
    for photo in &records.photos {
        let headers = writer.add_photo(&photo.id, &working, &thumb).unwrap();
        file.extend(headers.working);
        file.extend_from_slice(&working);
        file.extend(headers.thumb);
        file.extend_from_slice(&thumb);
    }
    let refused = writer.add_photo("one-more", &working, &thumb).unwrap_err();
    assert!(
        matches!(&refused, WriteError::TooLarge(s) if s.contains("10000 at most") && s.ends_with("Nothing was changed.")),
        "{refused:?}"
    );
    assert!(!writer.has_photo("one-more"));
    file.extend(writer.finish(&records, CREATED_AT).unwrap());
    let read = decode(&file).expect("the reader takes what the writer makes at the limit");
    assert_eq!(read.photo_files.len(), MAX_PHOTOS);

    // One entry past the reader's size for a working copy: refused by the writer first.
    let mut writer = BackupWriter::new();
    let huge = vec![0u8; (32 << 20) + 1];
    assert!(matches!(writer.add_photo("big", &huge, &thumb), Err(WriteError::TooLarge(_))));
    assert!(!writer.has_photo("big"));
}

/// The whole file's limit, without writing gigabytes: a writer that has written all but the
/// last photo's room takes that photo and refuses the next, and the reader refuses a file one
/// byte past the limit before reading its directory.
#[test]
fn the_file_size_limit_is_the_same_for_the_writer_and_the_reader() {
    use super::container::{directory_range, MAX_FILE_BYTES};
    let (working, thumb) = (jpeg(1000, 1), jpeg(100, 1));
    let room = MAX_FILE_BYTES - (64 << 20) - (64 << 10) - 1024;
    let one_photo = (1000 + 100 + 2 * (30 + 46) + 2 * 25 + 2 * 23) as u64;
    let mut writer = BackupWriter::at_offset(room - one_photo);
    writer.add_photo("last", &working, &thumb).expect("the last photo that fits");
    let refused = writer.add_photo("one-more", &working, &thumb).unwrap_err();
    assert!(
        matches!(&refused, WriteError::TooLarge(s) if s.contains("4 GB at most") && s.ends_with("Nothing was changed.")),
        "{refused:?}"
    );
    assert!(matches!(directory_range(MAX_FILE_BYTES + 1, &[]), Err(BackupError::TooLarge(_))));
    // At the limit the reader goes on to the end record (here there is none: a cut file).
    assert!(matches!(directory_range(MAX_FILE_BYTES, &[]), Err(BackupError::Incomplete(_))));
}

/// A photo added by its stored size and CRC-32 (the bytes never passed to the writer) makes the
/// very file that adding its bytes makes, and that file reads back with every photo whole.
#[test]
fn a_photo_added_by_its_stored_sums_writes_the_same_file_as_by_its_bytes() {
    let backup = sample(2, 3, 3);
    let mut file = Vec::new();
    let mut writer = BackupWriter::new();
    for files in &backup.photo_files {
        let (working, thumb) = (FileSum::of(&files.working), FileSum::of(&files.thumb));
        let headers = writer.add_photo_summed(&files.id, working, thumb).unwrap();
        for (header, bytes) in [(headers.working, &files.working), (headers.thumb, &files.thumb)] {
            file.extend(header);
            file.extend_from_slice(bytes);
        }
    }
    file.extend(writer.finish(&backup.records, &backup.manifest.created_at).unwrap());
    assert_eq!(file, encode(&backup).unwrap());
    assert_eq!(decode(&file).unwrap().photo_files, backup.photo_files);

    // A sum that does not match its bytes (a stored copy damaged since it was summed) is written
    // as stored, and the reader refuses that photo rather than take bytes the sum disowns.
    let files = &backup.photo_files[0];
    let mut writer = BackupWriter::new();
    let summed = FileSum::of(&files.working);
    let wrong = FileSum { crc32: summed.crc32 ^ 1, ..summed };
    let headers = writer.add_photo_summed(&files.id, wrong, FileSum::of(&files.thumb)).unwrap();
    let mut damaged = [headers.working, files.working.clone(), headers.thumb, files.thumb.clone()].concat();
    let mut one = backup.records.clone();
    one.photos.retain(|p| p.id == files.id);
    damaged.extend(writer.finish(&one, CREATED_AT).unwrap());
    assert!(
        matches!(decode(&damaged), Err(BackupError::Damaged(m)) if m.contains("does not match its checksum")),
        "a wrong stored sum is caught by the reader"
    );
}
