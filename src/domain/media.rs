//! Files kept in the media store: what kind of file each is (told by its extension, as the
//! people who send them name them), its type for other programs, and how a report lists them.

/// What a stored file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaKind {
    Photo,
    Video,
    Audio,
    Document,
}

impl MediaKind {
    pub const ALL: &'static [MediaKind] = &[
        MediaKind::Photo,
        MediaKind::Video,
        MediaKind::Audio,
        MediaKind::Document,
    ];

    /// The code kept in the database.
    pub fn code(self) -> &'static str {
        match self {
            MediaKind::Photo => "photo",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
            MediaKind::Document => "document",
        }
    }

    /// The kind of a stored code; a code this version does not know reads as a document.
    pub fn from_code(code: &str) -> MediaKind {
        MediaKind::ALL
            .iter()
            .copied()
            .find(|k| k.code() == code)
            .unwrap_or(MediaKind::Document)
    }

    /// The kind of a file by its extension (any case); anything not known is a document.
    pub fn from_extension(ext: &str) -> MediaKind {
        match ext.to_ascii_lowercase().as_str() {
            "jpg" | "jpeg" | "png" | "webp" | "heic" | "gif" => MediaKind::Photo,
            "mp4" | "mov" | "avi" | "mkv" => MediaKind::Video,
            "mp3" | "m4a" | "wav" | "ogg" | "opus" => MediaKind::Audio,
            _ => MediaKind::Document,
        }
    }
}

/// The media type of a file by its extension (any case); `application/octet-stream` when it is
/// not one the office usually receives.
pub fn mime_of(ext: &str) -> &'static str {
    match ext.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "heic" => "image/heic",
        "gif" => "image/gif",
        "mp4" => "video/mp4",
        "mov" => "video/quicktime",
        "avi" => "video/x-msvideo",
        "mkv" => "video/x-matroska",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "wav" => "audio/wav",
        "ogg" => "audio/ogg",
        "opus" => "audio/opus",
        "pdf" => "application/pdf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "rtf" => "application/rtf",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// A file attached to a report, as its detail lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileLine {
    /// The attachment (the link between the report and the file).
    pub id: String,
    pub media_id: String,
    /// The file's name as it was attached (no folder).
    pub file_name: String,
    pub kind: MediaKind,
    /// Bytes.
    pub size: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_extensions_in_any_case() {
        assert_eq!(MediaKind::from_extension("JPG"), MediaKind::Photo);
        assert_eq!(MediaKind::from_extension("heic"), MediaKind::Photo);
        assert_eq!(MediaKind::from_extension("MoV"), MediaKind::Video);
        assert_eq!(MediaKind::from_extension("opus"), MediaKind::Audio);
        assert_eq!(MediaKind::from_extension("pdf"), MediaKind::Document);
        assert_eq!(MediaKind::from_extension(""), MediaKind::Document);
        assert_eq!(mime_of("JPEG"), "image/jpeg");
        assert_eq!(mime_of("xyz"), "application/octet-stream");
    }

    #[test]
    fn codes_round_trip() {
        for k in MediaKind::ALL {
            assert_eq!(MediaKind::from_code(k.code()), *k);
        }
        assert_eq!(MediaKind::from_code("hologram"), MediaKind::Document);
    }
}
