//! The office's own records: its staff, press clippings, citizens' questions and the
//! reusable answers to them (Monitoreo).
use rusqlite::{Connection, OptionalExtension};

use super::{flag, opt, text, Fields, Tx};
use crate::domain::edit::{AnswerInput, ClippingInput, QuestionInput, StaffInput};
use crate::domain::edit::{Invalid, Problem, Record};
use crate::domain::status::{Channel, ClippingKind, QuestionStatus, Tone};
use crate::store::details::not_found;
use crate::store::error::{Result, StoreError};

pub(super) fn staff_fields(s: &StaffInput) -> Fields {
    vec![
        ("name", text(s.name.trim())),
        ("role", text(s.role.trim())),
        ("phone", text(s.phone.trim())),
        ("email", text(s.email.trim())),
        ("active", flag(s.active)),
    ]
}

pub(super) fn clipping_fields(c: &ClippingInput) -> Fields {
    vec![
        ("outlet_id", opt(&c.outlet_id)),
        ("kind", text(c.kind.code())),
        ("title", text(c.title.trim())),
        ("url", text(c.url.trim())),
        ("published_on", text(&c.published_on)),
        ("tone", text(c.tone.code())),
        ("summary", text(&c.summary)),
        ("topic", text(c.topic.trim())),
        ("department_id", opt(&c.department_id)),
        ("quoted_id", opt(&c.quoted_id)),
        ("response", text(c.response.trim())),
        ("draft_id", opt(&c.draft_id)),
    ]
}

pub(super) fn question_fields(q: &QuestionInput) -> Fields {
    vec![
        ("channel", text(q.channel.code())),
        ("asked_at", text(&q.asked_at)),
        ("question", text(&q.question)),
        ("topic", text(q.topic.trim())),
        ("department_id", opt(&q.department_id)),
        ("status", text(q.status.code())),
        ("answer_id", opt(&q.answer_id)),
        ("response", text(q.response.trim())),
        ("answered_at", text(&q.answered_at)),
    ]
}

pub(super) fn answer_fields(a: &AnswerInput) -> Fields {
    vec![
        ("title", text(a.title.trim())),
        ("body", text(&a.body)),
        ("topic", text(a.topic.trim())),
    ]
}

