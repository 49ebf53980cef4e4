//! Borradores as the office works it, key by key: a post written and its X version made to
//! fit; sent for review, turned back with a comment, sent again, approved, copied and
//! published; a press release numbered with the office's prefix; the electoral blackout
//! blocking; an Art. 134 warning let through with a reason; the piece being written saved
//! every few seconds and taken back whole when the form is cancelled.
mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prensa::app::{App, Effect};
use prensa::domain::edit::{RecordKind, Target};
use prensa::store::Store;
use prensa::ui::overlay::Overlay;
use prensa::ui::Action;

/// Writes a new piece from the Borradores list: title and text. Returns its id.
fn new_draft(app: &mut App, title: &str, body: &str) -> String {
    type_keys(app, "4n");
    assert!(top_is_form(app), "{}", shown(app));
    type_keys(app, title);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    type_keys(app, body);
    ctrl(app, 's');
    assert!(!top_is_form(app), "{}", shown(app));
    id_where(app, "drafts", "title", title).unwrap()
}

fn draft(id: &str) -> Target {
    Target::new(RecordKind::Draft, id)
}

/// Shows a piece selected in the Borradores list, its detail beside it.
fn show(app: &mut App, id: &str) {
    if app.screen().overlays.is_empty() {
        type_keys(app, "4");
    }
    let key = app.store().place_of(&draft(id)).unwrap().unwrap();
    app.update(Action::List(prensa::ui::ListCmd::Reveal(key)));
}

/// Adds a version for the channel `rights` steps after Facebook (1: X, 2: Instagram,
/// 3: WhatsApp) to the draft shown, from its detail.
fn add_variant(app: &mut App, id: &str, rights: usize, body: &str) -> String {
    show(app, id);
    press(app, KeyCode::Enter);
    type_keys(app, "n");
    assert!(top_is_form(app), "{}", shown(app));
    for _ in 0..rights {
        press(app, KeyCode::Right);
    }
    press(app, KeyCode::Tab);
    type_keys(app, body);
    ctrl(app, 's');
    assert!(!top_is_form(app), "{}", shown(app));
    press(app, KeyCode::Esc);
    sql_value(
        app,
        "SELECT id FROM variants WHERE draft_id = ?1 AND deleted_at IS NULL
         ORDER BY created_at DESC, id DESC LIMIT 1",
        &[id],
    )
    .unwrap()
}

