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

use super::validate::{is_safe_photo_id, migrate, validate_records};
use super::{envelope, Backup, BackupError, Manifest, PhotoFiles, Records, FORMAT, FORMAT_VERSION};

/// The largest file read at all (about 16,000 photos at their usual size): the whole file is
/// held in memory while it is checked.
pub const MAX_FILE_BYTES: u64 = 1 << 30;
/// More photos than any client keeps; bounds the zip's directory.
pub const MAX_PHOTOS: usize = 10_000;
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

/// Builds a backup file one photo at a time, so the caller never holds every photo's bytes
/// twice: photos first, then the records and the manifest.
pub struct BackupWriter {
    zip: ZipWriter<Cursor<Vec<u8>>>,
    written: HashSet<String>,
}

impl Default for BackupWriter {
    fn default() -> Self {
        BackupWriter::new()
    }
}

impl BackupWriter {
    pub fn new() -> BackupWriter {
        BackupWriter { zip: ZipWriter::new(Cursor::new(Vec::new())), written: HashSet::new() }
    }

    fn entry(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        // Stored, with a fixed time: the same data gives the same file, and nothing is compressed.
        let options =
            SimpleFileOptions::default().compression_method(CompressionMethod::Stored).large_file(false);
        self.zip.start_file(name, options).map_err(|e| e.to_string())?;
        self.zip.write_all(bytes).map_err(|e| e.to_string())
    }

    /// Adds one photo's working copy and thumbnail.
    pub fn add_photo(&mut self, id: &str, working: &[u8], thumb: &[u8]) -> Result<(), String> {
        if !is_safe_photo_id(id) || !self.written.insert(id.to_string()) {
            return Err(format!("photo id {id:?} cannot be written"));
        }
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
    pub fn finish(mut self, records: &Records, created_at: &str) -> Result<Vec<u8>, String> {
        if let Some(photo) = records.photos.iter().find(|p| !self.written.contains(&p.id)) {
            return Err(format!("photo {} has no bytes", photo.id));
        }
        if self.written.len() != records.photos.len() {
            return Err("bytes were added for a photo that has no record".into());
        }
        let manifest = Manifest::new(records, created_at);
        let records_json = serde_json::to_vec(records).map_err(|e| e.to_string())?;
        let manifest_json = serde_json::to_vec_pretty(&manifest).map_err(|e| e.to_string())?;
        self.entry(RECORDS, &records_json)?;
        self.entry(MANIFEST, &manifest_json)?;
        Ok(self.zip.finish().map_err(|e| e.to_string())?.into_inner())
    }
}

/// The backup file for `backup`'s records and photos (its manifest is written afresh): what
/// [`BackupWriter`] makes one photo at a time, all at once for the tests.
#[cfg(test)]
pub fn encode(backup: &Backup) -> Result<Vec<u8>, String> {
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
    let mut archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| BackupError::Incomplete(short(&e.to_string())))?;
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
    if archive.len() > 2 + 2 * MAX_PHOTOS {
        return Err(BackupError::TooLarge(format!("{} files", archive.len())));
    }
    let mut names = HashSet::new();
    let mut total = 0u64;
    for index in 0..archive.len() {
        let file = archive.by_index_raw(index).map_err(|e| BackupError::Incomplete(short(&e.to_string())))?;
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
