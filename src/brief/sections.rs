//! The briefing's sections as the meeting reads them: what each says, in which order, and
//! where each of its lines leads.
use super::{short_day, time_of, Item, Link, Section, SectionId, Tone};
use crate::domain::agenda::AgendaEvent;
use crate::domain::briefing::{
    Briefing, NegativeNote, PieceLine, WaitingQuestion, QUESTION_WAIT_HOURS,
};
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::Filters;
use crate::domain::status::{DraftStatus, QuestionStatus};
use crate::i18n::labels::Label;
use crate::i18n::{number, stamp, t, tf, Msg};

fn counted(n: u64, one: Msg, many: Msg) -> String {
    if n == 1 {
        t(one).to_owned()
    } else {
        tf(many, &[&number(n)])
    }
}

/// "09:30–11:00", "Todo el día".
fn event_when(e: &AgendaEvent) -> String {
    if e.all_day {
        return t(Msg::FAllDay).to_owned();
    }
    let (start, end) = (time_of(&e.starts_at), time_of(&e.ends_at));
    if end.is_empty() || end == start {
        start
    } else {
        format!("{start}–{end}")
    }
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// An event as the briefing says it: when, what, where and who covers it, marked when nobody
/// does or someone is expected at two places.
pub fn event_item(e: &AgendaEvent) -> Item {
    let place = join(&[&e.place, &e.locality]);
    let who: Vec<String> = e
        .coverage
        .iter()
        .filter(|c| c.status != crate::domain::status::CoverageStatus::Cancelled)
        .map(|c| format!("{}: {}", c.role.label(), c.staff))
        .collect();
    let mut note = join(&[&place, &who.join(", ")]);
    for clash in clash_notes(e) {
        note.push_str(" · ");
        note.push_str(&clash);
    }
    let (flag, tone) = if !e.happens() {
        (e.status.label().to_owned(), Tone::Quiet)
    } else if e.uncovered() {
        (t(Msg::BriefUncovered).to_owned(), Tone::Alert)
    } else if !e.clashes.is_empty() {
        (String::new(), Tone::Alert)
    } else {
        (String::new(), Tone::Plain)
    };
    Item {
        when: event_when(e),
        text: e.title.clone(),
        note,
        flag,
        tone,
        link: Some(Link::Record(Target::new(RecordKind::Event, e.id.clone()))),
    }
}

/// "3 eventos, 2 sin cobertura"; "1 evento, todos con cobertura".
fn events_summary(events: &[AgendaEvent]) -> String {
    let n = counted(events.len() as u64, Msg::BriefEventsOne, Msg::BriefEvents);
    let open = events.iter().filter(|e| e.uncovered()).count();
    let said = if open == 0 {
        tf(Msg::BriefAllCovered, &[&n])
    } else {
        tf(Msg::BriefSomeUncovered, &[&n, &open])
    };
    let clashing = events
        .iter()
        .filter(|e| e.happens() && !e.clashes.is_empty())
        .count();
    if clashing == 0 {
        said
    } else {
        tf(Msg::BriefWithClashes, &[&said, &clashing])
    }
}

/// Who of an event's coverage is expected elsewhere at the same time, a note per other event
/// ("⚠ Lucía y Jorge también están en «…» a la misma hora") or, for someone expected at
/// several, one note that counts them (a crowded day must not bury the briefing).
fn clash_notes(e: &AgendaEvent) -> Vec<String> {
    let mut people: Vec<(&str, Vec<&str>)> = Vec::new();
    for c in &e.clashes {
        match people.iter_mut().find(|(who, _)| *who == c.staff) {
            Some((_, others)) => others.push(&c.other_title),
            None => people.push((&c.staff, vec![&c.other_title])),
        }
    }
    let mut by_event: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut out = Vec::new();
    for (who, others) in &people {
        match others.as_slice() {
            [one] => match by_event.iter_mut().find(|(event, _)| event == one) {
                Some((_, names)) => names.push(who),
                None => by_event.push((one, vec![who])),
            },
            many => out.push(tf(Msg::BriefClashes, &[who, &many.len()])),
        }
    }
    let mut notes: Vec<String> = by_event
        .into_iter()
        .map(|(event, names)| match names.as_slice() {
            [one] => tf(Msg::BriefClash, &[one, &event]),
            _ => tf(Msg::BriefClashTogether, &[&and_list(&names), &event]),
        })
        .collect();
    notes.extend(out);
    notes
}

/// "A", "A y B", "A, B y C".
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => tf(Msg::AndList, &[&init.join(", "), last]),
    }
}

