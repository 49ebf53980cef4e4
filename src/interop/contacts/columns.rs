//! Which column of a CSV is which field of a contact: the headers offices, Google Contacts
//! and Outlook write, in Spanish and English, guessed from the header line and corrected by
//! the user (`--columna medio=Empresa`, or "Columnas" in the console). The guessing is the
//! same for every CSV prensa reads by its headers ([`Column`]): a page's insights
//! ([`crate::interop::reach`]) are mapped, and previewed, the same way.
use crate::domain::text::fold;
use crate::i18n::{tf, Msg};

/// A field of a contact that a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    GivenName,
    MiddleName,
    FamilyName,
    Outlet,
    OutletKind,
    Role,
    Beats,
    Email,
    Phone,
    Channel,
    Lists,
    Notes,
    DoNotContact,
    DncReason,
    Consent,
}

impl Field {
    pub const ALL: [Field; 16] = [
        Field::Name,
        Field::GivenName,
        Field::MiddleName,
        Field::FamilyName,
        Field::Outlet,
        Field::OutletKind,
        Field::Role,
        Field::Beats,
        Field::Email,
        Field::Phone,
        Field::Channel,
        Field::Lists,
        Field::Notes,
        Field::DoNotContact,
        Field::DncReason,
        Field::Consent,
    ];

    /// The word the command line takes (`--columna medio=Empresa`), and prensa's own
    /// header for it in the CSV it writes.
    pub fn key(self) -> &'static str {
        Column::key(self)
    }

    /// The field a word names (accents and case aside).
    pub fn from_key(word: &str) -> Option<Field> {
        let w = fold(word.trim());
        Field::ALL.into_iter().find(|f| fold(f.key()) == w)
    }
}

/// A field a CSV column can fill, in any file read by its headers: its name in the preview
/// and on the command line, and the headers that mean it.
pub trait Column: Copy + Eq + Ord + 'static {
    /// Every field, in the order they are guessed (an exact header for an earlier field wins
    /// the column).
    fn all() -> &'static [Self];
    /// The word the preview names it by (and the command line takes).
    fn key(self) -> &'static str;
    /// Headers that mean this field, folded (no accents, lower case).
    fn aliases(self) -> &'static [&'static str];
}

impl Column for Field {
    fn all() -> &'static [Field] {
        &Field::ALL
    }

    fn key(self) -> &'static str {
        match self {
            Field::Name => "nombre",
            Field::GivenName => "nombre de pila",
            Field::MiddleName => "segundo nombre",
            Field::FamilyName => "apellidos",
            Field::Outlet => "medio",
            Field::OutletKind => "tipo de medio",
            Field::Role => "cargo",
            Field::Beats => "fuentes",
            Field::Email => "correo",
            Field::Phone => "telefono",
            Field::Channel => "canal",
            Field::Lists => "listas",
            Field::Notes => "notas",
            Field::DoNotContact => "no contactar",
            Field::DncReason => "motivo",
            Field::Consent => "consentimiento",
        }
    }

    /// Spanish as offices write them, Google Contacts' and Outlook's exports in Spanish and
    /// English.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "nombre",
                "nombre completo",
                "name",
                "full name",
                "display name",
                "nombre para mostrar",
                "periodista",
                "contacto",
            ],
            Field::GivenName => &["first name", "given name", "nombre de pila", "nombres"],
            Field::MiddleName => &["middle name", "additional name", "segundo nombre"],
            Field::FamilyName => &[
                "last name",
                "family name",
                "surname",
                "apellidos",
                "apellido",
            ],
            Field::Outlet => &[
                "medio",
                "empresa",
                "organizacion",
                "organization",
                "organization 1 - name",
                "organization name",
                "company",
                "compania",
                "medio de comunicacion",
            ],
            Field::OutletKind => &["tipo de medio", "tipo"],
            Field::Role => &[
                "cargo",
                "puesto",
                "rol",
                "job title",
                "title",
                "organization 1 - title",
                "organization title",
            ],
            Field::Beats => &[
                "fuentes",
                "fuente",
                "temas",
                "beats",
                "seccion",
                "secciones",
            ],
            Field::Email => &[
                "correo",
                "correo electronico",
                "email",
                "e-mail",
                "mail",
                "e-mail address",
                "email address",
                "e-mail 1 - value",
                "direccion de correo electronico",
            ],
            Field::Phone => &[
                "telefono",
                "celular",
                "movil",
                "whatsapp",
                "telefono movil",
                "mobile phone",
                "mobile",
                "phone",
                "phone 1 - value",
                "business phone",
                "primary phone",
                "telefono del trabajo",
                "telefono principal",
            ],
            Field::Channel => &["canal", "canal preferido"],
            Field::Lists => &[
                "listas",
                "lista",
                "grupos",
                "categorias",
                "categories",
                "group membership",
                "labels",
                "etiquetas",
            ],
            Field::Notes => &["notas", "notes", "observaciones", "comentarios"],
            Field::DoNotContact => &["no contactar"],
            Field::DncReason => &["motivo", "motivo de no contactar"],
            Field::Consent => &["consentimiento", "fecha de consentimiento"],
        }
    }
}

