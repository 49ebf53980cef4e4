//! The demo's directory: press-office staff, contact lists, invented outlets and journalists,
//! campaigns and reusable answers.
use chrono::{Datelike, Duration, NaiveDate};

use super::{day, int, text, Gen};
use crate::store::{Result, Writer};

impl Gen {
    /// Staff, outlets, journalists, contact lists, campaigns and reusable answers.
    pub(super) fn directory(&mut self, w: &mut Writer<'_>, start: NaiveDate) -> Result<()> {
        for (name, role) in self.data.staff.clone() {
            let id = self.id(start);
            let email = format!(
                "{}@tampamolon.gob.mx",
                name.split(' ').next().unwrap_or("prensa").to_lowercase()
            );
            w.insert(
                "staff",
                &id,
                &[
                    ("name", text(name)),
                    ("role", text(role)),
                    ("email", text(email)),
                ],
            )?;
            self.staff.push(id);
        }
        for (name, description) in self.data.lists.clone() {
            let id = self.id(start);
            w.insert(
                "contact_lists",
                &id,
                &[("name", text(name)), ("description", text(description))],
            )?;
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
            w.insert(
                "outlets",
                &outlet,
                &[
                    ("name", text(&name)),
                    ("kind", text(&kind)),
                    ("city", text(city)),
                    ("phone", text(phone)),
                ],
            )?;
            for _ in 0..per_outlet {
                let id = self.id(start);
                let person = self.name();
                let role = self.rng.pick(&self.data.roles).clone();
                let consent = self.rng.chance(85);
                let user: String = person
                    .split(' ')
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(".")
                    .to_lowercase();
                let mut fields = vec![
                    ("outlet_id", text(&outlet)),
                    ("name", text(person)),
                    ("role", text(role)),
                    ("email", text(format!("{user}@ejemplo.mx"))),
                    (
                        "phone",
                        text(format!(
                            "489 {:03} {:04}",
                            self.rng.below(1000),
                            self.rng.below(10_000)
                        )),
                    ),
                    ("consent", int(consent as i64)),
                ];
                if consent {
                    fields.push((
                        "privacy_notice_on",
                        text(day(start + Duration::days(self.rng.below(60) as i64))),
                    ));
                }
                w.insert("journalists", &id, &fields)?;
                let lists = [
                    0,
                    1 + (kind == "newspaper") as usize + 2 * (kind == "digital") as usize,
                ];
                for list in lists {
                    let member = self.id(start);
                    w.insert(
                        "list_members",
                        &member,
                        &[
                            ("list_id", text(&self.lists[list.min(self.lists.len() - 1)])),
                            ("journalist_id", text(&id)),
                        ],
                    )?;
                }
                self.journalists.push((id, outlet.clone()));
                self.counts.journalists += 1;
            }
        }
        for year in 0..4 {
            for (name, objective) in self.data.campaigns.clone() {
                let id = self.id(start);
                let y = start.year() + year;
                w.insert(
                    "campaigns",
                    &id,
                    &[
                        ("name", text(format!("{name} {y}"))),
                        ("objective", text(objective)),
                        ("starts_on", text(format!("{y}-01-01"))),
                        ("ends_on", text(format!("{y}-12-31"))),
                    ],
                )?;
                self.campaigns.push(id);
            }
        }
        for (title, body) in self.data.answers.clone() {
            let id = self.id(start);
            w.insert(
                "answers",
                &id,
                &[("title", text(title)), ("body", text(body))],
            )?;
            self.answers.push(id);
        }
        Ok(())
    }
}
