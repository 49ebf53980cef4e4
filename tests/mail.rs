//! Press releases by e-mail against a real SMTP server (aiosmtpd, started by the test): each
//! recipient gets one message with the right headers and a UTF-8 subject and body; a server
//! that drops in the middle of the list stops the round, and sending again goes on without
//! sending anyone twice. `.ci/run` installs aiosmtpd; elsewhere the tests say so and skip.
mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::*;
use prensa::config::Smtp;
use prensa::domain::status::{DeliveryStatus, SendChannel};
use prensa::interop::mail;
use prensa::store::Store;

struct Server {
    child: Child,
    port: u16,
    folder: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// Starts the test server; `None` (with a notice) where aiosmtpd is not installed, unless
/// `PRENSA_SMTP_TESTS` says it must be (CI).
fn server(folder: &Path, drop_after: usize) -> Option<Server> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_server.py");
    let started = Command::new("python3")
        .arg(script)
        .arg(port.to_string())
        .arg(folder)
        .arg(drop_after.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match started {
        Ok(c) => c,
        Err(e) => return missing(&e.to_string()),
    };
    let mut line = String::new();
    let _ = BufReader::new(child.stdout.take().unwrap()).read_line(&mut line);
    if line.trim() != "listo" {
        let _ = child.kill();
        let mut why = String::new();
        let _ = std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut why);
        return missing(&why);
    }
    Some(Server {
        child,
        port,
        folder: folder.to_path_buf(),
    })
}

fn missing(why: &str) -> Option<Server> {
    if std::env::var_os("PRENSA_SMTP_TESTS").is_some() {
        panic!("the SMTP test server did not start: {why}");
    }
    println!("AVISO: no hay servidor SMTP de prueba (pip install aiosmtpd); se omite: {why}");
    None
}

fn settings(port: u16) -> Smtp {
    Smtp {
        server: "127.0.0.1".into(),
        port: Some(port),
        user: None,
        from: "Comunicación Social <comunicacion@tampamolon.gob.mx>".into(),
        security: Some("ninguna".into()),
    }
}

/// The messages the server took: (recipients, text).
fn taken(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            (
                std::fs::read_to_string(f.with_extension("rcpt")).unwrap(),
                std::fs::read(f).unwrap(),
            )
        })
        .collect()
}

