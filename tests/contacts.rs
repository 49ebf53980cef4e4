//! Media contacts in and out: every vCard of the shared corpus (`$PRENSA_CORPUS/vcf`), CSV
//! files as Excel and Google write them, re-imports that never duplicate, and an export read
//! back field for field (a property test).
mod common;

use std::path::{Path, PathBuf};

use prensa::interop::contacts::{self, export, Contact, ContactFormat, Field};
use prensa::interop::{Outcome, Planned};
use prensa::store::Store;
use proptest::prelude::*;

fn corpus() -> PathBuf {
    std::env::var_os("PRENSA_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
        .join("vcf")
}

fn empty_store(dir: &Path) -> Store {
    Store::open(&dir.join("c.sqlite"), &common::options()).unwrap()
}

fn names(store: &Store) -> Vec<String> {
    store
        .journalists_for_import()
        .unwrap()
        .into_iter()
        .map(|(_, _, j, _)| j.name)
        .collect()
}

#[test]
fn every_corpus_card_imports_or_is_reported() {
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
        .filter(|p| p.extension().is_some_and(|e| e == "vcf"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 27, "the corpus holds 27 vCard files");
    let (mut imported, mut refused, mut reported) = (0, 0, Vec::new());
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let work = tempfile::tempdir().unwrap();
        let mut store = empty_store(work.path());
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let cards = text.matches("BEGIN:VCARD").count();
        match contacts::prepare(file, &store, &[]) {
            Err(e) => {
                // Only a file with no card at all is refused (khard's symlinks, stored as
                // the path they pointed to), with a Spanish reason.
                assert_eq!(cards, 0, "{name}: refused with cards in it: {e}");
                assert!(e.to_string().contains("vCard"), "{name}: {e}");
                refused += 1;
            }
            Ok(prepared) => {
                let plan = prepared.plan().clone();
                assert_eq!(plan.items.len(), cards, "{name}: every card is planned");
                for item in &plan.items {
                    if let Outcome::Skipped(reason) = &item.outcome {
                        assert!(item.line.is_some(), "{name}: a skipped card has its line");
                        reported.push(format!("{name}:{}: {reason}", item.line.unwrap()));
                    }
                }
                let counts = prepared.write(&mut store).unwrap().0;
                imported += counts.new;
                assert_eq!(names(&store).len(), counts.new, "{name}");
                // A second import finds everyone there.
                let again = contacts::prepare(file, &store, &[]).unwrap();
                let c = again.plan().counts();
                assert_eq!((c.new, c.updated), (0, 0), "{name}: re-import duplicates");
            }
        }
    }
    println!("vCard: {imported} importados, {refused} archivos rechazados; omitidos: {reported:?}");
    assert_eq!(
        reported,
        vec!["fixture_vcards_unparsable.vcf:1: tarjeta sin END:VCARD (cortada o dañada)"]
    );
    assert!(imported >= 19, "{imported}");
}

#[test]
fn corpus_cards_keep_what_the_office_needs() {
    let file = corpus().join("fixture_vcards_category.vcf");
    if !file.exists() {
        println!("AVISO: no está el corpus; se omite la prueba");
        return;
    }
    let (people, _) = contacts::read_contacts(&file, &std::fs::read(&file).unwrap(), &[]).unwrap();
    assert_eq!(people[0].name, "contact with category");
    assert_eq!(people[0].email, "foo@example.org");
    assert_eq!(people[0].lists, vec!["bar"]);
    let file = corpus().join("fixture_vcards_tel-value-uri.vcf");
    let (people, _) = contacts::read_contacts(&file, &std::fs::read(&file).unwrap(), &[]).unwrap();
    assert!(
        !people[0].phone.starts_with("tel:"),
        "{:?}",
        people[0].phone
    );
    assert!(!people[0].phone.is_empty());
    let file = corpus().join("fixture_vcards_korean-c.vcf");
    let (people, _) = contacts::read_contacts(&file, &std::fs::read(&file).unwrap(), &[]).unwrap();
    assert_eq!(people[0].name, "최유림");
}

fn read(name: &str, bytes: &[u8]) -> Vec<Contact> {
    contacts::read_contacts(Path::new(name), bytes, &[])
        .unwrap()
        .0
}

#[test]
fn quoted_printable_is_decoded_with_and_without_a_charset() {
    let with = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:N=FA=F1ez;Jos=E9\r\nFN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Jos=E9 N=FA=F1ez\r\nORG;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Radio La Ma=C3=B1anera\r\nTEL;CELL:481 111 2233\r\nEND:VCARD\r\n";
    let people = read("a.vcf", with);
    assert_eq!(people[0].name, "José Núñez");
    assert_eq!(people[0].outlet, "Radio La Mañanera");
    assert_eq!(people[0].phone, "481 111 2233");
    let without = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:Se=C3=B1al =\r\nHuasteca\r\nNOTE;ENCODING=QUOTED-PRINTABLE:l=C3=ADnea 1=0D=0Al=C3=ADnea 2\r\nEND:VCARD\r\n";
    let people = read("b.vcf", without);
    assert_eq!(people[0].name, "Señal Huasteca");
    assert!(people[0].notes.contains("línea 1"), "{:?}", people[0].notes);
}

#[test]
fn folded_lines_and_grouped_properties_are_read() {
    let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:María de los Ángeles\r\n  Hernández\r\nitem1.EMAIL;TYPE=INTERNET:maria@radio.mx\r\nitem1.X-ABLabel:trabajo\r\nTEL;TYPE=WORK:481 000 0000\r\nTEL;TYPE=CELL:481 222 3344\r\nCATEGORIES:Radio,Medios Huasteca\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ==\r\nEND:VCARD\r\n";
    let people = read("c.vcf", card.as_bytes());
    assert_eq!(people[0].name, "María de los Ángeles Hernández");
    assert_eq!(people[0].email, "maria@radio.mx");
    assert_eq!(
        people[0].phone, "481 222 3344",
        "the mobile is the WhatsApp"
    );
    assert_eq!(people[0].lists, vec!["Radio", "Medios Huasteca"]);
}

/// One sheet of three people written in each way Excel and others save it.
fn sheet(sep: char) -> String {
    [
        format!("Nombre{sep}Medio{sep}Teléfono{sep}Correo{sep}Notas"),
        format!("José Núñez{sep}\"Radio{sep} La Mañanera\"{sep}481 111 2233{sep}jose@ej.mx{sep}\"dos\nlíneas\""),
        format!("Ana Pérez{sep}El Sol{sep}{sep}ana@sol.mx{sep}"),
        format!("Lucía Martínez{sep}\"Voz \"\"Tének\"\"\"{sep}489 100 0000{sep}{sep}"),
    ]
    .join("\r\n")
}

#[test]
fn csv_in_utf8_bom_and_windows_1252_with_either_separator() {
    for sep in [',', ';', '\t'] {
        let utf8 = sheet(sep);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(utf8.as_bytes());
        let cp1252: Vec<u8> = utf8
            .chars()
            .map(|c| match c {
                'é' => 0xE9,
                'ú' => 0xFA,
                'ñ' => 0xF1,
                'í' => 0xED,
                'É' => 0xC9,
                c => c as u8,
            })
            .collect();
        for (how, bytes) in [
            ("utf8", utf8.as_bytes().to_vec()),
            ("bom", bom),
            ("1252", cp1252),
        ] {
            let people = read("x.csv", &bytes);
            assert_eq!(people.len(), 3, "{how} {sep:?}");
            assert_eq!(people[0].name, "José Núñez", "{how} {sep:?}");
            assert_eq!(people[0].outlet, format!("Radio{sep} La Mañanera"), "{how}");
            assert_eq!(people[0].notes, "dos\nlíneas", "{how} {sep:?}");
            assert_eq!(people[0].line, Some(2));
            assert_eq!(
                people[1].line,
                Some(4),
                "a line break inside a field counts"
            );
            assert_eq!(people[2].outlet, "Voz \"Tének\"");
            assert_eq!(people[1].phone, "");
        }
    }
}

#[test]
fn google_and_outlook_exports_map_their_headers() {
    let google = "Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title\r\nRosa Garza,Rosa,Garza,* myContacts ::: Radio ::: Nacionales,* Work,rosa@ej.mx,Mobile,+52 481 555 0101,La Voz,Reportera\r\n";
    let p = &read("google.csv", google.as_bytes())[0];
    assert_eq!(p.name, "Rosa Garza");
    assert_eq!(
        (p.email.as_str(), p.phone.as_str()),
        ("rosa@ej.mx", "+52 481 555 0101")
    );
    assert_eq!(
        (p.outlet.as_str(), p.role.as_str()),
        ("La Voz", "Reportera")
    );
    assert_eq!(p.lists, vec!["Radio", "Nacionales"]);
    let outlook = "Nombre;Segundo nombre;Apellidos;Organización;Puesto;Teléfono móvil;Dirección de correo electrónico;Categorías\r\nJuan;Carlos;López Díaz;Imagen Huasteca;Editor;481 300 4000;juan@img.mx;Prensa escrita\r\n";
    let p = &read("outlook.csv", outlook.as_bytes())[0];
    assert_eq!(p.name, "Juan Carlos López Díaz");
    assert_eq!(p.outlet, "Imagen Huasteca");
    assert_eq!(p.phone, "481 300 4000");
    assert_eq!(p.email, "juan@img.mx");
}

#[test]
fn a_mis_mapped_column_is_corrected_and_the_preview_shows_the_mapping() {
    let csv = "Nombre;Empresa;Tel;Teléfono oficina\r\nJosé Núñez;La Mañanera;481 111 2233;481 000 0000\r\n";
    let guessed = contacts::read_contacts(Path::new("a.csv"), csv.as_bytes(), &[]).unwrap();
    assert_eq!(guessed.0[0].phone, "481 000 0000");
    assert!(
        guessed.1.iter().any(|n| n == "Columna «Tel» → (sin usar)"),
        "{:?}",
        guessed.1
    );
    let fixed = contacts::read_contacts(
        Path::new("a.csv"),
        csv.as_bytes(),
        &[(Field::Phone, Some("tel".into()))],
    )
    .unwrap();
    assert_eq!(fixed.0[0].phone, "481 111 2233");
    assert!(fixed.1.iter().any(|n| n == "Columna «Tel» → telefono"));
}

#[test]
fn a_reimport_merges_by_email_then_phone_then_name_and_outlet() {
    let work = tempfile::tempdir().unwrap();
    let mut store = empty_store(work.path());
    let first = "Nombre,Medio,Teléfono,Correo,Listas\r\nJosé Núñez,La Mañanera,481 111 2233,jose@ej.mx,Radio\r\nAna Pérez,El Sol,,,\r\nLucía Martínez,Voz Tének,489 100 0000,,\r\n";
    let file = work.path().join("a.csv");
    std::fs::write(&file, first).unwrap();
    contacts::prepare(&file, &store, &[])
        .unwrap()
        .write(&mut store)
        .unwrap();
    // The same people, as another sheet writes them: e-mail in capitals, phone with +52,
    // no accents, and a new list.
    let second = "Nombre,Medio,Teléfono,Correo,Listas\r\nJose Nunez,La Mañanera,,JOSE@EJ.MX,Nacionales\r\nLucia Martinez,,+52 (489) 100-0000,,\r\nANA PÉREZ,el sol,,ana@sol.mx,\r\nAna Pérez,El Sol,,,\r\n";
    std::fs::write(&file, second).unwrap();
    let prepared = contacts::prepare(&file, &store, &[]).unwrap();
    let c = prepared.plan().counts();
    assert_eq!((c.new, c.updated), (0, 3), "{:?}", prepared.plan().items);
    let preview = prepared.plan().preview(10).join("\n");
    assert!(preview.contains("mismo correo"), "{preview}");
    assert!(preview.contains("mismo teléfono"), "{preview}");
    assert!(preview.contains("mismo nombre y medio"), "{preview}");
    prepared.write(&mut store).unwrap();
    let people = store.journalists_for_import().unwrap();
    assert_eq!(people.len(), 3);
    let jose = people.iter().find(|p| p.2.email == "JOSE@EJ.MX").unwrap();
    assert_eq!(
        jose.2.phone, "481 111 2233",
        "what the file leaves empty is kept"
    );
    assert_eq!(jose.3, vec!["Nacionales", "Radio"], "lists are joined");
}

#[test]
fn a_broken_csv_is_refused_whole_with_its_line() {
    let work = tempfile::tempdir().unwrap();
    let store = empty_store(work.path());
    let file = work.path().join("a.csv");
    std::fs::write(&file, "Medio,Correo\r\nLa Voz,a@b.mx\r\n").unwrap();
    let e = contacts::prepare(&file, &store, &[])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("línea 1") && e.contains("--columna nombre="),
        "{e}"
    );
    std::fs::write(
        &file,
        "Nombre,Correo\r\nJosé,no-es-correo\r\nAna,ana@sol.mx\r\n",
    )
    .unwrap();
    let p = contacts::prepare(&file, &store, &[]).unwrap();
    let item = &p.plan().items[0];
    assert_eq!(item.line, Some(2));
    assert!(
        matches!(&item.outcome, Outcome::Skipped(r) if r.contains("Correo")),
        "{item:?}"
    );
}

