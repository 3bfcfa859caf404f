//! Encrypted backups, version 3: the zip sealed in chunks of 1 MiB, so a file of any size is
//! encrypted and decrypted one chunk at a time (AES-GCM in WebCrypto takes a whole message at
//! once: versions 1 and 2 sealed the whole zip as one message, so both it and its ciphertext had
//! to be in memory together). This is the STREAM construction (Hoang, Reyhanitabar, Rogaway and
//! Vizár, "Online authenticated-encryption and its nonce-reuse misuse-resistance", CRYPTO 2015):
//!
//! | bytes        | what                                                                     |
//! |--------------|--------------------------------------------------------------------------|
//! | 0..8         | `RMDLENC` and the envelope version (3)                                   |
//! | 8..12        | PBKDF2 iterations, big-endian                                            |
//! | 12..28       | salt                                                                     |
//! | 28..35       | nonce prefix (random)                                                    |
//! | 35..39       | plaintext bytes per chunk, big-endian (1 MiB)                            |
//! | 39..55       | the key check: GCM's tag over nothing, at counter 0                      |
//! | 55..         | the zip in chunks, each encrypted then its 16-byte tag                   |
//!
//! Chunk *i* (from 1) is sealed with the nonce `prefix ‖ i (4 bytes, big-endian) ‖ last`, where
//! `last` is 1 for the final chunk and 0 otherwise, and the header (bytes 0..39) as additional
//! data. So a chunk cannot be moved, a changed header fails every chunk, a file cut at a chunk's
//! end fails (its new last chunk was not sealed as last), and the key check tells a wrong
//! passphrase (it fails) from a damaged or cut file (it passes, a later chunk fails).

use std::ops::Range;

use super::envelope::{
    ITERATIONS, MAX_ITERATIONS, MIN_ITERATIONS, NONCE_BYTES, PREFIX, SALT_BYTES, TAG_BYTES,
};
use super::BackupError;

/// The envelope version of chunked files.
pub const VERSION: u8 = 3;
/// Plaintext bytes per chunk: what is in memory at once while sealing or opening.
pub const CHUNK_BYTES: u32 = 1 << 20;
pub const NONCE_PREFIX_BYTES: usize = 7;
/// The header, which is every chunk's additional data.
pub const HEADER_BYTES: usize = PREFIX.len() + 1 + 4 + SALT_BYTES + NONCE_PREFIX_BYTES + 4;
/// Where the first chunk starts.
const BODY_AT: u64 = (HEADER_BYTES + TAG_BYTES) as u64;
/// A chunk's size limits on reading: files asking for more (memory) or less (one decryption per
/// few bytes) are refused.
const MAX_CHUNK_BYTES: u32 = 16 << 20;
const MIN_CHUNK_BYTES: u32 = 64 << 10;

/// The parameters a chunked file was sealed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SealedStream {
    pub iterations: u32,
    pub salt: [u8; SALT_BYTES],
    pub nonce_prefix: [u8; NONCE_PREFIX_BYTES],
    pub chunk_bytes: u32,
}

impl SealedStream {
    /// A new file's parameters, with this salt and nonce prefix (both from the browser's random
    /// source).
    pub fn new(salt: [u8; SALT_BYTES], nonce_prefix: [u8; NONCE_PREFIX_BYTES]) -> SealedStream {
        SealedStream { iterations: ITERATIONS, salt, nonce_prefix, chunk_bytes: CHUNK_BYTES }
    }

    /// The header: the start of the file, and every chunk's additional data.
    pub fn header(&self) -> Vec<u8> {
        let mut header = Vec::with_capacity(HEADER_BYTES);
        header.extend_from_slice(&PREFIX);
        header.push(VERSION);
        header.extend_from_slice(&self.iterations.to_be_bytes());
        header.extend_from_slice(&self.salt);
        header.extend_from_slice(&self.nonce_prefix);
        header.extend_from_slice(&self.chunk_bytes.to_be_bytes());
        header
    }

    /// The nonce of chunk `counter` (0 is the key check).
    pub fn nonce(&self, counter: u32, last: bool) -> [u8; NONCE_BYTES] {
        let mut nonce = [0u8; NONCE_BYTES];
        nonce[..NONCE_PREFIX_BYTES].copy_from_slice(&self.nonce_prefix);
        nonce[NONCE_PREFIX_BYTES..NONCE_BYTES - 1].copy_from_slice(&counter.to_be_bytes());
        nonce[NONCE_BYTES - 1] = u8::from(last);
        nonce
    }

