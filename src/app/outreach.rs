//! Sending to the media from the console: a published piece to a list, one delivery per
//! person, in one write that `u` takes back.
use super::jobs::Job;
use super::App;
use crate::config::{Config, SMTP_PASSWORD_VAR};
use crate::domain::edit::{RecordKind, Target};
use crate::i18n::{t, tf, Msg};
use crate::interop::mail::{self, Round};
use crate::ui::overlay::{Notice, Overlay};
use crate::ui::Action;

impl App {
    pub(super) fn distribute(&mut self, draft: String, list: String) {
        let title = self.title_of(&Target::new(RecordKind::Draft, draft.clone()));
        let mut counts = crate::store::Distributed::default();
        let saved = self.run_batch(
            "distributions.create",
            tf(Msg::UndoLabelDistribute, &[&title]),
            |tx| {
                counts = tx.distribute(None, &draft, &list)?;
                Ok(Target::new(RecordKind::Distribution, counts.id.clone()))
            },
        );
        match saved {
            Ok(target) => {
                self.update(Action::PopForm);
                self.update(Action::OpenLink(target));
                self.say(tf(
                    Msg::DidDistribute,
                    &[&title, &counts.prepared, &counts.left_out, &counts.already],
                ));
            }
            Err(e) => match self.screen.overlays.last_mut() {
                Some(Overlay::Form(form)) => form.set_error("draft_id", e.to_string()),
                _ => self.screen.say(e.to_string(), true),
            },
        }
    }

    /// `E` on a send in Envíos: its e-mails still to go, through the office's server (the
    /// machine's `smtp` settings), in the background with a progress bar. The password comes
    /// from `PRENSA_SMTP_CLAVE`, or a form asks for it (never kept).
    pub(super) fn send_mail(&mut self, send: Target, password: Option<String>) {
        if send.kind != RecordKind::Distribution || self.job.is_some() {
            return;
        }
        let settings = self
            .config_path
            .as_deref()
            .and_then(|p| Config::load(p).ok())
            .and_then(|c| c.smtp);
        let Some(settings) = settings else {
            return self.say(t(Msg::MailNoSmtp).to_owned());
        };
        match mail::pending(&self.store, &send.id) {
            Ok(p) if p.is_empty() => return self.say(t(Msg::MailNothing).to_owned()),
            Ok(_) => {}
            Err(e) => return self.screen.say(e.to_string(), true),
        }
        let password = password.or_else(|| std::env::var(SMTP_PASSWORD_VAR).ok());
        if password.is_none() && settings.user.is_some() {
            let form =
                crate::ui::tabs::media::forms::mail_password(send, &settings.server, self.now());
            return self.push(Overlay::Form(form));
        }
        if matches!(self.screen.overlays.last(), Some(Overlay::Form(_))) {
            self.update(Action::PopForm);
        }
        let job = Job::mail(
            self.store.path().to_path_buf(),
            self.store.machine().to_owned(),
            send.id,
            settings,
            password,
        );
        self.start_job(job, 1, String::new());
    }

    /// How a round of e-mail went: each person, and what is left when it stopped.
    pub(super) fn mail_done(&mut self, round: Round) {
        let mut lines = vec![tf(Msg::SendDone, &[&round.sent.len(), &round.failed.len()])];
        lines.extend(round.sent.iter().map(|n| format!("✓ {n}")));
        lines.extend(round.failed.iter().map(|(n, why)| format!("✗ {n}: {why}")));
        if let Some(why) = &round.stopped {
            lines.push(tf(Msg::MailStopped, &[why, &round.left]));
        }
        self.push(Overlay::Notice(Notice {
            title: t(Msg::MailProgressTitle).to_owned(),
            lines,
            scroll: 0,
        }));
    }
}
