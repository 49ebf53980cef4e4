use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{Local, TimeZone, Utc};
use proptest::prelude::*;

use super::*;

/// 2021-06-01 12:00:00 UTC, the modified time given to sample files.
const MTIME_UNIX: u64 = 1_622_548_800;

/// Writes a sample file with a known modified time.
fn write(dir: &Path, name: &str, data: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, data).unwrap();
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(MTIME_UNIX))
        .unwrap();
    path
}

/// The sample files' modified time as the store writes it.
fn file_time_text() -> String {
    Utc.timestamp_opt(MTIME_UNIX as i64, 0)
        .unwrap()
        .with_timezone(&Local)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

fn decode(jpeg: &[u8]) -> image::RgbImage {
    image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg)
        .unwrap()
        .to_rgb8()
}

fn size(jpeg: &[u8]) -> (u32, u32) {
    let img = decode(jpeg);
    (img.width(), img.height())
}

#[test]
fn jpeg_without_exif_takes_the_file_time_and_gets_copies() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "foto.JPG",
        &samples::jpeg(2000, 1000, None).unwrap(),
    );
    let e = examine(&path).unwrap();
    assert_eq!(e.kind, MediaKind::Photo);
    assert_eq!(e.date_source, DateSource::File);
    assert_eq!(e.taken_at, file_time_text());
    assert_eq!((e.width, e.height), (Some(2000), Some(1000)));
    assert_eq!(size(e.archive_copy.as_deref().unwrap()), (1600, 800));
    assert_eq!(size(e.thumbnail.as_deref().unwrap()), (320, 160));
    assert!(e.note.is_none());
}

#[test]
fn jpeg_with_exif_takes_its_date_and_is_turned() {
    let dir = tempfile::tempdir().unwrap();
    let data = samples::jpeg(400, 200, Some(("2023:03:15 10:42:07", 6))).unwrap();
    let path = write(dir.path(), "exif.jpeg", &data);
    let e = examine(&path).unwrap();
    assert_eq!(e.taken_at, "2023-03-15T10:42");
    assert_eq!(e.date_source, DateSource::Exif);
    // Orientation 6: turned a quarter clockwise, so the red left half is now on top.
    assert_eq!((e.width, e.height), (Some(200), Some(400)));
    let archive = decode(e.archive_copy.as_deref().unwrap());
    assert_eq!((archive.width(), archive.height()), (200, 400));
    let top = archive.get_pixel(100, 20).0;
    let bottom = archive.get_pixel(100, 380).0;
    assert!(top[0] > 150 && top[2] < 100, "top {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "bottom {bottom:?}");
    // Small photos are not enlarged; the thumbnail's long edge is 320.
    assert_eq!(size(e.thumbnail.as_deref().unwrap()), (160, 320));
}

#[test]
fn exif_falls_back_to_date_time_and_ignores_blank_or_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let plain = samples::jpeg(64, 48, None).unwrap();

    let only_date_time = samples::tiff(None, Some("2022:12:24 20:15:59"), None);
    let path = write(
        dir.path(),
        "a.jpg",
        &samples::with_exif(&plain, &only_date_time),
    );
    let e = examine(&path).unwrap();
    assert_eq!(
        (e.taken_at.as_str(), e.date_source),
        ("2022-12-24T20:15", DateSource::Exif)
    );

    let blank = samples::tiff(Some("0000:00:00 00:00:00"), None, Some(1));
    let path = write(dir.path(), "b.jpg", &samples::with_exif(&plain, &blank));
    let e = examine(&path).unwrap();
    assert_eq!(
        (e.taken_at, e.date_source),
        (file_time_text(), DateSource::File)
    );

    let garbage: Vec<u8> = (0..200u32).map(|i| (i * 37 % 251) as u8).collect();
    let path = write(dir.path(), "c.jpg", &samples::with_exif(&plain, &garbage));
    let e = examine(&path).unwrap();
    assert_eq!(e.date_source, DateSource::File);
    assert_eq!((e.width, e.height), (Some(64), Some(48)));
}

