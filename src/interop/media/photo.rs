//! Photos: decoded under limits (told by content, not by name), scaled down, turned the way the
//! camera says (EXIF orientation) and encoded again as JPEG: an archive copy and a thumbnail.
use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::error::ImageError;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};

use super::MediaProblem;
use crate::i18n::{t, tf, Msg};

/// The longest side, in pixels, a photo may have to be decoded.
pub(super) const MAX_SIDE: u32 = 20_000;
/// The memory, in bytes, decoding one photo may take.
pub(super) const MAX_ALLOC: u64 = 512 * 1024 * 1024;
/// The largest photo file read (a JPEG decoder holds the whole file in memory).
pub(super) const MAX_FILE: u64 = 256 * 1024 * 1024;

/// Long edge of the archive copy, and its JPEG quality.
const ARCHIVE_EDGE: u32 = 1600;
const ARCHIVE_QUALITY: u8 = 82;
/// Long edge of the thumbnail, and its JPEG quality.
const THUMB_EDGE: u32 = 320;
const THUMB_QUALITY: u8 = 75;

/// A photo read: its size after orientation, and its two JPEG copies.
pub(super) struct Copies {
    pub width: u32,
    pub height: u32,
    pub archive: Vec<u8>,
    pub thumbnail: Vec<u8>,
}

/// Decodes the photo held in `data` (the whole file) and makes its copies.
pub(super) fn copies(data: &[u8]) -> Result<Copies, MediaProblem> {
    let mut reader = ImageReader::new(Cursor::new(data)).with_guessed_format()?;
    let format = reader.format();
    // Only the memory limit here: the side limit is checked below, where the size is known
    // and can be told to the user.
    reader.limits(Limits::default());
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| problem(e, format, None))?;
    let (width, height) = decoder.dimensions();
    let size = Some((width, height));
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    if width > MAX_SIDE || height > MAX_SIDE || limits.reserve(decoder.total_bytes()).is_err() {
        return Err(MediaProblem::TooLarge { width, height });
    }
    if width == 0 || height == 0 {
        return Err(MediaProblem::Damaged(t(Msg::MediaNoPixels).to_owned()));
    }
    decoder
        .set_limits(limits)
        .map_err(|e| problem(e, format, size))?;
    // A broken orientation tag is no reason to refuse the photo.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    if format == Some(ImageFormat::Jpeg) && !jpeg_complete(data) {
        return Err(MediaProblem::Damaged(t(Msg::MediaJpegCut).to_owned()));
    }
    let image = DynamicImage::from_decoder(decoder).map_err(|e| problem(e, format, size))?;

    // Scale first and turn after: the same result on far fewer pixels.
    let mut archive = shrink(image, ARCHIVE_EDGE, FilterType::Triangle);
    archive.apply_orientation(orientation);
    let (width, height) = if turned(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    let small = shrink(archive.clone(), THUMB_EDGE, FilterType::Triangle);
    Ok(Copies {
        width,
        height,
        archive: encode(&archive, ARCHIVE_QUALITY)?,
        thumbnail: encode(&small, THUMB_QUALITY)?,
    })
}

/// The image with its long edge at most `edge` (never larger than it was).
fn shrink(image: DynamicImage, edge: u32, filter: FilterType) -> DynamicImage {
    if image.width().max(image.height()) <= edge {
        image
    } else {
        image.resize(edge, edge, filter)
    }
}

/// Whether an orientation swaps width and height.
fn turned(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// The image as a baseline JPEG; transparency laid on white.
fn encode(image: &DynamicImage, quality: u8) -> Result<Vec<u8>, MediaProblem> {
    let rgb: RgbImage = if image.color().has_alpha() {
        let rgba = image.to_rgba8();
        RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
            let [r, g, b, a] = rgba.get_pixel(x, y).0;
            let over_white = |c: u8| {
                let c = u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a));
                // At most 255 after dividing by 255.
                (c / 255) as u8
            };
            image::Rgb([over_white(r), over_white(g), over_white(b)])
        })
    } else {
        image.to_rgb8()
    };
    let mut out = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(&rgb)
        .map_err(|e| problem(e, Some(ImageFormat::Jpeg), None))?;
    Ok(out.into_inner())
}

/// Whether a JPEG holds its whole image: its segments are walked to the image data, and the
/// end-of-image marker must come after it. The decoder itself forgives a cut file (it decodes
/// what is there and fills in the rest), which would archive half a photo without a word.
fn jpeg_complete(data: &[u8]) -> bool {
    let mut pos = 2; // after SOI
    loop {
        // Markers may be padded with any number of 0xFF.
        while data.get(pos) == Some(&0xFF) && data.get(pos + 1) == Some(&0xFF) {
            pos += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (data.get(pos), data.get(pos + 1)) else {
            return false;
        };
        match marker {
            // EOI before any image data: nothing to show.
            0xD9 => return false,
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => pos += 2,
            _ => {
                let Some(len) = data.get(pos + 2..pos + 4) else {
                    return false;
                };
                let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
                if marker == 0xDA {
                    // Start of scan: entropy-coded data follows, in which 0xFF is always
                    // followed by 0x00 or a restart marker; the image ends at EOI.
                    let rest = data.get(pos + 2 + len..).unwrap_or_default();
                    return rest.windows(2).any(|w| w == [0xFF, 0xD9]);
                }
                pos += 2 + len;
            }
        }
    }
}

/// A decoding error as the user reads it; `size` is the image's, once known.
fn problem(e: ImageError, format: Option<ImageFormat>, size: Option<(u32, u32)>) -> MediaProblem {
    let name = match format {
        Some(ImageFormat::Jpeg) => "JPEG",
        Some(ImageFormat::Png) => "PNG",
        Some(ImageFormat::WebP) => "WebP",
        _ => t(Msg::MediaImageName),
    };
    match (e, size) {
        (ImageError::Limits(_), Some((width, height))) => MediaProblem::TooLarge { width, height },
        (ImageError::Limits(_), None) => {
            MediaProblem::Damaged(tf(Msg::MediaTooMuchMemory, &[&name]))
        }
        (ImageError::Unsupported(_), _) => MediaProblem::Variant(name),
        _ => MediaProblem::Damaged(tf(Msg::MediaUndecodable, &[&name])),
    }
}
