//! The tricky parts of reading iCalendar: zones (IANA, Windows, the file's own), floating and
//! UTC times, all-day ends, rules and overrides.
use chrono_tz::Tz;

use super::parse::{read, IcalEvent, IcalStatus, Parsed};

const OFFICE: Tz = Tz::America__Mexico_City;

fn calendar(body: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//ES\r\n{body}END:VCALENDAR\r\n")
}

fn events(text: &str) -> Vec<Parsed> {
    read(text, OFFICE).unwrap().events
}

fn only(text: &str) -> IcalEvent {
    match events(text).pop() {
        Some(Parsed::Event(e)) => *e,
        other => panic!("{other:?}"),
    }
}

fn vevent(lines: &str) -> String {
    calendar(&format!(
        "BEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Cabildo\r\n{lines}END:VEVENT\r\n"
    ))
}

#[test]
fn windows_zone_names_are_read_as_their_iana_zone() {
    let e = only(&vevent(
        "DTSTART;TZID=Eastern Standard Time:20240715T100000\r\nDTEND;TZID=Eastern Standard Time:20240715T113000\r\n",
    ));
    // 10:00 in New York in July (UTC-4) is 08:00 in Mexico City (UTC-6).
    assert_eq!(e.starts_at, "2024-07-15T08:00");
    assert_eq!(e.ends_at, "2024-07-15T09:30");
    let e = only(&vevent(
        "DTSTART;TZID=\"Central Standard Time (Mexico)\":20250310T100000\r\n",
    ));
    assert_eq!(e.starts_at, "2025-03-10T10:00");
}

#[test]
fn a_custom_vtimezone_gives_its_offsets() {
    let text = calendar(
        "BEGIN:VTIMEZONE\r\nTZID:Hora de la Costa\r\n\
         BEGIN:STANDARD\r\nDTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n\
         TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\n\
         BEGIN:DAYLIGHT\r\nDTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n\
         TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n\
         BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Verano\r\nDTSTART;TZID=Hora de la Costa:20240715T100000\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Invierno\r\nDTSTART;TZID=Hora de la Costa:20240115T100000\r\nEND:VEVENT\r\n",
    );
    let got: Vec<String> = events(&text)
        .into_iter()
        .map(|p| match p {
            Parsed::Event(e) => e.starts_at,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(got, ["2024-07-15T08:00", "2024-01-15T09:00"]);
}

#[test]
fn floating_times_are_office_times_and_utc_is_converted() {
    let e = only(&vevent("DTSTART:20250310T100000\r\n"));
    assert_eq!(e.starts_at, "2025-03-10T10:00");
    assert_eq!(e.ends_at, "");
    let e = only(&vevent("DTSTART:20250310T160000Z\r\nDURATION:PT2H\r\n"));
    assert_eq!(
        (e.starts_at.as_str(), e.ends_at.as_str()),
        ("2025-03-10T10:00", "2025-03-10T12:00")
    );
}

#[test]
fn all_day_end_is_exclusive_in_the_file_and_inclusive_here() {
    let e = only(&vevent(
        "DTSTART;VALUE=DATE:20250310\r\nDTEND;VALUE=DATE:20250312\r\n",
    ));
    assert!(e.all_day);
    assert_eq!(e.starts_at, "2025-03-10T00:00");
    assert_eq!(e.ends_at, "2025-03-11T23:59");
    let e = only(&vevent("DTSTART;VALUE=DATE:20250310\r\n"));
    assert_eq!(e.ends_at, "2025-03-10T23:59");
}

#[test]
fn folded_escaped_text_with_bom_and_lf() {
    let text = "\u{feff}BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nDTSTART:20250310T100000\n\
                SUMMARY:Inauguración del parque\\, primera etapa\\; con\n  la alcaldesa\n\
                DESCRIPTION:Línea uno\\nLínea dos\nLOCATION:Plaza de Armas\\, centro\nSTATUS:CONFIRMED\n\
                END:VEVENT\nEND:VCALENDAR\n";
    let e = only(text);
    assert_eq!(
        e.title,
        "Inauguración del parque, primera etapa; con la alcaldesa"
    );
    assert_eq!(e.notes, "Línea uno\nLínea dos");
    assert_eq!(e.place, "Plaza de Armas, centro");
    assert_eq!(e.status, IcalStatus::Confirmed);
    assert_eq!(e.line, 3);
}

#[test]
fn a_vevent_without_start_is_skipped_with_its_line() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Sin fecha\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Con fecha\r\nDTSTART:20250310T100000\r\nEND:VEVENT\r\n",
    );
    let got = events(&text);
    assert!(
        matches!(&got[0], Parsed::Skipped { line: 4, reason, .. } if reason.contains("DTSTART")),
        "{got:?}"
    );
    assert!(matches!(&got[1], Parsed::Event(e) if e.line == 8));
}

#[test]
fn rules_exdates_and_overrides() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Lunes ciudadano\r\n\
         DTSTART;TZID=America/Mexico_City:20250303T090000\r\nDTEND;TZID=America/Mexico_City:20250303T100000\r\n\
         RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=MO\r\nEXDATE;TZID=America/Mexico_City:20250310T090000\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Lunes ciudadano\r\nRECURRENCE-ID:20250317T150000Z\r\n\
         DTSTART;TZID=America/Mexico_City:20250317T120000\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n",
    );
    let got = events(&text);
    let Parsed::Event(master) = &got[0] else {
        panic!("{got:?}")
    };
    let r = master.repeat.as_ref().unwrap();
    // The office's own zone is kept as "" (the agenda's "office zone").
    assert_eq!(r.zone, "");
    assert_eq!(r.starts_at, "2025-03-03T09:00");
    assert_eq!(r.ends_at, "2025-03-03T10:00");
    assert!(
        r.rule.contains("FREQ=WEEKLY") && r.rule.contains("COUNT=5"),
        "{}",
        r.rule
    );
    assert_eq!(r.exdates, ["2025-03-10T09:00"]);
    let Parsed::Event(over) = &got[1] else {
        panic!("{got:?}")
    };
    assert_eq!(over.recurrence_id.as_deref(), Some("2025-03-17T09:00"));
    assert_eq!(over.status, IcalStatus::Cancelled);
    assert!(over.repeat.is_none());
}

#[test]
fn broken_files_are_refused_with_a_line() {
    let err = read("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n", OFFICE).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("VEVENT") || text.contains("VCALENDAR"),
        "{text}"
    );
    assert!(read("hola, esto no es un calendario\n", OFFICE).is_err());
    assert!(read("", OFFICE).is_err());
}

#[test]
#[ignore = "prints what the corpus gives"]
fn probe_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ics");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for p in names {
        let text = super::parse::decode(&std::fs::read(&p).unwrap());
        match read(&text, OFFICE) {
            Ok(c) => {
                let skipped: Vec<String> = c
                    .events
                    .iter()
                    .filter_map(|e| match e {
                        Parsed::Skipped { line, reason, .. } => Some(format!("{line}:{reason}")),
                        _ => None,
                    })
                    .collect();
                println!(
                    "{:?} ok {} events, skipped {:?} notices {:?}",
                    p.file_name().unwrap(),
                    c.events.len(),
                    skipped,
                    c.notices
                );
            }
            Err(e) => println!("{:?} REFUSED {e}", p.file_name().unwrap()),
        }
    }
}