    /// The parameters in a file's first [`HEADER_BYTES`] (fewer: the file is cut short).
    pub fn parse(head: &[u8]) -> Result<SealedStream, BackupError> {
        let head = head.get(..HEADER_BYTES).ok_or_else(cut_short)?;
        if head[..PREFIX.len()] != PREFIX || head[PREFIX.len()] != VERSION {
            return Err(BackupError::NotABackup);
        }
        let u32_at = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
        let iterations = u32_at(8);
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
            return Err(BackupError::Damaged(format!("it asks for {iterations} key iterations")));
        }
        let chunk_bytes = u32_at(35);
        if !(MIN_CHUNK_BYTES..=MAX_CHUNK_BYTES).contains(&chunk_bytes) {
            return Err(BackupError::Damaged(format!("it has chunks of {chunk_bytes} bytes")));
        }
        let mut salt = [0u8; SALT_BYTES];
        salt.copy_from_slice(&head[12..28]);
        let mut nonce_prefix = [0u8; NONCE_PREFIX_BYTES];
        nonce_prefix.copy_from_slice(&head[28..35]);
        Ok(SealedStream { iterations, salt, nonce_prefix, chunk_bytes })
    }

    /// Where the key check is.
    pub fn key_check_range(&self) -> Range<u64> {
        HEADER_BYTES as u64..BODY_AT
    }

    /// How a file of `file_len` bytes is laid out in chunks.
    pub fn layout(&self, file_len: u64) -> Result<SealedLayout, BackupError> {
        let sealed_chunk = u64::from(self.chunk_bytes) + TAG_BYTES as u64;
        let body = file_len.checked_sub(BODY_AT).filter(|&b| b > TAG_BYTES as u64).ok_or_else(cut_short)?;
        let chunks = body.div_ceil(sealed_chunk);
        // The last chunk holds at least one byte: fewer means the file was cut inside a tag.
        if body - (chunks - 1) * sealed_chunk <= TAG_BYTES as u64 {
            return Err(cut_short());
        }
        Ok(SealedLayout {
            chunk_bytes: u64::from(self.chunk_bytes),
            chunks,
            plain_len: body - chunks * TAG_BYTES as u64,
        })
    }
}

fn cut_short() -> BackupError {
    BackupError::Incomplete("the encrypted data is cut short".into())
}

/// Where each chunk of a chunked file is, and what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SealedLayout {
    chunk_bytes: u64,
    /// How many chunks (not counting the key check).
    pub chunks: u64,
    /// How long the zip inside is.
    pub plain_len: u64,
}

impl SealedLayout {
    /// The chunk (from 1) holding byte `at` of the zip.
    pub fn chunk_of(&self, at: u64) -> u64 {
        at / self.chunk_bytes + 1
    }

    /// Where the zip's bytes in chunk `chunk` start.
    pub fn plain_start(&self, chunk: u64) -> u64 {
        (chunk - 1) * self.chunk_bytes
    }

    /// Where chunk `chunk` (sealed, with its tag) is in the file.
    pub fn sealed_range(&self, chunk: u64) -> Range<u64> {
        let start = BODY_AT + (chunk - 1) * (self.chunk_bytes + TAG_BYTES as u64);
        let plain = (self.plain_len - self.plain_start(chunk)).min(self.chunk_bytes);
        start..start + plain + TAG_BYTES as u64
    }

    pub fn is_last(&self, chunk: u64) -> bool {
        chunk == self.chunks
    }

    /// Why chunk `chunk` did not open, once the key check has: the last was cut (or changed),
    /// any other was changed.
    pub fn failure(&self, chunk: u64) -> BackupError {
        if self.is_last(chunk) {
            cut_short()
        } else {
            BackupError::Damaged("part of the encrypted data was changed".into())
        }
    }
}

/// Cuts the zip, as it is written, into chunks to seal: every chunk but the last is full, and
/// the last is known only at the end (it is sealed as last), so one byte at least is always
/// held back. Pushed at most a chunk at a time (as `BackupSink` does), it holds under two.
#[derive(Debug)]
pub struct Chunker {
    pending: Vec<u8>,
    chunk_bytes: usize,
    next_counter: u32,
}

impl Chunker {
    pub fn new(stream: &SealedStream) -> Chunker {
        Chunker { pending: Vec::new(), chunk_bytes: stream.chunk_bytes as usize, next_counter: 1 }
    }

