//! Writing and reading the backup zip (see the table in `super`).
//!
//! Reading checks the whole file before returning anything: every entry's name, method and size
//! first (from the zip's directory, without reading data), then the manifest, the records and
//! every photo's bytes against their CRC-32. A caller that writes only after [`decode`] returns
//! `Ok` therefore never writes part of a bad file.

use std::collections::HashSet;
use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::end_record;
use super::validate::{is_safe_photo_id, migrate, validate_records};
use super::{envelope, Backup, BackupError, Manifest, PhotoFiles, Records, FORMAT, FORMAT_VERSION};

/// The largest file read at all (about 16,000 photos at their usual size): the whole file is
/// held in memory while it is checked.
pub const MAX_FILE_BYTES: u64 = 1 << 30;
/// More photos than any client keeps; bounds the zip's directory.
pub const MAX_PHOTOS: usize = 10_000;
/// The manifest, the records and two files per photo.
const MAX_ENTRIES: usize = 2 + 2 * MAX_PHOTOS;
const MAX_MANIFEST_BYTES: u64 = 64 << 10;
const MAX_RECORDS_BYTES: u64 = 64 << 20;
/// A working copy is at most 2048 px on its long side (about 1-2 MB); 32 MB leaves room for
/// anything a future version keeps without letting one entry claim the whole memory.
const MAX_WORKING_BYTES: u64 = 32 << 20;
const MAX_THUMB_BYTES: u64 = 4 << 20;

const MANIFEST: &str = "manifest.json";
const RECORDS: &str = "records.json";

/// What an entry of the zip is, by its name: the only names Remodel writes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Entry {
    Manifest,
    Records,
    Working(String),
    Thumb(String),
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
            "working.jpg" => Some(Entry::Working(id.into())),
            "thumb.jpg" => Some(Entry::Thumb(id.into())),
            _ => None,
        }
    }

    fn max_bytes(&self) -> u64 {
        match self {
            Entry::Manifest => MAX_MANIFEST_BYTES,
            Entry::Records => MAX_RECORDS_BYTES,
            Entry::Working(_) => MAX_WORKING_BYTES,
            Entry::Thumb(_) => MAX_THUMB_BYTES,
        }
    }
}

fn working_name(id: &str) -> String {
    format!("photos/{id}/working.jpg")
}

