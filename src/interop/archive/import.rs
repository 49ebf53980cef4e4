//! Files into the archive, on the import pipeline of [`crate::interop`]: the files under the
//! paths given are read ([`crate::interop::media::examine`]: their kind, date, and a photo's
//! archive copy and thumbnail) and each readable original is copied into the media store
//! under its SHA-256 ([`prepare_files`], which needs no database and runs on a worker thread
//! in the console); then they are planned against the store ([`Store::plan_media`]: what is
//! in the archive already, what repeats within the import, the event each photo or video
//! belongs to by its time), previewed, and written in one transaction that `u` undoes.
//! Originals are only read.
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::domain::media::MediaKind;
use crate::i18n::{stamp, tf, Msg};
use crate::interop::ical::ImportError;
use crate::interop::media::{self, Examined};
use crate::interop::{Counts, Outcome, Plan};
use crate::store::{store_file, Change, EventSpan, MediaImport, Store, StoredFile};

/// The store's times: local, to the minute.
const TIME: &str = "%Y-%m-%dT%H:%M";

/// How far back an event that holds a file may have started: multi-day events (a fair, a
/// week of vaccination) are found when they started at most this long before.
const LOOKBACK_DAYS: i64 = 14;

/// A file read and copied into the media store, ready to plan.
#[derive(Debug, Clone)]
pub struct GatheredFile {
    /// What was read from it: where it was, its kind, date and size, a photo's copies, and
    /// what the user should know about it (a HEIC photo kept without a preview).
    pub examined: Examined,
    /// Its copy in the media store: SHA-256, size, where, the original's name.
    pub stored: StoredFile,
}

/// The files under the paths an import was given: those read and stored, and those that
/// could not be, with the reason the user reads.
#[derive(Debug, Clone, Default)]
pub struct Gathered {
    /// The paths, as the user named them (the preview's "Archivo:").
    pub source: String,
    pub files: Vec<GatheredFile>,
    pub problems: Vec<(PathBuf, String)>,
}

/// The paths of an import as one line: the first two, and how many more.
pub fn source_name(paths: &[PathBuf]) -> String {
    let named: Vec<String> = paths
        .iter()
        .take(2)
        .map(|p| p.display().to_string())
        .collect();
    let named = named.join(", ");
    match paths.len() {
        0..=2 => named,
        n => tf(Msg::MediaSources, &[&named, &(n - 2)]),
    }
}

/// Reads the files under `paths` (files as they are, folders with their subfolders) and
/// copies each readable one into the media folder `media_dir` under its SHA-256. No database:
/// this is the slow part of an import, and runs where the caller wants (a worker thread in
/// the console). `progress` is told `(files done, files in all, the file now)` before each
/// file and once at the end. A file that cannot be read or stored is listed with its reason;
/// the others are not affected.
pub fn prepare_files(
    media_dir: &Path,
    paths: &[PathBuf],
    progress: &mut dyn FnMut(usize, usize, &Path),
) -> Gathered {
    let (found, mut problems) = media::collect(paths);
    // The media folder itself, when a folder that holds it is imported, is not read again.
    let found: Vec<PathBuf> = match media_dir.canonicalize() {
        Ok(media) => found
            .into_iter()
            .filter(|p| !p.canonicalize().is_ok_and(|p| p.starts_with(&media)))
            .collect(),
        Err(_) => found,
    };
    let total = found.len();
    let mut files = Vec::with_capacity(total);
    for (done, path) in found.iter().enumerate() {
        progress(done, total, path);
        let examined = match media::examine(path) {
            Ok(e) => e,
            Err(problem) => {
                problems.push((path.clone(), problem.to_string()));
                continue;
            }
        };
        match store_file(media_dir, path) {
            Ok(stored) => files.push(GatheredFile { examined, stored }),
            Err(problem) => problems.push((path.clone(), problem.to_string())),
        }
    }
    if let Some(last) = found.last() {
        progress(total, total, last);
    }
    Gathered {
        source: source_name(paths),
        files,
        problems,
    }
}

/// One file the import writes, and the event it was found to belong to.
#[derive(Debug, Clone)]
struct Action {
    file: GatheredFile,
    event: Option<EventSpan>,
}

/// Files read and planned, ready to write.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub plan: Plan,
    actions: Vec<Action>,
}