/// Which column fills each field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping<F = Field> {
    /// (field, column index).
    pub columns: Vec<(F, usize)>,
}

impl<F> Default for Mapping<F> {
    fn default() -> Self {
        Mapping {
            columns: Vec::new(),
        }
    }
}

impl<F: Column> Mapping<F> {
    pub(crate) fn get(&self, field: F) -> Option<usize> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
    }

    /// Guessed from the headers, then corrected by `fixes` (a field and the header to read it
    /// from; `None` reads it from no column).
    pub(crate) fn guess(
        headers: &[String],
        fixes: &[(F, Option<String>)],
        listed: &str,
    ) -> Result<Mapping<F>, String> {
        let folded: Vec<String> = headers.iter().map(|h| fold(h.trim())).collect();
        let mut m = Mapping::default();
        for field in F::all().iter().copied() {
            // An exact header first, then a header that starts with an alias ("Teléfono
            // celular", "Correo 1").
            let exact = folded
                .iter()
                .position(|h| field.aliases().contains(&h.as_str()));
            let found = exact.or_else(|| {
                folded.iter().enumerate().position(|(i, h)| {
                    !m.columns.iter().any(|(_, c)| *c == i)
                        && field
                            .aliases()
                            .iter()
                            .any(|a| a.len() > 4 && h.starts_with(a))
                })
            });
            if let Some(col) = found {
                if !m.columns.iter().any(|(_, c)| *c == col) {
                    m.columns.push((field, col));
                }
            }
        }
        for (field, header) in fixes {
            m.columns.retain(|(f, _)| f != field);
            if let Some(header) = header {
                let want = fold(header.trim());
                match folded.iter().position(|h| *h == want) {
                    Some(col) => {
                        // A column reads into one field.
                        m.columns.retain(|(_, c)| *c != col);
                        m.columns.push((*field, col));
                    }
                    None => return Err(tf(Msg::CsvNoSuchColumn, &[header, &listed])),
                }
            }
        }
        m.columns.sort();
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlook_headers_map_and_a_fix_moves_a_column() {
        let h: Vec<String> = [
            "Nombre",
            "Apellidos",
            "Organización",
            "Teléfono móvil",
            "Tel",
        ]
        .map(String::from)
        .to_vec();
        let m: Mapping = Mapping::guess(&h, &[], "").unwrap();
        assert_eq!(m.get(Field::Outlet), Some(2));
        assert_eq!(m.get(Field::Phone), Some(3));
        let m: Mapping = Mapping::guess(&h, &[(Field::Phone, Some("tel".into()))], "").unwrap();
        assert_eq!(m.get(Field::Phone), Some(4));
        assert!(Mapping::guess(&h, &[(Field::Phone, Some("Fax".into()))], "").is_err());
    }
}