/// A published release prepared for the "Radio" list: (store, send, its e-mail recipients).
fn prepared(path: &Path) -> (Store, String, Vec<String>) {
    let mut store = Store::open(path, &options()).unwrap();
    let conn = rusqlite::Connection::open(path).unwrap();
    let draft: String = conn
        .query_row(
            "SELECT id FROM drafts WHERE status = 'published' AND kind = 'release'
             AND deleted_at IS NULL AND id NOT IN (SELECT draft_id FROM deliveries)
             ORDER BY written_at DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let list: String = conn
        .query_row(
            "SELECT id FROM contact_lists WHERE name = 'Radio'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let (sent, _) = store
        .batch("test", |tx| tx.distribute(None, &draft, &list))
        .unwrap();
    let emails: Vec<String> = mail::pending(&store, &sent.id)
        .unwrap()
        .into_iter()
        .map(|d| d.address)
        .collect();
    assert!(emails.len() >= 4, "{emails:?}");
    (store, sent.id, emails)
}

#[test]
fn a_server_that_drops_mid_list_resumes_without_sending_anyone_twice() {
    let (dir, path) = demo_copy();
    let Some(server) = server(dir.path(), 2) else {
        return;
    };
    let (mut store, send, emails) = prepared(&path);
    let mut seen = Vec::new();
    let first = mail::send(
        &mut store,
        &send,
        &settings(server.port),
        None,
        &mut |done, total, name| seen.push((done, total, name.to_owned())),
    )
    .unwrap();
    assert_eq!(first.sent.len(), 2, "{first:?}");
    assert!(first.stopped.is_some(), "{first:?}");
    assert_eq!(first.left, emails.len() - 2);
    assert_eq!(seen[0], (0, emails.len(), seen[0].2.clone()));
    // What went out is recorded as sent; the rest still waits.
    assert_eq!(
        mail::pending(&store, &send).unwrap().len(),
        emails.len() - 2
    );
    // Again: the rest, and nobody twice.
    let second = mail::send(
        &mut store,
        &send,
        &settings(server.port),
        None,
        &mut |_, _, _| {},
    )
    .unwrap();
    assert_eq!(second.sent.len(), emails.len() - 2, "{second:?}");
    assert!(second.stopped.is_none());
    let third = mail::send(
        &mut store,
        &send,
        &settings(server.port),
        None,
        &mut |_, _, _| {},
    )
    .unwrap();
    assert!(third.sent.is_empty());
    let messages = taken(&server.folder);
    let mut to: Vec<String> = messages.iter().map(|(r, _)| r.clone()).collect();
    to.sort();
    let mut expected = emails.clone();
    expected.sort();
    assert_eq!(to, expected, "each e-mail recipient exactly once");
    let detail = store.distribution_detail(&send).unwrap();
    assert!(detail
        .deliveries
        .iter()
        .filter(|d| d.channel == SendChannel::Email)
        .all(|d| d.status == DeliveryStatus::Sent));
}

#[test]
fn each_message_has_the_right_headers_and_utf8_subject_and_body() {
    let (dir, path) = demo_copy();
    let Some(server) = server(dir.path(), 0) else {
        return;
    };
    let (mut store, send, _) = prepared(&path);
    let round = mail::send(
        &mut store,
        &send,
        &settings(server.port),
        None,
        &mut |_, _, _| {},
    )
    .unwrap();
    assert!(
        round.stopped.is_none() && !round.sent.is_empty(),
        "{round:?}"
    );
    let detail = store.distribution_detail(&send).unwrap();
    let (rcpt, raw) = &taken(&server.folder)[0];
    let message = mail_parser::MessageParser::default().parse(raw).unwrap();
    assert_eq!(message.subject(), Some(detail.email.subject.as_str()));
    assert!(
        detail.email.subject.starts_with("Boletín CS/"),
        "{}",
        detail.email.subject
    );
    let from = message.from().and_then(|f| f.first()).unwrap();
    assert_eq!(from.address(), Some("comunicacion@tampamolon.gob.mx"));
    assert_eq!(from.name(), Some("Comunicación Social"));
    let to = message.to().and_then(|t| t.first()).unwrap();
    assert_eq!(to.address(), Some(rcpt.as_str()));
    let delivery = detail
        .deliveries
        .iter()
        .find(|d| &d.address == rcpt)
        .unwrap();
    assert_eq!(to.name(), Some(delivery.name.as_str()));
    assert_eq!(
        message.message_id(),
        Some(format!("{}@prensa", delivery.id).as_str())
    );
    assert!(message.date().is_some());
    let body = message.body_text(0).unwrap();
    // Mail travels with CRLF line ends.
    assert_eq!(
        body.replace("\r\n", "\n").trim_end(),
        detail.email.body.trim_end()
    );
    assert!(body.contains("Tampamolón Corona"), "{body}");
}

#[test]
fn prensa_enviar_sends_a_press_release_to_a_list_from_the_command_line() {
    let (dir, path) = demo_copy();
    let Some(server) = server(dir.path(), 0) else {
        return;
    };
    let conn = rusqlite::Connection::open(&path).unwrap();
    let folio: String = conn
        .query_row(
            "SELECT folio FROM drafts WHERE status = 'published' AND kind = 'release'
             AND folio <> '' AND id NOT IN (SELECT draft_id FROM deliveries)
             ORDER BY written_at DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("prensa")).unwrap();
    std::fs::write(
        config.join("prensa/config.json"),
        format!(
            r#"{{"smtp": {{"servidor": "127.0.0.1", "puerto": {}, "remitente": "Comunicación Social <comunicacion@tampamolon.gob.mx>", "seguridad": "ninguna"}}}}"#,
            server.port
        ),
    )
    .unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_prensa"))
            .args(["--db"])
            .arg(&path)
            .args(["enviar", &folio.to_lowercase(), "--lista", "radio", "--si"])
            .env("XDG_CONFIG_HOME", &config)
            .env_remove(prensa::config::SMTP_PASSWORD_VAR)
            .output()
            .unwrap()
    };
    let out = run();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("✓ "), "{stdout}");
    assert!(stderr.contains("preparado para"), "{stderr}");
    let first = taken(&server.folder).len();
    assert!(first > 0);
    // Again: nobody new, nothing sent twice.
    let out = run();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("No queda nadie"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(taken(&server.folder).len(), first);
}

#[test]
fn e_in_envios_sends_the_e_mails_in_the_background_with_the_password_typed() {
    let (dir, path) = demo_copy();
    let Some(server) = server(dir.path(), 0) else {
        return;
    };
    let (store, send, emails) = prepared(&path);
    let config = dir.path().join("config.json");
    // The office's server takes mail without a login here: nothing is asked.
    prensa::config::Config {
        smtp: Some(settings(server.port)),
        ..Default::default()
    }
    .save(&config)
    .unwrap();
    let mut app = prensa::app::App::new(store, now(), (80, 24));
    app.set_config_path(Some(config.clone()));
    type_keys(&mut app, "5");
    while !shown(&app).contains("Llegó") {
        press(&mut app, crossterm::event::KeyCode::Char(']'));
    }
    let key = app
        .store()
        .place_of(&prensa::domain::edit::Target::new(
            prensa::domain::edit::RecordKind::Distribution,
            send.clone(),
        ))
        .unwrap()
        .unwrap();
    app.update(prensa::ui::Action::List(prensa::ui::ListCmd::Reveal(key)));
    type_keys(&mut app, "E");
    assert!(app.busy(), "{}", shown(&app));
    app.poll_job(true);
    assert!(!app.busy());
    let summary = shown(&app);
    assert!(
        summary.contains(&format!("Enviados: {} · fallidos: 0", emails.len())),
        "{summary}"
    );
    assert_eq!(taken(&server.folder).len(), emails.len());
    // Again: nobody left.
    press(&mut app, crossterm::event::KeyCode::Esc);
    type_keys(&mut app, "E");
    assert!(!app.busy());
    assert!(said(&app).contains("No queda nadie"), "{}", said(&app));
}

#[test]
fn a_server_that_wants_a_login_asks_for_the_password_masked() {
    let (dir, path) = demo_copy();
    let (store, send, _) = prepared(&path);
    let config = dir.path().join("config.json");
    let mut smtp = settings(1);
    smtp.user = Some("comunicacion".into());
    prensa::config::Config {
        smtp: Some(smtp),
        ..Default::default()
    }
    .save(&config)
    .unwrap();
    if std::env::var_os(prensa::config::SMTP_PASSWORD_VAR).is_some() {
        // The password is already given: nothing is asked.
        println!("AVISO: PRENSA_SMTP_CLAVE está puesta; se omite la prueba del formulario");
        return;
    }
    let mut app = prensa::app::App::new(store, now(), (80, 24));
    app.set_config_path(Some(config));
    app.update(prensa::ui::Action::SendMail(
        prensa::domain::edit::Target::new(prensa::domain::edit::RecordKind::Distribution, send),
        None,
    ));
    assert!(top_is_form(&app), "{}", shown(&app));
    type_keys(&mut app, "secreta");
    let screen = shown(&app);
    assert!(screen.contains("•••••••"), "{screen}");
    assert!(!screen.contains("secreta"), "{screen}");
}