fn parse_time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text.get(..16)?, TIME).ok()
}

/// The event a file taken at `at` belongs to, among `events`: those whose time holds it
/// (from their start to their end; without an end, from half an hour before the start to
/// three hours after it), the one that started nearest to it.
pub fn suggest_event<'a>(at: &str, events: &'a [EventSpan]) -> Option<&'a EventSpan> {
    let at = parse_time(at)?;
    events
        .iter()
        .filter_map(|e| {
            let start = parse_time(&e.starts_at)?;
            // An end that is not a time is taken as none.
            let holds = match parse_time(&e.ends_at) {
                Some(end) => start <= at && at <= end,
                None => {
                    start.checked_sub_signed(Duration::minutes(30))? <= at
                        && at <= start.checked_add_signed(Duration::hours(3))?
                }
            };
            holds.then(|| ((at - start).num_minutes().abs(), e))
        })
        .min_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.id.cmp(&y.id)))
        .map(|(_, e)| e)
}

impl Store {
    /// Plans gathered files against the archive (fast: a few reads, nothing written): a file
    /// whose content is in the archive already is left as it is, a content repeated within
    /// the import is written once, and each photo or video is given the event it belongs to
    /// by its time (see [`suggest_event`]). Files that could not be read are skipped with
    /// their reason.
    pub fn plan_media(&self, gathered: Gathered) -> crate::store::Result<Prepared> {
        let mut plan = Plan::new(gathered.source);
        let mut first_of: HashMap<String, String> = HashMap::new();
        let mut events_of_day: HashMap<NaiveDate, Vec<EventSpan>> = HashMap::new();
        let mut actions = Vec::new();
        let (mut known, mut repeated) = (0usize, 0usize);
        for file in gathered.files {
            let name = file.stored.file_name.clone();
            let when = stamp(&file.examined.taken_at);
            if let Some(first) = first_of.get(&file.stored.sha256) {
                plan.push(
                    tf(Msg::MediaLabelRepeat, &[&name, &when, first]),
                    None,
                    Outcome::Unchanged,
                );
                repeated += 1;
                continue;
            }
            first_of.insert(file.stored.sha256.clone(), name.clone());
            if self.media_in_use(&file.stored.sha256)? {
                plan.push(
                    tf(Msg::MediaLabelKnown, &[&name, &when]),
                    None,
                    Outcome::Unchanged,
                );
                known += 1;
                continue;
            }
            let event = match (file.examined.kind, parse_time(&file.examined.taken_at)) {
                (MediaKind::Photo | MediaKind::Video, Some(at)) => {
                    let events = match events_of_day.entry(at.date()) {
                        Entry::Occupied(known) => known.into_mut(),
                        Entry::Vacant(day) => {
                            let found = self.events_around(*day.key())?;
                            day.insert(found)
                        }
                    };
                    suggest_event(&file.examined.taken_at, events).cloned()
                }
                _ => None,
            };
            let label = match &event {
                Some(e) => tf(Msg::MediaLabelEvent, &[&name, &when, &e.title]),
                None => tf(Msg::MediaLabel, &[&name, &when]),
            };
            plan.push(label, None, Outcome::New);
            if let Some(note) = &file.examined.note {
                plan.notices.push(tf(Msg::MediaNote, &[&name, note]));
            }
            actions.push(Action { file, event });
        }
        for (path, reason) in gathered.problems {
            plan.push(path.display().to_string(), None, Outcome::Skipped(reason));
        }
        if known > 0 {
            plan.notices.push(tf(Msg::MediaKnownNotice, &[&known]));
        }
        if repeated > 0 {
            plan.notices
                .push(tf(Msg::MediaRepeatedNotice, &[&repeated]));
        }
        Ok(Prepared { plan, actions })
    }

    /// The events that may hold a time of `day`: those that started from [`LOOKBACK_DAYS`]
    /// before it to half an hour after it ends.
    fn events_around(&self, day: NaiveDate) -> crate::store::Result<Vec<EventSpan>> {
        let from = day.checked_sub_signed(Duration::days(LOOKBACK_DAYS));
        let to = day.succ_opt().and_then(|next| next.and_hms_opt(0, 30, 0));
        match (from, to) {
            (Some(from), Some(to)) => self.events_starting(
                &from.format("%Y-%m-%d").to_string(),
                &to.format(TIME).to_string(),
            ),
            _ => Ok(Vec::new()),
        }
    }
}