fn record(kind: RecordKind, id: &str) -> Option<Link> {
    Some(Link::Record(Target::new(kind, id)))
}

fn plain(when: String, text: String, note: String, link: Option<Link>) -> Item {
    Item {
        when,
        text,
        note,
        flag: String::new(),
        tone: Tone::Plain,
        link,
    }
}

/// A section of `items` out of `total`, summarised by `summary` or, empty, by `empty`.
fn section(
    id: SectionId,
    title: Msg,
    summary: String,
    items: Vec<Item>,
    total: u64,
    empty: Msg,
) -> Section {
    let alert = items.iter().any(|i| i.tone == Tone::Alert);
    let more = total.saturating_sub(items.len() as u64);
    Section {
        id,
        title: t(title).to_owned(),
        summary: if total == 0 {
            t(empty).to_owned()
        } else {
            summary
        },
        alert,
        items,
        more,
        more_link: None,
    }
}

/// Pieces as lines: `when` of each, its title, its kind and department; each opens it.
fn pieces(list: &[PieceLine], when: fn(&str) -> String) -> Vec<Item> {
    list.iter()
        .map(|p| {
            plain(
                when(&p.at),
                p.title.clone(),
                join(&[p.kind.label(), &p.department]),
                record(RecordKind::Draft, &p.id),
            )
        })
        .collect()
}

/// The list that holds all of a section's items: `kind`'s, under `filters`.
fn all_in(section: Section, kind: RecordKind, filters: Filters) -> Section {
    Section {
        more_link: Some(Link::List(kind, Box::new(filters))),
        ..section
    }
}

