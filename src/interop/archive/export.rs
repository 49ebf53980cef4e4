//! `prensa exportar archivo --desde --hasta --salida CARPETA`: the archive of a range of days
//! as a folder that stands on its own, for the end-of-term handover ("entrega-recepción") and
//! for transparency requests (DESIGN §6):
//!
//! - `index.html`: every record, oldest first, with the thumbnails of its photos;
//! - `miniaturas/<sha256>.jpg` (thumbnails), `fotos/<sha256>.jpg` (the photos' archive
//!   copies) and `archivos/<sha256>.<ext>` (the originals, from the media folder);
//! - `elementos.csv`, `elementos.json`: one row per record; `inventario.csv`: the records by
//!   classification (section, series, file);
//! - `manifiesto.sha256`: the SHA-256 of every other file, as `sha256sum -c` reads it.
//!
//! The folder is written beside its destination under a hidden temporary name and renamed
//! when it is whole (the manifest is its last file): an export cut short never looks like one.
//! A folder that holds something else is never written into.
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter as Buffered, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::html::{self, classification, coded, day_and_time, kind_label, stage_label, tone_label};
use super::verify::{self, Entry, MANIFEST};
use crate::domain::status::Subjects;
use crate::domain::TimelineKind;
use crate::i18n::{t, tf, Msg};
use crate::store::{io_text, ExportItem, ExportMedia, Store, StoreError};

/// A temporary folder older than this is left over from an export that never finished.
const STALE: Duration = Duration::from_secs(3600);

/// What the destination folder is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// Nothing is there: the folder is made.
    New,
    /// An empty folder.
    Empty,
    /// An earlier export, and nothing else: it is replaced whole.
    Previous,
}

/// Why an export was refused or failed; its Display is what the user reads.
#[derive(Debug)]
pub enum ExportError {
    NotAFolder(PathBuf),
    /// A folder that holds files that are not an earlier export's.
    NotEmpty(PathBuf),
    Io(PathBuf, io::Error),
    Store(StoreError),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            ExportError::NotAFolder(p) => tf(Msg::ArchiveNotFolder, &[&p.display()]),
            ExportError::NotEmpty(p) => tf(Msg::ArchiveNotEmpty, &[&p.display()]),
            ExportError::Io(p, e) => tf(Msg::ErrIo, &[&p.display(), &io_text(e)]),
            ExportError::Store(e) => e.to_string(),
        })
    }
}

impl From<StoreError> for ExportError {
    fn from(e: StoreError) -> Self {
        ExportError::Store(e)
    }
}

/// A file of a record that did not come out as it should.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingFile {
    /// The record's title.
    #[serde(rename = "elemento")]
    pub item: String,
    #[serde(rename = "archivo")]
    pub file_name: String,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportReport {
    #[serde(rename = "carpeta")]
    pub folder: PathBuf,
    /// Records exported.
    #[serde(rename = "elementos")]
    pub items: usize,
    /// Files in the folder, the manifest's lines.
    #[serde(rename = "archivos")]
    pub files: usize,
    /// Originals that are not in this machine's media folder (the records went without them).
    #[serde(rename = "faltan")]
    pub missing: Vec<MissingFile>,
    /// Originals whose content no longer matches their SHA-256 (exported as they are).
    #[serde(rename = "no_coinciden")]
    pub damaged: Vec<MissingFile>,
}

/// Where a file's copies are in the export, relative to its folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Copies {
    pub thumbnail: Option<String>,
    pub photo: Option<String>,
    pub original: Option<String>,
}

