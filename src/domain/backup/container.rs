//! Writing and reading the backup zip (see the table in `super`), one entry at a time, so a
//! library of any size passes through memory one photo at a time both ways.
//!
//! Writing: [`BackupWriter`] hands back each entry's header as the photo goes by, keeping only
//! the directory (a few dozen bytes per entry), and writes records, manifest and directory at
//! the end. Reading: [`directory_range`] and [`BackupIndex::new`] check every entry's name,
//! method, size and place from the zip's directory before anything of theirs is read or
//! allocated; `super::read` then reads the manifest, the records and each photo in turn, each
//! checked against its CRC-32 as it is read.
//!
//! ## Limits (the writer never makes a file the reader refuses)
//!
//! | limit | value | why |
//! |---|---|---|
//! | whole file | 4 GiB − 1 MiB ([`MAX_FILE_BYTES`]) | a zip without Zip64 counts in 32 bits; FAT32 drives hold files under 4 GiB |
//! | photos | 10,000 ([`MAX_PHOTOS`]) | more than anyone keeps; bounds the directory (20,002 entries, under zip's 65,535) |
//! | one working copy | 32 MB | 2048 px JPEGs are 1-2 MB; one entry never claims the memory |
//! | one thumbnail | 4 MB | 256 px JPEGs are about 20 KB |
//! | records.json | 64 MB | held whole while it is parsed; 1,500 photos' records are under 2 MB |
//!
//! At about 2 MB a photo the file limit is near 2,000 photos: the writer says so before it
//! passes it, and the client makes two backups (or removes old photos).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::end_record::{check_end_record, end_record, tail_len};
use super::validate::is_safe_photo_id;
use super::zip_entry::{
    central_header, data_start, local_header, parse_directory, DirectoryEntry, LOCAL_FIXED_BYTES,
};
use super::{BackupError, Manifest, Records};

/// The largest file written or read: 32-bit zip offsets, with room for the directory.
pub const MAX_FILE_BYTES: u64 = (4 << 30) - (1 << 20);
/// More photos than any client keeps; bounds the zip's directory.
pub const MAX_PHOTOS: usize = 10_000;
/// The manifest, the records and two files per photo.
const MAX_ENTRIES: usize = 2 + 2 * MAX_PHOTOS;
const MAX_MANIFEST_BYTES: u64 = 64 << 10;
pub(super) const MAX_RECORDS_BYTES: u64 = 64 << 20;
const MAX_WORKING_BYTES: u64 = 32 << 20;
const MAX_THUMB_BYTES: u64 = 4 << 20;

pub(super) const MANIFEST: &str = "manifest.json";
pub(super) const RECORDS: &str = "records.json";

/// A file's size and CRC-32, as its zip entry records them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileSum {
    pub len: u64,
    pub crc32: u32,
}

impl FileSum {
    pub fn of(bytes: &[u8]) -> FileSum {
        FileSum { len: bytes.len() as u64, crc32: crc32fast::hash(bytes) }
    }
}

/// What an entry of the zip is, by its name: the only names Remodel writes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Entry {
    Manifest,
    Records,
    Working,
    Thumb,
}

impl Entry {
    fn parse(name: &str) -> Option<Entry> {
        match name {
            MANIFEST => return Some(Entry::Manifest),
            RECORDS => return Some(Entry::Records),
            _ => {}
        }
        let rest = name.strip_prefix("photos/")?;
        let (id, file) = rest.split_once('/')?;
        if !is_safe_photo_id(id) {
            return None;
        }
        match file {
            "working.jpg" => Some(Entry::Working),
            "thumb.jpg" => Some(Entry::Thumb),
            _ => None,
        }
    }

    fn max_bytes(&self) -> u64 {
        match self {
            Entry::Manifest => MAX_MANIFEST_BYTES,
            Entry::Records => MAX_RECORDS_BYTES,
            Entry::Working => MAX_WORKING_BYTES,
            Entry::Thumb => MAX_THUMB_BYTES,
        }
    }
}

pub(super) fn working_name(id: &str) -> String {
    format!("photos/{id}/working.jpg")
}

