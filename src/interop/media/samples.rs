//! Sample files made in code, for tests (unit and integration) and the demo: photos with and
//! without EXIF, MP4/MOV files with a movie header, a HEIC container. Small, and made only
//! with `image` and by hand.
use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageFormat, ImageResult, Rgb, RgbImage, Rgba, RgbaImage};

/// Seconds from 1904-01-01 (the MP4 epoch) to 1970-01-01.
pub const EPOCH_1904: u64 = 2_082_844_800;

/// The colour of a sample pixel: the left half red, the right half blue, with some texture
/// so the compressed data is not trivially small.
fn pixel(x: u32, y: u32, width: u32) -> [u8; 3] {
    let grain = ((x.wrapping_mul(7) ^ y.wrapping_mul(13)) & 0x1F) as u8;
    if x < width / 2 {
        [200 + grain, grain, grain]
    } else {
        [grain, grain, 200 + grain]
    }
}

/// A JPEG of the given size; with `exif`, an APP1 segment holding that DateTimeOriginal
/// ("2023:03:15 10:42:07") and Orientation.
pub fn jpeg(width: u32, height: u32, exif: Option<(&str, u16)>) -> ImageResult<Vec<u8>> {
    let image = RgbImage::from_fn(width, height, |x, y| Rgb(pixel(x, y, width)));
    let mut out = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut out, 90).encode_image(&image)?;
    let plain = out.into_inner();
    Ok(match exif {
        Some((date, orientation)) => with_exif(&plain, &tiff(Some(date), None, Some(orientation))),
        None => plain,
    })
}

/// A JPEG with an APP1 "Exif" segment holding `tiff` put right after its start marker.
pub fn with_exif(jpeg: &[u8], tiff: &[u8]) -> Vec<u8> {
    let body_len = 2 + 6 + tiff.len();
    let mut out = Vec::with_capacity(jpeg.len() + body_len + 2);
    out.extend_from_slice(&[0xFF, 0xD8, 0xFF, 0xE1]);
    out.extend_from_slice(&u16::try_from(body_len).unwrap_or(u16::MAX).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(tiff);
    out.extend_from_slice(jpeg.get(2..).unwrap_or_default());
    out
}

/// EXIF data (a little-endian TIFF structure): IFD0 with Orientation and DateTime when given
/// and a pointer to the Exif IFD, which holds DateTimeOriginal when given.
pub fn tiff(original: Option<&str>, date_time: Option<&str>, orientation: Option<u16>) -> Vec<u8> {
    // Entries are (tag, type, count, value or offset); ASCII values are placed after the IFDs.
    const SHORT: u16 = 3;
    const LONG: u16 = 4;
    const ASCII: u16 = 2;
    let ifd0_count = 1 + usize::from(orientation.is_some()) + usize::from(date_time.is_some());
    let exif_count = usize::from(original.is_some());
    let ifd0_at = 8;
    let exif_at = ifd0_at + 2 + 12 * ifd0_count + 4;
    let mut data_at = exif_at + 2 + 12 * exif_count + 4;

    let mut strings = Vec::new();
    let mut ascii = |text: &str, data_at: &mut usize| {
        let offset = *data_at;
        strings.extend_from_slice(text.as_bytes());
        strings.push(0);
        *data_at += text.len() + 1;
        (u32::try_from(text.len() + 1).unwrap_or(0), offset as u32)
    };
    let mut ifd0: Vec<(u16, u16, u32, u32)> = Vec::new();
    if let Some(o) = orientation {
        // A SHORT value sits in the first two bytes of the value field.
        ifd0.push((0x0112, SHORT, 1, u32::from(o)));
    }
    if let Some(d) = date_time {
        let (count, offset) = ascii(d, &mut data_at);
        ifd0.push((0x0132, ASCII, count, offset));
    }
    ifd0.push((0x8769, LONG, 1, exif_at as u32));
    let mut exif_ifd = Vec::new();
    if let Some(d) = original {
        let (count, offset) = ascii(d, &mut data_at);
        exif_ifd.push((0x9003, ASCII, count, offset));
    }

    let mut out = b"II*\0".to_vec();
    out.extend_from_slice(&(ifd0_at as u32).to_le_bytes());
    for ifd in [&ifd0, &exif_ifd] {
        out.extend_from_slice(&(ifd.len() as u16).to_le_bytes());
        for &(tag, kind, count, value) in ifd.iter() {
            out.extend_from_slice(&tag.to_le_bytes());
            out.extend_from_slice(&kind.to_le_bytes());
            out.extend_from_slice(&count.to_le_bytes());
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.extend_from_slice(&0u32.to_le_bytes());
    }
    out.extend_from_slice(&strings);
    out
}

/// An RGBA image whose bottom half is half transparent.
fn rgba(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgba8(RgbaImage::from_fn(width, height, |x, y| {
        let [r, g, b] = pixel(x, y, width);
        Rgba([r, g, b, if y < height / 2 { 255 } else { 128 }])
    }))
}

/// A PNG with transparency.
pub fn png(width: u32, height: u32) -> ImageResult<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    rgba(width, height).write_to(&mut out, ImageFormat::Png)?;
    Ok(out.into_inner())
}

/// A lossless WebP with transparency.
pub fn webp(width: u32, height: u32) -> ImageResult<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    rgba(width, height).write_to(&mut out, ImageFormat::WebP)?;
    Ok(out.into_inner())
}