fn text() -> impl Strategy<Value = String> {
    prop::string::string_regex("[A-Za-zÁÉÍÓÚáéíóúÑñü0-9 ,;:\"'\\\\.()@+-]{0,24}").unwrap()
}

fn person() -> impl Strategy<Value = Contact> {
    (
        (text(), text(), text(), text()),
        (text(), any::<bool>(), prop::collection::vec(text(), 0..3)),
        (prop::option::of(text()), any::<bool>()),
    )
        .prop_map(
            |((name, outlet, role, beats), (notes, wa, lists), (dnc, consent))| {
                let clean = |s: String| s.trim().to_owned();
                let mut lists: Vec<String> = lists
                    .into_iter()
                    .map(|l| contacts::list_name(&l.replace([',', ';'], " ")))
                    .filter(|l| !l.is_empty())
                    .collect();
                lists.dedup();
                Contact {
                    name: format!("N {}", clean(name)).trim().to_owned(),
                    outlet: clean(outlet),
                    role: clean(role),
                    beats: clean(beats),
                    email: "p@ej.mx".into(),
                    phone: "481 111 2233".into(),
                    channel: Some(if wa {
                        prensa::domain::status::SendChannel::WhatsApp
                    } else {
                        prensa::domain::status::SendChannel::Email
                    }),
                    notes: format!("nota {}\nsegunda línea", clean(notes)),
                    lists,
                    do_not_contact: dnc.map(clean),
                    consent: consent.then(|| "2025-03-06".to_owned()),
                    ..Contact::default()
                }
            },
        )
}

