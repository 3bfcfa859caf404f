//! The zip's per-entry headers, written and read by hand for the one kind of entry Remodel
//! writes: *stored* (uncompressed), with its CRC-32 and sizes known before its bytes, no extra
//! fields, no Zip64 and a fixed time. That is a few dozen bytes of layout (PKWARE APPNOTE 6.3,
//! sections 4.3.7 and 4.3.12), and it is what lets a backup be written and read one entry at a
//! time: the `zip` crate needs the whole file behind a synchronous `Read + Seek`, which a
//! browser `File` read in slices cannot give.

use super::BackupError;

const LOCAL_SIGNATURE: u32 = 0x0403_4b50;
const CENTRAL_SIGNATURE: u32 = 0x0201_4b50;
/// A local header's fixed part; the name and extra field follow.
pub const LOCAL_FIXED_BYTES: u64 = 30;
/// A central directory header's fixed part; the name, extra field and comment follow.
const CENTRAL_FIXED_BYTES: usize = 46;
/// "Stored": the only method Remodel writes or reads.
const STORED: u16 = 0;
/// Version 1.0 is enough to extract a stored entry; 2.0 as made-by (MS-DOS attributes).
const VERSION_NEEDED: u16 = 10;
const VERSION_MADE_BY: u16 = 20;
/// 1980-01-01 00:00, the earliest DOS date: the same data always gives the same file.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

/// What the central directory says of one entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryEntry {
    pub name: String,
    pub method: u16,
    /// General purpose flags: bit 0 is encryption, which Remodel never writes.
    pub flags: u16,
    pub crc32: u32,
    pub compressed_size: u64,
    pub size: u64,
    pub local_offset: u64,
}

impl DirectoryEntry {
    pub fn is_plain_stored(&self) -> bool {
        self.method == STORED && self.flags & 1 == 0 && self.compressed_size == self.size
    }
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The fields a local and a central header share, from "version needed" to the name's length.
fn common_fields(out: &mut Vec<u8>, name: &str, crc32: u32, size: u32) {
    for field in [VERSION_NEEDED, 0, STORED, DOS_TIME, DOS_DATE] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    out.extend_from_slice(&crc32.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
}

/// The local header that goes right before a stored entry's bytes. `name` is ASCII and short
/// (the writer's own names) and `size` fits 32 bits (the writer's limits).
pub fn local_header(name: &str, crc32: u32, size: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(LOCAL_FIXED_BYTES as usize + name.len());
    out.extend_from_slice(&LOCAL_SIGNATURE.to_le_bytes());
    common_fields(&mut out, name, crc32, size);
    out.extend_from_slice(name.as_bytes());
    out
}

/// The entry's record in the central directory, for an entry whose local header is at `offset`.
pub fn central_header(name: &str, crc32: u32, size: u32, offset: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(CENTRAL_FIXED_BYTES + name.len());
    out.extend_from_slice(&CENTRAL_SIGNATURE.to_le_bytes());
    out.extend_from_slice(&VERSION_MADE_BY.to_le_bytes());
    common_fields(&mut out, name, crc32, size);
    // Comment length, disk number, internal and external attributes.
    out.extend_from_slice(&[0; 2 + 2 + 2 + 4]);
    out.extend_from_slice(&offset.to_le_bytes());
    out.extend_from_slice(name.as_bytes());
    out
}

/// The `count` records of a central directory. Names that are not UTF-8 are kept lossily (and
/// then refused by name); Zip64 sizes (all ones) are refused, since Remodel never writes them.
pub fn parse_directory(bytes: &[u8], count: usize) -> Result<Vec<DirectoryEntry>, BackupError> {
    let mut entries = Vec::with_capacity(count);
    let mut at = 0usize;
    for index in 0..count {
        let unreadable = || BackupError::Incomplete(format!("entry {index} of its directory cannot be read"));
        let fixed = bytes.get(at..at + CENTRAL_FIXED_BYTES).ok_or_else(unreadable)?;
        if u32_at(fixed, 0) != CENTRAL_SIGNATURE {
            return Err(unreadable());
        }
        let name_len = usize::from(u16_at(fixed, 28));
        let extra_len = usize::from(u16_at(fixed, 30));
        let comment_len = usize::from(u16_at(fixed, 32));
        let name_at = at + CENTRAL_FIXED_BYTES;
        let name = bytes.get(name_at..name_at + name_len).ok_or_else(unreadable)?;
        let (compressed_size, size, local_offset) = (u32_at(fixed, 20), u32_at(fixed, 24), u32_at(fixed, 42));
        if [compressed_size, size, local_offset].contains(&u32::MAX) {
            return Err(BackupError::TooLarge("a Zip64 file".into()));
        }
        entries.push(DirectoryEntry {
            name: String::from_utf8_lossy(name).into_owned(),
            method: u16_at(fixed, 10),
            flags: u16_at(fixed, 8),
            crc32: u32_at(fixed, 16),
            compressed_size: u64::from(compressed_size),
            size: u64::from(size),
            local_offset: u64::from(local_offset),
        });
        at = name_at + name_len + extra_len + comment_len;
    }
    Ok(entries)
}

/// Where `entry`'s bytes start, from its local header (its fixed part and name, as read from
/// `entry.local_offset`): the header must be a stored entry of the same name, with no extra
/// field.
pub fn data_start(entry: &DirectoryEntry, local: &[u8]) -> Result<u64, BackupError> {
    let damaged =
        || BackupError::Damaged(format!("the header of “{}” does not match its directory", entry.name));
    if local.len() < LOCAL_FIXED_BYTES as usize || u32_at(local, 0) != LOCAL_SIGNATURE {
        return Err(damaged());
    }
    let name_len = usize::from(u16_at(local, 26));
    let extra_len = u64::from(u16_at(local, 28));
    let name = local.get(LOCAL_FIXED_BYTES as usize..LOCAL_FIXED_BYTES as usize + name_len);
    // No extra field: Remodel writes none, and one would move the bytes past where the
    // directory's checks (inside the file, no overlap) placed them.
    if u16_at(local, 8) != STORED || name != Some(entry.name.as_bytes()) || extra_len != 0 {
        return Err(damaged());
    }
    Ok(entry.local_offset + LOCAL_FIXED_BYTES + name_len as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_round_trip_through_the_directory_reader() {
        let mut directory = central_header("photos/a/working.jpg", 0xDEAD_BEEF, 1234, 0);
        directory.extend(central_header("manifest.json", 7, 9, 1300));
        let entries = parse_directory(&directory, 2).unwrap();
        assert_eq!(entries[1].name, "manifest.json");
        assert_eq!((entries[0].crc32, entries[0].size, entries[1].local_offset), (0xDEAD_BEEF, 1234, 1300));
        assert!(entries.iter().all(DirectoryEntry::is_plain_stored));
        let local = local_header("photos/a/working.jpg", 0xDEAD_BEEF, 1234);
        assert_eq!(data_start(&entries[0], &local), Ok(local.len() as u64));
        assert!(matches!(data_start(&entries[1], &local), Err(BackupError::Damaged(_))));
        assert!(matches!(parse_directory(&directory[..60], 2), Err(BackupError::Incomplete(_))));
    }
}