pub(super) fn thumb_name(id: &str) -> String {
    format!("photos/{id}/thumb.jpg")
}

/// Why a backup could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// Past a limit the reader enforces: a full sentence for the person, so the writer never
    /// makes a file the reader would refuse.
    TooLarge(String),
    /// A programming error or a broken record (a photo without bytes, an unsafe id).
    Broken(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::TooLarge(sentence) | WriteError::Broken(sentence) => f.write_str(sentence),
        }
    }
}

/// What one entry adds to the file: its bytes, its local header and its directory header, each
/// with the name.
fn entry_cost(name: &str, bytes: usize) -> u64 {
    (bytes + 30 + 46 + 2 * name.len()) as u64
}

/// What the photos may take, leaving room for the largest records and manifest the reader takes
/// and the end record.
const PHOTO_BUDGET_BYTES: u64 = MAX_FILE_BYTES - MAX_RECORDS_BYTES - MAX_MANIFEST_BYTES - 1024;

/// The headers that go before one photo's two entries: the file is `working` header, the
/// working copy, `thumb` header, the thumbnail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoHeaders {
    pub working: Vec<u8>,
    pub thumb: Vec<u8>,
}

/// Writes a backup file one photo at a time: the caller writes each photo's headers and bytes
/// out as they come and never holds two photos. It keeps to the reader's limits (photos, each
/// entry's size, the whole file) and says so before passing one.
#[derive(Default)]
pub struct BackupWriter {
    /// The central directory so far.
    directory: Vec<u8>,
    entries: u16,
    written: HashSet<String>,
    /// The bytes written so far (where the next entry starts).
    offset: u64,
}

impl BackupWriter {
    pub fn new() -> BackupWriter {
        BackupWriter::default()
    }

    /// A writer that has already written `offset` bytes (the limits' tests, without gigabytes).
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(super) fn at_offset(offset: u64) -> BackupWriter {
        BackupWriter { offset, ..BackupWriter::default() }
    }

    /// The local header for one entry, noting it in the directory.
    fn entry(&mut self, name: &str, file: FileSum) -> Vec<u8> {
        // The limits keep every size and offset under 4 GiB.
        let (size, offset) = (file.len as u32, self.offset as u32);
        let header = local_header(name, file.crc32, size);
        self.directory.extend(central_header(name, file.crc32, size, offset));
        self.entries += 1;
        self.offset += header.len() as u64 + file.len;
        header
    }

    /// Adds one photo's working copy and thumbnail: the caller writes the returned headers, each
    /// followed by its bytes.
    pub fn add_photo(&mut self, id: &str, working: &[u8], thumb: &[u8]) -> Result<PhotoHeaders, WriteError> {
        self.add_photo_summed(id, FileSum::of(working), FileSum::of(thumb))
    }

    /// [`Self::add_photo`] for bytes whose size and CRC-32 are already known (stored beside
    /// them at import): the bytes themselves need not pass through here at all.
    pub fn add_photo_summed(
        &mut self,
        id: &str,
        working: FileSum,
        thumb: FileSum,
    ) -> Result<PhotoHeaders, WriteError> {
        if !is_safe_photo_id(id) || self.written.contains(id) {
            return Err(WriteError::Broken(format!("photo id {id:?} cannot be written")));
        }
        if self.written.len() >= MAX_PHOTOS {
            return Err(WriteError::TooLarge(format!(
                "This library has more photos than one backup file holds ({MAX_PHOTOS} at most). Nothing was changed."
            )));
        }
        if working.len > MAX_WORKING_BYTES || thumb.len > MAX_THUMB_BYTES {
            return Err(WriteError::TooLarge(format!(
                "One photo ({id}) is larger than a backup file takes ({} MB at most). Nothing was changed.",
                MAX_WORKING_BYTES >> 20
            )));
        }
        let cost = entry_cost(&working_name(id), working.len as usize)
            + entry_cost(&thumb_name(id), thumb.len as usize);
        if self.offset + self.directory.len() as u64 + cost > PHOTO_BUDGET_BYTES {
            return Err(WriteError::TooLarge(format!(
                "Your photos are more than one backup file holds (4 GB at most, about {} photos). Back up fewer photos at a time: remove older ones after saving this backup of them. Nothing was changed.",
                self.written.len()
            )));
        }
        self.written.insert(id.to_string());
        Ok(PhotoHeaders {
            working: self.entry(&working_name(id), working),
            thumb: self.entry(&thumb_name(id), thumb),
        })
    }

