//! Reading the files of an archive import: photos, video, audio and documents. For each file
//! its kind (told by its content where that is cheap, else by its extension), the date it was
//! taken or recorded, and for photos a JPEG archive copy and a thumbnail with the EXIF
//! orientation applied. Pure file reading: the original is only read, nothing is written, and
//! there is no database here.
//!
//! A hostile or broken file gives a [`MediaProblem`], never a panic: decoding runs under
//! `image::Limits`, the photo is checked for its size before it is read, and the MP4/MOV box
//! walk seeks over what it does not need.
mod bmff;
mod photo;
#[doc(hidden)]
pub mod samples;
mod walk;

#[cfg(test)]
mod tests;

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, Utc};

pub use crate::domain::media::MediaKind;
use crate::i18n::{t, tf, Msg};
pub use walk::collect;

/// The extensions the archive takes, lowercase.
const SUPPORTED: &[&str] = &[
    "jpg", "jpeg", "png", "webp", "heic", "heif", "mp4", "mov", "mp3", "m4a", "wav", "pdf",
];

/// The store's date format: local wall time to the minute.
const STORE_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// The note kept with a HEIC photo, which is archived without copies.
pub fn heic_note() -> String {
    t(Msg::MediaHeicNote).to_owned()
}

/// Where a file's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// The photo's EXIF (DateTimeOriginal, DateTimeDigitized or DateTime).
    Exif,
    /// The creation time in an MP4/MOV/M4A file's movie header.
    Container,
    /// The file's modified time, when the file itself says nothing.
    File,
}

impl DateSource {
    pub const ALL: &'static [DateSource] =
        &[DateSource::Exif, DateSource::Container, DateSource::File];

    /// The code kept in the database.
    pub fn code(self) -> &'static str {
        match self {
            DateSource::Exif => "exif",
            DateSource::Container => "container",
            DateSource::File => "file",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        DateSource::ALL.iter().copied().find(|s| s.code() == code)
    }
}

/// One file read for the archive.
#[derive(Debug, Clone)]
pub struct Examined {
    pub path: PathBuf,
    pub kind: MediaKind,
    /// Local time "YYYY-MM-DDTHH:MM" (the store's format): EXIF DateTimeOriginal (else
    /// DateTimeDigitized, else DateTime) for photos including HEIC, as written (EXIF has no
    /// zone); the movie header's creation time for MP4/MOV/M4A (UTC in the file, converted to
    /// local time); else the file's modified time.
    pub taken_at: String,
    pub date_source: DateSource,
    /// Pixel size of the photo after EXIF orientation (None for non-photos and HEIC).
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// JPEG archive copy: long edge at most 1600 px (never upscaled), orientation applied.
    pub archive_copy: Option<Vec<u8>>,
    /// JPEG thumbnail: long edge at most 320 px, orientation applied.
    pub thumbnail: Option<Vec<u8>>,
    /// A note for the user when the file is kept without a preview (HEIC). Spanish.
    pub note: Option<String>,
}

/// Why a file cannot go into the archive. Its `Display` is the Spanish text the user reads:
/// what is wrong and what to do.
#[derive(Debug)]
pub enum MediaProblem {
    /// An extension the archive does not take (lowercase, without the dot; empty when none).
    Unsupported(String),
    /// The content is broken, or is not what the name says; the detail is Spanish.
    Damaged(String),
    /// The operating system would not let the file be read.
    Unreadable(io::Error),
    /// Not a file (a folder, a device).
    NotAFile,
    /// A photo in a variant of its format the decoder does not read (the format's name).
    Variant(&'static str),
    /// A photo whose pixels would not fit in the memory prensa allows for decoding.
    TooLarge { width: u32, height: u32 },
    /// A photo file larger than prensa reads.
    FileTooLarge { bytes: u64 },
    /// Nothing in it (a copy that never finished).
    Empty,
}

impl std::fmt::Display for MediaProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MediaProblem::Unsupported(ext) => {
                let ext = if ext.is_empty() {
                    t(Msg::MediaNoExtension).to_owned()
                } else {
                    format!(".{ext}")
                };
                f.write_str(&tf(Msg::MediaUnsupported, &[&ext]))
            }
            MediaProblem::Damaged(detail) => f.write_str(&tf(Msg::MediaDamaged, &[detail])),
            MediaProblem::Unreadable(e) => {
                f.write_str(&tf(Msg::MediaFileUnreadable, &[&crate::store::io_text(e)]))
            }
            MediaProblem::NotAFile => f.write_str(t(Msg::MediaNotAFile)),
            MediaProblem::Variant(format) => f.write_str(&tf(Msg::MediaVariant, &[format])),
            MediaProblem::TooLarge { width, height } => {
                let max = photo::MAX_SIDE;
                let mib = photo::MAX_ALLOC / (1024 * 1024);
                f.write_str(&tf(Msg::MediaTooLarge, &[width, height, &max, &max, &mib]))
            }
            MediaProblem::Empty => f.write_str(t(Msg::MediaEmptyFile)),
            MediaProblem::FileTooLarge { bytes } => f.write_str(&tf(
                Msg::MediaFileTooLarge,
                &[
                    &bytes.div_ceil(1024 * 1024),
                    &(photo::MAX_FILE / (1024 * 1024)),
                ],
            )),
        }
    }
}