#[test]
fn png_with_transparency_is_laid_on_white() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "logo.png", &samples::png(640, 480).unwrap());
    let e = examine(&path).unwrap();
    assert_eq!(
        (e.kind, e.date_source),
        (MediaKind::Photo, DateSource::File)
    );
    assert_eq!((e.width, e.height), (Some(640), Some(480)));
    let archive = decode(e.archive_copy.as_deref().unwrap());
    assert_eq!((archive.width(), archive.height()), (640, 480));
    // The bottom half is half transparent: lighter than the opaque top.
    let top = archive.get_pixel(100, 100).0;
    let bottom = archive.get_pixel(100, 400).0;
    assert!(bottom[1] > top[1] + 80, "top {top:?}, bottom {bottom:?}");
    assert_eq!(size(e.thumbnail.as_deref().unwrap()), (320, 240));
}

#[test]
fn webp_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "foto.webp", &samples::webp(300, 500).unwrap());
    let e = examine(&path).unwrap();
    assert_eq!((e.width, e.height), (Some(300), Some(500)));
    assert_eq!(size(e.thumbnail.as_deref().unwrap()), (192, 320));
}

#[test]
fn content_decides_over_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "en-realidad-jpeg.png",
        &samples::jpeg(50, 40, None).unwrap(),
    );
    let e = examine(&path).unwrap();
    assert_eq!((e.kind, e.width), (MediaKind::Photo, Some(50)));
}

#[test]
fn cut_and_broken_photos_are_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let jpeg = samples::jpeg(2000, 1000, None).unwrap();
    let path = write(dir.path(), "cortada.jpg", &samples::truncated(&jpeg));
    let err = examine(&path).unwrap_err();
    assert!(matches!(err, MediaProblem::Damaged(_)), "{err:?}");
    assert!(err.to_string().contains("vuelva a copiarlo"), "{err}");

    let png = samples::png(300, 300).unwrap();
    let path = write(dir.path(), "cortada.png", &samples::truncated(&png));
    assert!(matches!(examine(&path), Err(MediaProblem::Damaged(_))));

    let path = write(
        dir.path(),
        "nota.jpg",
        b"Hola, esto es texto y no una foto.\n",
    );
    let err = examine(&path).unwrap_err();
    assert!(matches!(err, MediaProblem::Damaged(_)), "{err:?}");
    assert!(err.to_string().contains("no es una imagen"), "{err}");

    // Empty, whatever its name says: no copy to keep.
    for name in ["vacia.jpg", "vacio.mp4", "vacio.pdf", "vacio.wav"] {
        let path = write(dir.path(), name, b"");
        let err = examine(&path).unwrap_err();
        assert!(matches!(err, MediaProblem::Empty), "{name}: {err:?}");
        assert!(err.to_string().contains("está vacío"), "{err}");
    }
}

