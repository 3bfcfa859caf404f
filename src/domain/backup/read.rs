//! Reading a backup through any source of byte ranges, one entry at a time: the browser's reads
//! a `File` in slices (and decrypts as it goes), the tests' is a slice of memory. Every check is
//! here, so the browser path and the native tests run the same reader.
//!
//! [`open_backup`] reads the tail, the directory, the manifest and the records and checks them
//! all before any photo is read; [`OpenedBackup::read_photo`] then reads one photo's two entries,
//! each against its CRC-32, so a restore holds one photo at a time.

use std::future::Future;
use std::ops::Range;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use super::container::{
    directory_range, end_range, thumb_name, working_name, BackupIndex, MANIFEST, RECORDS,
};
use super::validate::{migrate, validate_records};
use super::{envelope, Backup, BackupError, Manifest, PhotoFiles, Records, FORMAT, FORMAT_VERSION};

/// A backup's bytes by range (the zip, after any decryption).
// Single-threaded (the browser's main thread): no `Send` bound is wanted on the futures.
#[allow(async_fn_in_trait)]
pub trait ByteSource {
    /// How many bytes the zip has.
    fn zip_len(&self) -> u64;
    /// The bytes in `range` (within `0..zip_len()`); an error says why they could not be read.
    async fn read(&mut self, range: Range<u64>) -> Result<Vec<u8>, BackupError>;
}

impl ByteSource for &[u8] {
    fn zip_len(&self) -> u64 {
        self.len() as u64
    }

    async fn read(&mut self, range: Range<u64>) -> Result<Vec<u8>, BackupError> {
        Ok(self[range.start as usize..range.end as usize].to_vec())
    }
}

/// A backup whose manifest and records passed every check; its photos are read one at a time.
#[derive(Clone, Debug)]
pub struct OpenedBackup {
    pub manifest: Manifest,
    pub records: Records,
    index: BackupIndex,
}

async fn read_entry(
    source: &mut impl ByteSource,
    index: &BackupIndex,
    name: &str,
) -> Result<Vec<u8>, BackupError> {
    let header = source.read(index.header_range(name)?).await?;
    let range = index.data_range(name, &header)?;
    if range.end > source.zip_len() {
        return Err(BackupError::Incomplete(format!("“{name}” is cut short")));
    }
    let bytes = source.read(range).await?;
    index.check(name, &bytes)?;
    Ok(bytes)
}

fn parse(bytes: &[u8], name: &str) -> Result<serde_json::Value, BackupError> {
    serde_json::from_slice(bytes).map_err(|_| BackupError::Damaged(format!("“{name}” cannot be read")))
}

/// Reads and checks everything but the photos' bytes: the zip's directory (names, sizes, places),
/// the manifest and the records, and that the photo files are exactly two per photo record.
pub async fn open_backup(source: &mut impl ByteSource) -> Result<OpenedBackup, BackupError> {
    let len = source.zip_len();
    let head = source.read(0..len.min(8)).await?;
    if !head.starts_with(b"PK\x03\x04") {
        return Err(if envelope::is_encrypted(&head) {
            BackupError::NeedsPassphrase
        } else {
            BackupError::NotABackup
        });
    }
    let tail = source.read(end_range(len)).await?;
    let (directory_at, count) = directory_range(len, &tail)?;
    let directory = source.read(directory_at.clone()).await?;
    let index = BackupIndex::new(&directory, directory_at.start, count)?;
    if !index.contains(MANIFEST) {
        return Err(BackupError::NotABackup);
    }

    let manifest_value = parse(&read_entry(source, &index, MANIFEST).await?, MANIFEST)?;
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

    if !index.contains(RECORDS) {
        return Err(BackupError::Damaged(format!("{RECORDS} is missing")));
    }
    let records_value = parse(&read_entry(source, &index, RECORDS).await?, RECORDS)?;
    let records: Records = serde_json::from_value(migrate(version, records_value)?)
        .map_err(|_| BackupError::Damaged(format!("{RECORDS} cannot be read")))?;
    validate_records(&manifest, &records)?;

    // Exactly the photos' files: two per photo record, none without one.
    if index.len() != 2 + 2 * records.photos.len() {
        return Err(BackupError::Damaged("photo files and photo records do not match".into()));
    }
    if let Some(missing) = records
        .photos
        .iter()
        .flat_map(|p| [working_name(&p.id), thumb_name(&p.id)])
        .find(|name| !index.contains(name))
    {
        return Err(BackupError::Damaged(format!("“{missing}” is missing")));
    }
    Ok(OpenedBackup { manifest, records, index })
}

impl OpenedBackup {
    /// The bytes of the photo at `at` in `records.photos`, each checked against its CRC-32 and
    /// as a JPEG.
    pub async fn read_photo(
        &self,
        source: &mut impl ByteSource,
        at: usize,
    ) -> Result<PhotoFiles, BackupError> {
        let id = &self.records.photos[at].id;
        let mut jpeg = async |name: String| {
            let bytes = read_entry(source, &self.index, &name).await?;
            if !bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
                return Err(BackupError::Damaged(format!("“{name}” is not a JPEG")));
            }
            Ok(bytes)
        };
        let working = jpeg(working_name(id)).await?;
        let thumb = jpeg(thumb_name(id)).await?;
        Ok(PhotoFiles { id: id.clone(), working, thumb })
    }
}

/// Reads and checks a whole backup held in memory (not encrypted: see `envelope` first).
pub fn decode(mut bytes: &[u8]) -> Result<Backup, BackupError> {
    ready(async {
        let opened = open_backup(&mut bytes).await?;
        let mut photo_files = Vec::with_capacity(opened.records.photos.len());
        for at in 0..opened.records.photos.len() {
            photo_files.push(opened.read_photo(&mut bytes, at).await?);
        }
        Ok(Backup { manifest: opened.manifest, records: opened.records, photo_files })
    })
}

/// The output of a future that never waits (a source in memory is always ready).
fn ready<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => unreachable!("a source in memory never waits"),
    }
}