/// The detail pane at 120×40 as one line of words (what wraps on screen reads joined).
fn detail(app: &App) -> String {
    let screen = render(app, 120, 40);
    let words: Vec<String> = screen
        .lines()
        .filter_map(|l| {
            l.split_once("││")
                .map(|(_, right)| right.trim_end_matches('│').to_owned())
        })
        .collect();
    words
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn set_status(app: &mut App, id: &str, code: &str) {
    app.update(Action::SetStatus(draft(id), code.into()));
}

/// Esc on a form, saying yes when it asks whether to leave what was typed.
fn cancel_form(app: &mut App) {
    press(app, KeyCode::Esc);
    if matches!(app.screen().overlays.last(), Some(Overlay::Confirm(_))) {
        press(app, KeyCode::Char('s'));
    }
    assert!(!top_is_form(app), "{}", shown(app));
}

fn close_notice(app: &mut App) {
    if matches!(app.screen().overlays.last(), Some(Overlay::Notice(_))) {
        press(app, KeyCode::Esc);
    }
}

fn steps(app: &App, id: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(app.store().path()).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT status_from || '→' || status_to || ':' || comment FROM draft_steps
             WHERE draft_id = ?1 AND deleted_at IS NULL ORDER BY at, created_at, id",
        )
        .unwrap();
    let rows = stmt
        .query_map([id], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<String>>>()
        .unwrap();
    rows
}

#[test]
fn a_post_is_made_to_fit_turned_back_approved_copied_and_published() {
    let (_dir, mut app) = demo_app(120, 40);
    let id = new_draft(
        &mut app,
        "Jornada de salud del DIF en Tamápatz",
        "El DIF municipal llevó consultas, vacunas y pláticas de nutrición a Tamápatz.",
    );
    let long = format!(
        "Jornada de salud del DIF en Tamápatz: consultas, vacunas y pláticas. {} #DIF",
        "Gracias por acudir. ".repeat(12)
    );
    let x = add_variant(&mut app, &id, 1, &long);
    assert_eq!(value(&app, "variants", &x, "channel"), "x");
    // The detail says the X version is too long, and by how much.
    show(&mut app, &id);
    let screen = detail(&app);
    assert!(
        screen.contains("Revisión antes de publicar (1)"),
        "{screen}"
    );
    assert!(
        screen.contains("⛔ Bloquea: X: 314 de 280 caracteres; sobran 34."),
        "{screen}"
    );

    set_status(&mut app, &id, "review");
    assert_eq!(value(&app, "drafts", &id, "status"), "review");
    // Approval is refused while the X version does not fit, and the refusal says why.
    set_status(&mut app, &id, "approved");
    assert_eq!(value(&app, "drafts", &id, "status"), "review");
    assert!(
        said(&app).contains("No puede pasar a «Aprobado»: X:"),
        "{}",
        said(&app)
    );
    close_notice(&mut app);

    // Turned back: the comment is asked for, kept, and shown.
    set_status(&mut app, &id, "rejected");
    assert!(top_is_form(&app), "{}", shown(&app));
    ctrl(&mut app, 's');
    assert!(top_is_form(&app), "a rejection needs its comment");
    type_keys(&mut app, "Recortar la versión de X y poner el horario");
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "drafts", &id, "status"), "rejected");
    show(&mut app, &id);
    let screen = detail(&app);
    assert!(
        screen.contains("Comentario: Recortar la versión de X y poner el horario"),
        "{screen}"
    );

    // The X version is cut to fit: the form counts as X counts.
    app.update(Action::Edit(Target::new(RecordKind::Variant, x.clone())));
    assert!(top_is_form(&app));
    press(&mut app, KeyCode::Tab);
    let screen = shown(&app);
    assert!(screen.contains("de 280 caracteres"), "{screen}");
    app.on_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    type_keys(
        &mut app,
        "Jornada de salud del DIF en Tamápatz, hoy de 9 a 14 h. https://tampamolon.gob.mx/dif/jornada-de-salud-marzo #DIF",
    );
    let screen = shown(&app);
    assert!(
        screen.contains("83 de 280 caracteres · 1 hashtag"),
        "{screen}"
    );
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));

    // Sent again, approved: who and when are kept, and every move is in the history.
    set_status(&mut app, &id, "review");
    assert_eq!(value(&app, "drafts", &id, "review_comment"), "");
    set_status(&mut app, &id, "approved");
    assert_eq!(value(&app, "drafts", &id, "status"), "approved");
    assert!(!value(&app, "drafts", &id, "approved_by").is_empty());
    assert!(!value(&app, "drafts", &id, "approved_at").is_empty());
    assert_eq!(
        steps(&app, &id),
        vec![
            "draft→review:",
            "review→rejected:Recortar la versión de X y poner el horario",
            "rejected→review:",
            "review→approved:",
        ]
    );
    show(&mut app, &id);
    let screen = detail(&app);
    assert!(screen.contains("Historial (4)"), "{screen}");
    assert!(
        screen.contains(&format!(
            "En revisión → Rechazado ({}): «Recortar la versión",
            app.store().actor()
        )),
        "{screen}"
    );

    // `y` on the X version copies its text, ready to paste into X.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Down);
    app.take_effects();
    type_keys(&mut app, "y");
    let copied: Vec<Effect> = app.take_effects();
    assert_eq!(
        copied,
        vec![Effect::Clipboard(
            "Jornada de salud del DIF en Tamápatz, hoy de 9 a 14 h. https://tampamolon.gob.mx/dif/jornada-de-salud-marzo #DIF".into()
        )]
    );
    press(&mut app, KeyCode::Esc);

    // Published on X: `p` asks for the network, when, and the post's link.
    show(&mut app, &id);
    type_keys(&mut app, "p");
    assert!(top_is_form(&app), "{}", shown(&app));
    let screen = shown(&app);
    assert!(screen.contains("‹ X ›") || screen.contains("X"), "{screen}");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "https://x.com/tampamolon/status/1");
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "drafts", &id, "status"), "published");
    let publication = id_where(&app, "publications", "draft_id", &id).unwrap();
    assert_eq!(value(&app, "publications", &publication, "channel"), "x");
    assert_eq!(
        value(&app, "publications", &publication, "url"),
        "https://x.com/tampamolon/status/1"
    );
    assert_eq!(
        value(&app, "publications", &publication, "published_at"),
        "2025-03-06T08:30"
    );
    // A published piece is final.
    assert_eq!(steps(&app, &id).len(), 5);
}