/// The first half of a file, as an interrupted copy leaves it.
pub fn truncated(data: &[u8]) -> Vec<u8> {
    data[..data.len() / 2].to_vec()
}

/// An ISO-BMFF box.
fn bmff_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut out = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(body);
    out
}

/// A movie header box, version 0 (32-bit times) or 1 (64-bit).
fn mvhd(creation: u64, version: u8) -> Vec<u8> {
    let mut body = vec![version, 0, 0, 0];
    if version == 1 {
        body.extend_from_slice(&creation.to_be_bytes()); // creation_time
        body.extend_from_slice(&creation.to_be_bytes()); // modification_time
        body.extend_from_slice(&1000u32.to_be_bytes()); // timescale
        body.extend_from_slice(&5000u64.to_be_bytes()); // duration
    } else {
        let creation = u32::try_from(creation).unwrap_or(u32::MAX);
        body.extend_from_slice(&creation.to_be_bytes());
        body.extend_from_slice(&creation.to_be_bytes());
        body.extend_from_slice(&1000u32.to_be_bytes());
        body.extend_from_slice(&5000u32.to_be_bytes());
    }
    body.extend_from_slice(&0x0001_0000u32.to_be_bytes()); // rate 1.0
    body.extend_from_slice(&0x0100u16.to_be_bytes()); // volume 1.0
    body.extend_from_slice(&[0; 10]); // reserved
    for m in [0x0001_0000u32, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000] {
        body.extend_from_slice(&m.to_be_bytes()); // unity matrix
    }
    body.extend_from_slice(&[0; 24]); // pre_defined
    body.extend_from_slice(&2u32.to_be_bytes()); // next_track_ID
    bmff_box(b"mvhd", &body)
}

/// Stand-in media data.
fn media_data() -> Vec<u8> {
    (0..4096u32)
        .map(|i| (i.wrapping_mul(31) >> 3) as u8)
        .collect()
}

/// An MP4: ftyp, then the media data (with a 64-bit size in version 1, as long recordings
/// have), then the movie box with an `iods` before its movie header. `creation` is in seconds
/// since 1904-01-01 UTC ([`EPOCH_1904`] + Unix seconds).
pub fn mp4(creation: u64, version: u8) -> Vec<u8> {
    let mut out = bmff_box(b"ftyp", b"isom\0\0\x02\0isomiso2mp41");
    let data = media_data();
    if version == 1 {
        out.extend_from_slice(&1u32.to_be_bytes());
        out.extend_from_slice(b"mdat");
        out.extend_from_slice(&(data.len() as u64 + 16).to_be_bytes());
        out.extend_from_slice(&data);
    } else {
        out.extend_from_slice(&bmff_box(b"mdat", &data));
    }
    let mut moov = bmff_box(b"iods", &[0; 16]);
    moov.extend_from_slice(&mvhd(creation, version));
    out.extend_from_slice(&bmff_box(b"moov", &moov));
    out
}

/// A QuickTime movie as older cameras write it: no ftyp, a `wide` box, the media data, then
/// the movie box (version 0 header).
pub fn mov(creation: u64) -> Vec<u8> {
    let mut out = bmff_box(b"wide", &[]);
    out.extend_from_slice(&bmff_box(b"mdat", &media_data()));
    out.extend_from_slice(&bmff_box(b"moov", &mvhd(creation, 0)));
    out
}

/// A HEIC container: its ftyp (heic, compatible with mif1), an empty `meta` and some data. No
/// EXIF and no decodable image, which is all prensa needs to tell it apart.
pub fn heic() -> Vec<u8> {
    let mut out = bmff_box(b"ftyp", b"heic\0\0\0\0mif1heic");
    out.extend_from_slice(&bmff_box(b"meta", &[0; 4]));
    out.extend_from_slice(&bmff_box(b"mdat", &media_data()));
    out
}
