//! From the people a file names to what the directory would do: each is matched with who the
//! office has (by e-mail, then phone, then name and outlet, accents and case aside) and merged
//! into them, or added. Two entries of one file for the same person become one.
use std::collections::HashMap;

use super::Contact;
use crate::domain::edit::{
    Command, ContactListInput, JournalistInput, OutletInput, Record, RecordKind,
};
use crate::domain::status::{OutletKind, SendChannel};
use crate::domain::text::fold;
use crate::i18n::{tf, Msg};
use crate::interop::ical::ImportError;
use crate::interop::{Counts, Outcome, Plan};
use crate::store::{Change, Store, StoreError};

/// A file read and planned against the directory, not yet written.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub plan: Plan,
    /// What to write: (the stored journalist, or none for a new one; the merged person).
    people: Vec<(Option<String>, Contact)>,
}

/// The last ten digits of a phone number: how Mexico's numbers are told apart, whatever
/// prefix (+52, 044, 1) they were written with.
pub fn phone_key(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(10)..].to_owned()
}

struct Stored {
    id: String,
    contact: Contact,
}

fn stored_people(store: &Store) -> Result<Vec<Stored>, StoreError> {
    let rows = store.journalists_for_import()?;
    Ok(rows
        .into_iter()
        .map(|(id, outlet, j, lists)| Stored {
            id,
            contact: Contact::stored(outlet, j, lists),
        })
        .collect())
}

/// Where a person was matched, and by what.
#[derive(Clone, Copy)]
enum By {
    Email,
    Phone,
    Name,
}

/// `into` with what `from` says: every field `from` gives replaces the stored one; lists are
/// joined.
fn merge(into: &mut Contact, from: &Contact) {
    let take = |a: &mut String, b: &String| {
        if !b.trim().is_empty() {
            *a = b.trim().to_owned();
        }
    };
    take(&mut into.name, &from.name);
    take(&mut into.outlet, &from.outlet);
    take(&mut into.role, &from.role);
    take(&mut into.beats, &from.beats);
    take(&mut into.email, &from.email);
    take(&mut into.phone, &from.phone);
    take(&mut into.notes, &from.notes);
    if from.channel.is_some() {
        into.channel = from.channel;
    }
    if from.outlet_kind.is_some() {
        into.outlet_kind = from.outlet_kind;
    }
    if from.do_not_contact.is_some() {
        into.do_not_contact = from.do_not_contact.clone();
    }
    if from.consent.is_some() {
        into.consent = from.consent.clone();
    }
    for l in &from.lists {
        if !into.lists.iter().any(|x| fold(x) == fold(l)) {
            into.lists.push(l.clone());
        }
    }
}