#[test]
fn huge_photos_are_refused_before_decoding() {
    let dir = tempfile::tempdir().unwrap();
    let wide = image::DynamicImage::new_luma8(30_000, 1);
    let mut png = std::io::Cursor::new(Vec::new());
    wide.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let path = write(dir.path(), "panorama.png", png.get_ref());
    let err = examine(&path).unwrap_err();
    assert!(
        matches!(
            err,
            MediaProblem::TooLarge {
                width: 30_000,
                height: 1
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("30000×1"), "{err}");
}

/// 2024-05-10 15:30:00 UTC, in the file's epoch, and as local time.
fn recorded() -> (u64, String) {
    let unix = 1_715_355_000u64;
    let local = Utc
        .timestamp_opt(unix as i64, 0)
        .unwrap()
        .with_timezone(&Local)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    (unix + samples::EPOCH_1904, local)
}

#[test]
fn mp4_creation_time_is_read_in_both_header_versions() {
    let dir = tempfile::tempdir().unwrap();
    let (creation, local) = recorded();
    for version in [0, 1] {
        let path = write(
            dir.path(),
            &format!("v{version}.mp4"),
            &samples::mp4(creation, version),
        );
        let e = examine(&path).unwrap();
        assert_eq!(e.kind, MediaKind::Video);
        assert_eq!(
            (e.taken_at, e.date_source),
            (local.clone(), DateSource::Container)
        );
        assert!(e.archive_copy.is_none() && e.thumbnail.is_none() && e.width.is_none());
    }
}

#[test]
fn mov_and_m4a_are_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let (creation, local) = recorded();
    let path = write(dir.path(), "clip.MOV", &samples::mov(creation));
    let e = examine(&path).unwrap();
    assert_eq!(
        (e.kind, e.date_source),
        (MediaKind::Video, DateSource::Container)
    );
    assert_eq!(e.taken_at, local);

    let path = write(dir.path(), "entrevista.m4a", &samples::mp4(creation, 0));
    let e = examine(&path).unwrap();
    assert_eq!(
        (e.kind, e.date_source),
        (MediaKind::Audio, DateSource::Container)
    );
}

#[test]
fn broken_or_undated_movies_keep_the_file_time() {
    let dir = tempfile::tempdir().unwrap();
    let garbage: Vec<u8> = (0..5000u32).map(|i| (i * 91 % 253) as u8).collect();
    // A box of size 4 (less than its header), a zero creation time, an implausible one.
    let mut tiny = vec![0, 0, 0, 4];
    tiny.extend_from_slice(b"moov");
    tiny.extend_from_slice(&[0; 64]);
    // Garbage is not a movie at all.
    let path = write(dir.path(), "basura.mp4", &garbage);
    assert!(matches!(examine(&path), Err(MediaProblem::Damaged(_))));
    let cases = [
        ("pequena.mp4", tiny),
        // The largest time the header can hold: 2040, a clock gone wrong.
        ("2040.mp4", samples::mp4(u64::from(u32::MAX), 0)),
        ("cero.mp4", samples::mp4(0, 0)),
        ("1950.mov", samples::mp4(46 * 365 * 86_400, 1)),
        (
            "cortado.mp4",
            samples::truncated(&samples::mp4(recorded().0, 0)),
        ),
    ];
    for (name, data) in cases {
        let path = write(dir.path(), name, &data);
        let e = examine(&path).unwrap();
        assert_eq!(e.kind, MediaKind::Video, "{name}");
        assert_eq!(
            (e.taken_at, e.date_source),
            (file_time_text(), DateSource::File),
            "{name}"
        );
    }
}

#[test]
fn heic_is_kept_without_copies_and_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "IMG_0001.HEIC", &samples::heic());
    let e = examine(&path).unwrap();
    assert_eq!(e.kind, MediaKind::Photo);
    assert_eq!(
        (e.taken_at, e.date_source),
        (file_time_text(), DateSource::File)
    );
    assert!(e.archive_copy.is_none() && e.thumbnail.is_none());
    assert_eq!((e.width, e.height), (None, None));
    assert!(e.note.as_deref().unwrap().contains("HEIC"));
}

#[test]
fn audio_video_and_documents_that_are_not_what_their_names_say_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "nota.mp4", "nota.mov", "nota.mp3", "nota.wav", "nota.pdf", "nota.m4a",
    ] {
        let path = write(dir.path(), name, b"Hola, esto es texto.\n");
        let err = examine(&path).unwrap_err();
        assert!(matches!(err, MediaProblem::Damaged(_)), "{name}: {err:?}");
        assert!(err.to_string().contains("por dentro"), "{err}");
    }
}

#[test]
fn audio_and_documents_take_the_file_time() {
    let dir = tempfile::tempdir().unwrap();
    for (name, kind, head) in [
        (
            "discurso.mp3",
            MediaKind::Audio,
            &b"ID3\x03\0\0\0\0\0\0"[..],
        ),
        (
            "ambiente.wav",
            MediaKind::Audio,
            &b"RIFF\x24\0\0\0WAVEfmt "[..],
        ),
        ("oficio.PDF", MediaKind::Document, &b"%PDF-1.7\n"[..]),
    ] {
        let mut bytes = head.to_vec();
        bytes.extend_from_slice(b" contenido");
        let path = write(dir.path(), name, &bytes);
        let e = examine(&path).unwrap();
        assert_eq!((e.kind, e.date_source), (kind, DateSource::File), "{name}");
        assert_eq!(e.taken_at, file_time_text());
    }
}

