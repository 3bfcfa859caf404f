//! The zip's end-of-central-directory record, read by hand before the zip reader is given the
//! file: the reader allocates for every entry the directory claims, so the entry count and the
//! directory's size and place are checked against the file and the limits first.

use super::BackupError;

/// The end record's signature, "PK\x05\x06".
const SIGNATURE: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
/// The record's fixed part; a comment of up to 65,535 bytes may follow it.
const FIXED_BYTES: usize = 22;
/// The smallest central directory header (no name, extra field or comment).
const MIN_HEADER_BYTES: u64 = 46;

/// What the end record says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EndRecord {
    pub entries: u64,
    pub directory_bytes: u64,
    pub directory_offset: u64,
}

fn u16_at(bytes: &[u8], at: usize) -> u64 {
    u64::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]))
}

/// The end record of `file`, checked: at most `max_entries` entries, a directory inside the file
/// and big enough for its entries, and no Zip64 (Remodel never writes it). Errors name the file
/// incomplete (no end record: usually a cut copy) or too large.
pub fn check_end_record(file: &[u8], max_entries: usize) -> Result<EndRecord, BackupError> {
    let no_end = || BackupError::Incomplete("no end of central directory".into());
    let last = file.len().checked_sub(FIXED_BYTES).ok_or_else(no_end)?;
    let earliest = last.saturating_sub(usize::from(u16::MAX));
    let at = (earliest..=last)
        .rev()
        .find(|&i| {
            file[i..i + 4] == SIGNATURE
                && i + FIXED_BYTES + usize::from(u16::from_le_bytes([file[i + 20], file[i + 21]]))
                    == file.len()
        })
        .ok_or_else(no_end)?;
    let record = EndRecord {
        entries: u16_at(file, at + 10),
        directory_bytes: u32_at(file, at + 12),
        directory_offset: u32_at(file, at + 16),
    };
    if record.entries == 0xFFFF
        || record.directory_bytes == 0xFFFF_FFFF
        || record.directory_offset == 0xFFFF_FFFF
    {
        return Err(BackupError::TooLarge("a Zip64 file".into()));
    }
    if record.entries > max_entries as u64 {
        return Err(BackupError::TooLarge(format!("{} files", record.entries)));
    }
    if record.directory_offset + record.directory_bytes > at as u64
        || record.directory_bytes < record.entries * MIN_HEADER_BYTES
    {
        return Err(BackupError::Incomplete("the directory does not fit the file".into()));
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An end record claiming `entries` entries in a directory of `bytes` at `offset`, after
    /// `before` bytes of anything.
    fn file_with(before: usize, entries: u16, bytes: u32, offset: u32) -> Vec<u8> {
        let mut file = vec![0u8; before];
        file.extend_from_slice(&SIGNATURE);
        file.extend_from_slice(&[0, 0, 0, 0]);
        file.extend_from_slice(&entries.to_le_bytes());
        file.extend_from_slice(&entries.to_le_bytes());
        file.extend_from_slice(&bytes.to_le_bytes());
        file.extend_from_slice(&offset.to_le_bytes());
        file.extend_from_slice(&[0, 0]);
        file
    }

    #[test]
    fn a_directory_that_claims_more_than_the_file_holds_is_refused_before_any_allocation() {
        // 60,000 entries claimed in a 200-byte file: refused by count, then by size.
        assert_eq!(
            check_end_record(&file_with(200, 60_000, 100, 0), 20_002),
            Err(BackupError::TooLarge("60000 files".into()))
        );
        assert!(matches!(
            check_end_record(&file_with(200, 10, 100, 0), 20_002),
            Err(BackupError::Incomplete(_))
        ));
        assert!(matches!(
            check_end_record(&file_with(200, 2, 4_000, 0), 20_002),
            Err(BackupError::Incomplete(_))
        ));
        assert!(matches!(
            check_end_record(&file_with(200, 0xFFFF, 100, 0), 20_002),
            Err(BackupError::TooLarge(_))
        ));
        assert!(matches!(check_end_record(&[1, 2, 3], 20_002), Err(BackupError::Incomplete(_))));
        assert_eq!(
            check_end_record(&file_with(200, 2, 100, 100), 20_002),
            Ok(EndRecord { entries: 2, directory_bytes: 100, directory_offset: 100 })
        );
    }
}
