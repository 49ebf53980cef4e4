//! Every calendar of the shared corpus (`$PRENSA_CORPUS/ics`, by default ../shared/corpus/ics)
//! imported into a fresh store: no panic, no hang, every VEVENT of a readable calendar planned
//! (imported or skipped with its reason), a second import plans nothing new. The test prints a
//! table of what each file gave.
mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use prensa::interop::ical;
use prensa::store::Store;

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
        println!("AVISO: no está el corpus en {}; se omite la prueba", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ics")))
        .collect();
    files.sort();
    let work = tempfile::tempdir().unwrap();
    let mut accepted = 0;
    let mut table = vec![format!(
        "{:<60} {:>5} {:>5} {:>5} {:>5} {:>5}  motivo",
        "archivo", "vev", "nuev", "act", "igual", "omit"
    )];
    for (i, file) in files.iter().enumerate() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let path = work.path().join(format!("c{i}.sqlite"));
        let mut store = Store::open(&path, &common::options()).unwrap();
        let started = Instant::now();
        let first = ical::prepare(file, &store);
        match first {
            Err(e) => table.push(format!("{name:<60} {:>5} rechazado: {e}", vevents(&std::fs::read(file).unwrap()))),
            Ok(prepared) => {
                accepted += 1;
                let c = prepared.plan.counts();
                let blocks = vevents(&std::fs::read(file).unwrap());
                assert_eq!(c.total(), blocks, "{name}: every VEVENT is planned");
                let reasons: Vec<String> = prepared
                    .plan
                    .items
                    .iter()
                    .filter_map(|i| match &i.outcome {
                        prensa::interop::Outcome::Skipped(r) => {
                            Some(format!("l.{}: {r}", i.line.unwrap_or(0)))
                        }
                        _ => None,
                    })
                    .take(2)
                    .collect();
                table.push(format!(
                    "{name:<60} {blocks:>5} {:>5} {:>5} {:>5} {:>5}  {}",
                    c.new,
                    c.updated,
                    c.unchanged,
                    c.skipped,
                    reasons.join("; ")
                ));
                prepared
                    .apply(&mut store)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                let again = ical::prepare(file, &store).unwrap();
                let c2 = again.plan.counts();
                assert_eq!(c2.new, 0, "{name}: a second import plans nothing new");
                assert_eq!(c2.updated, 0, "{name}: a second import changes nothing");
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{name} took {:?}",
            started.elapsed()
        );
    }
    println!("{}", table.join("\n"));
    println!("aceptados: {accepted} de {}", files.len());
    assert!(
        accepted >= files.len().saturating_sub(10) && accepted >= 140.min(files.len()),
        "only {accepted} of {} calendars accepted",
        files.len()
    );
}