#[test]
fn a_press_release_takes_the_next_folio_with_the_offices_prefix() {
    let (dir, path) = demo_copy();
    {
        let mut store = Store::open(&path, &options()).unwrap();
        store
            .batch("settings", |tx| {
                tx.set_setting(prensa::store::FOLIO_PREFIX_SETTING, "COM")
            })
            .unwrap();
    }
    let store = Store::open(&path, &options()).unwrap();
    let mut app = App::new(store, now(), (80, 24));
    let highest: i64 = count(
        &app,
        "SELECT coalesce(max(folio_number), 0) FROM drafts WHERE folio_year = 2025",
        &[],
    );
    type_keys(&mut app, "4n");
    type_keys(&mut app, "Boletín: inicia el programa de bacheo");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // Publicación → Boletín
    press(&mut app, KeyCode::Tab);
    type_keys(
        &mut app,
        "El Ayuntamiento informa que inicia el bacheo en la cabecera.",
    );
    ctrl(&mut app, 's');
    let id = id_where(
        &app,
        "drafts",
        "title",
        "Boletín: inicia el programa de bacheo",
    )
    .unwrap();
    set_status(&mut app, &id, "review");
    set_status(&mut app, &id, "approved");
    assert_eq!(
        value(&app, "drafts", &id, "folio"),
        format!("COM/{:03}/2025", highest + 1)
    );
    // Back to draft and approved again: the folio stays (a folio is never given twice).
    set_status(&mut app, &id, "draft");
    set_status(&mut app, &id, "review");
    set_status(&mut app, &id, "approved");
    assert_eq!(
        value(&app, "drafts", &id, "folio"),
        format!("COM/{:03}/2025", highest + 1)
    );
    drop(dir);
}

#[test]
fn the_electoral_blackout_blocks_scheduling_and_publishing_unless_the_topic_is_allowed() {
    let (_dir, mut app) = demo_app(80, 24);
    let id = new_draft(
        &mut app,
        "Inauguración de la cancha de San Antonio",
        "Se inauguró la cancha de usos múltiples.",
    );
    set_status(&mut app, &id, "review");
    set_status(&mut app, &id, "approved");
    assert_eq!(value(&app, "drafts", &id, "status"), "approved");
    // Scheduled inside the 2024 blackout: refused, saying why.
    set_status(&mut app, &id, "scheduled");
    assert!(top_is_form(&app), "{}", shown(&app));
    type_keys(&mut app, "15/04/2024");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app), "the form stays with the reason");
    let screen = shown(&app);
    assert!(screen.contains("veda electoral"), "{screen}");
    assert_eq!(value(&app, "drafts", &id, "status"), "approved");
    cancel_form(&mut app);
    // Published on a day of the blackout: refused too.
    set_status(&mut app, &id, "published");
    assert!(top_is_form(&app));
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "20/05/2024");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app));
    assert_eq!(value(&app, "drafts", &id, "status"), "approved");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM publications WHERE draft_id = ?1",
            &[&id]
        ),
        0
    );
    cancel_form(&mut app);
    // Civil protection may be published in a blackout: with that topic, it goes out.
    app.update(Action::Edit(draft(&id)));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_keys(&mut app, "Protección civil");
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "drafts", &id, "topic"), "Protección civil");
    // Changed after its approval, it is reviewed and approved again before it goes out.
    assert_eq!(value(&app, "drafts", &id, "status"), "review");
    set_status(&mut app, &id, "approved");
    set_status(&mut app, &id, "published");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "20/05/2024");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(value(&app, "drafts", &id, "status"), "published");
}

