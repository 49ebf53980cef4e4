//! Every calendar of the shared corpus (`$PRENSA_CORPUS/ics`, by default ../shared/corpus/ics)
//! imported into a fresh store: no panic, no hang, every VEVENT of a readable calendar planned
//! (imported or skipped with its reason), and a second import of the same file plans nothing
//! new and nothing updated. The test prints a table of what each file gave.
mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use prensa::interop::ical;
use prensa::interop::Outcome;
use prensa::store::Store;

/// The fewest calendars of the corpus that must be accepted (of 151 files).
const MIN_ACCEPTED: usize = 148;

fn corpus() -> PathBuf {
    std::env::var_os("PRENSA_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
        .join("ics")
}

/// VEVENT blocks of a file, counted on its lines.
fn vevents(bytes: &[u8]) -> usize {
    ical::parse::decode(bytes)
        .lines()
        .filter(|l| {
            l.trim_start_matches('\u{feff}')
                .trim()
                .eq_ignore_ascii_case("BEGIN:VEVENT")
        })
        .count()
}

#[test]
fn every_corpus_calendar_imports_or_is_refused_with_a_reason() {
    let dir = corpus();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "AVISO: no está el corpus en {}; se omite la prueba",
            dir.display()
        );
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ics")))
        .collect();
    files.sort();
    let work = tempfile::tempdir().unwrap();
    let (mut accepted, mut refused, mut imported, mut skipped, mut blocks_all) = (0, 0, 0, 0, 0);
    let mut table = vec![format!("{:<62} {:>4}  resultado", "archivo", "vev")];
    for (i, file) in files.iter().enumerate() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let blocks = vevents(&std::fs::read(file).unwrap());
        blocks_all += blocks;
        let path = work.path().join(format!("c{i}.sqlite"));
        let mut store = Store::open(&path, &common::options()).unwrap();
        let started = Instant::now();
        match ical::prepare(file, &store) {
            Err(e) => {
                refused += 1;
                table.push(format!("{name:<62} {blocks:>4}  rechazado: {e}"));
            }
            Ok(prepared) => {
                accepted += 1;
                let c = prepared.plan.counts();
                assert_eq!(c.total(), blocks, "{name}: every VEVENT is planned once");
                assert_eq!(
                    (c.updated, c.unchanged),
                    (0, 0),
                    "{name}: a fresh store holds nothing to update"
                );
                let reasons: Vec<String> = prepared
                    .plan
                    .items
                    .iter()
                    .filter_map(|i| match &i.outcome {
                        Outcome::Skipped(r) => Some(format!("l.{}: {r}", i.line.unwrap_or(0))),
                        _ => None,
                    })
                    .take(2)
                    .collect();
                let done = prepared
                    .apply(&mut store)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                imported += done.new;
                skipped += c.skipped;
                let mut row = format!("{name:<62} {blocks:>4}  importados {}", done.new);
                if c.skipped > 0 {
                    row.push_str(&format!(
                        ", omitidos {} ({})",
                        c.skipped,
                        reasons.join("; ")
                    ));
                }
                table.push(row);
                let again = ical::prepare(file, &store).unwrap();
                let c2 = again.plan.counts();
                let changed: Vec<_> = again
                    .plan
                    .items
                    .iter()
                    .filter(|i| matches!(i.outcome, Outcome::New | Outcome::Updated))
                    .collect();
                assert_eq!(
                    (c2.new, c2.updated),
                    (0, 0),
                    "{name}: a second import plans nothing new or changed: {changed:?}"
                );
                assert_eq!(c2.unchanged, c.new, "{name}");
                assert_eq!(c2.skipped, c.skipped, "{name}");
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{name} took {:?}",
            started.elapsed()
        );
    }
    println!("{}", table.join("\n"));
    println!(
        "aceptados: {accepted} · rechazados: {refused} · de {} archivos; eventos importados: \
         {imported}, omitidos: {skipped}, VEVENT en total: {blocks_all}",
        files.len()
    );
    assert_eq!(accepted + refused, files.len());
    assert!(
        accepted >= MIN_ACCEPTED,
        "only {accepted} of {} calendars accepted",
        files.len()
    );
}
