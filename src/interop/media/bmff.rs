//! The creation time of an MP4, MOV or M4A file: the `creation_time` of the movie header
//! (`moov` → `mvhd`), in seconds since 1904-01-01 UTC.
//!
//! Hand-written on purpose: it is one field of one box, found by reading a few 8- or 16-byte
//! box headers and seeking over everything else (the `mdat` with the media itself may be
//! gigabytes). The MP4 crates parse whole track tables to get there, and no well-kept crate
//! reads only this. Bounded: at most [`MAX_BOXES`] headers per level, and 12 bytes of `mvhd`.
use std::io::{Read, Seek, SeekFrom};

use chrono::{DateTime, Datelike, Utc};

/// Seconds from 1904-01-01 (the ISO-BMFF epoch) to 1970-01-01.
const EPOCH_1904: i64 = 2_082_844_800;

/// How many boxes one level may hold before the file is taken as hostile.
const MAX_BOXES: usize = 4096;

/// A box: its type and where its body starts and ends in the file.
struct BoxAt {
    kind: [u8; 4],
    body: u64,
    end: u64,
}

/// The movie header's creation time; None when there is none, or it is zero or implausible
/// (before 1990 or from 2100 on, as a camera with an unset clock writes).
pub(super) fn creation_time<R: Read + Seek>(file: &mut R, len: u64) -> Option<DateTime<Utc>> {
    let moov = find(file, 0, len, b"moov")?;
    let mvhd = find(file, moov.body, moov.end, b"mvhd")?;
    // Version and flags (4 bytes), then creation_time: u32 in version 0, u64 in version 1.
    let mut buf = [0u8; 12];
    let want = mvhd.end.saturating_sub(mvhd.body).min(12) as usize;
    file.seek(SeekFrom::Start(mvhd.body)).ok()?;
    file.read_exact(&mut buf[..want]).ok()?;
    let secs = match (buf[0], want) {
        (0, 8..) => u64::from(u32::from_be_bytes([buf[4], buf[5], buf[6], buf[7]])),
        (1, 12) => u64::from_be_bytes([
            buf[4], buf[5], buf[6], buf[7], buf[8], buf[9], buf[10], buf[11],
        ]),
        _ => return None,
    };
    let unix = i64::try_from(secs).ok()?.checked_sub(EPOCH_1904)?;
    let when = DateTime::<Utc>::from_timestamp(unix, 0)?;
    (secs != 0 && (1990..2100).contains(&when.year())).then_some(when)
}

/// The first box of the given type between `start` and `end` (one level, no descent).
fn find<R: Read + Seek>(file: &mut R, start: u64, end: u64, kind: &[u8; 4]) -> Option<BoxAt> {
    let mut pos = start;
    for _ in 0..MAX_BOXES {
        let found = header(file, pos, end)?;
        if &found.kind == kind {
            return Some(found);
        }
        // Each box is at least its header long, so this always moves forward.
        pos = found.end;
    }
    None
}

/// The box whose header starts at `pos`, clipped to `end` (a truncated file keeps what it has).
fn header<R: Read + Seek>(file: &mut R, pos: u64, end: u64) -> Option<BoxAt> {
    if end.saturating_sub(pos) < 8 {
        return None;
    }
    let mut head = [0u8; 8];
    file.seek(SeekFrom::Start(pos)).ok()?;
    file.read_exact(&mut head).ok()?;
    let size32 = u32::from_be_bytes([head[0], head[1], head[2], head[3]]);
    let kind = [head[4], head[5], head[6], head[7]];
    let (size, header_len) = match size32 {
        // Size 0: the box runs to the end of the file (or of its parent).
        0 => (end - pos, 8),
        // Size 1: a 64-bit size follows the type.
        1 => {
            let mut large = [0u8; 8];
            file.read_exact(&mut large).ok()?;
            (u64::from_be_bytes(large), 16)
        }
        n => (u64::from(n), 8),
    };
    if size < header_len {
        return None;
    }
    Some(BoxAt {
        kind,
        body: pos + header_len,
        end: pos.saturating_add(size).min(end),
    })
}