/// Whether two names can be one person's: every word of the shorter is in the longer
/// ("Ana Pérez" and "ANA PEREZ LÓPEZ"), accents and case aside. "Rosa Garza Rivera" and
/// "Rosa Garza Medina" are two people.
pub fn same_person(a: &str, b: &str) -> bool {
    let words =
        |s: &str| -> Vec<String> { fold(s).split_whitespace().map(str::to_owned).collect() };
    let (a, b) = (words(a), words(b));
    let (short, mut long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // Word by word, each used once: "Barragán Barragán" is not "Barragán Cruz".
    !short.is_empty()
        && short
            .iter()
            .all(|w| match long.iter().position(|l| l == w) {
                Some(at) => {
                    long.swap_remove(at);
                    true
                }
                None => false,
            })
}

fn same(a: &Contact, b: &Contact) -> bool {
    let mut la: Vec<String> = a.lists.iter().map(|l| fold(l)).collect();
    let mut lb: Vec<String> = b.lists.iter().map(|l| fold(l)).collect();
    la.sort();
    lb.sort();
    a.name == b.name
        && fold(&a.outlet) == fold(&b.outlet)
        && a.role == b.role
        && a.beats == b.beats
        && a.email == b.email
        && a.phone == b.phone
        && a.notes == b.notes
        && a.channel.unwrap_or(SendChannel::Email) == b.channel.unwrap_or(SendChannel::Email)
        && a.do_not_contact == b.do_not_contact
        && a.consent == b.consent
        && la == lb
}

fn label(c: &Contact) -> String {
    if c.outlet.is_empty() {
        c.name.clone()
    } else {
        format!("{} ({})", c.name, c.outlet)
    }
}

/// The input the store checks for a person (outlet and lists are settled when written).
fn input(c: &Contact) -> JournalistInput {
    JournalistInput {
        role: c.role.clone(),
        beats: c.beats.clone(),
        email: c.email.clone(),
        phone: c.phone.clone(),
        channel: c.channel.unwrap_or(SendChannel::Email),
        do_not_contact: c.do_not_contact.is_some(),
        dnc_reason: c.do_not_contact.clone().unwrap_or_default(),
        consent: c.consent.is_some(),
        privacy_notice_on: c.consent.clone().unwrap_or_default(),
        notes: c.notes.clone(),
        ..JournalistInput::new(&c.name)
    }
}

pub(super) fn plan(
    source: &str,
    contacts: Vec<Contact>,
    notices: Vec<String>,
    store: &Store,
) -> Result<Prepared, ImportError> {
    let stored = stored_people(store)?;
    let mut plan = Plan::new(source);
    plan.notices = notices;
    // Everyone known so far, the stored and the planned: (stored id, person).
    let mut people: Vec<(Option<String>, Contact, bool)> = stored
        .into_iter()
        .map(|s| (Some(s.id), s.contact, false))
        .collect();
    let stored_count = people.len();
    let (mut by_email, mut by_phone, mut by_name) =
        (HashMap::new(), HashMap::new(), HashMap::new());
    // An e-mail or a phone may be shared (a newsroom's address, two people of one family):
    // each key keeps everyone who has it, and the one with the same name is chosen.
    let index = |i: usize,
                 c: &Contact,
                 by_email: &mut HashMap<String, Vec<usize>>,
                 by_phone: &mut HashMap<String, Vec<usize>>,
                 by_name: &mut HashMap<(String, String), usize>| {
        if !c.email.trim().is_empty() {
            let e = by_email.entry(c.email.trim().to_lowercase()).or_default();
            if !e.contains(&i) {
                e.push(i);
            }
        }
        let p = phone_key(&c.phone);
        if p.len() >= 7 {
            let e = by_phone.entry(p).or_default();
            if !e.contains(&i) {
                e.push(i);
            }
        }
        by_name
            .entry((fold(c.name.trim()), fold(c.outlet.trim())))
            .or_insert(i);
    };
    for (i, (_, c, _)) in people.iter().enumerate() {
        index(i, c, &mut by_email, &mut by_phone, &mut by_name);
    }
    // The people this file already named: a second entry for one of them joins the first.
    let mut touched = std::collections::HashSet::new();
    for c in contacts {
        if let Some(reason) = &c.broken {
            plan.push(label(&c), c.line, Outcome::Skipped(reason.clone()));
            continue;
        }
        if let Err(invalid) = Record::Journalist(input(&c)).validate() {
            let reason = tf(
                Msg::ContactBadField,
                &[
                    &crate::i18n::labels::field_label(invalid.field),
                    &crate::i18n::labels::field_problem(invalid.field, invalid.problem),
                ],
            );
            plan.push(label(&c), c.line, Outcome::Skipped(reason));
            continue;
        }
        let email = c.email.trim().to_lowercase();
        let phone = phone_key(&c.phone);
        let name = fold(c.name.trim());
        // An address or a number is the same person only under a name that agrees: a
        // newsroom's shared address must not fold its reporters into one.
        let best = |found: Option<&Vec<usize>>| -> Option<usize> {
            let found = found?;
            found
                .iter()
                .copied()
                .find(|i| fold(people[*i].1.name.trim()) == name)
                .or_else(|| {
                    found
                        .iter()
                        .copied()
                        .find(|i| same_person(&people[*i].1.name, &c.name))
                })
        };
        let found = (!email.is_empty())
            .then(|| best(by_email.get(&email)).map(|i| (i, By::Email)))
            .flatten()
            .or_else(|| {
                (phone.len() >= 7)
                    .then(|| best(by_phone.get(&phone)).map(|i| (i, By::Phone)))
                    .flatten()
            })
            .or_else(|| {
                by_name
                    .get(&(fold(c.name.trim()), fold(c.outlet.trim())))
                    .map(|i| (*i, By::Name))
            });
        match found {
            Some((i, by)) => {
                let before = people[i].1.clone();
                merge(&mut people[i].1, &c);
                let changed = !same(&before, &people[i].1);
                people[i].2 |= changed;
                let how = match by {
                    By::Email => Msg::ContactSameEmail,
                    By::Phone => Msg::ContactSamePhone,
                    By::Name => Msg::ContactSameName,
                };
                let again = i >= stored_count || !touched.insert(i);
                let text = if again {
                    tf(Msg::ContactTwice, &[&label(&c), &crate::i18n::t(how)])
                } else {
                    tf(
                        Msg::ContactMerged,
                        &[&label(&c), &before.name, &crate::i18n::t(how)],
                    )
                };
                let outcome = if again {
                    Outcome::Skipped(crate::i18n::t(Msg::ContactJoined).to_owned())
                } else if changed {
                    Outcome::Updated
                } else {
                    Outcome::Unchanged
                };
                plan.push(text, c.line, outcome);
                let merged = people[i].1.clone();
                index(i, &merged, &mut by_email, &mut by_phone, &mut by_name);
            }
            None => {
                let i = people.len();
                index(i, &c, &mut by_email, &mut by_phone, &mut by_name);
                plan.push(label(&c), c.line, Outcome::New);
                touched.insert(i);
                people.push((None, c, true));
            }
        }
    }
    let people = people
        .into_iter()
        .filter(|(_, _, write)| *write)
        .map(|(id, c, _)| (id, c))
        .collect();
    Ok(Prepared { plan, people })
}

impl Prepared {
    /// Writes the plan in one transaction: all of it, or nothing.
    pub fn apply(self, store: &mut Store) -> Result<Counts, ImportError> {
        self.apply_recorded(store).map(|(c, _)| c)
    }

    /// The same, also returning the change made (the console keeps it to undo the import).
    pub fn apply_recorded(self, store: &mut Store) -> Result<(Counts, Change), ImportError> {
        let counts = self.plan.counts();
        if self.people.is_empty() {
            return Ok((counts, Change::default()));
        }
        let mut outlets: HashMap<String, String> = store
            .names_of(RecordKind::Outlet)?
            .into_iter()
            .map(|(id, name)| (fold(name.trim()), id))
            .collect();
        let mut lists: HashMap<String, String> = store
            .names_of(RecordKind::ContactList)?
            .into_iter()
            .map(|(id, name)| (fold(name.trim()), id))
            .collect();
        let ((), change) = store.batch("import.contacts", |tx| {
            for (id, c) in &self.people {
                let outlet_id = if c.outlet.trim().is_empty() {
                    None
                } else {
                    let key = fold(c.outlet.trim());
                    match outlets.get(&key) {
                        Some(o) => Some(o.clone()),
                        None => {
                            let kind = c.outlet_kind.unwrap_or(OutletKind::Digital);
                            let o = tx.run(&Command::Create {
                                id: None,
                                record: Record::Outlet(OutletInput::new(c.outlet.trim(), kind)),
                            })?;
                            outlets.insert(key, o.id.clone());
                            Some(o.id)
                        }
                    }
                };
                let mut list_ids = Vec::new();
                for name in &c.lists {
                    let key = fold(name.trim());
                    let l = match lists.get(&key) {
                        Some(l) => l.clone(),
                        None => {
                            let l = tx.run(&Command::Create {
                                id: None,
                                record: Record::ContactList(ContactListInput {
                                    name: name.trim().to_owned(),
                                    description: String::new(),
                                }),
                            })?;
                            lists.insert(key, l.id.clone());
                            l.id
                        }
                    };
                    if !list_ids.contains(&l) {
                        list_ids.push(l);
                    }
                }
                let record = Record::Journalist(JournalistInput {
                    outlet_id,
                    lists: list_ids,
                    ..input(c)
                });
                match id {
                    Some(id) => tx.run(&Command::Update {
                        id: id.clone(),
                        record,
                    })?,
                    None => tx.run(&Command::Create { id: None, record })?,
                };
            }
            Ok(())
        })?;
        Ok((counts, change))
    }
}

#[cfg(test)]
mod tests {
    use super::same_person;

    #[test]
    fn names_agree_word_by_word() {
        assert!(same_person("Ana Pérez", "ANA PEREZ LÓPEZ"));
        assert!(same_person("José Núñez", "Jose Nunez"));
        assert!(!same_person("Rosa Garza Rivera", "Rosa Garza Medina"));
        assert!(!same_person(
            "Adriana Barragán Barragán",
            "Adriana Barragán Cruz"
        ));
        assert!(same_person("Adriana Barragán", "Adriana Barragán Barragán"));
        assert!(!same_person("", "Ana"));
    }
}