#[test]
fn an_art_134_warning_is_let_through_only_with_a_reason_which_is_kept() {
    let (_dir, mut app) = demo_app(120, 40);
    let id = new_draft(
        &mut app,
        "Entrega de útiles escolares",
        "Gracias a la presidenta, 300 niñas y niños de Tampamolón recibieron útiles.",
    );
    show(&mut app, &id);
    let screen = detail(&app);
    assert!(
        screen.contains("⚠ Aviso: Art. 134: «gracias a la presidenta» atribuye un logro"),
        "{screen}"
    );
    // And the words themselves stand out in the text.
    let marked = render_marked(&app, 120, 40);
    assert!(
        marked.contains("⟦Gracias a la presidenta⟧, 300 niñas"),
        "{marked}"
    );
    set_status(&mut app, &id, "review");
    // Approving asks for the reason first; without one nothing is written.
    set_status(&mut app, &id, "approved");
    assert!(top_is_form(&app), "{}", shown(&app));
    assert!(shown(&app).contains("Atender un aviso"), "{}", shown(&app));
    ctrl(&mut app, 's');
    assert!(top_is_form(&app));
    assert_eq!(value(&app, "drafts", &id, "status"), "review");
    type_keys(&mut app, "Es la cita textual de una madre de familia");
    ctrl(&mut app, 's');
    // Acknowledged, the approval goes on by itself.
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(value(&app, "drafts", &id, "status"), "approved");
    assert_eq!(
        sql_value(
            &app,
            "SELECT code || '|' || reason FROM draft_checks WHERE draft_id = ?1",
            &[&id]
        )
        .unwrap(),
        "art134:gracias a la presidenta|Es la cita textual de una madre de familia"
    );
    show(&mut app, &id);
    let screen = detail(&app);
    assert!(
        screen.contains("✓ Atendido: Art. 134: «gracias a la presidenta»"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!(
            "motivo: «Es la cita textual de una madre de familia» ({}",
            app.store().actor()
        )),
        "{screen}"
    );
    // `u` takes the approval back, then the acknowledgment.
    type_keys(&mut app, "u");
    assert_eq!(value(&app, "drafts", &id, "status"), "review");
    type_keys(&mut app, "u");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM draft_checks WHERE draft_id = ?1 AND deleted_at IS NULL",
            &[&id]
        ),
        0
    );
}

#[test]
fn two_machines_that_approve_a_release_each_meet_their_shared_folio_in_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("carpeta");
    std::fs::create_dir_all(&folder).unwrap();
    let (_d1, a) = demo_copy();
    let b = dir.path().join("casa.sqlite");
    std::fs::copy(&a, &b).unwrap();
    let mut office = open_as(&a, "oficina");
    let mut home = open_as(&b, "casa");
    let approve = |store: &mut Store, title: &str| -> String {
        let mut d =
            prensa::domain::edit::DraftInput::new(title, "Texto del boletín.", "2025-03-06T09:00");
        d.kind = prensa::domain::status::DraftKind::Release;
        let (id, _) = store
            .batch("test", |tx| {
                let id = tx.create(None, &prensa::domain::edit::Record::Draft(d))?;
                tx.set_status(&draft(&id), "review")?;
                tx.set_status(&draft(&id), "approved")?;
                Ok(id)
            })
            .unwrap();
        id
    };
    let first = approve(&mut office, "Boletín de la oficina");
    let second = approve(&mut home, "Boletín hecho en casa");
    let folio = |store: &Store, id: &str| -> String {
        rusqlite::Connection::open(store.path())
            .unwrap()
            .query_row("SELECT folio FROM drafts WHERE id = ?1", [id], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        folio(&office, &first),
        folio(&home, &second),
        "each machine gave the next one"
    );
    sync_with(&mut office, &folder);
    sync_with(&mut home, &folder);
    sync_with(&mut office, &folder);
    // Both pieces hold it on both machines, and the collision waits in Conflictos.
    let shared = office.draft_detail(&first).unwrap();
    assert_eq!(shared.same_folio.len(), 1);
    assert_eq!(shared.same_folio[0].title, "Boletín hecho en casa");
    let conflicts: i64 = rusqlite::Connection::open(office.path())
        .unwrap()
        .query_row(
            "SELECT count(*) FROM conflicts WHERE col = 'folio' AND resolved_at = ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(conflicts, 1);
    let mut app = App::new(office, now(), (120, 40));
    show(&mut app, &first);
    let screen = detail(&app);
    assert!(
        screen.contains("también lo tiene «Boletín hecho en casa»"),
        "{screen}"
    );
}

#[test]
fn the_piece_being_written_is_saved_as_typing_pauses_and_cancelling_takes_it_back() {
    let (_dir, mut app) = demo_app(80, 24);
    let before = count(
        &app,
        "SELECT count(*) FROM drafts WHERE deleted_at IS NULL",
        &[],
    );
    type_keys(&mut app, "4n");
    type_keys(&mut app, "Feria del elote");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_keys(
        &mut app,
        "Este domingo, la Feria del Elote en la plaza principal.",
    );
    // Typing pauses: the piece is in the store, through the one write path.
    app.on_idle();
    let id = id_where(&app, "drafts", "title", "Feria del elote").unwrap();
    assert_eq!(
        value(&app, "drafts", &id, "body"),
        "Este domingo, la Feria del Elote en la plaza principal."
    );
    assert!(
        shown(&app).contains("Guardado automático: 08:30:00"),
        "{}",
        shown(&app)
    );
    type_keys(&mut app, " Habrá música.");
    app.on_idle();
    assert!(value(&app, "drafts", &id, "body").ends_with("Habrá música."));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM drafts WHERE deleted_at IS NULL",
            &[]
        ),
        before + 1,
        "saved twice, one piece"
    );
    // Esc asks; discarding takes every save back.
    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "s");
    assert!(!top_is_form(&app));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM drafts WHERE deleted_at IS NULL",
            &[]
        ),
        before
    );

    // Saved on the way and then with Ctrl+S: one `u` takes the whole piece back.
    type_keys(&mut app, "n");
    type_keys(&mut app, "Concurso de piñatas");
    app.on_idle();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Bases del concurso.");
    app.on_idle();
    ctrl(&mut app, 's');
    let id = id_where(&app, "drafts", "title", "Concurso de piñatas").unwrap();
    assert_eq!(value(&app, "drafts", &id, "body"), "Bases del concurso.");
    type_keys(&mut app, "u");
    assert!(id_where(&app, "drafts", "title", "Concurso de piñatas").is_none());
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM drafts WHERE deleted_at IS NULL",
            &[]
        ),
        before
    );
}