    /// Whether a photo's bytes were added (records of photos whose bytes are missing on the
    /// device are left out of the backup rather than written without them).
    pub fn has_photo(&self, id: &str) -> bool {
        self.written.contains(id)
    }

    /// The end of the file: the records, the manifest, the directory and its end record. Every
    /// photo in `records` must have been added.
    pub fn finish(mut self, records: &Records, created_at: &str) -> Result<Vec<u8>, WriteError> {
        if let Some(photo) = records.photos.iter().find(|p| !self.written.contains(&p.id)) {
            return Err(WriteError::Broken(format!("photo {} has no bytes", photo.id)));
        }
        if self.written.len() != records.photos.len() {
            return Err(WriteError::Broken("bytes were added for a photo that has no record".into()));
        }
        // Fixed words: formatting serde's own errors would bring its message tables into the wasm.
        let broken = |_| WriteError::Broken("the backup could not be assembled".into());
        let records_json = serde_json::to_vec(records).map_err(broken)?;
        let manifest_json = serde_json::to_vec_pretty(&Manifest::new(records, created_at)).map_err(broken)?;
        if records_json.len() as u64 > MAX_RECORDS_BYTES {
            return Err(WriteError::TooLarge(format!(
                "Your records are more than one backup file holds ({} MB of them at most). Nothing was changed.",
                MAX_RECORDS_BYTES >> 20
            )));
        }
        let mut tail = self.entry(RECORDS, FileSum::of(&records_json));
        tail.extend_from_slice(&records_json);
        tail.extend(self.entry(MANIFEST, FileSum::of(&manifest_json)));
        tail.extend_from_slice(&manifest_json);
        let directory_offset = self.offset as u32;
        tail.extend_from_slice(&self.directory);
        tail.extend(end_record(self.entries, self.directory.len() as u32, directory_offset));
        debug_assert!(self.offset + self.directory.len() as u64 + 22 <= MAX_FILE_BYTES);
        Ok(tail)
    }
}

/// Where to read the end record of a file of `file_len` bytes.
pub fn end_range(file_len: u64) -> Range<u64> {
    file_len - tail_len(file_len)..file_len
}

/// Where the directory is, and how many entries it has, from the file's tail (read from
/// [`end_range`]).
pub fn directory_range(file_len: u64, tail: &[u8]) -> Result<(Range<u64>, usize), BackupError> {
    if file_len > MAX_FILE_BYTES {
        return Err(BackupError::TooLarge(format!("{} MB", file_len >> 20)));
    }
    let end = check_end_record(tail, file_len, MAX_ENTRIES)?;
    let start = end.directory_offset;
    Ok((start..start + end.directory_bytes, end.entries as usize))
}

/// The zip's directory, checked: only Remodel's names, each once, stored, within its limit, and
/// inside the file before the directory without overlapping another.
#[derive(Clone, Debug)]
pub struct BackupIndex {
    entries: HashMap<String, DirectoryEntry>,
}