pub(super) fn written(b: &Briefing) -> Vec<Section> {
    let mut out = Vec::new();
    let today: Vec<Item> = b.today.iter().map(event_item).collect();
    out.push(section(
        SectionId::Today,
        Msg::BriefTodayTitle,
        events_summary(&b.today),
        today,
        b.today.len() as u64,
        Msg::BriefNoEvents,
    ));
    let tomorrow: Vec<Item> = b.tomorrow.iter().map(event_item).collect();
    out.push(section(
        SectionId::Tomorrow,
        Msg::BriefTomorrowTitle,
        events_summary(&b.tomorrow),
        tomorrow,
        b.tomorrow.len() as u64,
        Msg::BriefNoEventsTomorrow,
    ));
    if b.conflicts > 0 {
        let text = counted(b.conflicts, Msg::BriefConflictsOne, Msg::BriefConflicts);
        out.push(section(
            SectionId::Conflicts,
            Msg::BriefConflictsTitle,
            text,
            vec![Item {
                flag: String::new(),
                tone: Tone::Alert,
                ..plain(
                    String::new(),
                    t(Msg::BriefConflictsWhat).to_owned(),
                    t(Msg::BriefConflictsNote).to_owned(),
                    Some(Link::Conflicts),
                )
            }],
            1,
            Msg::BriefNothing,
        ));
    }
    let scheduled = pieces(&b.scheduled, time_of);
    out.push(all_in(
        section(
            SectionId::Scheduled,
            Msg::BriefScheduledTitle,
            counted(b.scheduled_total, Msg::BriefPiecesOne, Msg::BriefPieces),
            scheduled,
            b.scheduled_total,
            Msg::BriefNothingScheduled,
        ),
        RecordKind::Draft,
        Filters {
            status: Some(DraftStatus::Scheduled.code().to_owned()),
            ..Filters::default()
        },
    ));
    let approvals = pieces(&b.approvals, short_day);
    out.push(all_in(
        section(
            SectionId::Approvals,
            Msg::BriefApprovalsTitle,
            counted(b.approvals_total, Msg::BriefPiecesOne, Msg::BriefPieces),
            approvals,
            b.approvals_total,
            Msg::BriefNothing,
        ),
        RecordKind::Draft,
        Filters {
            status: Some(DraftStatus::Review.code().to_owned()),
            ..Filters::default()
        },
    ));
    let reports: Vec<Item> = b
        .reports
        .iter()
        .map(|w| {
            let latest = w.latest.first();
            let department = if w.department.is_empty() {
                t(Msg::BriefNoDepartment).to_owned()
            } else {
                w.department.clone()
            };
            let titles: Vec<String> = w.latest.iter().map(|r| format!("«{}»", r.title)).collect();
            let mut note = titles.join(", ");
            if w.count > w.latest.len() as u64 {
                note.push_str(&format!(
                    " {}",
                    tf(Msg::BriefMore, &[&(w.count - w.latest.len() as u64)])
                ));
            }
            plain(
                latest
                    .map(|r| short_day(&r.received_at))
                    .unwrap_or_default(),
                format!(
                    "{department}: {}",
                    counted(w.count, Msg::BriefReportsOne, Msg::BriefReports)
                ),
                note,
                latest.and_then(|r| record(RecordKind::Report, &r.id)),
            )
        })
        .collect();
    // One line per department: all of them are listed.
    let n = reports.len() as u64;
    out.push(section(
        SectionId::Reports,
        Msg::BriefReportsTitle,
        counted(b.reports_total, Msg::BriefReportsOne, Msg::BriefReports),
        reports,
        n,
        Msg::BriefNothing,
    ));
    let owing: Vec<Item> = b
        .owing
        .iter()
        .map(|o| Item {
            flag: String::new(),
            tone: Tone::Alert,
            ..plain(
                short_day(&o.due_on),
                format!(
                    "{}: {}",
                    o.department,
                    counted(o.overdue, Msg::BriefOverdueOne, Msg::BriefOverdue)
                ),
                tf(Msg::BriefOldestDue, &[&o.subject, &stamp(&o.due_on)]),
                record(RecordKind::Request, &o.request_id),
            )
        })
        .collect();
    let n = owing.len() as u64;
    out.push(section(
        SectionId::Owing,
        Msg::BriefOwingTitle,
        counted(n, Msg::BriefDepartmentsOne, Msg::BriefDepartments),
        owing,
        n,
        Msg::BriefNobodyOwes,
    ));
    if b.material_late_total > 0 {
        let items: Vec<Item> = b
            .material_late
            .iter()
            .map(|m| Item {
                flag: String::new(),
                tone: Tone::Alert,
                ..plain(
                    short_day(&m.needed_by),
                    m.title.clone(),
                    join(&[
                        m.kind.label(),
                        &m.department,
                        &format!("{} {}", t(Msg::NeededOn), stamp(&m.needed_by)),
                    ]),
                    record(RecordKind::Material, &m.id),
                )
            })
            .collect();
        // No filter of the materials' list says "late", so its extra lines lead nowhere.
        out.push(section(
            SectionId::Material,
            Msg::BriefMaterialTitle,
            counted(b.material_late_total, Msg::BriefOrdersOne, Msg::BriefOrders),
            items,
            b.material_late_total,
            Msg::BriefNothing,
        ));
    }
    let media: Vec<Item> = b
        .media
        .iter()
        .map(|m| {
            let due = if m.due_on.is_empty() {
                String::new()
            } else {
                format!("{} {}", t(Msg::BriefFor), stamp(&m.due_on))
            };
            plain(
                if m.due_on.is_empty() {
                    String::new()
                } else {
                    short_day(&m.due_on)
                },
                format!("{}: {}", m.who, m.topic),
                join(&[m.kind.label(), &due]),
                record(RecordKind::Interview, &m.id),
            )
        })
        .collect();
    // Open requests are two statuses, which no single filter of the list names: its extra
    // lines lead nowhere.
    out.push(section(
        SectionId::Media,
        Msg::BriefMediaTitle,
        counted(b.media_total, Msg::BriefRequestsOne, Msg::BriefRequests),
        media,
        b.media_total,
        Msg::BriefNothing,
    ));
    out.push(monitoring(b));
    let published: Vec<Item> = b
        .published
        .iter()
        .map(|p| {
            plain(
                time_of(&p.published_at),
                p.title.clone(),
                p.channel.label().to_owned(),
                record(RecordKind::Publication, &p.id),
            )
        })
        .collect();
    let by_channel: Vec<String> = b
        .published_by_channel
        .iter()
        .map(|(c, n)| format!("{} {}", c.label(), number(*n)))
        .collect();
    out.push(all_in(
        section(
            SectionId::Published,
            Msg::BriefPublishedTitle,
            format!(
                "{}: {}",
                counted(
                    b.published_total,
                    Msg::BriefPublicationsOne,
                    Msg::BriefPublications
                ),
                by_channel.join(", ")
            ),
            published,
            b.published_total,
            Msg::BriefNothingPublished,
        ),
        RecordKind::Publication,
        Filters {
            kind: Some("publication".to_owned()),
            from: Some(b.date - chrono::Duration::days(1)),
            to: Some(b.date - chrono::Duration::days(1)),
            ..Filters::default()
        },
    ));
    out
}

