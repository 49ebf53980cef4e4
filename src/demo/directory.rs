//! The demo's directory: press-office staff, contact lists, invented outlets and journalists,
//! campaigns and reusable answers.
use chrono::{Datelike, Duration, NaiveDate};

use super::{day, Gen};
use crate::domain::edit::{
    AnswerInput, CampaignInput, ContactListInput, DepartmentInput, JournalistInput, OutletInput,
    Record, StaffInput,
};
use crate::domain::ids::seed_id;
use crate::domain::status::{OutletKind, SendChannel};
use crate::store::seed::DEPARTMENTS;
use crate::store::{Result, Tx};

/// What the demo's journalists cover, in turn.
const BEATS: [&str; 6] = [
    "política, cabildo",
    "salud",
    "obras, servicios",
    "seguridad",
    "educación, cultura",
    "campo, economía",
];

impl Gen {
    /// Staff, outlets, journalists, contact lists, campaigns and reusable answers.
    pub(super) fn directory(&mut self, tx: &mut Tx<'_, '_>, start: NaiveDate) -> Result<()> {
        // What a press release prints, and the names Art. 134 looks for.
        for (key, value) in [
            (
                crate::store::OFFICE_HEADER,
                "H. Ayuntamiento de Tampamolón Corona, S.L.P.\nDirección de Comunicación Social",
            ),
            (crate::store::OFFICE_PLACE, "Tampamolón Corona, S.L.P."),
            (
                crate::store::OFFICE_CONTACT,
                "Comunicación Social · comunicacion@tampamolon.gob.mx · WhatsApp 481 100 2020",
            ),
            (
                crate::store::OFFICIALS_SETTING,
                "Martha Elena Reyes Castillo\npresidenta municipal",
            ),
        ] {
            tx.set_setting(key, value)?;
        }
        // The preloaded departments get their head, liaison and WhatsApp.
        for (key, head, liaison, whatsapp) in self.data.department_people.clone() {
            let Some((_, name, short)) = DEPARTMENTS.iter().find(|(k, _, _)| *k == key) else {
                continue;
            };
            let department = DepartmentInput {
                name: (*name).to_owned(),
                short_name: (*short).to_owned(),
                head,
                liaison,
                email: format!("{key}@tampamolon.gob.mx"),
                phone: String::new(),
                whatsapp,
                active: true,
            };
            tx.update(
                &seed_id("department", &key),
                &Record::Department(department),
            )?;
        }
        for (name, role) in self.data.staff.clone() {
            let id = self.id(start);
            let email = format!(
                "{}@tampamolon.gob.mx",
                name.split(' ').next().unwrap_or("prensa").to_lowercase()
            );
            let staff = StaffInput {
                name,
                role,
                phone: String::new(),
                email,
                active: true,
            };
            self.create(tx, &id, Record::Staff(staff))?;
            self.staff.push(id);
        }
        for (name, description) in self.data.lists.clone() {
            let id = self.id(start);
            let list = ContactListInput { name, description };
            self.create(tx, &id, Record::ContactList(list))?;
            self.lists.push(id);
        }
        let (outlets, per_outlet) = if self.opts.grande {
            (500, 40)
        } else {
            (self.data.outlets.len(), 4)
        };
        for o in 0..outlets {
            let (base, kind, city) = self.data.outlets[o % self.data.outlets.len()].clone();
            let name = if o < self.data.outlets.len() {
                base
            } else {
                format!("{base} ({})", o / self.data.outlets.len() + 1)
            };
            let outlet = self.id(start);
            let phone = format!(
                "481 {:03} {:04}",
                self.rng.below(1000),
                self.rng.below(10_000)
            );
            // Its site, from its name: what a clipping's link is recognised by.
            let copy = o / self.data.outlets.len();
            let website = outlet_site(&self.data.outlets[o % self.data.outlets.len()].0, copy);
            let input = OutletInput {
                phone,
                city,
                website: website.clone(),
                region: "Huasteca potosina".into(),
                ..OutletInput::new(
                    &name,
                    OutletKind::from_code(&kind).unwrap_or(OutletKind::Digital),
                )
            };
            self.create(tx, &outlet, Record::Outlet(input))?;
            self.outlets.push(super::Outlet {
                id: outlet.clone(),
                kind: kind.clone(),
                website,
            });
            for _ in 0..per_outlet {
                let id = self.id(start);
                let person = self.name();
                let role = self.rng.pick(&self.data.roles).clone();
                let consent = self.rng.chance(85);
                let user: String = person.split(' ').take(2).collect::<Vec<_>>().join(".");
                let user = crate::domain::text::fold(&user);
                let email = format!("{user}@ejemplo.mx");
                let phone = format!(
                    "489 {:03} {:04}",
                    self.rng.below(1000),
                    self.rng.below(10_000)
                );
                let privacy_notice_on = if consent {
                    day(start + Duration::days(self.rng.below(60) as i64))
                } else {
                    String::new()
                };
                let lists = [
                    0,
                    1 + (kind == "newspaper") as usize + 2 * (kind == "digital") as usize,
                ];
                let n = self.counts.journalists;
                // Radio people answer on WhatsApp; one in twenty-five asked to be left out.
                let channel = if kind == "radio" {
                    SendChannel::WhatsApp
                } else {
                    SendChannel::Email
                };
                let do_not_contact = n % 25 == 7;
                let journalist = JournalistInput {
                    outlet_id: Some(outlet.clone()),
                    role,
                    beats: BEATS[n as usize % BEATS.len()].into(),
                    email,
                    phone,
                    channel,
                    do_not_contact,
                    dnc_reason: if do_not_contact {
                        "Pidió no recibir boletines".into()
                    } else {
                        String::new()
                    },
                    consent,
                    privacy_notice_on,
                    lists: lists
                        .iter()
                        .map(|l| self.lists[(*l).min(self.lists.len() - 1)].clone())
                        .collect(),
                    ..JournalistInput::new(&person)
                };
                self.create(tx, &id, Record::Journalist(journalist))?;
                self.journalists.push((id, outlet.clone()));
                self.counts.journalists += 1;
            }
        }
        // Each campaign is a department's (by its place in the demo's list).
        const CAMPAIGN_DEPARTMENTS: [&str; 4] = ["obras", "salud", "tesoreria", "educacion"];
        for year in 0..4 {
            for (n, (name, objective)) in self.data.campaigns.clone().into_iter().enumerate() {
                let id = self.id(start);
                let y = start.year() + year;
                let campaign = CampaignInput {
                    name: format!("{name} {y}"),
                    objective,
                    starts_on: format!("{y}-01-01"),
                    ends_on: format!("{y}-12-31"),
                    department_id: CAMPAIGN_DEPARTMENTS
                        .get(n % CAMPAIGN_DEPARTMENTS.len())
                        .map(|k| seed_id("department", k)),
                };
                self.create(tx, &id, Record::Campaign(campaign))?;
                self.campaigns.push(id);
            }
        }
        for (title, body) in self.data.answers.clone() {
            let id = self.id(start);
            let answer = AnswerInput {
                title,
                body,
                topic: String::new(),
            };
            self.create(tx, &id, Record::Answer(answer))?;
            self.answers.push(id);
        }
        Ok(())
    }
}

/// An invented outlet's website, from its name without its frequency or articles
/// (`Radio Río Tampaón 97.3` is `https://radioriotampaon.ejemplo.mx`); the copies of the
/// benchmark dataset number theirs.
fn outlet_site(base: &str, copy: usize) -> String {
    let words: String = crate::domain::text::fold(base)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !matches!(*w, "el" | "la" | "de" | "del" | "al"))
        .collect();
    if copy == 0 {
        format!("https://{words}.ejemplo.mx")
    } else {
        format!("https://{words}{}.ejemplo.mx", copy + 1)
    }
}
