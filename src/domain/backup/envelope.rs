//! Encrypted backups: the layout of the file around the sealed zip.
//!
//! The cryptography is the browser's own (WebCrypto, in `ui::platform::crypto`): AES-GCM with a
//! 256-bit key from PBKDF2-HMAC-SHA256 over the passphrase, with a fresh random salt and nonce
//! for every file. This module lays out and reads back the files sealed whole: version 2 (written
//! from 2026-12-05 until chunked version 3, `super::sealed_stream`, replaced it on 2026-12-06):
//!
//! | bytes      | what                                                             |
//! |------------|------------------------------------------------------------------|
//! | 0..8       | `RMDLENC` and the envelope version (2)                           |
//! | 8..12      | PBKDF2 iterations, big-endian                                    |
//! | 12..28     | salt                                                             |
//! | 28..40     | AES-GCM nonce                                                    |
//! | 40..48     | how many sealed bytes follow, big-endian                         |
//! | 48..       | the zip, encrypted, then GCM's 16-byte tag                       |
//!
//! Version 1 is the same without bytes 40..48 (the sealed zip starts at 40); it still opens.
//! The length is what lets a file cut short say so: without it, a truncated file fails GCM
//! exactly like a wrong passphrase.
//!
//! The header is also GCM's additional data, so a changed header fails like a changed byte of
//! the zip, with the wrong-passphrase message (GCM cannot tell the two apart), except a
//! changed length, which reads as a file cut short or with bytes added.

use super::BackupError;

/// What every encrypted backup starts with; the eighth byte is the envelope version.
pub const PREFIX: [u8; 7] = *b"RMDLENC";
/// The newest envelope sealed whole (this build writes `sealed_stream::VERSION`).
pub const VERSION: u8 = 2;
/// The largest file of envelope version 1 or 2 read: they open whole, in memory (no build wrote
/// a larger one).
pub const MAX_WHOLE_FILE_BYTES: u64 = 1 << 30;
/// OWASP's figure for PBKDF2-HMAC-SHA256 (2023): every file is written with it.
pub const ITERATIONS: u32 = 600_000;
/// Files asking for more are refused rather than left to spin the phone for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// The fewest iterations a file may ask for: the reader's own floor, not the writer's current
/// figure, so raising [`ITERATIONS`] later never locks out files written before.
pub const MIN_ITERATIONS: u32 = 100_000;
pub const SALT_BYTES: usize = 16;
pub const NONCE_BYTES: usize = 12;
pub const TAG_BYTES: usize = 16;
/// Version 1's header: prefix and version, iterations, salt, nonce.
pub const HEADER_BYTES_V1: usize = PREFIX.len() + 1 + 4 + SALT_BYTES + NONCE_BYTES;
/// Version 2's header: version 1's and the sealed length.
pub const HEADER_BYTES: usize = HEADER_BYTES_V1 + 8;

/// The parameters a file was sealed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub version: u8,
    pub iterations: u32,
    pub salt: [u8; SALT_BYTES],
    pub nonce: [u8; NONCE_BYTES],
    /// How many sealed bytes (the encrypted zip and its tag) follow the header; version 2 only.
    pub sealed_len: Option<u64>,
}

/// Whether `bytes` start like an encrypted backup (of any envelope version).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(&PREFIX)
}

impl Envelope {
    /// A version 2 envelope for a zip of `zip_len` bytes (the tests' files), with this salt and nonce (both from the
    /// browser's random source).
    #[cfg(test)]
    pub fn new(salt: [u8; SALT_BYTES], nonce: [u8; NONCE_BYTES], zip_len: usize) -> Envelope {
        let sealed_len = Some((zip_len + TAG_BYTES) as u64);
        Envelope { version: VERSION, iterations: ITERATIONS, salt, nonce, sealed_len }
    }

    /// The header: the start of the file, and GCM's additional data.
    pub fn header(&self) -> Vec<u8> {
        let mut header = Vec::with_capacity(HEADER_BYTES);
        header.extend_from_slice(&PREFIX);
        header.push(self.version);
        header.extend_from_slice(&self.iterations.to_be_bytes());
        header.extend_from_slice(&self.salt);
        header.extend_from_slice(&self.nonce);
        if let Some(length) = self.sealed_len {
            header.extend_from_slice(&length.to_be_bytes());
        }
        header
    }

    /// The file: the header, then the sealed zip.
    #[cfg(test)]
    pub fn seal(&self, ciphertext: &[u8]) -> Vec<u8> {
        debug_assert!(self.sealed_len.is_none_or(|n| n == ciphertext.len() as u64));
        let mut file = self.header();
        file.extend_from_slice(ciphertext);
        file
    }