/// How many characters of a question its line shows.
pub(super) const QUESTION_WORDS: usize = 60;

/// The first words of `text` on one line, within `max` characters, cut after a word ("…" when
/// cut; a first word longer than that is cut where it must).
pub(super) fn first_words(text: &str, max: usize) -> String {
    let text = super::one_line(text);
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let room = max.saturating_sub(1);
        let wanted = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if wanted > room {
            if out.is_empty() {
                out = word.chars().take(room).collect();
            }
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // A cut after a comma or a colon reads better without it.
    let kept = out.trim_end_matches([',', ';', ':', '.']).len();
    out.truncate(kept);
    out.push('…');
    out
}

/// "30 h" up to two days, then "3 días".
fn waited(hours: u64) -> String {
    if hours < 48 {
        tf(Msg::BriefWaitHours, &[&hours])
    } else {
        tf(Msg::BriefWaitDays, &[&(hours / 24)])
    }
}

/// "30/01" for a date of the briefing's year, "31/12/2024" for one of another (an old note
/// must not read as this year's).
fn day_of(text: &str, b: &Briefing) -> String {
    use chrono::Datelike;
    match text
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        Some(d) if d.year() != b.date.year() => crate::i18n::short_date(d),
        _ => short_day(text),
    }
}

/// A negative note not answered: when it came out, its headline, the outlet and what kind of
/// piece it is; marked as unanswered, or as answered by a piece not out yet.
fn negative_item(n: &NegativeNote, b: &Briefing) -> Item {
    let flag = if n.response_id.is_empty() {
        Msg::BriefUnanswered
    } else {
        Msg::BriefResponseUnpublished
    };
    Item {
        flag: t(flag).to_owned(),
        tone: Tone::Alert,
        ..plain(
            day_of(&n.published_on, b),
            n.title.clone(),
            join(&[&n.outlet, n.kind.label()]),
            record(RecordKind::Clipping, &n.id),
        )
    }
}

/// A question waiting: for how long, its first words, where it was asked and the department
/// it went to; marked as not routed, or as unanswered.
fn question_item(q: &WaitingQuestion) -> Item {
    let (flag, routed) = if q.status == QuestionStatus::Open && q.department.is_empty() {
        (Msg::BriefUnrouted, String::new())
    } else if q.department.is_empty() {
        (Msg::BriefUnanswered, String::new())
    } else {
        (
            Msg::BriefUnanswered,
            tf(Msg::BriefRoutedTo, &[&q.department]),
        )
    };
    Item {
        flag: t(flag).to_owned(),
        tone: Tone::Alert,
        ..plain(
            waited(q.hours),
            first_words(&q.question, QUESTION_WORDS),
            join(&[q.channel.label(), &routed]),
            record(RecordKind::Question, &q.id),
        )
    }
}