fn thumb_name(id: &str) -> String {
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

/// A failure of the zip or JSON writer (into memory: a bug, never the client's doing), in fixed
/// words: formatting the libraries' own errors would bring their message tables into the wasm.
fn broken<E>(_: E) -> WriteError {
    WriteError::Broken("the backup could not be assembled".into())
}

/// What one entry adds to the file: its bytes, its local header and its directory header, each
/// with the name.
fn entry_cost(name: &str, bytes: usize) -> u64 {
    (bytes + 30 + 46 + 2 * name.len()) as u64
}

/// What the photos may take, leaving room for the largest records and manifest the reader takes.
const PHOTO_BUDGET_BYTES: u64 = MAX_FILE_BYTES - MAX_RECORDS_BYTES - MAX_MANIFEST_BYTES - 1024;

/// Builds a backup file one photo at a time, so the caller never holds every photo's bytes
/// twice: photos first, then the records and the manifest. It keeps to the reader's limits
/// (photos, each entry's size, the whole file) and says so before passing one.
pub struct BackupWriter {
    zip: ZipWriter<Cursor<Vec<u8>>>,
    written: HashSet<String>,
    /// The file's size so far.
    bytes: u64,
}

impl Default for BackupWriter {
    fn default() -> Self {
        BackupWriter::new()
    }
}

impl BackupWriter {
    pub fn new() -> BackupWriter {
        BackupWriter { zip: ZipWriter::new(Cursor::new(Vec::new())), written: HashSet::new(), bytes: 0 }
    }

    fn entry(&mut self, name: &str, bytes: &[u8]) -> Result<(), WriteError> {
        // Stored, with a fixed time: the same data gives the same file, and nothing is compressed.
        let options =
            SimpleFileOptions::default().compression_method(CompressionMethod::Stored).large_file(false);
        self.zip.start_file(name, options).map_err(broken)?;
        self.zip.write_all(bytes).map_err(broken)?;
        self.bytes += entry_cost(name, bytes.len());
        Ok(())
    }

    /// Adds one photo's working copy and thumbnail.
    pub fn add_photo(&mut self, id: &str, working: &[u8], thumb: &[u8]) -> Result<(), WriteError> {
        if !is_safe_photo_id(id) || self.written.contains(id) {
            return Err(WriteError::Broken(format!("photo id {id:?} cannot be written")));
        }
        if self.written.len() >= MAX_PHOTOS {
            return Err(WriteError::TooLarge(format!(
                "This library has more photos than one backup file holds ({MAX_PHOTOS} at most). Nothing was changed."
            )));
        }
        if working.len() as u64 > MAX_WORKING_BYTES || thumb.len() as u64 > MAX_THUMB_BYTES {
            return Err(WriteError::TooLarge(format!(
                "One photo ({id}) is larger than a backup file takes ({} MB at most). Nothing was changed.",
                MAX_WORKING_BYTES >> 20
            )));
        }
        let cost = entry_cost(&working_name(id), working.len()) + entry_cost(&thumb_name(id), thumb.len());
        if self.bytes + cost > PHOTO_BUDGET_BYTES {
            return Err(WriteError::TooLarge(format!(
                "Your photos are more than one backup file holds ({} GB at most). Nothing was changed.",
                MAX_FILE_BYTES >> 30
            )));
        }
        self.written.insert(id.to_string());
        self.entry(&working_name(id), working)?;
        self.entry(&thumb_name(id), thumb)
    }

    /// Whether a photo's bytes were added (records of photos whose bytes are missing on the
    /// device are left out of the backup rather than written without them).
    pub fn has_photo(&self, id: &str) -> bool {
        self.written.contains(id)
    }

    /// Writes the records and the manifest and returns the file. Every photo in `records` must
    /// have been added.
    pub fn finish(mut self, records: &Records, created_at: &str) -> Result<Vec<u8>, WriteError> {
        if let Some(photo) = records.photos.iter().find(|p| !self.written.contains(&p.id)) {
            return Err(WriteError::Broken(format!("photo {} has no bytes", photo.id)));
        }
        if self.written.len() != records.photos.len() {
            return Err(WriteError::Broken("bytes were added for a photo that has no record".into()));
        }
        let manifest = Manifest::new(records, created_at);
        let records_json = serde_json::to_vec(records).map_err(broken)?;
        let manifest_json = serde_json::to_vec_pretty(&manifest).map_err(broken)?;
        if records_json.len() as u64 > MAX_RECORDS_BYTES {
            return Err(WriteError::TooLarge(format!(
                "Your records are more than one backup file holds ({} MB of them at most). Nothing was changed.",
                MAX_RECORDS_BYTES >> 20
            )));
        }
        self.entry(RECORDS, &records_json)?;
        self.entry(MANIFEST, &manifest_json)?;
        let file = self.zip.finish().map_err(broken)?.into_inner();
        debug_assert!(file.len() as u64 <= MAX_FILE_BYTES, "the budget leaves room for the records");
        Ok(file)
    }
}

/// The backup file for `backup`'s records and photos (its manifest is written afresh): what
/// [`BackupWriter`] makes one photo at a time, all at once for the tests.
#[cfg(test)]
pub fn encode(backup: &Backup) -> Result<Vec<u8>, WriteError> {
    let mut writer = BackupWriter::new();
    for files in &backup.photo_files {
        writer.add_photo(&files.id, &files.working, &files.thumb)?;
    }
    writer.finish(&backup.records, &backup.manifest.created_at)
}

/// Reads and checks a whole backup file (not encrypted: see [`envelope`] first).
pub fn decode(bytes: &[u8]) -> Result<Backup, BackupError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(if envelope::is_encrypted(bytes) {
            BackupError::NeedsPassphrase
        } else {
            BackupError::NotABackup
        });
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(BackupError::TooLarge(format!("{} MB", bytes.len() >> 20)));
    }
    // The zip reader allocates for every entry its directory claims: check the claim first.
    end_record::check_end_record(bytes, MAX_ENTRIES)?;
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| BackupError::Incomplete("its directory cannot be read".into()))?;
    let names = check_directory(&mut archive, bytes.len() as u64)?;
    if !names.contains(MANIFEST) {
        return Err(BackupError::NotABackup);
    }

    let manifest_value: serde_json::Value = parse(&read(&mut archive, MANIFEST)?, MANIFEST)?;
    if manifest_value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    let version = manifest_value.get("format_version").and_then(|v| v.as_u64()).unwrap_or(0);
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > FORMAT_VERSION {
        return Err(BackupError::FutureVersion(version));
    }
    let manifest: Manifest = serde_json::from_value(manifest_value)
        .map_err(|_| BackupError::Damaged(format!("{MANIFEST} cannot be read")))?;

    if !names.contains(RECORDS) {
        return Err(BackupError::Damaged(format!("{RECORDS} is missing")));
    }
    let records_value: serde_json::Value = parse(&read(&mut archive, RECORDS)?, RECORDS)?;
    let records: Records = serde_json::from_value(migrate(version, records_value)?)
        .map_err(|_| BackupError::Damaged(format!("{RECORDS} cannot be read")))?;
    validate_records(&manifest, &records)?;

    // Exactly the photos' files: two per photo record, none without one.
    if names.len() != 2 + 2 * records.photos.len() {
        return Err(BackupError::Damaged("photo files and photo records do not match".into()));
    }
    let mut photo_files = Vec::with_capacity(records.photos.len());
    for photo in &records.photos {
        let working = read_jpeg(&mut archive, &names, &working_name(&photo.id))?;
        let thumb = read_jpeg(&mut archive, &names, &thumb_name(&photo.id))?;
        photo_files.push(PhotoFiles { id: photo.id.clone(), working, thumb });
    }
    Ok(Backup { manifest, records, photo_files })
}