impl BackupIndex {
    pub fn new(directory: &[u8], directory_at: u64, count: usize) -> Result<BackupIndex, BackupError> {
        let listed = parse_directory(directory, count)?;
        let mut entries = HashMap::with_capacity(listed.len());
        let mut spans = Vec::with_capacity(listed.len());
        for entry in listed {
            let kind =
                Entry::parse(&entry.name).ok_or_else(|| BackupError::UnexpectedEntry(short(&entry.name)))?;
            if !entry.is_plain_stored() {
                return Err(BackupError::Damaged(format!(
                    "“{}” is compressed; Remodel never compresses",
                    short(&entry.name)
                )));
            }
            if entry.size > kind.max_bytes() {
                return Err(BackupError::TooLarge(format!(
                    "“{}” is {} MB",
                    short(&entry.name),
                    entry.size >> 20
                )));
            }
            let end = entry.local_offset + LOCAL_FIXED_BYTES + entry.name.len() as u64 + entry.size;
            if end > directory_at {
                return Err(BackupError::Incomplete(format!(
                    "“{}” does not fit the file",
                    short(&entry.name)
                )));
            }
            spans.push(entry.local_offset..end);
            if let Some(twice) = entries.insert(entry.name.clone(), entry) {
                return Err(BackupError::Damaged(format!("“{}” appears twice", short(&twice.name))));
            }
        }
        // Entries sharing bytes (a zip bomb's trick) overlap.
        spans.sort_unstable_by_key(|span| span.start);
        if spans.windows(2).any(|pair| pair[1].start < pair[0].end) {
            return Err(BackupError::Damaged("its entries overlap".into()));
        }
        Ok(BackupIndex { entries })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    fn entry(&self, name: &str) -> Result<&DirectoryEntry, BackupError> {
        self.entries.get(name).ok_or_else(|| BackupError::Damaged(format!("“{name}” is missing")))
    }

    /// Where the photo's two entries are together, when the thumbnail's entry follows the working
    /// copy's (as Remodel writes them), assuming no extra fields (Remodel writes none): one read
    /// then brings both. [`Self::data_range`] on what is read says whether that held.
    pub fn photo_span(&self, working: &str, thumb: &str) -> Option<Range<u64>> {
        let (working, thumb) = (self.entries.get(working)?, self.entries.get(thumb)?);
        let working_end = working.local_offset + LOCAL_FIXED_BYTES + working.name.len() as u64 + working.size;
        (thumb.local_offset == working_end).then(|| {
            working.local_offset
                ..thumb.local_offset + LOCAL_FIXED_BYTES + thumb.name.len() as u64 + thumb.size
        })
    }

    /// Where `name`'s local header (up to the end of its name) is.
    pub fn header_range(&self, name: &str) -> Result<Range<u64>, BackupError> {
        let entry = self.entry(name)?;
        Ok(entry.local_offset..entry.local_offset + LOCAL_FIXED_BYTES + entry.name.len() as u64)
    }

    /// Where `name`'s bytes are, from its local header (read from [`Self::header_range`]).
    pub fn data_range(&self, name: &str, header: &[u8]) -> Result<Range<u64>, BackupError> {
        let entry = self.entry(name)?;
        let start = data_start(entry, header)?;
        Ok(start..start + entry.size)
    }

    /// `name`'s CRC-32 as the directory gives it (what [`Self::check`] checks bytes against).
    pub fn crc32(&self, name: &str) -> Result<u32, BackupError> {
        Ok(self.entry(name)?.crc32)
    }

    /// `bytes` as `name`'s, checked against its size and CRC-32.
    pub fn check(&self, name: &str, bytes: &[u8]) -> Result<(), BackupError> {
        let entry = self.entry(name)?;
        if bytes.len() as u64 != entry.size || crc32fast::hash(bytes) != entry.crc32 {
            return Err(BackupError::Damaged(format!("“{name}” does not match its checksum")));
        }
        Ok(())
    }
}

/// Bounds a detail for a message (a hostile name can be long).
fn short(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// The backup file for `backup`'s records and photos (its manifest is written afresh): what
/// [`BackupWriter`] makes one photo at a time, all at once for the tests.
#[cfg(test)]
pub fn encode(backup: &super::Backup) -> Result<Vec<u8>, WriteError> {
    let mut writer = BackupWriter::new();
    let mut file = Vec::new();
    for files in &backup.photo_files {
        let headers = writer.add_photo(&files.id, &files.working, &files.thumb)?;
        file.extend(headers.working);
        file.extend_from_slice(&files.working);
        file.extend(headers.thumb);
        file.extend_from_slice(&files.thumb);
    }
    file.extend(writer.finish(&backup.records, &backup.manifest.created_at)?);
    Ok(file)
}
