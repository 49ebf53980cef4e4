//! `prensa enviar FOLIO --lista NOMBRE [--si] [--formato texto|json]` (alias `send`): a
//! published piece sent to a contact list. Each person's delivery is prepared by the channel
//! they prefer (nobody who asked not to be contacted, nobody who already had it); the e-mails
//! go out through the office's SMTP server (`smtp` in config.json, the password from
//! `PRENSA_SMTP_CLAVE` or asked for), with a progress bar and each person's result. Run
//! again after a failure, it goes on with those not yet sent.
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::agenda::ask;
use super::{fail, open_store, say, Access, Format, SendArgs};
use crate::config::{self, Config, SMTP_PASSWORD_VAR};
use crate::domain::edit::RecordKind;
use crate::domain::text::fold;
use crate::i18n::{t, tf, Msg};
use crate::interop::mail;
use crate::store::StoreError;

pub fn run(db: Option<&Path>, args: &SendArgs, cfg: &Config) -> ExitCode {
    let Some(path) = db.map(Path::to_path_buf).or_else(config::default_db) else {
        return fail(t(Msg::NoDataDir));
    };
    let mut store = match open_store(&path, Access::Existing) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let Some((draft, title)) = store.piece(&args.pieza).ok().flatten() else {
        return fail(tf(Msg::SendNoPiece, &[&args.pieza]));
    };
    let lists = match store.names_of(RecordKind::ContactList) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let wanted = fold(args.lista.trim());
    let Some((list, list_name)) = lists.into_iter().find(|(_, name)| fold(name) == wanted) else {
        return fail(tf(Msg::SendNoList, &[&args.lista]));
    };
    // Prepare the deliveries (nobody twice: an earlier send's people are left out).
    match store.batch("distributions.create", |tx| {
        tx.distribute(None, &draft, &list)
    }) {
        Ok((d, _)) => say(&tf(
            Msg::DidDistribute,
            &[&title, &d.prepared, &d.left_out, &d.already],
        )),
        Err(StoreError::NobodyNew { .. }) => {}
        Err(e) => return fail(e),
    }
    let sends = match store.distributions_of(&draft, &list) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let mut todo = 0;
    for send in &sends {
        match mail::pending(&store, send) {
            Ok(p) => todo += p.len(),
            Err(e) => return fail(e),
        }
    }
    if todo == 0 {
        say(&tf(Msg::SendNothingByMail, &[&list_name]));
        return ExitCode::SUCCESS;
    }
    let Some(smtp) = cfg.smtp.clone() else {
        say(&tf(Msg::SendNoSmtp, &[&todo]));
        return ExitCode::SUCCESS;
    };
    if !args.si {
        if !(std::io::stdin().is_terminal() && args.formato == Format::Texto) {
            return fail(tf(Msg::SendNoTerminal, &[&todo]));
        }
        if !ask(&tf(Msg::SendAsk, &[&todo, &smtp.server])) {
            say(t(Msg::ImportDeclined));
            return ExitCode::SUCCESS;
        }
    }
    let password = match std::env::var(SMTP_PASSWORD_VAR) {
        Ok(p) => Some(p),
        Err(_) if smtp.user.is_some() => match prompt_password(&smtp.server) {
            Some(p) => Some(p),
            None => return fail(tf(Msg::SendNoPassword, &[&SMTP_PASSWORD_VAR])),
        },
        Err(_) => None,
    };
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(Some(todo as u64), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{msg:28} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let mut rounds = Vec::new();
    let mut base = 0;
    for send in &sends {
        let round = mail::send(
            &mut store,
            send,
            &smtp,
            password.as_deref(),
            &mut |done, _, name| {
                bar.set_position((base + done) as u64);
                bar.set_message(name.to_owned());
            },
        );
        match round {
            Ok(r) => {
                base += r.sent.len() + r.failed.len();
                let stopped = r.stopped.is_some();
                rounds.push(r);
                if stopped {
                    break;
                }
            }
            Err(e) => {
                bar.finish_and_clear();
                return fail(e);
            }
        }
    }
    bar.finish_and_clear();
    report(&rounds, args.formato)
}

/// Each person's result, and what is left when the round stopped.
fn report(rounds: &[mail::Round], format: Format) -> ExitCode {
    let sent: Vec<&String> = rounds.iter().flat_map(|r| &r.sent).collect();
    let failed: Vec<&(String, String)> = rounds.iter().flat_map(|r| &r.failed).collect();
    let stopped = rounds
        .iter()
        .find_map(|r| r.stopped.clone().map(|s| (s, r.left)));
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let json = serde_json::json!({
                "enviados": sent,
                "fallidos": failed.iter().map(|(n, e)| serde_json::json!({"nombre": n, "error": e})).collect::<Vec<_>>(),
                "detenido": stopped.as_ref().map(|(why, left)| serde_json::json!({"motivo": why, "faltan": left})),
            });
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
        Format::Texto => {
            for name in &sent {
                let _ = writeln!(out, "✓ {name}");
            }
            for (name, why) in &failed {
                let _ = writeln!(out, "✗ {name}: {why}");
            }
        }
    }
    say(&tf(Msg::SendDone, &[&sent.len(), &failed.len()]));
    match stopped {
        Some((why, left)) => fail(tf(Msg::SendStopped, &[&why, &left])),
        None => ExitCode::SUCCESS,
    }
}

/// The mail password, typed without showing it (only on a terminal).
fn prompt_password(server: &str) -> Option<String> {
    use crossterm::event::{read, Event, KeyCode, KeyEventKind, KeyModifiers};
    if !std::io::stdin().is_terminal() {
        return None;
    }
    let mut err = std::io::stderr();
    let _ = write!(err, "{} ", tf(Msg::SendPasswordPrompt, &[&server]));
    let _ = err.flush();
    crossterm::terminal::enable_raw_mode().ok()?;
    let mut typed = String::new();
    let ok = loop {
        match read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break true,
                KeyCode::Esc => break false,
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => break false,
                KeyCode::Backspace => {
                    typed.pop();
                }
                KeyCode::Char(c) => typed.push(c),
                _ => {}
            },
            Ok(_) => {}
            Err(_) => break false,
        }
    };
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = writeln!(err);
    (ok && !typed.is_empty()).then_some(typed)
}