#[test]
fn ctrl_f_finds_in_the_text_without_accents_and_esc_goes_back_to_writing() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "4n");
    type_keys(&mut app, "Campaña de vacunación");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Vacunación canina. La vacunacion es gratuita.");
    ctrl(&mut app, 'f');
    type_keys(&mut app, "vacunacion");
    let screen = shown(&app);
    assert!(screen.contains("Buscar: vacunacion"), "{screen}");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    // Back to writing: what is typed replaces the second match, selected.
    type_keys(&mut app, "aplicación");
    ctrl(&mut app, 's');
    let id = id_where(&app, "drafts", "title", "Campaña de vacunación").unwrap();
    assert_eq!(
        value(&app, "drafts", &id, "body"),
        "Vacunación canina. La aplicación es gratuita."
    );
}

/// The binary, on a database, with its platform folders inside the test's own.
fn prensa(home: &std::path::Path, db: &std::path::Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_prensa"));
    cmd.arg("--db")
        .arg(db)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "es_MX.UTF-8");
    cmd
}

#[test]
fn a_press_release_is_exported_by_its_folio_as_text_markdown_and_html() {
    let (dir, db) = demo_copy();
    let (folio, title): (String, String) = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT folio, title FROM drafts WHERE kind = 'release' AND folio <> ''
             AND deleted_at IS NULL ORDER BY approved_at DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let expected = {
        let store = Store::open(&db, &options()).unwrap();
        let b = store.bulletin(&folio).unwrap().unwrap();
        assert_eq!(b.place, "Tampamolón Corona, S.L.P.");
        prensa::interop::bulletin::render(&b, prensa::interop::bulletin::BulletinFormat::Txt)
    };
    // The folio as people type it (any case); the format from the file's name.
    let txt = dir.path().join("boletin.txt");
    let out = prensa(dir.path(), &db)
        .args(["exportar", "boletin", &folio.to_lowercase(), "--salida"])
        .arg(&txt)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Boletín {folio} escrito en")));
    let written = std::fs::read_to_string(&txt).unwrap();
    assert_eq!(written, expected);
    assert!(written.starts_with(
        "H. Ayuntamiento de Tampamolón Corona, S.L.P.\nDirección de Comunicación Social\n\nBoletín "
    ));
    assert!(
        written.contains("\nTampamolón Corona, S.L.P., a "),
        "{written}"
    );
    assert!(written.contains(&format!("\n{title}\n")), "{written}");
    assert!(
        written.trim_end().ends_with("WhatsApp 481 100 2020"),
        "{written}"
    );

    let html = dir.path().join("boletin.html");
    let out = prensa(dir.path(), &db)
        .args(["export", "bulletin", &folio, "--salida"])
        .arg(&html)
        .output()
        .unwrap();
    assert!(out.status.success());
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"es-MX\">"), "{page}");
    assert!(
        page.contains(&format!("<p class=\"folio\">Boletín {folio}</p>")),
        "{page}"
    );
    let md = dir.path().join("boletin.txt");
    let out = prensa(dir.path(), &db)
        .args(["exportar", "boletin", &folio, "--formato", "md", "--salida"])
        .arg(&md)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&md).unwrap().contains("\n# "));

    // A folio nobody was given: said in Spanish, exit 1, nothing written.
    let none = dir.path().join("ninguno.txt");
    let out = prensa(dir.path(), &db)
        .args(["exportar", "boletin", "CS/999/1999", "--salida"])
        .arg(&none)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("No hay un boletín aprobado con el folio «CS/999/1999»"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!none.exists());
}

