//! The archive's handover export (`prensa exportar archivo`) and its check (`prensa
//! verificar`): a folder that verifies; one byte changed, a file removed or one added is
//! named; the CSV, JSON and inventory say what the store holds; a folder of someone else's is
//! never written into; a file not on this machine is said and the record exported without
//! it; and the index, opened in a real headless Chromium, shows the records in order with
//! every image loaded.
mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::{
    bin, council_session, create_record, first_department, in_chromium, new_store, put, run_ok,
};
use prensa::domain::edit::{ClippingInput, EventInput, InterviewInput, Record, ReportInput};
use prensa::domain::status::{ClippingKind, InterviewStatus, MediaRequestKind, ReportStatus, Tone};
use prensa::interop::archive::{self, prepare_files, ExportError};
use prensa::interop::media::samples;
use prensa::interop::Planned;
use prensa::store::Store;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A store with a council session, its photos and video, a report kept with its document, an
/// interview given, a clipping, a photo of April and one of June (outside the range
/// exported).
struct Archive {
    _dir: tempfile::TempDir,
    db: PathBuf,
    store: Store,
    out: PathBuf,
}

fn archive() -> Archive {
    let (dir, db, mut store) = new_store();
    let department = first_department(&store);
    let session = EventInput {
        locality: "Tampamolón Corona".into(),
        notes: "Orden del día:\n1. Lista de asistencia".into(),
        ..council_session(
            "Sesión de Cabildo <extraordinaria> & \"abierta\"",
            &department,
        )
    };
    let event = create_record(&mut store, Record::Event(session));
    let report = create_record(
        &mut store,
        Record::Report(ReportInput {
            department_id: Some(department),
            request_id: None,
            event_id: Some(event),
            title: "Informe de obras de marzo".into(),
            body: "Se rehabilitaron 3 calles.".into(),
            received_at: "2023-03-20T09:15".into(),
            status: ReportStatus::Archived,
            channel: None,
            reason: String::new(),
        }),
    );
    for record in [
        Record::Interview(InterviewInput {
            kind: MediaRequestKind::Interview,
            outlet_id: None,
            journalist_id: None,
            topic: "Entrevista sobre el Cabildo".into(),
            interviewee: "Secretaría del Ayuntamiento".into(),
            requested_on: "2023-03-21".into(),
            due_on: String::new(),
            scheduled_at: String::new(),
            status: InterviewStatus::Done,
            outcome: "Se dio la entrevista por radio.".into(),
            notes: String::new(),
        }),
        Record::Clipping(ClippingInput {
            outlet_id: None,
            kind: ClippingKind::News,
            title: "Nota: el Cabildo aprueba obras".into(),
            url: "https://example.org/nota".into(),
            published_on: "2023-03-22".into(),
            tone: Tone::Positive,
            summary: "Resumen de la nota.".into(),
            topic: String::new(),
            department_id: None,
            quoted_id: None,
            response: "Se agradeció la cobertura.".into(),
            draft_id: None,
        }),
    ] {
        create_record(&mut store, record);
    }
    let input = dir.path().join("entrega");
    // Photos: their names, sizes and EXIF times.
    let photos = [
        ("IMG_0012.jpg", 1800, 1200, "2023:03:15 10:42:07"),
        ("IMG_0013.jpg", 600, 800, "2023:03:15 11:05:00"),
        ("cartel.jpg", 500, 300, "2023:04:02 18:30:00"),
        ("junio.jpg", 100, 100, "2023:06:01 08:00:00"),
    ];
    let mut files: Vec<PathBuf> = photos
        .into_iter()
        .map(|(name, width, height, taken)| {
            let jpeg = samples::jpeg(width, height, Some((taken, 1))).unwrap();
            put(&input, name, &jpeg)
        })
        .collect();
    // 15 March 2023, 17:30 UTC: the afternoon of the same day, wherever the test runs.
    files.push(put(
        &input,
        "cabildo.mp4",
        &samples::mp4(samples::EPOCH_1904 + 1_678_901_400, 0),
    ));
    let gathered = prepare_files(&store.media_dir(), &files, &mut |_, _, _| {});
    assert!(gathered.problems.is_empty(), "{:?}", gathered.problems);
    store
        .plan_media(gathered)
        .unwrap()
        .write(&mut store)
        .unwrap();
    let doc = put(&input, "informe.pdf", b"%PDF-1.4 informe de obras");
    let attached = store.attach_files(&report, &[doc]).unwrap();
    assert_eq!(attached.attached, 1);
    let out = dir.path().join("entrega-recepcion");
    Archive {
        _dir: dir,
        db,
        store,
        out,
    }
}