/// Monitoreo: the negative notes nobody answered, the newest first, then the questions waiting
/// more than a day, the oldest first. "2 notas negativas sin respuesta; 3 preguntas esperan
/// más de 24 h".
fn monitoring(b: &Briefing) -> Section {
    let mut said = Vec::new();
    if b.negative_total > 0 {
        said.push(counted(
            b.negative_total,
            Msg::BriefNegativeOne,
            Msg::BriefNegative,
        ));
    }
    if b.questions_total > 0 {
        said.push(if b.questions_total == 1 {
            tf(Msg::BriefQuestionsLateOne, &[&QUESTION_WAIT_HOURS])
        } else {
            tf(
                Msg::BriefQuestionsLate,
                &[&number(b.questions_total), &QUESTION_WAIT_HOURS],
            )
        });
    }
    let items: Vec<Item> = b
        .negative
        .iter()
        .map(|n| negative_item(n, b))
        .chain(b.questions.iter().map(question_item))
        .collect();
    // No filter of the Monitoreo tab says "unanswered" or "waiting a day": its extra lines
    // lead nowhere.
    section(
        SectionId::Monitoring,
        Msg::BriefMonitoringTitle,
        said.join("; "),
        items,
        b.negative_total + b.questions_total,
        Msg::BriefNothing,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::Clash;
    use crate::domain::status::{EventKind, EventStatus};

    fn event_with(clashes: &[(&str, &str)]) -> AgendaEvent {
        AgendaEvent {
            id: "e".into(),
            title: "Evento".into(),
            starts_at: "2025-03-06T10:00".into(),
            ends_at: String::new(),
            all_day: false,
            place: String::new(),
            locality: String::new(),
            department: String::new(),
            kind: EventKind::Other,
            status: EventStatus::Scheduled,
            recurring: false,
            coverage: Vec::new(),
            clashes: clashes
                .iter()
                .map(|(staff, other)| Clash {
                    staff: (*staff).into(),
                    other_event_id: String::new(),
                    other_title: (*other).into(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_question_shows_its_first_words_cut_after_a_word() {
        assert_eq!(
            first_words("¿Dónde se paga el predial?", 60),
            "¿Dónde se paga el predial?"
        );
        assert_eq!(
            first_words("¿Cuándo llega\nla vacunación, a mi comunidad?", 30),
            "¿Cuándo llega la vacunación…"
        );
        assert_eq!(first_words("Supercalifragilístico", 10), "Supercali…");
        assert_eq!(waited(30), "30 h");
        assert_eq!(waited(47), "47 h");
        assert_eq!(waited(75), "3 días");
    }

    #[test]
    fn clashes_are_said_once_per_other_event_and_counted_for_a_crowded_person() {
        let e = event_with(&[("Lucía", "Vacunación"), ("Jorge", "Vacunación")]);
        assert_eq!(
            clash_notes(&e),
            ["⚠ Lucía y Jorge también están en «Vacunación» a la misma hora"]
        );
        let many: Vec<(&str, String)> = (0..40).map(|i| ("Jorge", format!("Evento {i}"))).collect();
        let many: Vec<(&str, &str)> = many.iter().map(|(w, o)| (*w, o.as_str())).collect();
        let mut pairs = many.clone();
        pairs.push(("Lucía", "Taller"));
        assert_eq!(
            clash_notes(&event_with(&pairs)),
            [
                "⚠ Lucía también está en «Taller» a la misma hora",
                "⚠ Jorge tiene otros 40 eventos a la misma hora"
            ]
        );
        assert_eq!(and_list(&["A", "B", "C"]), "A, B y C");
    }
}
