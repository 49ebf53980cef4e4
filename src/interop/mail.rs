//! Press releases sent by e-mail through the office's SMTP server: each recipient of a send
//! whose channel is e-mail gets their own message (UTF-8 subject and body, a Message-ID of its
//! own), and each one that the server takes is recorded at once, in its own write. A server
//! that drops in the middle stops the round; sending again goes on with those not yet sent:
//! nobody gets the piece twice.
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};

use crate::config::Smtp;
use crate::domain::status::{DeliveryStatus, SendChannel};
use crate::domain::{DeliveryLine, DistributionDetail};
use crate::i18n::{tf, Msg};
use crate::store::{Store, StoreError};

/// How long the server may take to answer.
const TIMEOUT: Duration = Duration::from_secs(30);

/// How a round of e-mail went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Round {
    /// Recipients the server took, by name.
    pub sent: Vec<String>,
    /// Recipients refused for good (a bad address, a mailbox that does not exist): name and
    /// the server's words.
    pub failed: Vec<(String, String)>,
    /// Why the round stopped before the end (the server dropped or refused for now); those
    /// left are still to send.
    pub stopped: Option<String>,
    /// Recipients still to send when it stopped.
    pub left: usize,
}

/// Why no round could start.
#[derive(Debug)]
pub enum MailError {
    /// The settings cannot be used (a bad sender, an unknown security).
    Settings(String),
    Store(StoreError),
}

impl std::fmt::Display for MailError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MailError::Settings(s) => f.write_str(s),
            MailError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl From<StoreError> for MailError {
    fn from(e: StoreError) -> Self {
        MailError::Store(e)
    }
}

/// The transport the settings describe.
fn transport(s: &Smtp, password: Option<&str>) -> Result<SmtpTransport, MailError> {
    let security = s.security.as_deref().unwrap_or("starttls").to_lowercase();
    let tls = || {
        TlsParameters::new(s.server.clone())
            .map_err(|e| MailError::Settings(tf(Msg::SmtpBadSettings, &[&e])))
    };
    let (tls, port) = match security.as_str() {
        "starttls" => (Tls::Required(tls()?), 587),
        "tls" | "ssl" => (Tls::Wrapper(tls()?), 465),
        "ninguna" | "none" => (Tls::None, 25),
        other => return Err(MailError::Settings(tf(Msg::SmtpBadSecurity, &[&other]))),
    };
    let mut builder = SmtpTransport::builder_dangerous(s.server.trim())
        .port(s.port.unwrap_or(port))
        .tls(tls)
        .timeout(Some(TIMEOUT));
    if let Some(user) = s.user.as_deref().filter(|u| !u.trim().is_empty()) {
        builder = builder.credentials(Credentials::new(
            user.trim().to_owned(),
            password.unwrap_or_default().to_owned(),
        ));
    }
    Ok(builder.build())
}

/// The recipients of a piece on a list still to be reached by e-mail: prepared, or failed
/// before (a retry), in the order of their names.
pub fn pending(store: &Store, distribution: &str) -> Result<Vec<DeliveryLine>, StoreError> {
    Ok(still_to_mail(&store.distribution_detail(distribution)?))
}

/// A send's e-mail recipients not reached yet.
fn still_to_mail(detail: &DistributionDetail) -> Vec<DeliveryLine> {
    detail
        .deliveries
        .iter()
        .filter(|d| d.channel == SendChannel::Email && d.status != DeliveryStatus::Sent)
        .filter(|d| !d.address.is_empty())
        .cloned()
        .collect()
}

/// Sends a send's e-mails still to go, telling `progress` (done, total, name) before each.
pub fn send(
    store: &mut Store,
    distribution: &str,
    settings: &Smtp,
    password: Option<&str>,
    progress: &mut dyn FnMut(usize, usize, &str),
) -> Result<Round, MailError> {
    let from: Mailbox = settings
        .from
        .parse()
        .map_err(|_| MailError::Settings(tf(Msg::SmtpBadFrom, &[&settings.from])))?;
    let detail = store.distribution_detail(distribution)?;
    let todo = still_to_mail(&detail);
    let mailer = transport(settings, password)?;
    let mut round = Round::default();
    let total = todo.len();
    for (n, d) in todo.iter().enumerate() {
        progress(n, total, &d.name);
        let to = match d.address.parse() {
            Ok(address) => Mailbox::new(Some(d.name.clone()), address),
            Err(_) => {
                let why = tf(Msg::SmtpBadAddress, &[&d.address]);
                record(store, &d.id, DeliveryStatus::Failed, &why)?;
                round.failed.push((d.name.clone(), why));
                continue;
            }
        };
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(detail.email.subject.clone())
            // One id per piece and person: a reader's mail program folds a copy sent twice.
            .message_id(Some(format!("<{}@prensa>", d.id)))
            .header(ContentType::TEXT_PLAIN)
            .body(detail.email.body.clone());
        let message = match message {
            Ok(m) => m,
            Err(e) => {
                let why = e.to_string();
                record(store, &d.id, DeliveryStatus::Failed, &why)?;
                round.failed.push((d.name.clone(), why));
                continue;
            }
        };
        match mailer.send(&message) {
            Ok(_) => {
                record(store, &d.id, DeliveryStatus::Sent, "")?;
                round.sent.push(d.name.clone());
            }
            Err(e) if about_the_mailbox(&e) => {
                let why = e.to_string();
                record(store, &d.id, DeliveryStatus::Failed, &why)?;
                round.failed.push((d.name.clone(), why));
            }
            Err(e) => {
                // The server dropped, refused for now, or refused the login: this one and the
                // rest stay to send.
                round.stopped = Some(e.to_string());
                round.left = total - n;
                break;
            }
        }
    }
    progress(total - round.left, total, "");
    Ok(round)
}

/// Whether a refusal is about this recipient's mailbox (550–554: it does not exist, it is
/// full, the address is refused), not about the server or the login (535), which would refuse
/// everyone alike.
fn about_the_mailbox(e: &lettre::transport::smtp::Error) -> bool {
    e.is_permanent()
        && e.status()
            .map(|code| code.to_string())
            .is_some_and(|code| code.starts_with("55"))
}

/// One recipient's result, written at once: a round cut short keeps what went out.
fn record(
    store: &mut Store,
    delivery: &str,
    status: DeliveryStatus,
    error: &str,
) -> Result<(), StoreError> {
    store.batch("deliveries.send", |tx| tx.deliver(delivery, status, error))?;
    Ok(())
}