    /// Adds bytes of the zip; take the chunks they fill with [`Chunker::next_full`].
    pub fn push(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// A full chunk and its counter, when one is ready and more bytes follow it.
    pub fn next_full(&mut self) -> Option<(u32, Vec<u8>)> {
        if self.pending.len() <= self.chunk_bytes {
            return None;
        }
        let rest = self.pending.split_off(self.chunk_bytes);
        let chunk = std::mem::replace(&mut self.pending, rest);
        self.next_counter += 1;
        Some((self.next_counter - 1, chunk))
    }

    /// The last chunk (at least one byte: a zip is never empty) and its counter. Every full
    /// chunk must have been taken.
    pub fn finish(self) -> (u32, Vec<u8>) {
        debug_assert!(!self.pending.is_empty() && self.pending.len() <= self.chunk_bytes);
        (self.next_counter, self.pending)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(chunk_bytes: u32) -> SealedStream {
        SealedStream { chunk_bytes, ..SealedStream::new([1; SALT_BYTES], [2; NONCE_PREFIX_BYTES]) }
    }

    /// A "sealed" file with the tags as zeros: the layout is all these tests look at.
    fn file_for(stream: &SealedStream, zip: &[u8]) -> Vec<u8> {
        let mut chunker = Chunker::new(stream);
        chunker.push(zip);
        let mut file = stream.header();
        file.extend([0; TAG_BYTES]);
        while let Some((_, chunk)) = chunker.next_full() {
            file.extend(chunk);
            file.extend([0; TAG_BYTES]);
        }
        let (_, last) = chunker.finish();
        file.extend(last);
        file.extend([0; TAG_BYTES]);
        file
    }

    #[test]
    fn the_header_reads_back_and_nonces_never_repeat() {
        let stream = SealedStream::new([7; SALT_BYTES], [9; NONCE_PREFIX_BYTES]);
        let header = stream.header();
        assert_eq!(header.len(), HEADER_BYTES);
        assert_eq!(&header[..8], b"RMDLENC\x03");
        assert_eq!(SealedStream::parse(&header), Ok(stream));
        let nonces: std::collections::HashSet<_> =
            (0..1000).flat_map(|c| [stream.nonce(c, false), stream.nonce(c, true)]).collect();
        assert_eq!(nonces.len(), 2000);
        assert_eq!(stream.nonce(1, true)[7..], [0, 0, 0, 1, 1]);
    }

    #[test]
    fn chunks_are_full_but_the_last_and_the_layout_finds_every_byte() {
        let stream = stream(10);
        for zip_len in [1usize, 9, 10, 11, 20, 21, 95] {
            let zip: Vec<u8> = (0..zip_len).map(|i| i as u8).collect();
            let file = file_for(&stream, &zip);
            let layout = stream.layout(file.len() as u64).unwrap();
            assert_eq!(layout.plain_len, zip_len as u64, "{zip_len}");
            assert_eq!(layout.chunks, zip_len.div_ceil(10) as u64);
            // Every zip byte is in the chunk the layout names, at its place.
            for at in 0..zip_len as u64 {
                let chunk = layout.chunk_of(at);
                let range = layout.sealed_range(chunk);
                let plain = &file[range.start as usize..range.end as usize - TAG_BYTES];
                assert_eq!(plain[(at - layout.plain_start(chunk)) as usize], zip[at as usize]);
            }
            assert!(layout.is_last(layout.chunks));
            assert_eq!(layout.sealed_range(layout.chunks).end, file.len() as u64);
        }
    }

    #[test]
    fn a_file_cut_inside_a_tag_or_with_no_chunk_is_cut_short() {
        let stream = stream(10);
        let file = file_for(&stream, &[5; 25]);
        // 25 bytes: chunks of 10, 10 and 5, each with its tag.
        for cut in [1, 16, 21 + 16 + 10] {
            let len = file.len() as u64 - cut;
            match stream.layout(len) {
                Err(error) => assert_eq!(error, cut_short(), "cut by {cut}"),
                // Cut at a chunk's end or inside its bytes: the layout stands, and its last
                // chunk then fails to open (tested in the browser, where the sealing is).
                Ok(layout) => assert!(layout.plain_len < 25, "cut by {cut}"),
            }
        }
        assert_eq!(stream.layout(BODY_AT + 16), Err(cut_short()));
        assert_eq!(stream.layout(BODY_AT + 17).map(|l| l.plain_len), Ok(1));
        assert!(matches!(stream.layout(3), Err(BackupError::Incomplete(_))));
    }

    #[test]
    fn weak_huge_or_foreign_headers_are_refused() {
        let mut header = stream(10).header();
        header[8..12].copy_from_slice(&1000u32.to_be_bytes());
        assert_eq!(
            SealedStream::parse(&header),
            Err(BackupError::Damaged("it asks for 1000 key iterations".into()))
        );
        let mut header = stream(10).header();
        header[35..39].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(SealedStream::parse(&header), Err(BackupError::Damaged(_))));
        assert_eq!(SealedStream::parse(&stream(10).header()[..20]), Err(cut_short()));
        // Chunks of a few bytes would mean a decryption per few bytes.
        assert!(matches!(SealedStream::parse(&stream(10).header()), Err(BackupError::Damaged(_))));
        assert_eq!(SealedStream::parse(&stream(64 << 10).header()).map(|s| s.chunk_bytes), Ok(64 << 10));
        assert_eq!(
            SealedStream::parse(b"RMDLENC\x02............................................"),
            Err(BackupError::NotABackup)
        );
    }

    #[test]
    fn a_failure_after_the_key_check_names_the_file_cut_or_changed() {
        let layout = stream(10).layout(file_for(&stream(10), &[0; 30]).len() as u64).unwrap();
        assert!(matches!(layout.failure(3), BackupError::Incomplete(_)));
        assert!(matches!(layout.failure(1), BackupError::Damaged(_)));
    }
}