/// Every entry's name, method and size, from the directory alone: nothing is read or
/// allocated for an entry before it has passed.
fn check_directory(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    file_len: u64,
) -> Result<HashSet<String>, BackupError> {
    if archive.len() > MAX_ENTRIES {
        return Err(BackupError::TooLarge(format!("{} files", archive.len())));
    }
    let mut names = HashSet::new();
    let mut total = 0u64;
    for index in 0..archive.len() {
        let file = archive
            .by_index_raw(index)
            .map_err(|_| BackupError::Incomplete(format!("entry {index} cannot be read")))?;
        let name = file.name().map(|n| n.into_owned()).unwrap_or_else(|_| "?".into());
        let entry = Entry::parse(&name).ok_or_else(|| BackupError::UnexpectedEntry(short(&name)))?;
        if file.compression() != CompressionMethod::Stored || file.compressed_size() != file.size() {
            return Err(BackupError::Damaged(format!(
                "“{}” is compressed; Remodel never compresses",
                short(&name)
            )));
        }
        if file.size() > entry.max_bytes() {
            return Err(BackupError::TooLarge(format!("“{}” is {} MB", short(&name), file.size() >> 20)));
        }
        // Stored entries cannot hold more than the file: entries sharing bytes (a zip bomb's
        // trick) add up to more.
        total = total.saturating_add(file.size());
        if total > file_len {
            return Err(BackupError::Damaged("its entries overlap".into()));
        }
        if !names.insert(name.clone()) {
            return Err(BackupError::Damaged(format!("“{}” appears twice", short(&name))));
        }
    }
    Ok(names)
}

/// An entry's bytes, checked against its CRC-32 (the zip reader checks at the end of the data).
fn read(archive: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, BackupError> {
    let mut file =
        archive.by_name(name).map_err(|_| BackupError::Damaged(format!("“{name}” cannot be read")))?;
    let mut bytes = Vec::with_capacity(file.size() as usize);
    file.read_to_end(&mut bytes)
        .map_err(|_| BackupError::Damaged(format!("“{name}” does not match its checksum")))?;
    Ok(bytes)
}

fn read_jpeg(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    names: &HashSet<String>,
    name: &str,
) -> Result<Vec<u8>, BackupError> {
    if !names.contains(name) {
        return Err(BackupError::Damaged(format!("“{name}” is missing")));
    }
    let bytes = read(archive, name)?;
    if !bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Err(BackupError::Damaged(format!("“{name}” is not a JPEG")));
    }
    Ok(bytes)
}

fn parse(bytes: &[u8], name: &str) -> Result<serde_json::Value, BackupError> {
    serde_json::from_slice(bytes).map_err(|_| BackupError::Damaged(format!("“{name}” cannot be read")))
}

/// Bounds a detail for a message (a hostile name can be long).
fn short(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