#[test]
fn x_on_a_press_release_writes_it_where_the_user_says() {
    let (dir, mut app) = demo_app(80, 24);
    let id = sql_value(
        &app,
        "SELECT id FROM drafts WHERE kind = 'release' AND folio <> '' AND deleted_at IS NULL
         AND status IN ('approved', 'scheduled', 'published') ORDER BY written_at DESC LIMIT 1",
        &[],
    )
    .unwrap();
    let folio = value(&app, "drafts", &id, "folio");
    show(&mut app, &id);
    type_keys(&mut app, "x");
    assert!(top_is_form(&app), "{}", shown(&app));
    let screen = shown(&app);
    assert!(
        screen.contains(&format!("Exportar el boletín {folio}")),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("boletin-{}.html", folio.replace('/', "-"))),
        "{screen}"
    );
    // Plain text, to a file named without its extension: it gets one.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    let file = dir.path().join("para whatsapp");
    type_keys(&mut app, &file.display().to_string());
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let written = std::fs::read_to_string(file.with_extension("txt")).unwrap();
    assert!(written.contains(&format!("Boletín {folio}")), "{written}");
    assert!(said(&app).contains("escrito en"), "{}", said(&app));
    // A post has no folio: nothing to export, and it says so.
    let post = sql_value(
        &app,
        "SELECT id FROM drafts WHERE kind = 'post' AND deleted_at IS NULL LIMIT 1",
        &[],
    )
    .unwrap();
    show(&mut app, &post);
    type_keys(&mut app, "x");
    assert!(!top_is_form(&app));
    assert!(
        said(&app).contains("Solo se exporta un boletín aprobado, programado o publicado"),
        "{}",
        said(&app)
    );
}

#[test]
fn the_office_sets_its_blackouts_names_and_folio_prefix_from_borradores() {
    let (_dir, mut app) = demo_app(120, 40);
    type_keys(&mut app, "4o");
    assert!(top_is_form(&app), "{}", shown(&app));
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Oficina: boletines, Art. 134 y vedas"),
        "{screen}"
    );
    assert!(screen.contains("Martha Elena Reyes Castillo"), "{screen}");
    // To the blackouts (the last field), a line that cannot be read: refused beside it.
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("01/03/2024 a 02/06/2024 Veda electoral 2024"),
        "{screen}"
    );
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "la semana que entra");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app));
    assert!(
        render(&app, 120, 40).contains("Renglón 3: no se entiende"),
        "{}",
        render(&app, 120, 40)
    );
    // Written as the note says, it is a new period.
    for _ in 0..19 {
        press(&mut app, KeyCode::Backspace);
    }
    type_keys(&mut app, "01/03/2025 a 10/03/2025 Veda de prueba");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM veda_periods WHERE deleted_at IS NULL AND name = 'Veda de prueba'
             AND starts_on = '2025-03-01' AND ends_on = '2025-03-10'",
            &[]
        ),
        1
    );
    // A piece scheduled inside it is held back, saying which period.
    let id = new_draft(&mut app, "Torneo de fútbol", "Inicia el torneo municipal.");
    set_status(&mut app, &id, "review");
    set_status(&mut app, &id, "approved");
    set_status(&mut app, &id, "scheduled");
    type_keys(&mut app, "07/03/2025");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app));
    assert!(
        render(&app, 120, 40).contains("Veda de prueba"),
        "{}",
        render(&app, 120, 40)
    );
    cancel_form(&mut app);
    // `u`, once for each change (the approval, the review, the piece, the settings), takes
    // the settings back too: the period is gone.
    type_keys(&mut app, "uuuu");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM veda_periods WHERE deleted_at IS NULL AND name = 'Veda de prueba'",
            &[]
        ),
        0,
        "{}",
        said(&app)
    );
}