/// What is at `out`: a new name, an empty folder or an earlier export (nothing else in it);
/// anything else is refused.
pub fn destination(out: &Path) -> Result<Destination, ExportError> {
    let meta = match fs::metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Destination::New),
        Err(e) => return Err(ExportError::Io(out.to_path_buf(), e)),
    };
    if !meta.is_dir() {
        return Err(ExportError::NotAFolder(out.to_path_buf()));
    }
    let files = verify::files_under(out).map_err(|e| ExportError::Io(out.to_path_buf(), e))?;
    let folders = fs::read_dir(out)
        .map_err(|e| ExportError::Io(out.to_path_buf(), e))?
        .next()
        .is_some();
    if files.is_empty() && !folders {
        return Ok(Destination::Empty);
    }
    // An earlier export: its manifest, and no file it does not name (a file of someone
    // else's put there would go with it).
    let manifest = fs::read(out.join(MANIFEST))
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .ok();
    let previous = manifest.is_some_and(|text| {
        let (entries, bad) = verify::read_manifest(&text);
        let named: HashSet<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        bad.is_empty()
            && !entries.is_empty()
            && files
                .iter()
                .all(|f| f == MANIFEST || named.contains(f.as_str()))
    });
    if previous {
        Ok(Destination::Previous)
    } else {
        Err(ExportError::NotEmpty(out.to_path_buf()))
    }
}

/// A file written into the export: hashed as it is written, flushed to disk at the end.
struct Hashed {
    out: Buffered<File>,
    hasher: Sha256,
}

impl Write for Hashed {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The export being written, in its temporary folder.
struct Folder {
    root: PathBuf,
    entries: Vec<Entry>,
}

impl Folder {
    fn io(&self, rel: &str) -> impl Fn(io::Error) -> ExportError + '_ {
        let path = verify::inside(&self.root, rel);
        move |e| ExportError::Io(path.clone(), e)
    }

    /// Writes one file (`rel`, with `/` between its parts) through `fill`.
    fn file(
        &mut self,
        rel: &str,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<String, ExportError> {
        let path = verify::inside(&self.root, rel);
        let written = (|| {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir)?;
            }
            let mut file = Hashed {
                out: Buffered::new(File::create(&path)?),
                hasher: Sha256::new(),
            };
            fill(&mut file)?;
            file.flush()?;
            let Hashed { out, hasher } = file;
            out.into_inner()
                .map_err(io::IntoInnerError::into_error)?
                .sync_all()?;
            Ok(verify::hex(&hasher.finalize()))
        })()
        .map_err(self.io(rel))?;
        self.entries.push(Entry {
            sha256: written.clone(),
            path: rel.to_owned(),
        });
        Ok(written)
    }
}

/// The extension an exported original keeps: its stored name's, when it is a plain one.
fn extension(stored_path: &str) -> String {
    let name = stored_path.rsplit('/').next().unwrap_or("");
    match name.rsplit_once('.') {
        Some((_, ext))
            if !ext.is_empty()
                && ext.len() <= 10
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            format!(".{}", ext.to_ascii_lowercase())
        }
        _ => String::new(),
    }
}

/// A content's name in the export: its SHA-256, when it is one (anything else is not a name
/// to put in a path).
fn sha_name(sha256: &str) -> Option<&str> {
    (sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit())).then_some(sha256)
}

/// The original of a file in the media folder `media`, by its stored path.
fn original_path(media: &Path, stored_path: &str) -> PathBuf {
    let mut path = media.to_path_buf();
    path.extend(
        stored_path
            .split('/')
            .filter(|p| !p.is_empty() && *p != ".." && *p != "."),
    );
    path
}