pub(crate) fn read_clipping(conn: &Connection, id: &str) -> Result<ClippingInput> {
    conn.prepare_cached(
        "SELECT outlet_id, kind, title, url, published_on, tone, summary, topic, department_id,
                quoted_id, response, draft_id
         FROM clippings WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(ClippingInput {
            outlet_id: r.get(0)?,
            kind: ClippingKind::from_code(&r.get::<_, String>(1)?).unwrap_or(ClippingKind::News),
            title: r.get(2)?,
            url: r.get(3)?,
            published_on: r.get(4)?,
            tone: Tone::from_code(&r.get::<_, String>(5)?).unwrap_or(Tone::Neutral),
            summary: r.get(6)?,
            topic: r.get(7)?,
            department_id: r.get(8)?,
            quoted_id: r.get(9)?,
            response: r.get(10)?,
            draft_id: r.get(11)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("clippings", id))
}

pub(crate) fn read_question(conn: &Connection, id: &str) -> Result<QuestionInput> {
    conn.prepare_cached(
        "SELECT channel, asked_at, question, topic, department_id, status, answer_id, response,
                answered_at
         FROM questions WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(QuestionInput {
            channel: Channel::from_code(&r.get::<_, String>(0)?).unwrap_or(Channel::Facebook),
            asked_at: r.get(1)?,
            question: r.get(2)?,
            topic: r.get(3)?,
            department_id: r.get(4)?,
            status: QuestionStatus::from_code(&r.get::<_, String>(5)?)
                .unwrap_or(QuestionStatus::Open),
            answer_id: r.get(6)?,
            response: r.get(7)?,
            answered_at: r.get(8)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("questions", id))
}

pub(crate) fn read_answer(conn: &Connection, id: &str) -> Result<AnswerInput> {
    conn.prepare_cached(
        "SELECT title, body, topic FROM answers WHERE id = ?1 AND deleted_at IS NULL",
    )?
    .query_row([id], |r| {
        Ok(AnswerInput {
            title: r.get(0)?,
            body: r.get(1)?,
            topic: r.get(2)?,
        })
    })
    .optional()?
    .ok_or_else(|| not_found("answers", id))
}

/// The host a link points to, lower case and without `www.`: `https://www.Pulso.mx/nota?x`
/// is `pulso.mx`. Empty when the text is no link.
pub fn link_host(url: &str) -> String {
    let url = url.trim();
    let rest = url.split_once("://").map(|(_, rest)| rest).unwrap_or(url);
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .rsplit('@')
        .next()
        .unwrap_or("");
    let host = host.split(':').next().unwrap_or("").to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    if host.contains('.') && !host.contains(char::is_whitespace) {
        host.to_owned()
    } else {
        String::new()
    }
}

/// The answer time a question asked at `asked` keeps for its status: the time it was answered
/// (now, unless it says; when asked "later" than now, a clock behind, the time it was asked),
/// none while it waits again.
pub(super) fn answered_at(status: QuestionStatus, current: &str, now: &str, asked: &str) -> String {
    match status {
        QuestionStatus::Answered if current.is_empty() => now.max(asked).to_owned(),
        QuestionStatus::Answered | QuestionStatus::Closed => current.to_owned(),
        QuestionStatus::Open | QuestionStatus::Routed => String::new(),
    }
}

impl Tx<'_, '_> {
    /// What the office's monitoring records complete themselves: a clipping's outlet from its
    /// link (when the link's site is a known outlet's); a question routed once it names a
    /// department, answered with a reply and at a time.
    pub(super) fn complete_monitoring(&self, record: &Record) -> Result<Option<Record>> {
        match record {
            Record::Clipping(c) => {
                // What it quotes is one of the office's boletines.
                if let Some(quoted) = &c.quoted_id {
                    let kind = self.w.get("drafts", quoted, "kind")?;
                    if kind != Some(text(crate::domain::status::DraftKind::Release.code())) {
                        return Err(StoreError::Invalid(Invalid {
                            field: "quoted_id",
                            problem: Problem::NotARelease,
                        }));
                    }
                }
                Ok(None)
            }
            Record::Question(q) => {
                let mut q = q.clone();
                if q.status == QuestionStatus::Open && q.department_id.is_some() {
                    q.status = QuestionStatus::Routed;
                }
                if q.status == QuestionStatus::Routed && q.department_id.is_none() {
                    return Err(StoreError::Invalid(Invalid {
                        field: "department_id",
                        problem: Problem::Required,
                    }));
                }
                if q.status == QuestionStatus::Answered && q.response.trim().is_empty() {
                    return Err(StoreError::Invalid(Invalid {
                        field: "response",
                        problem: Problem::Required,
                    }));
                }
                q.answered_at = answered_at(q.status, &q.answered_at, self.time(), &q.asked_at);
                if !q.answered_at.is_empty() && q.answered_at < q.asked_at {
                    return Err(StoreError::Invalid(Invalid {
                        field: "answered_at",
                        problem: Problem::BeforeStart,
                    }));
                }
                Ok(Some(Record::Question(q)))
            }
            _ => Ok(None),
        }
    }

    /// A new clipping with a link and no outlet takes the outlet whose site the link is on
    /// (once: an outlet taken away later stays away).
    pub(super) fn outlet_from_link(&self, record: &Record) -> Result<Option<Record>> {
        let Record::Clipping(c) = record else {
            return Ok(None);
        };
        if c.outlet_id.is_some() || c.url.trim().is_empty() {
            return Ok(None);
        }
        Ok(self.outlet_of_link(&c.url)?.map(|outlet| {
            let mut c = c.clone();
            c.outlet_id = Some(outlet);
            Record::Clipping(c)
        }))
    }

    /// The live outlet whose website is on the link's site.
    fn outlet_of_link(&self, url: &str) -> Result<Option<String>> {
        let host = link_host(url);
        if host.is_empty() {
            return Ok(None);
        }
        let mut stmt = self.reader().prepare_cached(
            "SELECT id, website FROM outlets WHERE deleted_at IS NULL AND website <> ''
             ORDER BY name, id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, website) = row?;
            let site = link_host(&website);
            if !site.is_empty() && (host == site || host.ends_with(&format!(".{site}"))) {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::link_host;

    #[test]
    fn a_link_names_its_site() {
        assert_eq!(link_host("https://www.Pulso.mx/nota?x=1"), "pulso.mx");
        assert_eq!(
            link_host("http://m.facebook.com/pagina/posts/1"),
            "facebook.com"
        );
        assert_eq!(
            link_host("elsoldesanluis.com.mx/local"),
            "elsoldesanluis.com.mx"
        );
        assert_eq!(link_host("https://user@huasteca.tv:8080/a"), "huasteca.tv");
        assert_eq!(link_host("no es un enlace"), "");
        assert_eq!(link_host(""), "");
    }
}
