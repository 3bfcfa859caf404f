//! Encrypted backups: the layout of the file around the sealed zip.
//!
//! The cryptography is the browser's own (WebCrypto, in `ui::data::crypto`): AES-GCM with a
//! 256-bit key from PBKDF2-HMAC-SHA256 over the passphrase, with a fresh random salt and nonce
//! for every file. This module only lays the file out and reads it back:
//!
//! | bytes      | what                                                             |
//! |------------|------------------------------------------------------------------|
//! | 0..8       | `RMDLENC` and the envelope version (1)                           |
//! | 8..12      | PBKDF2 iterations, big-endian                                    |
//! | 12..28     | salt                                                             |
//! | 28..40     | AES-GCM nonce                                                    |
//! | 40..       | the zip, encrypted, then GCM's 16-byte tag                       |
//!
//! The first 40 bytes are also GCM's additional data, so a changed header fails like a changed
//! byte of the zip, with the wrong-passphrase message (GCM cannot tell the two apart).

use super::BackupError;

pub const MAGIC: [u8; 8] = *b"RMDLENC\x01";
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
pub const HEADER_BYTES: usize = MAGIC.len() + 4 + SALT_BYTES + NONCE_BYTES;

/// The parameters a file was sealed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub iterations: u32,
    pub salt: [u8; SALT_BYTES],
    pub nonce: [u8; NONCE_BYTES],
}

/// Whether `bytes` start like an encrypted backup.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

impl Envelope {
    /// A new envelope with this salt and nonce (both from the browser's random source).
    pub fn new(salt: [u8; SALT_BYTES], nonce: [u8; NONCE_BYTES]) -> Envelope {
        Envelope { iterations: ITERATIONS, salt, nonce }
    }

    /// The header: the start of the file, and GCM's additional data.
    pub fn header(&self) -> [u8; HEADER_BYTES] {
        let mut header = [0u8; HEADER_BYTES];
        header[..8].copy_from_slice(&MAGIC);
        header[8..12].copy_from_slice(&self.iterations.to_be_bytes());
        header[12..28].copy_from_slice(&self.salt);
        header[28..].copy_from_slice(&self.nonce);
        header
    }

    /// The file: the header, then the sealed zip.
    pub fn seal(&self, ciphertext: &[u8]) -> Vec<u8> {
        let mut file = Vec::with_capacity(HEADER_BYTES + ciphertext.len());
        file.extend_from_slice(&self.header());
        file.extend_from_slice(ciphertext);
        file
    }

    /// The envelope and the sealed bytes of an encrypted file.
    pub fn open(file: &[u8]) -> Result<(Envelope, &[u8]), BackupError> {
        if !is_encrypted(file) {
            return Err(BackupError::NotABackup);
        }
        if file.len() < HEADER_BYTES + TAG_BYTES {
            return Err(BackupError::Incomplete("the encrypted data is cut short".into()));
        }
        let iterations = u32::from_be_bytes([file[8], file[9], file[10], file[11]]);
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
            return Err(BackupError::Damaged(format!("it asks for {iterations} key iterations")));
        }
        let mut salt = [0u8; SALT_BYTES];
        salt.copy_from_slice(&file[12..28]);
        let mut nonce = [0u8; NONCE_BYTES];
        nonce.copy_from_slice(&file[28..HEADER_BYTES]);
        Ok((Envelope { iterations, salt, nonce }, &file[HEADER_BYTES..]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_file_opens_to_its_parameters_and_bytes() {
        let envelope = Envelope::new([7; SALT_BYTES], [9; NONCE_BYTES]);
        let file = envelope.seal(&[1; 40]);
        assert!(is_encrypted(&file));
        let (opened, sealed) = Envelope::open(&file).unwrap();
        assert_eq!(opened, envelope);
        assert_eq!(opened.iterations, 600_000);
        assert_eq!(sealed, &[1; 40]);
        assert_eq!(&file[..HEADER_BYTES], &envelope.header());
    }

    #[test]
    fn short_weak_or_foreign_files_are_refused() {
        let envelope = Envelope::new([0; SALT_BYTES], [0; NONCE_BYTES]);
        let file = envelope.seal(&[0; TAG_BYTES]);
        assert!(matches!(Envelope::open(&file[..file.len() - 1]), Err(BackupError::Incomplete(_))));
        let mut weak = file.clone();
        weak[8..12].copy_from_slice(&1000u32.to_be_bytes());
        assert!(matches!(Envelope::open(&weak), Err(BackupError::Damaged(_))));
        let mut slow = file.clone();
        slow[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(Envelope::open(&slow), Err(BackupError::Damaged(_))));
        assert_eq!(Envelope::open(b"PK\x03\x04rest"), Err(BackupError::NotABackup));
    }

    #[test]
    fn a_file_from_a_writer_with_fewer_iterations_than_today_still_opens() {
        let mut older = Envelope::new([0; SALT_BYTES], [0; NONCE_BYTES]).seal(&[0; TAG_BYTES]);
        older[8..12].copy_from_slice(&310_000u32.to_be_bytes());
        assert_eq!(Envelope::open(&older).map(|(e, _)| e.iterations), Ok(310_000));
        older[8..12].copy_from_slice(&(MIN_ITERATIONS - 1).to_be_bytes());
        assert!(matches!(Envelope::open(&older), Err(BackupError::Damaged(_))));
    }
}
