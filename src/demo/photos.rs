//! Photos for the demo's latest activities: a picture of each (a stage under the sky, people
//! in front of it, in colours that differ by activity) written as a camera writes it (JPEG
//! with its EXIF date), stored in the media folder beside the database and imported into the
//! archive as any photo is, with its archive copy and thumbnail.
use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

use crate::domain::edit::Record;
use crate::domain::status::Subjects;
use crate::interop::media::{examine, samples};
use crate::store::{store_bytes, MediaImport, Result, Store};

/// How many of the latest covered events get a photo.
const PHOTOS: usize = 12;

/// A scene 640×427 for the activity numbered `n`: sky, hills, a stage, a crowd.
fn paint(n: u32) -> RgbImage {
    let (w, h) = (640u32, 427u32);
    let hue = |k: u32| ((n.wrapping_mul(53).wrapping_add(k * 97)) % 160) as u8;
    RgbImage::from_fn(w, h, |x, y| {
        let horizon = h / 2 + ((x as f32 / 60.0).sin() * 18.0) as u32;
        // A crowd: heads in rows before the stage.
        let row = y.saturating_sub(h * 3 / 4) / 22;
        let (cx, cy) = (
            (x / 34) * 34 + 17 + (row % 2) * 17,
            h * 3 / 4 + row * 22 + 11,
        );
        let head = y >= h * 3 / 4 && x.abs_diff(cx).pow(2) + y.abs_diff(cy).pow(2) < 90;
        let stage = (w / 4..w * 3 / 4).contains(&x) && (h / 2 - 40..h * 3 / 4).contains(&y);
        let banner = (w / 3..w * 2 / 3).contains(&x) && (h / 2 - 80..h / 2 - 50).contains(&y);
        if head {
            Rgb([120 + hue(1) / 2, 80, 60])
        } else if banner {
            Rgb([200, 30 + hue(2), 60])
        } else if stage {
            Rgb([110, 70 + hue(3) / 4, 40])
        } else if y < horizon {
            let t = y as f32 / horizon as f32;
            Rgb([(90.0 + 100.0 * t) as u8, (150.0 + 80.0 * t) as u8, 235])
        } else {
            Rgb([40, 120 + hue(4) / 3, 50])
        }
    })
}

/// Writes photos of the latest covered events before the reference day into the archive.
pub(super) fn write(store: &mut Store, imported: &str, reference: &str) -> Result<()> {
    let events: Vec<(String, String, String)> = store
        .conn()
        .prepare(
            "SELECT id, title, starts_at FROM events
             WHERE status = 'covered' AND starts_at < ?1 AND deleted_at IS NULL
             ORDER BY starts_at DESC, id LIMIT ?2",
        )?
        .query_map(rusqlite::params![reference, PHOTOS as i64], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let media = store.media_dir();
    let mut imports = Vec::new();
    for (n, (event, title, starts)) in events.into_iter().enumerate() {
        let mut plain = Cursor::new(Vec::new());
        if JpegEncoder::new_with_quality(&mut plain, 85)
            .encode_image(&paint(n as u32))
            .is_err()
        {
            continue;
        }
        // The camera's clock: ten minutes into the event.
        let shot = format!(
            "{}:{}:{} {}:1{}:00",
            starts.get(..4).unwrap_or("2025"),
            starts.get(5..7).unwrap_or("01"),
            starts.get(8..10).unwrap_or("01"),
            starts.get(11..13).unwrap_or("10"),
            starts.get(15..16).unwrap_or("0"),
        );
        let bytes = samples::with_exif(
            &plain.into_inner(),
            &samples::tiff(Some(&shot), None, Some(1)),
        );
        let name = format!(
            "IMG_{}_{:04}.jpg",
            starts.get(..10).unwrap_or("").replace('-', ""),
            n + 1
        );
        let Ok(stored) = store_bytes(&media, &name, &bytes) else {
            continue;
        };
        let Ok(seen) = examine(&media.join(&stored.stored_path)) else {
            continue;
        };
        imports.push((
            MediaImport {
                kind: seen.kind,
                taken_at: seen.taken_at,
                date_source: seen.date_source.code(),
                width: seen.width,
                height: seen.height,
                thumbnail: seen.thumbnail,
                archive_copy: seen.archive_copy,
                title: format!("{title} · {name}"),
                event_id: Some(event),
                department_id: None,
                place: String::new(),
                file: stored,
            },
            n,
        ));
    }
    store.batch("demo.photos", |tx| {
        // Imported the evening before the reference day, the same in every demo.
        tx.set_time(imported);
        for (m, n) in &imports {
            let Some(item) = tx.import_media(m)? else {
                continue;
            };
            // Filed as the other photos of the activity, the mayor's speech tagged.
            let mut a = crate::store::read_item(tx.reader(), &item)?;
            let event = m.event_id.as_deref().unwrap_or("");
            let sibling: Option<(Option<String>, String, Option<String>, String)> = tx
                .reader()
                .query_row(
                    "SELECT series_id, expediente, department_id, place FROM archive_items
                     WHERE event_id = ?1 AND id <> ?2 AND deleted_at IS NULL LIMIT 1",
                    [event, item.as_str()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .ok();
            if let Some((series, file, department, place)) = sibling {
                a.series_id = series;
                a.expediente = file;
                a.department_id = department;
                a.place = place;
            }
            a.subjects = Subjects::Adults;
            if n % 3 == 0 {
                a.people = "Presidenta municipal".into();
                a.tags = vec!["discurso".into()];
            }
            tx.update(&item, &Record::ArchiveItem(a))?;
        }
        Ok(())
    })?;
    Ok(())
}