impl Action {
    fn into_import(self) -> MediaImport {
        let GatheredFile { examined, stored } = self.file;
        let title = match &self.event {
            Some(e) => format!("{} · {}", e.title.trim(), stored.file_name),
            None => stored.file_name.clone(),
        };
        MediaImport {
            title: crate::domain::text::clean(&title),
            kind: examined.kind,
            taken_at: examined.taken_at,
            date_source: examined.date_source.code(),
            width: examined.width,
            height: examined.height,
            thumbnail: examined.thumbnail,
            archive_copy: examined.archive_copy,
            event_id: self.event.as_ref().map(|e| e.id.clone()),
            place: self
                .event
                .as_ref()
                .map(|e| e.place.clone())
                .unwrap_or_default(),
            department_id: self.event.and_then(|e| e.department_id),
            file: stored,
        }
    }
}

impl Prepared {
    /// The files the import writes, each with the event it was found to belong to.
    pub fn files(&self) -> impl Iterator<Item = (&GatheredFile, Option<&EventSpan>)> {
        self.actions.iter().map(|a| (&a.file, a.event.as_ref()))
    }

    /// An import the user said no to: the copies it made in the media folder go, but those of
    /// a content the database knows (the same photo imported or attached before, or kept
    /// for an undo).
    pub fn discard_copies(self, store: &Store) {
        let media = store.media_dir();
        for action in self.actions {
            let stored = &action.file.stored;
            if !matches!(store.media_known(&stored.sha256), Ok(false)) {
                continue;
            }
            let mut path = media.clone();
            path.extend(
                stored
                    .stored_path
                    .split('/')
                    .filter(|p| !p.is_empty() && *p != ".."),
            );
            let _ = std::fs::remove_file(&path);
        }
    }

    /// Writes the plan in one transaction (`media.import`): for each new file its media
    /// row, an archive item and their link. Returns what was written and the change made
    /// (the console keeps it to undo the import). A file that reached the archive since
    /// the plan was made is not written again, and counts as unchanged.
    pub fn apply_recorded(self, store: &mut Store) -> Result<(Counts, Change), ImportError> {
        let Prepared { plan, actions } = self;
        let mut counts = plan.counts();
        if actions.is_empty() {
            return Ok((counts, Change::default()));
        }
        let (written, change) = store
            .batch("media.import", |tx| {
                let mut written = 0;
                for action in actions {
                    if tx.import_media(&action.into_import())?.is_some() {
                        written += 1;
                    }
                }
                Ok(written)
            })
            .map_err(ImportError::Store)?;
        counts.unchanged += counts.new.saturating_sub(written);
        counts.new = written;
        Ok((counts, change))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, starts: &str, ends: &str) -> EventSpan {
        EventSpan {
            id: id.into(),
            title: id.into(),
            department_id: None,
            starts_at: starts.into(),
            ends_at: ends.into(),
            place: String::new(),
        }
    }

    #[test]
    fn the_event_that_holds_the_time_and_started_nearest_wins() {
        let events = [
            event("cabildo", "2023-03-15T10:00", "2023-03-15T12:00"),
            event("feria", "2023-03-10T09:00", "2023-03-19T20:00"),
            event("visita", "2023-03-15T17:00", ""),
        ];
        let id = |at: &str| suggest_event(at, &events).map(|e| e.id.as_str());
        assert_eq!(id("2023-03-15T10:42"), Some("cabildo"));
        assert_eq!(id("2023-03-15T13:00"), Some("feria"));
        // Without an end: from half an hour before to three hours after its start.
        assert_eq!(id("2023-03-15T16:30"), Some("visita"));
        assert_eq!(id("2023-03-15T20:00"), Some("visita"));
        assert_eq!(id("2023-03-15T20:01"), Some("feria"));
        assert_eq!(id("2023-03-20T10:00"), None);
        assert_eq!(id("no es hora"), None);
    }

    #[test]
    fn many_paths_are_named_by_the_first_two() {
        let paths: Vec<PathBuf> = ["a", "b", "c", "d"].iter().map(PathBuf::from).collect();
        assert_eq!(source_name(&paths[..1]), "a");
        assert_eq!(source_name(&paths), "a, b y 2 rutas más");
    }
}