proptest! {
    // 64 cases a run; PROPTEST_CASES=5000 for a long one.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]
    #[test]
    fn an_export_reads_back_field_for_field(people in prop::collection::vec(person(), 1..5)) {
        for (format, name) in [(ContactFormat::VCard, "x.vcf"), (ContactFormat::Csv, "x.csv")] {
            let bytes = export::write(&people, format, true);
            let back = contacts::read_contacts(Path::new(name), &bytes, &[]).unwrap().0;
            prop_assert_eq!(back.len(), people.len());
            for (a, b) in people.iter().zip(&back) {
                let mut b = b.clone();
                b.line = None;
                prop_assert_eq!(a, &b, "{}", name);
            }
        }
    }
}

#[test]
fn an_export_without_personal_data_has_no_email_or_phone() {
    let (_dir, path) = common::demo_copy();
    let store = Store::open(&path, &common::options()).unwrap();
    let people = export::contacts(&store).unwrap();
    assert!(people.len() > 20);
    for format in [ContactFormat::VCard, ContactFormat::Csv] {
        let full = String::from_utf8(export::write(&people, format, true)).unwrap();
        let bare = String::from_utf8(export::write(&people, format, false)).unwrap();
        assert!(full.contains(&people[0].email) && full.contains(&people[0].phone));
        assert!(!bare.contains("@ejemplo.mx"), "{format:?}");
        assert!(!bare.contains(&people[0].phone), "{format:?}");
        assert!(bare.contains(&people[0].name));
    }
}

