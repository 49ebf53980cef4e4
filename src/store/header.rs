//! Checks on a database file made before SQLite opens it, so that a file that is not ours,
//! or one that was copied halfway, is refused without a single byte of it changing.
use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::error::{Result, StoreError};

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the 100-byte header of a SQLite file says about its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub page_size: u64,
    /// Pages in the file, when the header's count is valid (it is for every file SQLite ≥ 3.7 wrote).
    pub page_count: Option<u64>,
    pub application_id: u32,
    pub user_version: u32,
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Parses a header; `None` when the bytes are not a SQLite header.
pub fn parse(bytes: &[u8]) -> Option<Header> {
    if bytes.len() < 100 || &bytes[..16] != MAGIC {
        return None;
    }
    let raw = u16::from_be_bytes([bytes[16], bytes[17]]) as u64;
    let page_size = if raw == 1 { 65_536 } else { raw };
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return None;
    }
    let change_counter = be32(bytes, 24);
    let page_count = be32(bytes, 28) as u64;
    let valid_for = be32(bytes, 92);
    Some(Header {
        page_size,
        page_count: (valid_for == change_counter && page_count > 0).then_some(page_count),
        user_version: be32(bytes, 60),
        application_id: be32(bytes, 68),
    })
}

/// What the first bytes of a file say, before anything judges its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peek {
    /// The parsed header, when the bytes are one.
    pub header: Option<Header>,
    /// Whether the file starts like a SQLite file (as much of the magic as there is).
    pub sqlite: bool,
    pub len: u64,
}

/// Reads the first 100 bytes of a file.
pub fn peek(path: &Path) -> Result<Peek> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut bytes = [0u8; 100];
    let mut read = 0;
    while read < bytes.len() {
        match file.read(&mut bytes[read..]).map_err(io)? {
            0 => break,
            n => read += n,
        }
    }
    Ok(Peek {
        header: parse(&bytes[..read]),
        sqlite: read > 0 && bytes[..read.min(16)] == MAGIC[..read.min(16)],
        len,
    })
}

/// Reads and checks the header of an existing file: it must be a SQLite file whose size is
/// exactly its page count times its page size.
pub fn check_file(path: &Path) -> Result<Header> {
    let peek = peek(path)?;
    let incomplete = || StoreError::Incomplete {
        path: path.to_path_buf(),
    };
    if peek.len == 0 {
        return Err(incomplete());
    }
    let header = match peek.header {
        Some(h) => h,
        None if peek.sqlite => return Err(incomplete()),
        None => {
            return Err(StoreError::NotPrensa {
                path: path.to_path_buf(),
            })
        }
    };
    let size_ok = match header.page_count {
        Some(pages) => pages * header.page_size == peek.len,
        None => peek.len % header.page_size == 0,
    };
    if !size_ok {
        return Err(incomplete());
    }
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(page_size: u16, pages: u32) -> Vec<u8> {
        let mut b = vec![0u8; 100];
        b[..16].copy_from_slice(MAGIC);
        b[16..18].copy_from_slice(&page_size.to_be_bytes());
        b[24..28].copy_from_slice(&7u32.to_be_bytes());
        b[28..32].copy_from_slice(&pages.to_be_bytes());
        b[92..96].copy_from_slice(&7u32.to_be_bytes());
        b
    }

    #[test]
    fn parses_a_valid_header() {
        let h = parse(&header(4096, 3)).unwrap();
        assert_eq!(h.page_size, 4096);
        assert_eq!(h.page_count, Some(3));
    }

    #[test]
    fn rejects_non_sqlite_bytes() {
        assert_eq!(parse(b"hello"), None);
        assert_eq!(parse(&[0u8; 100]), None);
        assert_eq!(parse(&header(1000, 3)), None);
    }

    #[test]
    fn page_size_one_means_64k() {
        assert_eq!(parse(&header(1, 1)).unwrap().page_size, 65_536);
    }
}
