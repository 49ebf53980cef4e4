//! Per-machine settings and where things live: the platform's data, config and cache folders.
//! Office-wide settings live in the database instead (they sync).
use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use serde::{Deserialize, Serialize};

/// What this machine remembers between runs (`config.json` in the config folder).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// Interface language: "es" or "en".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The folder on a stick or share this machine syncs with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_folder: Option<PathBuf>,
    /// The name of who works on this machine, as approvals and a piece's history record it
    /// (without it, the system account's name).
    #[serde(default, rename = "nombre", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The office's mail server, to send press releases by e-mail. The password is never
    /// kept here: it comes from `PRENSA_SMTP_CLAVE` or is asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub smtp: Option<Smtp>,
}

/// How this machine reaches the office's mail server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Smtp {
    /// The server's name ("smtp.gmail.com", "mail.tampamolon.gob.mx").
    #[serde(rename = "servidor")]
    pub server: String,
    /// 587 (STARTTLS) by default; 465 for TLS from the start.
    #[serde(rename = "puerto", default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// The account to log in as; none: the server takes mail without a login.
    #[serde(rename = "usuario", default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Who the mail is from: "Comunicación Social <comunicacion@tampamolon.gob.mx>".
    #[serde(rename = "remitente")]
    pub from: String,
    /// "starttls" (default), "tls", or "ninguna" (only for a server on this machine or the
    /// office's own network).
    #[serde(rename = "seguridad", default, skip_serializing_if = "Option::is_none")]
    pub security: Option<String>,
}

/// The environment variable the SMTP password is read from.
pub const SMTP_PASSWORD_VAR: &str = "PRENSA_SMTP_CLAVE";

/// The platform's folders for prensa.
pub fn dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("mx", "prensa", "prensa")
}

/// Where the default database lives.
pub fn default_db() -> Option<PathBuf> {
    dirs().map(|d| d.data_dir().join("prensa.sqlite"))
}

/// Where automatic backups go.
pub fn backup_dir() -> Option<PathBuf> {
    dirs().map(|d| d.data_dir().join("respaldos"))
}

/// Where temporary demo databases go.
pub fn cache_dir() -> Option<PathBuf> {
    dirs().map(|d| d.cache_dir().to_path_buf())
}

pub fn config_path() -> Option<PathBuf> {
    dirs().map(|d| d.config_dir().join("config.json"))
}

impl Config {
    /// Reads the configuration; a missing file is the default, a broken one is an error the
    /// caller reports before going on with the default.
    pub fn load(path: &Path) -> Result<Config, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| e.to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Writes the configuration (temporary file, then rename).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("json.tmp");
        let text = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, text)?;
        std::fs::rename(&tmp, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_config_is_default_and_broken_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Config::load(&dir.path().join("none.json")),
            Ok(Config::default())
        );
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, "{ no es json").unwrap();
        assert!(Config::load(&bad).is_err());
        let good = dir.path().join("good.json");
        std::fs::write(&good, r#"{"lang":"en"}"#).unwrap();
        assert_eq!(Config::load(&good).unwrap().lang.as_deref(), Some("en"));
        let saved = Config {
            lang: None,
            sync_folder: Some(PathBuf::from("/media/usb/prensa")),
            name: Some("Mariana Olvera".into()),
            smtp: Some(Smtp {
                server: "mail.tampamolon.gob.mx".into(),
                port: Some(587),
                user: Some("comunicacion".into()),
                from: "Comunicación Social <comunicacion@tampamolon.gob.mx>".into(),
                security: None,
            }),
        };
        let path = dir.path().join("sub").join("config.json");
        saved.save(&path).unwrap();
        assert_eq!(Config::load(&path).unwrap(), saved);
        // The name is written in Spanish, as a person edits the file.
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .contains(r#""nombre": "Mariana Olvera""#));
    }
}