#[test]
fn two_reporters_sharing_a_newsroom_address_stay_two_people() {
    let work = tempfile::tempdir().unwrap();
    let mut store = empty_store(work.path());
    let file = work.path().join("a.csv");
    std::fs::write(
        &file,
        "Nombre,Medio,Correo,Teléfono\r\n\
         Rosa Garza Rivera,La Voz,redaccion@lavoz.mx,481 100 0001\r\n\
         Luis Ortiz,La Voz,redaccion@lavoz.mx,481 100 0001\r\n",
    )
    .unwrap();
    let prepared = contacts::prepare(&file, &store, &[]).unwrap();
    assert_eq!(
        prepared.plan().counts().new,
        2,
        "{:?}",
        prepared.plan().items
    );
    prepared.write(&mut store).unwrap();
    // The same address under a fuller name is the same person.
    std::fs::write(
        &file,
        "Nombre,Medio,Correo\r\nRosa Garza Rivera de León,La Voz,REDACCION@lavoz.mx\r\n",
    )
    .unwrap();
    let again = contacts::prepare(&file, &store, &[]).unwrap();
    let c = again.plan().counts();
    assert_eq!((c.new, c.updated), (0, 1), "{:?}", again.plan().items);
    assert!(again.plan().items[0].label.contains("«Rosa Garza Rivera»"));
    assert_eq!(names(&store).len(), 2);
}