    /// The envelope and the sealed bytes of an encrypted file.
    pub fn open(file: &[u8]) -> Result<(Envelope, &[u8]), BackupError> {
        if !is_encrypted(file) {
            return Err(BackupError::NotABackup);
        }
        let cut_short = || BackupError::Incomplete("the encrypted data is cut short".into());
        let version = *file.get(PREFIX.len()).ok_or_else(cut_short)?;
        let header_bytes = match version {
            1 => HEADER_BYTES_V1,
            2 => HEADER_BYTES,
            0 => return Err(BackupError::NotABackup),
            3 => return Err(BackupError::Damaged("it is sealed in chunks".into())),
            newer => return Err(BackupError::FutureVersion(u32::from(newer))),
        };
        if file.len() < header_bytes + TAG_BYTES {
            return Err(cut_short());
        }
        let iterations = u32::from_be_bytes([file[8], file[9], file[10], file[11]]);
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
            return Err(BackupError::Damaged(format!("it asks for {iterations} key iterations")));
        }
        let mut salt = [0u8; SALT_BYTES];
        salt.copy_from_slice(&file[12..28]);
        let mut nonce = [0u8; NONCE_BYTES];
        nonce.copy_from_slice(&file[28..HEADER_BYTES_V1]);
        let sealed = &file[header_bytes..];
        let sealed_len = (version >= 2).then(|| {
            let mut length = [0u8; 8];
            length.copy_from_slice(&file[HEADER_BYTES_V1..HEADER_BYTES]);
            u64::from_be_bytes(length)
        });
        match sealed_len {
            Some(expected) if (sealed.len() as u64) < expected => return Err(cut_short()),
            Some(expected) if (sealed.len() as u64) > expected => {
                return Err(BackupError::Damaged("it has bytes after the encrypted data".into()))
            }
            _ => {}
        }
        Ok((Envelope { version, iterations, salt, nonce, sealed_len }, sealed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_file_opens_to_its_parameters_and_bytes() {
        let envelope = Envelope::new([7; SALT_BYTES], [9; NONCE_BYTES], 24);
        let file = envelope.seal(&[1; 40]);
        assert!(is_encrypted(&file));
        assert_eq!(&file[..8], b"RMDLENC\x02");
        let (opened, sealed) = Envelope::open(&file).unwrap();
        assert_eq!(opened, envelope);
        assert_eq!(opened.iterations, 600_000);
        assert_eq!(opened.sealed_len, Some(40));
        assert_eq!(sealed, &[1; 40]);
        assert_eq!(&file[..HEADER_BYTES], &envelope.header()[..]);
    }

    #[test]
    fn a_file_cut_short_says_so_and_bytes_added_are_refused() {
        let file = Envelope::new([3; SALT_BYTES], [4; NONCE_BYTES], 1000).seal(&[5; 1016]);
        for cut in [1, 500, 1000] {
            assert_eq!(
                Envelope::open(&file[..file.len() - cut]),
                Err(BackupError::Incomplete("the encrypted data is cut short".into())),
                "cut by {cut}"
            );
        }
        let mut longer = file.clone();
        longer.push(0);
        assert_eq!(
            Envelope::open(&longer),
            Err(BackupError::Damaged("it has bytes after the encrypted data".into()))
        );
        // The length is in the header, so a changed length is refused too.
        let mut changed = file.clone();
        changed[HEADER_BYTES - 1] ^= 1;
        assert!(matches!(
            Envelope::open(&changed),
            Err(BackupError::Incomplete(_) | BackupError::Damaged(_))
        ));
    }

    #[test]
    fn a_version_1_file_still_opens_with_its_own_header() {
        // Version 1: no length, the sealed zip right after the nonce, and those 40 bytes GCM's
        // additional data (the checked-in file tests/fixtures/backups/encrypted-envelope-v1.remodel
        // is opened in the browser by e2e/data.spec.mjs).
        let mut file = b"RMDLENC\x01".to_vec();
        file.extend_from_slice(&600_000u32.to_be_bytes());
        file.extend_from_slice(&[1; SALT_BYTES]);
        file.extend_from_slice(&[2; NONCE_BYTES]);
        file.extend_from_slice(&[9; 50]);
        let (envelope, sealed) = Envelope::open(&file).unwrap();
        assert_eq!((envelope.version, envelope.sealed_len), (1, None));
        assert_eq!(sealed, &[9; 50]);
        assert_eq!(envelope.header(), file[..HEADER_BYTES_V1].to_vec());
    }

    #[test]
    fn short_weak_foreign_or_newer_files_are_refused() {
        let envelope = Envelope::new([0; SALT_BYTES], [0; NONCE_BYTES], 0);
        let file = envelope.seal(&[0; TAG_BYTES]);
        assert!(matches!(Envelope::open(&file[..file.len() - 1]), Err(BackupError::Incomplete(_))));
        assert!(matches!(Envelope::open(&file[..7]), Err(BackupError::Incomplete(_))));
        let mut weak = file.clone();
        weak[8..12].copy_from_slice(&1000u32.to_be_bytes());
        assert_eq!(
            Envelope::open(&weak),
            Err(BackupError::Damaged("it asks for 1000 key iterations".into()))
        );
        let mut slow = file.clone();
        slow[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert_eq!(
            Envelope::open(&slow),
            Err(BackupError::Damaged(format!("it asks for {} key iterations", u32::MAX)))
        );
        let mut newer = file.clone();
        newer[7] = 4;
        assert_eq!(Envelope::open(&newer), Err(BackupError::FutureVersion(4)));
        assert_eq!(Envelope::open(b"PK\x03\x04rest"), Err(BackupError::NotABackup));
    }

    #[test]
    fn a_file_from_a_writer_with_fewer_iterations_than_today_still_opens() {
        let mut older = Envelope::new([0; SALT_BYTES], [0; NONCE_BYTES], 0).seal(&[0; TAG_BYTES]);
        older[8..12].copy_from_slice(&310_000u32.to_be_bytes());
        assert_eq!(Envelope::open(&older).map(|(e, _)| e.iterations), Ok(310_000));
        older[8..12].copy_from_slice(&(MIN_ITERATIONS - 1).to_be_bytes());
        assert!(matches!(Envelope::open(&older), Err(BackupError::Damaged(_))));
    }
}
