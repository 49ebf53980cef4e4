//! The office's own records the console does not edit yet: its staff, press clippings,
//! citizens' questions and reusable answers (written by the demo and, later, by
//! their tabs and importers).
use super::{flag, opt, text, Fields};
use crate::domain::edit::{AnswerInput, ClippingInput, QuestionInput, StaffInput};

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
        ("title", text(c.title.trim())),
        ("url", text(c.url.trim())),
        ("published_on", text(&c.published_on)),
        ("tone", text(c.tone.code())),
        ("summary", text(&c.summary)),
        ("response", text(&c.response)),
        ("draft_id", opt(&c.draft_id)),
    ]
}

pub(super) fn question_fields(q: &QuestionInput) -> Fields {
    vec![
        ("channel", text(q.channel.code())),
        ("asked_at", text(&q.asked_at)),
        ("question", text(&q.question)),
        ("status", text(q.status.code())),
        ("answer_id", opt(&q.answer_id)),
        ("response", text(&q.response)),
    ]
}

pub(super) fn answer_fields(a: &AnswerInput) -> Fields {
    vec![
        ("title", text(a.title.trim())),
        ("body", text(&a.body)),
        ("topic", text(a.topic.trim())),
    ]
}