#[test]
fn escape_sequences_and_huge_headers_never_reach_the_screen_or_the_directory() {
    let work = tempfile::tempdir().unwrap();
    let mut store = empty_store(work.path());
    // A header of a megabyte, and names carrying a terminal's escape sequences.
    let file = work.path().join("a.csv");
    let header = format!("Nombre,Correo,{}\u{1b}[2J", "x".repeat(1_000_000));
    std::fs::write(
        &file,
        format!("{header}\r\n\"Ana\u{1b}]0;hola\u{7} Pérez\u{202E}\",ana@ej.mx,z\r\n"),
    )
    .unwrap();
    let prepared = contacts::prepare(&file, &store, &[]).unwrap();
    let preview = prepared.plan().preview(10).join("\n");
    assert!(
        !preview.chars().any(|c| c.is_control() && c != '\n'),
        "{preview:?}"
    );
    assert!(preview.len() < 2_000, "{}", preview.len());
    prepared.write(&mut store).unwrap();
    let names = names(&store);
    assert_eq!(names, vec!["Ana]0;hola Pérez"]);
    // Refused with a line that is short and printable.
    let e = contacts::prepare(&file, &store, &[(Field::Phone, Some("Fax".into()))])
        .unwrap_err()
        .to_string();
    assert!(e.len() < 1_000 && !e.contains('\u{1b}'), "{}", e.len());
}

#[cfg(unix)]
#[test]
fn a_device_is_not_a_file_to_import() {
    let work = tempfile::tempdir().unwrap();
    let store = empty_store(work.path());
    let e = contacts::prepare(Path::new("/dev/null"), &store, &[])
        .unwrap_err()
        .to_string();
    assert!(e.contains("no es un archivo (es un dispositivo"), "{e}");
}