impl std::error::Error for MediaProblem {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            MediaProblem::Unreadable(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for MediaProblem {
    fn from(e: io::Error) -> Self {
        MediaProblem::Unreadable(e)
    }
}

/// A file's extension, lowercase ("" when it has none).
fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Whether a file's extension is one the archive takes (any case).
pub fn supported(path: &Path) -> bool {
    SUPPORTED.contains(&extension(path).as_str())
}

/// What a file's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    Jpeg,
    Png,
    WebP,
    /// An ISO-BMFF file whose brands say HEIF (HEIC, AVIF and the like).
    Heif,
    /// Any other ISO-BMFF/QuickTime file: MP4, MOV, M4A.
    IsoMedia,
    Other,
}

/// Whether a video, audio or PDF file begins as its kind does (its name can lie): an
/// ISO-BMFF box for MP4/MOV/M4A, an MP3 frame or ID3 tag, a RIFF WAVE header, `%PDF-`.
fn looks_like(ext: &str, sniffed: Sniffed, head: &[u8]) -> bool {
    match ext {
        "mp4" | "mov" | "m4a" => {
            sniffed == Sniffed::IsoMedia
                || head.get(4..8).is_some_and(|t| {
                    [&b"moov"[..], b"mdat", b"free", b"skip", b"wide", b"pnot"].contains(&t)
                })
        }
        "mp3" => {
            head.starts_with(b"ID3")
                || (head.len() >= 2 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0)
        }
        "wav" => head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WAVE",
        "pdf" => head.starts_with(b"%PDF-"),
        _ => true,
    }
}

fn sniff(head: &[u8]) -> Sniffed {
    const HEIF_BRANDS: &[&[u8]] = &[
        b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1",
        b"avif", b"avis",
    ];
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Sniffed::Jpeg
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Sniffed::Png
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Sniffed::WebP
    } else if head.len() >= 12 && &head[4..8] == b"ftyp" {
        let size = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let end = size.clamp(12, head.len());
        // The major brand, then (after the minor version) the compatible ones.
        let major = &head[8..12];
        let heif = HEIF_BRANDS.contains(&major)
            || head
                .get(16..end)
                .unwrap_or_default()
                .chunks_exact(4)
                .any(|b| HEIF_BRANDS.contains(&b));
        if heif {
            Sniffed::Heif
        } else {
            Sniffed::IsoMedia
        }
    } else if head.len() >= 8
        && [b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"]
            .contains(&&[head[4], head[5], head[6], head[7]])
    {
        // QuickTime files from older cameras start without an ftyp box.
        Sniffed::IsoMedia
    } else {
        Sniffed::Other
    }
}

/// Reads one file: its kind, its date, and for photos the archive copy and thumbnail. The
/// original is only read.
pub fn examine(path: &Path) -> Result<Examined, MediaProblem> {
    let ext = extension(path);
    if !SUPPORTED.contains(&ext.as_str()) {
        return Err(MediaProblem::Unsupported(ext));
    }
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(MediaProblem::NotAFile);
    }
    if meta.len() == 0 {
        return Err(MediaProblem::Empty);
    }
    let mut file = File::open(path)?;
    let mut head = Vec::with_capacity(64);
    (&mut file).take(64).read_to_end(&mut head)?;
    let file_time = file_time(meta.modified().ok());
    let photo_name = matches!(
        ext.as_str(),
        "jpg" | "jpeg" | "png" | "webp" | "heic" | "heif"
    );