#[test]
fn campaigns_show_their_progress_and_a_new_one_is_written_from_its_view() {
    let (_dir, mut app) = demo_app(120, 40);
    type_keys(&mut app, "4]");
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("Borradores │ Campañas │ Material"),
        "{screen}"
    );
    assert!(
        screen.contains("Fechas: 01/01/2025 – 31/12/2025"),
        "{screen}"
    );
    // A campaign's pieces are of its own year.
    let strays = count(
        &app,
        "SELECT count(*) FROM drafts x JOIN campaigns c ON c.id = x.campaign_id
         WHERE substr(x.written_at, 1, 4) <> substr(c.starts_on, 1, 4)",
        &[],
    );
    assert_eq!(strays, 0);
    type_keys(&mut app, "n");
    assert!(top_is_form(&app), "{}", shown(&app));
    type_keys(&mut app, "Día de muertos sin riesgos");
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Protección Civil");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let id = id_where(&app, "campaigns", "name", "Día de muertos sin riesgos").unwrap();
    let screen = detail(&app);
    assert!(screen.contains("Día de muertos sin riesgos"), "{screen}");
    assert!(screen.contains("Sin piezas todavía."), "{screen}");
    // A piece written for it counts toward it.
    type_keys(&mut app, "[");
    let piece = new_draft(
        &mut app,
        "Recomendaciones para visitar panteones",
        "Use cubrebocas.",
    );
    app.update(Action::Edit(draft(&piece)));
    for _ in 0..7 {
        press(&mut app, KeyCode::Tab);
    }
    type_keys(&mut app, "Día de muertos");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "drafts", &piece, "campaign_id"), id);
    type_keys(&mut app, "]");
    let key = app
        .store()
        .place_of(&Target::new(RecordKind::Campaign, id.clone()))
        .unwrap()
        .unwrap();
    app.update(Action::List(prensa::ui::ListCmd::Reveal(key)));
    let screen = detail(&app);
    assert!(screen.contains("0 de 1 piezas publicadas"), "{screen}");
    assert!(
        screen.contains("Recomendaciones para visitar panteones"),
        "{screen}"
    );
}

#[test]
fn a_request_for_material_is_late_on_hoy_until_it_is_delivered_with_its_files() {
    let (dir, mut app) = demo_app(120, 40);
    type_keys(&mut app, "4]]n");
    assert!(top_is_form(&app), "{}", shown(&app));
    type_keys(&mut app, "Lona del tianguis navideño");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right); // Cartel → Volante → Lona
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Cultura");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab); // requested on: today
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "04/03/2025"); // needed by: two days ago
    ctrl(&mut app, 's');
    // Needed before it was asked for: refused beside the field.
    assert!(top_is_form(&app));
    assert!(
        render(&app, 120, 40).contains("Para el"),
        "{}",
        render(&app, 120, 40)
    );
    press(&mut app, KeyCode::Up);
    type_keys(&mut app, "01/03/2025");
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", render(&app, 120, 40));
    let id = id_where(
        &app,
        "material_requests",
        "title",
        "Lona del tianguis navideño",
    )
    .unwrap();
    assert_eq!(value(&app, "material_requests", &id, "kind"), "banner");
    assert_eq!(value(&app, "material_requests", &id, "status"), "received");
    let screen = render(&app, 120, 40);
    assert!(screen.contains("⚠ Atrasado"), "{screen}");
    type_keys(&mut app, "1");
    let screen = render(&app, 120, 40);
    assert!(screen.contains("MATERIAL ATRASADO — 1 pedido"), "{screen}");
    assert!(screen.contains("Lona del tianguis navideño"), "{screen}");
    // Designed, delivered with its file: no longer late anywhere.
    let target = Target::new(RecordKind::Material, id.clone());
    app.update(Action::SetStatus(target.clone(), "design".into()));
    assert_eq!(value(&app, "material_requests", &id, "status"), "design");
    let file = dir.path().join("lona tianguis.pdf");
    std::fs::write(&file, b"%PDF-1.4 lona").unwrap();
    type_keys(&mut app, "4");
    let key = app.store().place_of(&target).unwrap().unwrap();
    app.update(Action::List(prensa::ui::ListCmd::Reveal(key)));
    press(&mut app, KeyCode::Enter);
    type_keys(&mut app, "n");
    assert!(top_is_form(&app), "{}", shown(&app));
    type_keys(&mut app, &file.display().to_string());
    ctrl(&mut app, 's');
    assert!(!top_is_form(&app), "{}", shown(&app));
    let screen = detail(&app);
    assert!(screen.contains("Entregado (1)"), "{screen}");
    assert!(screen.contains("lona tianguis.pdf"), "{screen}");
    app.update(Action::SetStatus(target, "delivered".into()));
    assert_eq!(value(&app, "material_requests", &id, "status"), "delivered");
    type_keys(&mut app, "1");
    assert!(!render(&app, 120, 40).contains("Lona del tianguis navideño"));
}