#[test]
fn unsupported_and_missing_files_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hoja.xyz", b"1,2,3");
    let err = examine(&path).unwrap_err();
    assert!(matches!(&err, MediaProblem::Unsupported(e) if e == "xyz"));
    assert_eq!(
        err.to_string(),
        "tipo de archivo no admitido (.xyz): se admiten fotos JPEG, PNG, WebP y HEIC, video \
         MP4 y MOV, audio MP3, M4A y WAV, y PDF"
    );
    let err = examine(&dir.path().join("Makefile")).unwrap_err();
    assert!(err.to_string().contains("(sin extensión)"), "{err}");
    let err = examine(&dir.path().join("no-existe.jpg")).unwrap_err();
    assert!(matches!(err, MediaProblem::Unreadable(_)), "{err:?}");
    let folder = dir.path().join("carpeta.jpg");
    fs::create_dir(&folder).unwrap();
    assert!(matches!(examine(&folder), Err(MediaProblem::NotAFile)));
}

#[test]
fn supported_extensions_in_any_case() {
    for name in [
        "a.jpg", "a.JPEG", "a.Png", "a.webp", "a.HEIC", "a.heif", "a.mp4", "a.MOV",
    ] {
        assert!(supported(Path::new(name)), "{name}");
    }
    for name in ["a.m4a", "a.mp3", "a.WAV", "a.pdf"] {
        assert!(supported(Path::new(name)), "{name}");
    }
    for name in ["a.gif", "a.docx", "a", ".jpg", "a.jpg.txt"] {
        assert!(!supported(Path::new(name)), "{name}");
    }
}

#[test]
fn date_source_codes_round_trip() {
    for s in DateSource::ALL {
        assert_eq!(DateSource::from_code(s.code()), Some(*s));
    }
    assert_eq!(DateSource::from_code("gps"), None);
}

#[test]
fn collect_walks_folders_in_order_and_skips_hidden_entries() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("evento");
    let b = write(&root, "b.jpg", b"x");
    let a = write(&root, "sub/a.mp4", b"x");
    let z = write(&root, "sub/z.xyz", b"x");
    let c = write(&root, "c.pdf", b"x");
    write(&root, ".oculto.jpg", b"x");
    write(&root, ".miniaturas/d.jpg", b"x");
    let lone = write(dir.path(), "suelta.png", b"x");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&root, root.join("sub/vuelta")).unwrap();

    let missing = dir.path().join("no-existe");
    let (files, problems) = collect(&[root.clone(), missing.clone(), lone.clone(), b.clone()]);
    assert_eq!(files, vec![b.clone(), c, a, z.clone(), lone]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, missing);
    assert!(!problems[0].1.is_empty());
    assert!(!supported(&z) && supported(&b));
}

proptest! {
    #[test]
    fn random_bytes_never_panic(
        data in proptest::collection::vec(any::<u8>(), 0..2048),
        ext in prop::sample::select(vec!["jpg", "mp4", "png", "heic", "mov", "webp"]),
        prefix in prop::sample::select(vec![
            &b""[..],
            &[0xFF, 0xD8, 0xFF][..],
            &b"\x89PNG\r\n\x1a\n"[..],
            &b"\0\0\0\x18ftypisom"[..],
            &b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"[..],
            &b"RIFF\0\0\0\0WEBP"[..],
        ]),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = prefix.to_vec();
        bytes.extend_from_slice(&data);
        let path = dir.path().join(format!("azar.{ext}"));
        fs::write(&path, &bytes).unwrap();
        // Any answer but a panic; a problem always has words for the user.
        if let Err(e) = examine(&path) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}

/// Small valid files of every kind read here, to be damaged.
fn originals() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        (
            "jpg",
            samples::jpeg(48, 32, Some(("2023:03:15 10:42:07", 8))).unwrap(),
        ),
        ("png", samples::png(40, 30).unwrap()),
        ("webp", samples::webp(40, 30).unwrap()),
        ("mp4", samples::mp4(recorded().0, 1)),
        ("mov", samples::mov(recorded().0)),
        ("heic", samples::heic()),
    ]
}

proptest! {
    #[test]
    fn damaged_files_never_panic(
        which in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..12),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let all = originals();
        let (ext, original) = which.get(&all);
        let mut bytes = original.clone();
        for (at, value) in flips {
            *at.get_mut(&mut bytes) = value;
        }
        bytes.truncate(cut.index(bytes.len()) + 1);
        let path = dir.path().join(format!("dañado.{ext}"));
        fs::write(&path, &bytes).unwrap();
        if let Err(e) = examine(&path) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}