    let base = Examined {
        path: path.to_path_buf(),
        kind: MediaKind::Document,
        taken_at: file_time,
        date_source: DateSource::File,
        width: None,
        height: None,
        archive_copy: None,
        thumbnail: None,
        note: None,
    };
    match sniff(&head) {
        Sniffed::Jpeg | Sniffed::Png | Sniffed::WebP => {
            if meta.len() > photo::MAX_FILE {
                return Err(MediaProblem::FileTooLarge { bytes: meta.len() });
            }
            let data = std::fs::read(path)?;
            let copies = photo::copies(&data)?;
            let mut examined = Examined {
                kind: MediaKind::Photo,
                width: Some(copies.width),
                height: Some(copies.height),
                archive_copy: Some(copies.archive),
                thumbnail: Some(copies.thumbnail),
                ..base
            };
            if let Some(taken) = exif_time(&mut io::Cursor::new(&data)) {
                examined.taken_at = taken;
                examined.date_source = DateSource::Exif;
            }
            Ok(examined)
        }
        Sniffed::Heif => {
            let mut examined = Examined {
                kind: MediaKind::Photo,
                note: Some(heic_note()),
                ..base
            };
            if let Some(taken) = exif_time(&mut BufReader::new(&mut file)) {
                examined.taken_at = taken;
                examined.date_source = DateSource::Exif;
            }
            Ok(examined)
        }
        _ if photo_name => Err(MediaProblem::Damaged(tf(Msg::MediaNotAnImage, &[&ext]))),
        sniffed if !looks_like(&ext, sniffed, &head) => {
            Err(MediaProblem::Damaged(tf(Msg::MediaNotWhatItSays, &[&ext])))
        }
        sniffed => {
            let kind = match ext.as_str() {
                "mp4" | "mov" => MediaKind::Video,
                "m4a" | "mp3" | "wav" => MediaKind::Audio,
                _ => MediaKind::Document,
            };
            let mut examined = Examined { kind, ..base };
            // MP4/MOV/M4A by name or by content: a garbage one keeps the file's time.
            if sniffed == Sniffed::IsoMedia || matches!(ext.as_str(), "mp4" | "mov" | "m4a") {
                // A date after tomorrow is a camera's clock gone wrong: the file's date is
                // better.
                let tomorrow = Local::now() + chrono::Duration::days(1);
                let taken = bmff::creation_time(&mut file, meta.len())
                    .map(|t| t.with_timezone(&Local))
                    .filter(|t| *t <= tomorrow);
                if let Some(taken) = taken {
                    examined.taken_at = taken.format(STORE_FORMAT).to_string();
                    examined.date_source = DateSource::Container;
                }
            }
            Ok(examined)
        }
    }
}

/// The file's modified time in the store's format; now when the system does not keep it.
fn file_time(modified: Option<SystemTime>) -> String {
    let when = modified
        .and_then(|t| {
            let secs = match t.duration_since(SystemTime::UNIX_EPOCH) {
                Ok(d) => i64::try_from(d.as_secs()).ok()?,
                Err(e) => -i64::try_from(e.duration().as_secs()).ok()?,
            };
            DateTime::<Utc>::from_timestamp(secs, 0)
        })
        .map(|t| t.with_timezone(&Local))
        .unwrap_or_else(Local::now);
    when.format(STORE_FORMAT).to_string()
}

/// The photo's EXIF date as written (local wall time, EXIF has no zone): DateTimeOriginal,
/// else DateTimeDigitized, else DateTime. None when there is no EXIF or no valid date in it.
fn exif_time<R: io::BufRead + io::Seek>(reader: &mut R) -> Option<String> {
    use exif::{In, Reader, Tag, Value};
    reader.seek(io::SeekFrom::Start(0)).ok()?;
    // Keep what parsed even if some other field is broken.
    let exif = match Reader::new()
        .continue_on_error(true)
        .read_from_container(reader)
    {
        Ok(exif) => exif,
        Err(e) => e.distill_partial_result(|_| ()).ok()?,
    };
    [Tag::DateTimeOriginal, Tag::DateTimeDigitized, Tag::DateTime]
        .into_iter()
        .find_map(|tag| {
            let field = exif.get_field(tag, In::PRIMARY)?;
            match &field.value {
                Value::Ascii(values) => values.first().and_then(|v| exif_date(v)),
                _ => None,
            }
        })
}

/// "2023:03:15 10:42:07" as "2023-03-15T10:42"; None for a blank, partial or impossible date
/// ("0000:00:00 00:00:00" from a camera whose clock was never set).
fn exif_date(ascii: &[u8]) -> Option<String> {
    let dt = exif::DateTime::from_ascii(ascii).ok()?;
    if !(1900..=2100).contains(&dt.year) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::from(dt.year), dt.month.into(), dt.day.into())?;
    let time = chrono::NaiveTime::from_hms_opt(
        dt.hour.into(),
        dt.minute.into(),
        // Some cameras write second 60.
        u32::from(dt.second.min(59)),
    )?;
    Some(
        NaiveDateTime::new(date, time)
            .format(STORE_FORMAT)
            .to_string(),
    )
}