fn export(a: &Archive) -> archive::ExportReport {
    archive::export(
        &a.store,
        day(2023, 3, 1),
        day(2023, 4, 30),
        &a.out,
        false,
        &mut |_, _| {},
    )
    .unwrap()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn titles(export: &serde_json::Value) -> Vec<String> {
    export["elementos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["titulo"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_export_verifies_and_every_change_to_it_is_named() {
    let a = archive();
    let report = export(&a);
    assert!(report.missing.is_empty() && report.damaged.is_empty());
    // Event, two photos, video, report, interview, clipping, the April photo: not June's.
    assert_eq!(report.items, 8);
    let check = archive::verify(&a.out).unwrap();
    assert!(check.ok(), "{check:?}");
    assert_eq!(check.verified, report.files);
    assert_eq!(check.listed, report.files);
    // Thumbnails, photos and originals of the five files of the range, and the four lists.
    let data = json(&a.out.join("elementos.json"));
    let photo = &data["elementos"][1]["archivos"][0];
    let copy = photo["foto"].as_str().unwrap().to_owned();
    assert!(a.out.join(&copy).is_file());
    assert!(a.out.join(photo["miniatura"].as_str().unwrap()).is_file());
    assert!(a.out.join(photo["original"].as_str().unwrap()).is_file());
    assert_eq!(report.files, 3 + 3 + 5 + 4);

    // One byte changed in a photo: named as altered.
    let path = a.out.join(&copy);
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&path, &bytes).unwrap();
    let check = archive::verify(&a.out).unwrap();
    assert!(!check.ok());
    assert_eq!(check.altered, vec![copy.clone()]);
    // Removed: missing; a file put there: extra.
    std::fs::remove_file(&path).unwrap();
    std::fs::write(a.out.join("fotos/intrusa.jpg"), b"no es de la entrega").unwrap();
    let check = archive::verify(&a.out).unwrap();
    assert_eq!(check.missing, vec![copy.clone()]);
    assert_eq!(check.extra, vec!["fotos/intrusa.jpg".to_owned()]);
    assert!(check.altered.is_empty());
    let lines = check.lines().join("\n");
    assert!(lines.contains(&format!("falta: {copy}")), "{lines}");
    assert!(
        lines.contains("no está en el manifiesto: fotos/intrusa.jpg"),
        "{lines}"
    );
}

#[test]
fn the_lists_say_what_the_archive_holds() {
    let a = archive();
    export(&a);
    let data = json(&a.out.join("elementos.json"));
    let list = data["elementos"].as_array().unwrap();
    let dates: Vec<&str> = list.iter().map(|e| e["fecha"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "oldest first");
    assert_eq!(list[0]["clase"], "event");
    assert_eq!(list[0]["lugar"], "Palacio Municipal, Tampamolón Corona");
    assert_eq!(
        list[1]["titulo"],
        "Sesión de Cabildo <extraordinaria> & \"abierta\" · IMG_0012.jpg"
    );
    assert_eq!(list[1]["evento"], list[0]["titulo"]);
    assert_eq!(list[1]["archivos"][0]["tipo"], "photo");
    assert_eq!(
        (&list[1]["clase"], &list[1]["subclase"]),
        (&"item".into(), &"photos".into())
    );
    let report = list.iter().find(|e| e["clase"] == "report").unwrap();
    assert_eq!(report["archivos"][0]["nombre"], "informe.pdf");
    assert!(report["archivos"][0]["original"]
        .as_str()
        .unwrap()
        .ends_with(".pdf"));
    assert!(!titles(&data).iter().any(|t| t.contains("junio")));
    let asked = list.iter().find(|e| e["clase"] == "media_request").unwrap();
    assert_eq!(asked["subclase"], "interview");
    assert_eq!(asked["tipo"], "Solicitud de medio (Entrevista)");
    assert_eq!(asked["personas"], "Secretaría del Ayuntamiento");
    let clipping = list.iter().find(|e| e["clase"] == "clipping").unwrap();
    assert_eq!(clipping["respuesta"], "Se agradeció la cobertura.");
    assert_eq!(clipping["enlace"], "https://example.org/nota");

    let csv = std::fs::read_to_string(a.out.join("elementos.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with a BOM");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "fecha");
    assert_eq!(&headers[3], "título");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), list.len());
    assert_eq!(&rows[0][0], "2023-03-15");
    assert_eq!(&rows[0][1], "10:00");
    assert_eq!(&rows[0][2], "Evento");
    assert_eq!(&rows[1][3], list[1]["titulo"].as_str().unwrap());
    assert!(rows[0][4].contains("Lista de asistencia"));

    let inventory = std::fs::read_to_string(a.out.join("inventario.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(inventory.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "sección",
            "serie",
            "expediente",
            "elementos",
            "desde",
            "hasta"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "Sin clasificar");
    assert_eq!(&rows[0][3], "8");
    assert_eq!((&rows[0][4], &rows[0][5]), ("2023-03-15", "2023-04-02"));

    // The index: escaped text, Spanish dates, thumbnails that link to the photos.
    let html = std::fs::read_to_string(a.out.join("index.html")).unwrap();
    assert!(html.contains("<html lang=\"es\">"));
    assert!(!html.contains("<script"));
    assert!(html.contains("Sesión de Cabildo &lt;extraordinaria&gt; &amp; &quot;abierta&quot;"));
    assert!(!html.contains("<extraordinaria>"));
    assert!(html.contains("miércoles 15 de marzo de 2023"), "{html}");
    assert!(html.contains("<h2>abril de 2023</h2>"));
    let photo = &list[1]["archivos"][0];
    assert!(html.contains(&format!(
        "<a href=\"{}\"><img src=\"{}\" alt=\"IMG_0012.jpg\"></a>",
        photo["foto"].as_str().unwrap(),
        photo["miniatura"].as_str().unwrap()
    )));
    let manifest = std::fs::read_to_string(a.out.join("manifiesto.sha256")).unwrap();
    let names: Vec<&str> = manifest.lines().map(|l| &l[66..]).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(names.contains(&"index.html") && !names.contains(&"manifiesto.sha256"));
}

#[test]
fn a_folder_of_someone_elses_is_never_written_into_and_an_earlier_export_is_replaced() {
    let a = archive();
    std::fs::create_dir_all(&a.out).unwrap();
    std::fs::write(a.out.join("mis notas.txt"), "no borrar").unwrap();
    let refused = archive::export(
        &a.store,
        day(2023, 3, 1),
        day(2023, 3, 31),
        &a.out,
        false,
        &mut |_, _| {},
    );
    match refused {
        Err(e @ ExportError::NotEmpty(_)) => {
            assert!(e.to_string().contains("no está vacía"), "{e}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read_dir(&a.out).unwrap().count(), 1);
    std::fs::remove_file(a.out.join("mis notas.txt")).unwrap();
    // Into the empty folder, then again over that export (a shorter range).
    export(&a);
    let again = archive::export(
        &a.store,
        day(2023, 4, 1),
        day(2023, 4, 30),
        &a.out,
        false,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(again.items, 1);
    assert!(archive::verify(&a.out).unwrap().ok());
    // Nothing is left beside it.
    let beside: Vec<String> = std::fs::read_dir(a.out.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("entrega-recepcion"))
        .collect();
    assert_eq!(beside, vec!["entrega-recepcion".to_owned()]);
}

#[test]
fn a_file_not_on_this_machine_is_said_and_its_record_still_exported() {
    let a = archive();
    let video = std::fs::read_dir(a.store.media_dir())
        .unwrap()
        .flatten()
        .flat_map(|shard| std::fs::read_dir(shard.path()).unwrap().flatten())
        .map(|f| f.path())
        .find(|p| p.extension().is_some_and(|e| e == "mp4"))
        .unwrap();
    std::fs::remove_file(&video).unwrap();
    let report = export(&a);
    assert_eq!(report.missing.len(), 1);
    assert_eq!(report.missing[0].file_name, "cabildo.mp4");
    assert!(archive::verify(&a.out).unwrap().ok());
    let data = json(&a.out.join("elementos.json"));
    let item = data["elementos"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["subclase"] == "video")
        .unwrap();
    assert!(item["archivos"][0]["original"].is_null());
    let html = std::fs::read_to_string(a.out.join("index.html")).unwrap();
    assert!(html.contains("cabildo.mp4 (no está en esta exportación)"));
}

/// `prensa <command> --desde <desde> --hasta <hasta> --db <the archive's> --salida <out>`, to
/// run (`command`: `exportar archivo` or its English alias).
fn export_command(
    a: &Archive,
    command: [&str; 2],
    desde: &str,
    hasta: &str,
    out: &Path,
) -> std::process::Command {
    let mut cmd = bin(a.db.parent().unwrap());
    cmd.args(command)
        .args(["--desde", desde, "--hasta", hasta, "--db"])
        .arg(&a.db)
        .arg("--salida")
        .arg(out);
    cmd
}

#[test]
fn the_command_line_exports_and_verifies() {
    let a = archive();
    let home = a.db.parent().unwrap();
    let archivo = ["exportar", "archivo"];
    let out = run_ok(&mut export_command(
        &a,
        archivo,
        "2023-03-01",
        "30/04/2023",
        &a.out,
    ));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Exportados 8 elementos"));
    let out = bin(home).args(["verificar"]).arg(&a.out).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("✓ ") && stdout.contains("archivos verificados"),
        "{stdout}"
    );
    // Replacing it asks; with no terminal and no --si, it is refused and says how.
    let out = export_command(
        &a,
        ["export", "archive"],
        "2023-03-01",
        "2023-03-31",
        &a.out,
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--si"));
    // An altered file: exit 1, and the file named.
    std::fs::write(a.out.join("elementos.csv"), "cambiado").unwrap();
    let out = bin(home)
        .args(["verify", "--formato", "json"])
        .arg(&a.out)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["correcto"], false);
    assert_eq!(report["informe"]["alterados"][0], "elementos.csv");
    let out = bin(home).args(["verificar"]).arg(&a.out).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("alterado"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("elementos.csv"));
    // Bad dates are wrong usage.
    let out = export_command(&a, archivo, "ayer no", "hoy", &home.join("otra"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// What a script in the page found once it loaded: the titles in document order and the
/// images that did not load.
const PROBE: &str = r#"<script>
window.addEventListener('load', function () {
  var titles = Array.prototype.map.call(
    document.querySelectorAll('.elemento .titulo'), function (e) { return e.textContent; });
  var broken = Array.prototype.filter.call(document.images, function (i) {
    return !i.complete || i.naturalWidth === 0;
  }).map(function (i) { return i.getAttribute('src'); });
  var pre = document.createElement('pre');
  pre.id = 'resultado';
  pre.textContent = JSON.stringify({titles: titles, broken: broken, images: document.images.length});
  document.body.appendChild(pre);
});
</script>
"#;

#[test]
fn the_index_shows_every_record_in_order_and_every_image_in_chromium() {
    let a = archive();
    export(&a);
    let data = json(&a.out.join("elementos.json"));
    let expected = titles(&data);
    let Some(found) = in_chromium(&a.out.join("index.html"), PROBE, 1280) else {
        return;
    };
    let shown: Vec<String> = found["titles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(shown, expected);
    assert_eq!(found["images"], 3, "{found}");
    assert_eq!(found["broken"], serde_json::json!([]), "{found}");
}

/// A transparency request's public version: no one's name, no photo in which someone can be
/// recognised (the record says so), the rest as in the handover; and it verifies.
#[test]
fn the_public_version_leaves_out_names_and_recognisable_people() {
    let mut a = archive();
    // The first photo shows people (with a name); the second, nobody.
    let (photo, sha): (String, String) = rusqlite::Connection::open(&a.db)
        .unwrap()
        .query_row(
            "SELECT a.id, m.sha256 FROM archive_items a JOIN archive_media l ON l.item_id = a.id
             JOIN media m ON m.id = l.media_id WHERE m.file_name = 'IMG_0012.jpg'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let target = prensa::domain::edit::Target::new(
        prensa::domain::edit::RecordKind::ArchiveItem,
        photo.clone(),
    );
    let Record::ArchiveItem(mut item) = a.store.record(&target).unwrap() else {
        panic!("not an item")
    };
    item.people = "Martha Elena Reyes Castillo".into();
    item.subjects = prensa::domain::status::Subjects::Adults;
    a.store
        .execute(&prensa::domain::edit::Command::Update {
            id: photo,
            record: Record::ArchiveItem(item),
        })
        .unwrap();
    archive::export(
        &a.store,
        day(2023, 3, 1),
        day(2023, 4, 30),
        &a.out,
        true,
        &mut |_, _| {},
    )
    .unwrap();
    let html = std::fs::read_to_string(a.out.join("index.html")).unwrap();
    let csv = std::fs::read_to_string(a.out.join("elementos.csv")).unwrap();
    let json = std::fs::read_to_string(a.out.join("elementos.json")).unwrap();
    for text in [&html, &csv, &json] {
        assert!(
            !text.contains("Martha Elena"),
            "a name in the public version"
        );
        assert!(
            !text.contains("Secretaría del Ayuntamiento"),
            "an interviewee's name"
        );
        assert!(!text.contains(&sha[..16]), "a recognisable photo");
        assert!(text.contains("IMG_0013.jpg"), "a photo of nobody stays");
    }
    let manifest = std::fs::read_to_string(a.out.join("manifiesto.sha256")).unwrap();
    assert!(!manifest.contains(&sha), "no copy of the photo: {manifest}");
    assert!(html.contains("Versión pública"), "the page says what it is");
    assert!(
        html.contains("se omitieron 1 fotos o videos"),
        "the record says what was left out"
    );
    let report = archive::verify(&a.out).unwrap();
    assert!(report.ok(), "{:?}", report.lines());
}