/// Removes what exports cut short left beside `out` once they are an hour old.
fn remove_stale(parent: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if name.starts_with(prefix) && old {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Exports the archive from `from` to `to` (both days included) into the folder `out`. A new
/// name or an empty folder is written; an earlier export is replaced (the caller asks
/// first: see [`destination`]); anything else is refused. `progress` is told
/// `(records done, records in all)`. A `public` export (a transparency request's "versión
/// pública") leaves out personal data: see [`redact`].
pub fn export(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    out: &Path,
    public: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportReport, ExportError> {
    let dest = destination(out)?;
    let mut items = store.archive_export(from, to)?;
    if public {
        redact(&mut items);
    }
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| ExportError::NotAFolder(out.to_path_buf()))?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| ExportError::Io(parent.clone(), e))?;
    let prefix = format!(".{name}.exportando-");
    remove_stale(&parent, &prefix);
    remove_stale(&parent, &format!(".{name}.anterior-"));
    let tmp = parent.join(format!("{prefix}{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir(&tmp).map_err(|e| ExportError::Io(tmp.clone(), e))?;
    let written = write_folder(store, (from, to), public, &items, &tmp, progress);
    let report = match written {
        Ok(r) => r,
        Err(e) => {
            let _ = fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    let placed = put_in_place(&tmp, out, dest, &parent, &name);
    if let Err(e) = placed {
        let _ = fs::remove_dir_all(&tmp);
        return Err(ExportError::Io(out.to_path_buf(), e));
    }
    crate::store::sync_dir(&parent);
    Ok(ExportReport {
        folder: out.to_path_buf(),
        ..report
    })
}

/// Moves the whole export from `tmp` to `out`: an earlier export is moved aside first and
/// removed once the new one is in its place.
fn put_in_place(
    tmp: &Path,
    out: &Path,
    dest: Destination,
    parent: &Path,
    name: &str,
) -> io::Result<()> {
    match dest {
        Destination::New => fs::rename(tmp, out),
        Destination::Empty => {
            fs::remove_dir(out)?;
            fs::rename(tmp, out)
        }
        Destination::Previous => {
            let aside = parent.join(format!(".{name}.anterior-{}", std::process::id()));
            let _ = fs::remove_dir_all(&aside);
            fs::rename(out, &aside)?;
            if let Err(e) = fs::rename(tmp, out) {
                let _ = fs::rename(&aside, out);
                return Err(e);
            }
            let _ = fs::remove_dir_all(&aside);
            Ok(())
        }
    }
}

/// Takes personal data out of what is exported (Ley General de Protección de Datos Personales
/// en Posesión de Sujetos Obligados): the names of the people who appear or speak (and of
/// the journalists who asked), and the photos and videos in which people can be recognised,
/// each such record saying what was left out.
pub fn redact(items: &mut [ExportItem]) {
    for item in items {
        item.people.clear();
        // A post of no outlet may be a person's own: what it said and where stay out.
        if item.kind == TimelineKind::Clipping && item.outlet.trim().is_empty() {
            item.description.clear();
            item.url.clear();
        }
        if item.subjects != Subjects::Nobody && !item.media.is_empty() {
            let note = tf(Msg::ArchiveWithheld, &[&item.media.len()]);
            item.media.clear();
            item.description = match item.description.trim() {
                "" => note,
                text => format!("{text}\n\n{note}"),
            };
        }
    }
}

fn write_folder(
    store: &Store,
    (from, to): (NaiveDate, NaiveDate),
    public: bool,
    items: &[ExportItem],
    root: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportReport, ExportError> {
    let mut folder = Folder {
        root: root.to_path_buf(),
        entries: Vec::new(),
    };
    let media_dir = store.media_dir();
    let mut copies: HashMap<String, Copies> = HashMap::new();
    let mut missing = Vec::new();
    let mut damaged = Vec::new();
    for (done, item) in items.iter().enumerate() {
        progress(done, items.len());
        for media in &item.media {
            let Some(sha) = sha_name(&media.sha256) else {
                continue;
            };
            if copies.contains_key(sha) {
                continue;
            }
            let copied = copy_media(store, &mut folder, &media_dir, media, sha)?;
            let lost = MissingFile {
                item: item.title.clone(),
                file_name: media.file_name.clone(),
            };
            match &copied.1 {
                Some(true) => {}
                Some(false) => damaged.push(lost),
                None => missing.push(lost),
            }
            copies.insert(sha.to_owned(), copied.0);
        }
    }
    progress(items.len(), items.len());
    let office = match store.setting(crate::store::OFFICE_HEADER)? {
        Some(h) if !h.trim().is_empty() => h,
        _ => store.setting("office_name")?.unwrap_or_default(),
    };
    let heading = html::Heading {
        office,
        from,
        to,
        exported: crate::i18n::stamp_long(&store.local_now()),
        public,
    };
    folder.file("index.html", |w| html::write(w, &heading, items, &copies))?;
    folder.file("elementos.csv", |w| items_csv(w, items, &copies))?;
    folder.file("elementos.json", |w| {
        items_json(w, &heading, items, &copies)
    })?;
    folder.file("inventario.csv", |w| inventory_csv(w, items))?;
    // Last: the manifest of every other file. A folder without it is not an export.
    let files = folder.entries.len();
    let manifest = verify::write_manifest(&mut folder.entries);
    folder.file(MANIFEST, |w| w.write_all(manifest.as_bytes()))?;
    Ok(ExportReport {
        folder: root.to_path_buf(),
        items: items.len(),
        files,
        missing,
        damaged,
    })
}

/// Writes a file's copies: its thumbnail and archive copy from the database, its original
/// from the media folder. Returns where they are, and whether the original was there and
/// whole (`None`: not there).
fn copy_media(
    store: &Store,
    folder: &mut Folder,
    media_dir: &Path,
    media: &ExportMedia,
    sha: &str,
) -> Result<(Copies, Option<bool>), ExportError> {
    let mut copies = Copies::default();
    if media.has_thumbnail {
        if let Some(bytes) = store.media_thumbnail(&media.id)? {
            let rel = format!("miniaturas/{sha}.jpg");
            folder.file(&rel, |w| w.write_all(&bytes))?;
            copies.thumbnail = Some(rel);
        }
    }
    if media.has_archive_copy {
        if let Some(bytes) = store.media_archive_copy(&media.id)? {
            let rel = format!("fotos/{sha}.jpg");
            folder.file(&rel, |w| w.write_all(&bytes))?;
            copies.photo = Some(rel);
        }
    }
    let source = original_path(media_dir, &media.stored_path);
    let input = match File::open(&source) {
        Ok(f) if source.is_file() => f,
        Ok(_) => return Ok((copies, None)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((copies, None)),
        Err(e) => return Err(ExportError::Io(source, e)),
    };
    let rel = format!("archivos/{sha}{}", extension(&media.stored_path));
    let hash = folder.file(&rel, |w| {
        let mut input = input;
        io::copy(&mut input, w).map(drop)
    })?;
    copies.original = Some(rel);
    Ok((copies, Some(hash == media.sha256.to_ascii_lowercase())))
}

/// The files of a record as the CSV lists them: the relative paths of its originals (or of
/// its photos' copies when the original is missing).
fn file_paths(item: &ExportItem, copies: &HashMap<String, Copies>) -> Vec<String> {
    item.media
        .iter()
        .filter_map(|m| copies.get(&m.sha256))
        .filter_map(|c| c.original.clone().or_else(|| c.photo.clone()))
        .collect()
}

/// Where a record comes from, as scripts read it, and its kind there: (`event`, none),
/// (`report`, none), (`publication`, its channel), (`item`, its kind), (`media_request`, what
/// was asked for), (`clipping`, its tone).
fn kind_codes(item: &ExportItem) -> (&'static str, Option<String>) {
    let subkind = || Some(item.subkind.clone()).filter(|s| !s.is_empty());
    match item.kind {
        TimelineKind::Event => ("event", None),
        TimelineKind::Report => ("report", None),
        TimelineKind::Publication(c) => ("publication", Some(c.code().to_owned())),
        TimelineKind::Item(k) => ("item", Some(k.code().to_owned())),
        TimelineKind::Interview => ("media_request", subkind()),
        TimelineKind::Clipping => ("clipping", subkind()),
    }
}

fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// `elementos.csv`: UTF-8 with a BOM (so spreadsheets read the accents), one row per record.
fn items_csv(
    w: &mut dyn Write,
    items: &[ExportItem],
    copies: &HashMap<String, Copies>,
) -> io::Result<()> {
    w.write_all("\u{feff}".as_bytes())?;
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record(t(Msg::ArchiveItemsHeader).split('|'))
        .map_err(csv_error)?;
    for item in items {
        let (day, time) = day_and_time(&item.at);
        let stage = if item.stage.is_empty() {
            String::new()
        } else {
            stage_label(&item.stage)
        };
        csv.write_record(
            [
                day.map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                time,
                kind_label(item),
                item.title.clone(),
                item.description.clone(),
                item.department.clone(),
                item.event.clone(),
                item.outlet.clone(),
                item.place.clone(),
                item.people.clone(),
                item.tags.join(", "),
                coded(&item.section_code, &item.section_name),
                coded(&item.series_code, &item.series_name),
                item.expediente.clone(),
                stage,
                tone_label(item),
                item.response.clone(),
                item.folio.clone(),
                item.url.clone(),
                file_paths(item, copies).join("; "),
                item.id.clone(),
            ]
            .map(|cell| inert(&cell)),
        )
        .map_err(csv_error)?;
    }
    csv.flush()
}

/// A cell a spreadsheet shows as text, never runs: one starting as a formula does (`=`, `+`,
/// `-`, `@`, a tab or a return) gets an apostrophe before it, which Excel and LibreOffice
/// read as "this is text" and do not show.
fn inert(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

#[derive(Serialize)]
struct JsonExport<'a> {
    desde: String,
    hasta: String,
    exportado: &'a str,
    oficina: &'a str,
    elementos: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    fecha: &'a str,
    /// Where it comes from: event, report, publication, item, media_request, clipping.
    clase: &'static str,
    /// Its kind there: a publication's channel, an item's kind, what a medium asked for, a
    /// clipping's tone.
    subclase: Option<String>,
    tipo: String,
    titulo: &'a str,
    descripcion: &'a str,
    area: &'a str,
    evento: &'a str,
    medio: &'a str,
    respuesta: &'a str,
    lugar: &'a str,
    personas: &'a str,
    etiquetas: &'a [String],
    clasificacion: JsonClass<'a>,
    folio: &'a str,
    enlace: &'a str,
    archivos: Vec<JsonFile<'a>>,
}

#[derive(Serialize)]
struct JsonClass<'a> {
    seccion: String,
    serie: String,
    expediente: &'a str,
    etapa: &'a str,
    texto: String,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    nombre: &'a str,
    tipo: &'static str,
    mime: &'a str,
    bytes: u64,
    sha256: &'a str,
    fecha: &'a str,
    original: Option<&'a str>,
    foto: Option<&'a str>,
    miniatura: Option<&'a str>,
}

/// `elementos.json`: the same records, for programs.
fn items_json(
    w: &mut dyn Write,
    heading: &html::Heading,
    items: &[ExportItem],
    copies: &HashMap<String, Copies>,
) -> io::Result<()> {
    let none = Copies::default();
    let export = JsonExport {
        desde: heading.from.format("%Y-%m-%d").to_string(),
        hasta: heading.to.format("%Y-%m-%d").to_string(),
        exportado: &heading.exported,
        oficina: &heading.office,
        elementos: items
            .iter()
            .map(|item| JsonItem {
                id: &item.id,
                fecha: &item.at,
                clase: kind_codes(item).0,
                subclase: kind_codes(item).1,
                tipo: kind_label(item),
                titulo: &item.title,
                descripcion: &item.description,
                area: &item.department,
                evento: &item.event,
                medio: &item.outlet,
                respuesta: &item.response,
                lugar: &item.place,
                personas: &item.people,
                etiquetas: &item.tags,
                clasificacion: JsonClass {
                    seccion: coded(&item.section_code, &item.section_name),
                    serie: coded(&item.series_code, &item.series_name),
                    expediente: &item.expediente,
                    etapa: &item.stage,
                    texto: classification(item),
                },
                folio: &item.folio,
                enlace: &item.url,
                archivos: item
                    .media
                    .iter()
                    .map(|m| {
                        let c = copies.get(&m.sha256).unwrap_or(&none);
                        JsonFile {
                            nombre: &m.file_name,
                            tipo: m.kind.code(),
                            mime: &m.mime,
                            bytes: m.size,
                            sha256: &m.sha256,
                            fecha: &m.taken_at,
                            original: c.original.as_deref(),
                            foto: c.photo.as_deref(),
                            miniatura: c.thumbnail.as_deref(),
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &export).map_err(io::Error::other)?;
    w.write_all(b"\n")
}

/// `inventario.csv`: how many records each section, series and file holds, and from when to
/// when; records without a classification under "Sin clasificar".
fn inventory_csv(w: &mut dyn Write, items: &[ExportItem]) -> io::Result<()> {
    let unclassified = t(Msg::ArchiveUnclassified);
    // (section, series, file) → (records, first, last)
    let mut groups: BTreeMap<(String, String, String), (usize, String, String)> = BTreeMap::new();
    for item in items {
        let section = coded(&item.section_code, &item.section_name);
        let series = coded(&item.series_code, &item.series_name);
        // Without a series (never given, or its series deleted since): "Sin clasificar",
        // with the file it was given, if any.
        let key = if section.is_empty() && series.is_empty() {
            (
                unclassified.to_owned(),
                String::new(),
                item.expediente.trim().to_owned(),
            )
        } else {
            (section, series, item.expediente.trim().to_owned())
        };
        let day = item.at.get(..10).unwrap_or(&item.at).to_owned();
        let entry = groups
            .entry(key)
            .or_insert_with(|| (0, day.clone(), day.clone()));
        entry.0 += 1;
        if day < entry.1 {
            entry.1 = day.clone();
        }
        if day > entry.2 {
            entry.2 = day;
        }
    }
    w.write_all("\u{feff}".as_bytes())?;
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record(t(Msg::ArchiveInventoryHeader).split('|'))
        .map_err(csv_error)?;
    // The unclassified last, after the chart's order.
    let (plain, rest): (Vec<_>, Vec<_>) = groups
        .into_iter()
        .partition(|((s, _, _), _)| s == unclassified);
    for ((section, series, file), (count, first, last)) in rest.into_iter().chain(plain) {
        csv.write_record(
            [section, series, file, count.to_string(), first, last].map(|c| inert(&c)),
        )
        .map_err(csv_error)?;
    }
    csv.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_reads_as_a_formula_is_kept_as_text() {
        assert_eq!(
            inert("=HYPERLINK(\"http:x\";\"y\")"),
            "'=HYPERLINK(\"http:x\";\"y\")"
        );
        assert_eq!(inert("+52 481 100 2020"), "'+52 481 100 2020");
        assert_eq!(inert("-3"), "'-3");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("Sesión de Cabildo"), "Sesión de Cabildo");
        assert_eq!(inert(""), "");
    }

    #[test]
    fn originals_keep_a_plain_extension_only() {
        assert_eq!(extension("ab/cdef.JPG"), ".jpg");
        assert_eq!(extension("ab/cdef"), "");
        assert_eq!(extension("ab/cdef.a b"), "");
        assert!(sha_name("../../etc").is_none());
    }

    #[test]
    fn a_folder_with_other_files_is_not_an_earlier_export() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("entrega");
        assert_eq!(destination(&out).unwrap(), Destination::New);
        fs::create_dir(&out).unwrap();
        assert_eq!(destination(&out).unwrap(), Destination::Empty);
        fs::write(out.join("notas.txt"), "mías").unwrap();
        assert!(matches!(destination(&out), Err(ExportError::NotEmpty(_))));
        let sha = verify::hash_file(&out.join("notas.txt")).unwrap();
        fs::write(out.join(MANIFEST), format!("{sha}  notas.txt\n")).unwrap();
        assert_eq!(destination(&out).unwrap(), Destination::Previous);
        fs::write(out.join("otra.txt"), "también mía").unwrap();
        assert!(matches!(destination(&out), Err(ExportError::NotEmpty(_))));
        assert!(matches!(
            destination(&out.join("notas.txt")),
            Err(ExportError::NotAFolder(_))
        ));
    }
}
