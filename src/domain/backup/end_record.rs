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
/// The most a directory header may take here: Remodel's names are under 100 bytes, and another
/// writer's extra fields and comments get generous room. Bounds what is read for the directory.
const MAX_HEADER_BYTES: u64 = 1024;

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

/// How many bytes from the end of a file of `file_len` bytes hold its end record, wherever a
/// comment puts it: what [`check_end_record`] is given.
pub fn tail_len(file_len: u64) -> u64 {
    file_len.min(FIXED_BYTES as u64 + u64::from(u16::MAX))
}

/// The end record for a directory of `entries` entries, `directory_bytes` long at
/// `directory_offset` (no comment).
pub fn end_record(entries: u16, directory_bytes: u32, directory_offset: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(FIXED_BYTES);
    out.extend_from_slice(&SIGNATURE);
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&entries.to_le_bytes());
    out.extend_from_slice(&entries.to_le_bytes());
    out.extend_from_slice(&directory_bytes.to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&[0; 2]);
    out
}

/// The end record of a file of `file_len` bytes whose last bytes are `tail` (see [`tail_len`]),
/// checked: at most `max_entries` entries, a directory inside the file and big enough for its
/// entries, and no Zip64 (Remodel never writes it). Errors name the file incomplete (no end
/// record: usually a cut copy) or too large.
pub fn check_end_record(tail: &[u8], file_len: u64, max_entries: usize) -> Result<EndRecord, BackupError> {
    let no_end = || BackupError::Incomplete("no end of central directory".into());
    let last = tail.len().checked_sub(FIXED_BYTES).ok_or_else(no_end)?;
    let earliest = last.saturating_sub(usize::from(u16::MAX));
    let at = (earliest..=last)
        .rev()
        .find(|&i| {
            tail[i..i + 4] == SIGNATURE
                && i + FIXED_BYTES + usize::from(u16::from_le_bytes([tail[i + 20], tail[i + 21]]))
                    == tail.len()
        })
        .ok_or_else(no_end)?;
    let record = EndRecord {
        entries: u16_at(tail, at + 10),
        directory_bytes: u32_at(tail, at + 12),
        directory_offset: u32_at(tail, at + 16),
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
    let record_at = file_len - tail.len() as u64 + at as u64;
    if record.directory_offset + record.directory_bytes > record_at
        || record.directory_bytes < record.entries * MIN_HEADER_BYTES
    {
        return Err(BackupError::Incomplete("the directory does not fit the file".into()));
    }
    // The directory is read whole: it may not claim more than its entries can need.
    if record.directory_bytes > record.entries.max(1) * MAX_HEADER_BYTES {
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

    fn check(file: &[u8]) -> Result<EndRecord, BackupError> {
        check_end_record(file, file.len() as u64, 20_002)
    }

    #[test]
    fn only_the_tail_is_needed() {
        let mut file = vec![0u8; 100_000];
        file.extend(end_record(2, 100, 99_800));
        let tail = &file[file.len() - tail_len(file.len() as u64) as usize..];
        assert_eq!(
            check_end_record(tail, file.len() as u64, 20_002),
            Ok(EndRecord { entries: 2, directory_bytes: 100, directory_offset: 99_800 })
        );
        assert_eq!(tail_len(10), 10);
    }

    #[test]
    fn a_directory_that_claims_more_than_the_file_holds_is_refused_before_any_allocation() {
        // 60,000 entries claimed in a 200-byte file: refused by count, then by size.
        assert_eq!(check(&file_with(200, 60_000, 100, 0)), Err(BackupError::TooLarge("60000 files".into())));
        assert!(matches!(check(&file_with(200, 10, 100, 0)), Err(BackupError::Incomplete(_))));
        assert!(matches!(check(&file_with(200, 2, 4_000, 0)), Err(BackupError::Incomplete(_))));
        assert!(matches!(check(&file_with(200, 0xFFFF, 100, 0)), Err(BackupError::TooLarge(_))));
        assert!(matches!(check(&[1, 2, 3]), Err(BackupError::Incomplete(_))));
        // A directory claiming far more than its two entries can need: refused before it is read.
        assert!(matches!(check(&file_with(5000, 2, 4000, 0)), Err(BackupError::Incomplete(_))));
        assert_eq!(
            check(&file_with(200, 2, 100, 100)),
            Ok(EndRecord { entries: 2, directory_bytes: 100, directory_offset: 100 })
        );
    }
}