#[test]
fn an_approved_piece_changed_goes_back_to_review_and_is_not_exported_meanwhile() {
    let (_dir, mut app) = demo_app(80, 24);
    type_keys(&mut app, "4n");
    type_keys(&mut app, "Boletín: agua potable en La Esperanza");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // Boletín
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "Concluyó la red de agua potable.");
    ctrl(&mut app, 's');
    let id = id_where(
        &app,
        "drafts",
        "title",
        "Boletín: agua potable en La Esperanza",
    )
    .unwrap();
    set_status(&mut app, &id, "review");
    set_status(&mut app, &id, "approved");
    assert_eq!(value(&app, "drafts", &id, "status"), "approved");
    let folio = value(&app, "drafts", &id, "folio");
    assert!(app.store().bulletin(&folio).unwrap().is_some());
    // Its text changed after approval: back to review, the folio kept, and not exported.
    app.update(Action::Edit(draft(&id)));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    app.on_key(KeyEvent::new(KeyCode::End, KeyModifiers::CONTROL));
    type_keys(&mut app, " Gracias a la presidenta.");
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "drafts", &id, "status"), "review");
    assert_eq!(value(&app, "drafts", &id, "folio"), folio);
    assert!(app.store().bulletin(&folio).unwrap().is_none());
    assert_eq!(
        steps(&app, &id).last().map(String::as_str),
        Some("approved→review:")
    );
    // Approved again (its new warning acknowledged), then a version added: back to review.
    set_status(&mut app, &id, "approved");
    type_keys(&mut app, "Cita de una vecina");
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "drafts", &id, "status"), "approved");
    add_variant(
        &mut app,
        &id,
        3,
        "Concluyó la red de agua potable en La Esperanza.",
    );
    assert_eq!(value(&app, "drafts", &id, "status"), "review");
}

#[test]
fn a_warning_left_unanswered_never_moves_another_piece_later() {
    let (_dir, mut app) = demo_app(80, 24);
    let first = new_draft(
        &mut app,
        "Entrega de becas",
        "Mi gobierno entregó 40 becas.",
    );
    set_status(&mut app, &first, "review");
    set_status(&mut app, &first, "approved");
    assert!(top_is_form(&app), "the reason is asked for");
    press(&mut app, KeyCode::Esc);
    assert!(!top_is_form(&app));
    assert_eq!(value(&app, "drafts", &first, "status"), "review");
    // Another piece's warning acknowledged: the first piece stays where it was.
    let second = new_draft(
        &mut app,
        "Torneo de voleibol",
        "Nuestro gobierno inauguró el torneo.",
    );
    app.update(Action::AckNext(draft(&second)));
    assert!(top_is_form(&app), "{}", shown(&app));
    type_keys(&mut app, "Es una cita");
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "drafts", &first, "status"), "review");
    assert_eq!(value(&app, "drafts", &second, "status"), "draft");
}

#[test]
fn esc_after_typing_back_to_the_start_leaves_the_piece_as_it_was() {
    let (_dir, mut app) = demo_app(80, 24);
    let id = new_draft(&mut app, "Feria del libro", "Texto original.");
    app.update(Action::Edit(draft(&id)));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "XYZ");
    app.on_idle();
    assert!(value(&app, "drafts", &id, "body").starts_with("XYZ"));
    // Typed away again: the form is as it opened, and Esc closes it without asking…
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Esc);
    assert!(!top_is_form(&app), "{}", shown(&app));
    // …and what was saved on the way is taken back.
    assert_eq!(value(&app, "drafts", &id, "body"), "Texto original.");
}

#[test]
fn a_piece_published_once_is_checked_again_for_each_network_s_day() {
    let (_dir, mut app) = demo_app(80, 24);
    let id = new_draft(&mut app, "Carrera atlética", "Inscripciones abiertas.");
    set_status(&mut app, &id, "review");
    set_status(&mut app, &id, "approved");
    set_status(&mut app, &id, "published");
    ctrl(&mut app, 's');
    assert_eq!(value(&app, "drafts", &id, "status"), "published");
    // On another network, on a day of the 2024 blackout: refused, nothing recorded.
    set_status(&mut app, &id, "published");
    assert!(top_is_form(&app), "{}", shown(&app));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "20/05/2024");
    ctrl(&mut app, 's');
    assert!(top_is_form(&app));
    assert!(
        render(&app, 80, 24).contains("veda"),
        "{}",
        render(&app, 80, 24)
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM publications WHERE draft_id = ?1",
            &[&id]
        ),
        1
    );
}
