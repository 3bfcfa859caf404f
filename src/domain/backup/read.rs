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
    /// The bytes of a range as the source hands them over (the browser's keep its own buffer
    /// beside them, so a photo is stored without another copy).
    type Bytes: AsRef<[u8]>;
    /// How many bytes the zip has.
    fn zip_len(&self) -> u64;
    /// The bytes in `range` (within `0..zip_len()`); an error says why they could not be read.
    async fn read(&mut self, range: Range<u64>) -> Result<Self::Bytes, BackupError>;
    /// The bytes at `range` of bytes read.
    fn part(bytes: &Self::Bytes, range: Range<usize>) -> Self::Bytes;
}

impl ByteSource for &[u8] {
    type Bytes = Vec<u8>;

    fn zip_len(&self) -> u64 {
        self.len() as u64
    }

    async fn read(&mut self, range: Range<u64>) -> Result<Vec<u8>, BackupError> {
        Ok(self[range.start as usize..range.end as usize].to_vec())
    }

    fn part(bytes: &Vec<u8>, range: Range<usize>) -> Vec<u8> {
        bytes[range].to_vec()
    }
}

/// One photo's two files as read from a source, checked.
pub struct PhotoRead<B> {
    pub id: String,
    pub working: B,
    pub thumb: B,
    /// The CRC-32 each was checked against (kept beside the bytes when they are stored).
    pub working_crc32: u32,
    pub thumb_crc32: u32,
}

/// A backup whose manifest and records passed every check; its photos are read one at a time.
#[derive(Clone, Debug)]
pub struct OpenedBackup {
    pub manifest: Manifest,
    pub records: Records,
    index: BackupIndex,
}

async fn read_entry<S: ByteSource>(
    source: &mut S,
    index: &BackupIndex,
    name: &str,
) -> Result<S::Bytes, BackupError> {
    let header = source.read(index.header_range(name)?).await?;
    let range = index.data_range(name, header.as_ref())?;
    if range.end > source.zip_len() {
        return Err(BackupError::Incomplete(format!("“{name}” is cut short")));
    }
    let bytes = source.read(range).await?;
    index.check(name, bytes.as_ref())?;
    Ok(bytes)
}

fn parse(bytes: &[u8], name: &str) -> Result<serde_json::Value, BackupError> {
    serde_json::from_slice(bytes).map_err(|_| BackupError::Damaged(format!("“{name}” cannot be read")))
}

/// Reads and checks everything but the photos' bytes: the zip's directory (names, sizes, places),
/// the manifest and the records, and that the photo files are exactly two per photo record.
pub async fn open_backup<S: ByteSource>(source: &mut S) -> Result<OpenedBackup, BackupError> {
    let len = source.zip_len();
    let head = source.read(0..len.min(8)).await?;
    let head = head.as_ref();
    if !head.starts_with(b"PK\x03\x04") {
        return Err(if envelope::is_encrypted(head) {
            BackupError::NeedsPassphrase
        } else {
            BackupError::NotABackup
        });
    }
    let tail = source.read(end_range(len)).await?;
    let (directory_at, count) = directory_range(len, tail.as_ref())?;
    let directory = source.read(directory_at.clone()).await?;
    let index = BackupIndex::new(directory.as_ref(), directory_at.start, count)?;
    if !index.contains(MANIFEST) {
        return Err(BackupError::NotABackup);
    }

    let manifest_value = parse(read_entry(source, &index, MANIFEST).await?.as_ref(), MANIFEST)?;
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
    let records_value = parse(read_entry(source, &index, RECORDS).await?.as_ref(), RECORDS)?;
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
    pub async fn read_photo<S: ByteSource>(
        &self,
        source: &mut S,
        at: usize,
    ) -> Result<PhotoRead<S::Bytes>, BackupError> {
        let id = &self.records.photos[at].id;
        let names = [working_name(id), thumb_name(id)];
        let [working, thumb] = match self.read_both(source, &names).await? {
            Some(both) => both,
            None => [
                read_entry(source, &self.index, &names[0]).await?,
                read_entry(source, &self.index, &names[1]).await?,
            ],
        };
        for (name, bytes) in names.iter().zip([&working, &thumb]) {
            if !bytes.as_ref().starts_with(&[0xFF, 0xD8, 0xFF]) {
                return Err(BackupError::Damaged(format!("“{name}” is not a JPEG")));
            }
        }
        let (working_crc32, thumb_crc32) = (self.index.crc32(&names[0])?, self.index.crc32(&names[1])?);
        Ok(PhotoRead { id: id.clone(), working, thumb, working_crc32, thumb_crc32 })
    }
}

impl OpenedBackup {
    /// A photo's two entries in one read, each checked, when they lie together as Remodel writes
    /// them (`None`: read them one by one).
    async fn read_both<S: ByteSource>(
        &self,
        source: &mut S,
        names: &[String; 2],
    ) -> Result<Option<[S::Bytes; 2]>, BackupError> {
        let Some(span) = self.index.photo_span(&names[0], &names[1]) else { return Ok(None) };
        if span.end > source.zip_len() {
            return Ok(None);
        }
        let bytes = source.read(span.clone()).await?;
        let mut parts = Vec::with_capacity(2);
        for name in names {
            let header_at = (self.index.header_range(name)?.start - span.start) as usize;
            let data = self.index.data_range(name, &bytes.as_ref()[header_at..])?;
            if data.end > span.end {
                return Ok(None);
            }
            let part = S::part(&bytes, (data.start - span.start) as usize..(data.end - span.start) as usize);
            self.index.check(name, part.as_ref())?;
            parts.push(part);
        }
        let thumb = parts.pop().expect("two parts");
        Ok(Some([parts.pop().expect("two parts"), thumb]))
    }
}

/// Reads and checks a whole backup held in memory (not encrypted: see `envelope` first).
pub fn decode(mut bytes: &[u8]) -> Result<Backup, BackupError> {
    ready(async {
        let opened = open_backup(&mut bytes).await?;
        let mut photo_files = Vec::with_capacity(opened.records.photos.len());
        for at in 0..opened.records.photos.len() {
            let read = opened.read_photo(&mut bytes, at).await?;
            photo_files.push(PhotoFiles { id: read.id, working: read.working, thumb: read.thumb });
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
