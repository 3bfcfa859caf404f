//! A chosen backup file as a source of byte ranges for the backup reader
//! (`domain::backup::read`): read in slices with `Blob.slice`, decrypted a chunk at a time when
//! it is sealed in chunks, so a file of gigabytes never sits in memory.

use std::ops::Range;
use std::rc::Rc;

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

use crate::domain::backup::envelope::{is_encrypted, MAX_WHOLE_FILE_BYTES};
use crate::domain::backup::read::ByteSource;
use crate::domain::backup::sealed_stream::{SealedLayout, SealedStream, HEADER_BYTES, VERSION};
use crate::domain::backup::BackupError;
use crate::ui::platform::buffers::release;
use crate::ui::platform::crypto::{decrypt_whole, StreamKey};

/// The zip inside a chosen file.
pub enum BackupSource {
    /// Not encrypted: the file is the zip.
    Plain(File),
    /// Sealed in chunks (envelope version 3); the chunk read last is kept, since entries are
    /// read in order and a chunk holds several.
    Sealed { file: File, key: StreamKey, layout: SealedLayout, kept: Option<(u64, Vec<u8>)> },
    /// Sealed whole (envelope versions 1 and 2, written before chunks): decrypted in memory.
    Whole(Vec<u8>),
}

/// Bytes read from the file: the browser's buffer, and a copy in the app's memory to check
/// (shared by the parts of one read, so a photo is copied in once).
pub struct SourceBytes {
    pub buffer: ArrayBuffer,
    copy: Rc<Vec<u8>>,
    range: Range<usize>,
}

impl SourceBytes {
    fn new(buffer: ArrayBuffer) -> SourceBytes {
        SourceBytes::from_app(buffer.clone(), Uint8Array::new(&buffer).to_vec())
    }

    /// The browser's buffer alone, for storing: the app's copy goes now, and releasing the buffer
    /// is the caller's (once it is stored).
    pub fn into_buffer(mut self) -> ArrayBuffer {
        std::mem::replace(&mut self.buffer, ArrayBuffer::new(0))
    }

    fn from_app(buffer: ArrayBuffer, copy: Vec<u8>) -> SourceBytes {
        SourceBytes { buffer, range: 0..copy.len(), copy: Rc::new(copy) }
    }
}

impl Drop for SourceBytes {
    /// The bytes are in the app's memory or already stored: the browser's copy can go now.
    fn drop(&mut self) {
        release(&self.buffer);
    }
}

impl AsRef<[u8]> for SourceBytes {
    fn as_ref(&self) -> &[u8] {
        &self.copy[self.range.clone()]
    }
}

/// The file's bytes in `range`.
async fn slice(file: &File, range: Range<u64>) -> Result<SourceBytes, BackupError> {
    let unreadable = |_| BackupError::Incomplete("the browser could not read it".into());
    let part = file.slice_with_f64_and_f64(range.start as f64, range.end as f64).map_err(unreadable)?;
    let buffer: ArrayBuffer = JsFuture::from(part.array_buffer()).await.map_err(unreadable)?.unchecked_into();
    Ok(SourceBytes::new(buffer))
}

fn crypto_failed<E>(_: E) -> BackupError {
    BackupError::Damaged("the browser could not run the decryption".into())
}

impl BackupSource {
    /// The zip in `file`, opening it with `passphrase` when it is encrypted: a wrong passphrase
    /// is found here, before anything else is read.
    pub async fn open(file: File, passphrase: &str) -> Result<BackupSource, BackupError> {
        let len = file.size() as u64;
        let head = slice(&file, 0..len.min(HEADER_BYTES as u64)).await?;
        let head = head.as_ref();
        if !is_encrypted(head) {
            return Ok(BackupSource::Plain(file));
        }
        if passphrase.is_empty() {
            return Err(BackupError::NeedsPassphrase);
        }
        match head.get(7).copied() {
            Some(VERSION) => {
                let stream = SealedStream::parse(head)?;
                let layout = stream.layout(len)?;
                let key = StreamKey::derive(passphrase, stream).await.map_err(crypto_failed)?;
                let check = slice(&file, stream.key_check_range()).await?;
                key.open(0, false, check.as_ref()).await.ok_or(BackupError::WrongPassphrase)?;
                Ok(BackupSource::Sealed { file, key, layout, kept: None })
            }
            Some(newer) if newer > VERSION => Err(BackupError::FutureVersion(u32::from(newer))),
            _ if len > MAX_WHOLE_FILE_BYTES => Err(BackupError::TooLarge(format!("{} MB", len >> 20))),
            _ => Ok(BackupSource::Whole(
                decrypt_whole(slice(&file, 0..len).await?.as_ref(), passphrase).await?,
            )),
        }
    }
}

impl ByteSource for BackupSource {
    type Bytes = SourceBytes;

    fn zip_len(&self) -> u64 {
        match self {
            BackupSource::Plain(file) => file.size() as u64,
            BackupSource::Sealed { layout, .. } => layout.plain_len,
            BackupSource::Whole(zip) => zip.len() as u64,
        }
    }

    fn part(bytes: &SourceBytes, range: Range<usize>) -> SourceBytes {
        let (start, end) = (bytes.range.start + range.start, bytes.range.start + range.end);
        SourceBytes {
            buffer: bytes.buffer.slice_with_end(start as u32, end as u32),
            copy: bytes.copy.clone(),
            range: start..end,
        }
    }

    async fn read(&mut self, range: Range<u64>) -> Result<SourceBytes, BackupError> {
        let from_app = |bytes: Vec<u8>| SourceBytes::from_app(Uint8Array::from(&bytes[..]).buffer(), bytes);
        match self {
            BackupSource::Plain(file) => slice(file, range).await,
            BackupSource::Whole(zip) => Ok(from_app(zip[range.start as usize..range.end as usize].to_vec())),
            BackupSource::Sealed { file, key, layout, kept } => {
                let mut out = Vec::with_capacity((range.end - range.start) as usize);
                let mut at = range.start;
                while at < range.end {
                    let chunk = layout.chunk_of(at);
                    if kept.as_ref().is_none_or(|(held, _)| *held != chunk) {
                        let sealed = slice(file, layout.sealed_range(chunk)).await?;
                        let plain = key
                            .open(chunk as u32, layout.is_last(chunk), sealed.as_ref())
                            .await
                            .ok_or_else(|| layout.failure(chunk))?;
                        *kept = Some((chunk, plain));
                    }
                    let (_, plain) = kept.as_ref().expect("kept just above");
                    let start = layout.plain_start(chunk);
                    let piece =
                        &plain[(at - start) as usize..((range.end - start) as usize).min(plain.len())];
                    out.extend_from_slice(piece);
                    at += piece.len() as u64;
                }
                Ok(from_app(out))
            }
        }
    }
}
