//! The backup file as it is written: parts handed to the browser as they come (one `Blob` per
//! photo, which the browser may keep on disk), sealed in chunks when a passphrase is given, so a
//! library of gigabytes passes through memory one photo at a time.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::JsValue;
use web_sys::{Blob, File, FilePropertyBag};

use crate::domain::backup::sealed_stream::Chunker;
use crate::ui::platform::crypto::StreamKey;

/// A backup file being written.
pub struct BackupSink {
    /// Parts already made into blobs.
    blobs: Array,
    /// Parts since the last [`BackupSink::flush`].
    pending: Array,
    sealing: Option<(StreamKey, Chunker)>,
}

impl BackupSink {
    /// A plain file, or one sealed under `passphrase` (its header and key check written now).
    pub async fn new(passphrase: Option<&str>) -> Result<BackupSink, JsValue> {
        let mut sink = BackupSink { blobs: Array::new(), pending: Array::new(), sealing: None };
        if let Some(passphrase) = passphrase {
            let key = StreamKey::create(passphrase).await?;
            sink.pending.push(&Uint8Array::from(key.header()));
            let check = key.seal(0, false, &[]).await?;
            sink.pending.push(&check);
            let chunker = Chunker::new(&key.stream);
            sink.sealing = Some((key, chunker));
        }
        Ok(sink)
    }

    /// Adds bytes of the zip.
    pub async fn write(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        match &mut self.sealing {
            None => {
                self.pending.push(&Uint8Array::from(bytes));
            }
            Some((key, chunker)) => {
                // A chunk at a time, so the chunker never holds a whole large photo.
                for piece in bytes.chunks(key.stream.chunk_bytes as usize) {
                    chunker.push(piece);
                    while let Some((counter, chunk)) = chunker.next_full() {
                        let sealed = key.seal(counter, false, &chunk).await?;
                        self.pending.push(&sealed);
                    }
                }
            }
        }
        Ok(())
    }

    /// Whether bytes written are sealed (and so must pass through the app's memory).
    pub fn is_sealed(&self) -> bool {
        self.sealing.is_some()
    }

    /// Adds a photo's bytes: `buffer` as the browser holds them, and `copied`, the same in the
    /// app's memory if the caller has them. A plain file takes the browser's buffer as it is (no
    /// copy at all); a sealed one needs the bytes here, and copies them if not given.
    pub async fn write_buffer(&mut self, buffer: &ArrayBuffer, copied: Option<&[u8]>) -> Result<(), JsValue> {
        if self.sealing.is_none() {
            self.pending.push(buffer);
            return Ok(());
        }
        match copied {
            Some(bytes) => self.write(bytes).await,
            None => self.write(&Uint8Array::new(buffer).to_vec()).await,
        }
    }

    /// Makes the parts so far into one blob, so the buffers behind them can go.
    pub fn flush(&mut self) -> Result<(), JsValue> {
        if self.pending.length() > 0 {
            let blob = Blob::new_with_buffer_source_sequence(&self.pending)?;
            self.blobs.push(&blob);
            self.pending = Array::new();
        }
        Ok(())
    }

    /// The finished file (the last chunk sealed as last).
    pub async fn finish(mut self, name: &str, mime: &str) -> Result<File, JsValue> {
        if let Some((key, chunker)) = self.sealing.take() {
            let (counter, last) = chunker.finish();
            let sealed = key.seal(counter, true, &last).await?;
            self.pending.push(&sealed);
        }
        self.flush()?;
        let options = FilePropertyBag::new();
        options.set_type(mime);
        File::new_with_blob_sequence_and_options(&self.blobs, name, &options)
    }
}
