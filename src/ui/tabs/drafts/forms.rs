//! The forms of Borradores: a piece (title, kind, text, topic and links), a version of it for
//! one network, and the questions a move asks (why it is turned back, when it goes out, where
//! it was published, why a warning may be let through).
use crate::domain::compliance::{parse_vedas, veda_line, VedaProblem};
use crate::domain::edit::{
    CampaignInput, DraftInput, MaterialInput, OfficeInput, Problem, PublicationInput, Record,
    RecordKind, Target, VariantInput,
};
use crate::domain::status::{Channel, DraftKind, Language, MaterialKind, MaterialStatus};
use crate::i18n::labels::problem_text;
use crate::i18n::{t, tf, Msg};
use crate::ui::form::{Field, FieldErrors, Form, Purpose};
use crate::ui::forms::{date, day, finish, FormCtx};
use crate::ui::tabs::agenda::options;
use chrono::NaiveDateTime;

pub fn draft(rec: Option<&DraftInput>, ctx: &FormCtx) -> Vec<Field> {
    let kind = rec.map(|d| d.kind).unwrap_or(DraftKind::Post);
    let id = |f: fn(&DraftInput) -> &Option<String>| rec.and_then(|d| f(d).as_deref());
    vec![
        Field::text("title", rec.map(|d| d.title.as_str()).unwrap_or("")).required(),
        Field::choice(
            "kind",
            options(DraftKind::ALL, DraftKind::code),
            kind.code(),
        ),
        Field::multi("body", rec.map(|d| d.body.as_str()).unwrap_or("")).counted(),
        Field::text("topic", rec.map(|d| d.topic.as_str()).unwrap_or("")),
        Field::pick(
            "author_id",
            RecordKind::Staff,
            ctx.label(RecordKind::Staff, id(|d| &d.author_id)),
        ),
        Field::pick(
            "event_id",
            RecordKind::Event,
            ctx.label(RecordKind::Event, id(|d| &d.event_id)),
        ),
        Field::pick(
            "report_id",
            RecordKind::Report,
            ctx.label(RecordKind::Report, id(|d| &d.report_id)),
        ),
        Field::pick(
            "campaign_id",
            RecordKind::Campaign,
            ctx.label(RecordKind::Campaign, id(|d| &d.campaign_id)),
        ),
    ]
}

/// The note under a piece's form: which topics the electoral blackout lets through.
pub fn draft_note() -> String {
    t(Msg::DraftTopicHint).to_owned()
}

pub fn draft_record(f: &Form, original: Option<&DraftInput>) -> Result<Record, FieldErrors> {
    let written_at = original
        .map(|d| d.written_at.clone())
        .unwrap_or_else(|| f.now.format("%Y-%m-%dT%H:%M").to_string());
    let base = original
        .cloned()
        .unwrap_or_else(|| DraftInput::new("", "", &written_at));
    let record = Record::Draft(DraftInput {
        title: f.text("title"),
        body: f.text("body"),
        kind: DraftKind::from_code(&f.choice("kind")).unwrap_or(DraftKind::Post),
        topic: f.text("topic"),
        report_id: f.pick("report_id"),
        event_id: f.pick("event_id"),
        campaign_id: f.pick("campaign_id"),
        author_id: f.pick("author_id"),
        ..base
    });
    finish(record, Vec::new())
}

pub fn variant(rec: Option<&VariantInput>) -> Vec<Field> {
    let channel = rec.map(|v| v.channel).unwrap_or(Channel::Facebook);
    let language = rec.map(|v| v.language).unwrap_or(Language::Spanish);
    let limit = rec
        .and_then(|v| v.limit)
        .map(|l| l.to_string())
        .unwrap_or_default();
    vec![
        Field::choice(
            "channel",
            options(Channel::ALL, Channel::code),
            channel.code(),
        ),
        Field::multi("body", rec.map(|v| v.body.as_str()).unwrap_or("")).counted(),
        Field::text("limit", &limit),
        Field::toggle("with_image", rec.is_some_and(|v| v.with_image)),
        Field::text("alt_text", rec.map(|v| v.alt_text.as_str()).unwrap_or("")),
        Field::choice(
            "language",
            options(Language::ALL, Language::code),
            language.code(),
        ),
        Field::text(
            "translator",
            rec.map(|v| v.translator.as_str()).unwrap_or(""),
        ),
        Field::toggle("reviewed", rec.is_some_and(|v| v.reviewed)),
    ]
}

pub fn variant_record(
    f: &Form,
    original: Option<&VariantInput>,
    draft: Option<&str>,
) -> Result<Record, FieldErrors> {
    let draft_id = draft
        .map(str::to_owned)
        .or_else(|| original.map(|v| v.draft_id.clone()))
        .unwrap_or_default();
    let mut errors = FieldErrors::new();
    if f.text("body").trim().is_empty() {
        errors.push(("body", problem_text(Problem::Required)));
    }
    let limit_text = f.text("limit");
    let limit = match limit_text.trim() {
        "" => None,
        n => match n.replace([',', '.', ' '], "").parse::<u32>() {
            Ok(l) if l > 0 => Some(l),
            _ => {
                errors.push(("limit", t(Msg::LimitNotNumber).to_owned()));
                None
            }
        },
    };
    let channel = Channel::from_code(&f.choice("channel")).unwrap_or(Channel::Facebook);
    let record = Record::Variant(VariantInput {
        limit,
        with_image: f.toggle("with_image"),
        alt_text: f.text("alt_text"),
        language: Language::from_code(&f.choice("language")).unwrap_or(Language::Spanish),
        translator: f.text("translator"),
        reviewed: f.toggle("reviewed"),
        ..VariantInput::new(&draft_id, channel, &f.text("body"))
    });
    finish(record, errors)
}

/// Why a piece is turned back: the comment its author reads.
pub fn reject(target: Target, title: &str, now: NaiveDateTime) -> Form {
    let mut form = Form::new(
        tf(Msg::RejectTitle, &[&title]),
        Purpose::Reject(target),
        vec![Field::multi("review_comment", "").required()],
        now,
    );
    form.note = Some(t(Msg::RejectHint).to_owned());
    form
}

/// When a piece goes out.
pub fn schedule(target: Target, title: &str, now: NaiveDateTime) -> Form {
    let tomorrow = now.date().succ_opt().unwrap_or(now.date());
    let mut form = Form::new(
        tf(Msg::ScheduleTitle, &[&title]),
        Purpose::Schedule(target),
        vec![
            Field::date("date", Some(tomorrow)).required(),
            Field::time("start_time", chrono::NaiveTime::from_hms_opt(9, 0, 0)).required(),
        ],
        now,
    );
    form.note = Some(t(Msg::ScheduleHint).to_owned());
    form.select_focused();
    form
}

/// Where and when a piece came out on one network: the record of its publication.
pub fn publish(target: Target, title: &str, channels: &[Channel], now: NaiveDateTime) -> Form {
    let first = channels.first().copied().unwrap_or(Channel::Facebook);
    let mut form = Form::new(
        tf(Msg::PublishTitle, &[&title]),
        Purpose::Publish(target),
        vec![
            Field::choice(
                "channel",
                options(Channel::ALL, Channel::code),
                first.code(),
            ),
            Field::date("date", Some(now.date())).required(),
            Field::time("start_time", Some(now.time())).required(),
            Field::text("url", ""),
        ],
        now,
    );
    form.note = Some(t(Msg::PublishHint).to_owned());
    form
}

/// The date and time a form's "date" and "start_time" fields say (`YYYY-MM-DDTHH:MM`), or
/// the error beside the field that does not say one.
pub fn when(f: &Form) -> Result<String, FieldErrors> {
    let date = f.date("date").map_err(|e| vec![e])?;
    let time = f.time("start_time").map_err(|e| vec![e])?;
    match (date, time) {
        (Some(d), Some(t)) => Ok(d.and_time(t).format("%Y-%m-%dT%H:%M").to_string()),
        (None, _) => Err(vec![("date", problem_text(Problem::Required))]),
        (_, None) => Err(vec![("start_time", problem_text(Problem::Required))]),
    }
}

/// The publication a filled publish form describes, or the errors beside its fields.
pub fn publication_record(f: &Form, draft: &str) -> Result<PublicationInput, FieldErrors> {
    Ok(PublicationInput {
        draft_id: draft.to_owned(),
        channel: Channel::from_code(&f.choice("channel")).unwrap_or(Channel::Facebook),
        published_at: when(f)?,
        url: f.text("url"),
    })
}

/// Why a warning may be let through: recorded with who and when.
pub fn acknowledge(target: Target, code: String, finding: &str, now: NaiveDateTime) -> Form {
    let mut form = Form::new(
        t(Msg::AckTitle).to_owned(),
        Purpose::Acknowledge { target, code },
        vec![Field::text("reason", "").required()],
        now,
    );
    form.note = Some(finding.to_owned());
    form
}

/// The channels of a piece's versions, in order, each once; every channel when it has none.
pub fn channels_of(variants: &[VariantInput]) -> Vec<Channel> {
    let mut out: Vec<Channel> = Vec::new();
    for v in variants {
        if !out.contains(&v.channel) {
            out.push(v.channel);
        }
    }
    if out.is_empty() {
        out.push(Channel::Facebook);
    }
    out
}

/// Where and how to write a press release: plain text, Markdown or a printable page.
pub fn export_bulletin(folio: &str, dir: Option<&std::path::Path>, now: NaiveDateTime) -> Form {
    let name = format!("boletin-{}.html", folio.replace(['/', '\\', ' '], "-"));
    let path = dir.map_or(name.clone(), |d| d.join(&name).display().to_string());
    let formats = vec![
        ("html".to_owned(), t(Msg::FormatHtml).to_owned()),
        ("txt".to_owned(), t(Msg::FormatTxt).to_owned()),
        ("md".to_owned(), t(Msg::FormatMd).to_owned()),
    ];
    let mut form = Form::new(
        tf(Msg::ExportBulletinTitle, &[&folio]),
        Purpose::ExportBulletin(folio.to_owned()),
        vec![
            Field::choice("format", formats, "html"),
            Field::text("file", &path).required(),
        ],
        now,
    );
    form.note = Some(t(Msg::ExportBulletinHint).to_owned());
    form
}

/// What the office configured: a press release's header, place, contact and folio prefix;
/// the names, titles and phrases Art. 134 warns about; the blackout periods, one per line.
pub fn office(o: &OfficeInput, now: NaiveDateTime) -> Form {
    let vedas: Vec<String> = o
        .vedas
        .iter()
        .map(|(from, to, name)| veda_line(*from, *to, name))
        .collect();
    let mut form = Form::new(
        t(Msg::OfficeTitle).to_owned(),
        Purpose::Office,
        vec![
            Field::multi("header", &o.header),
            Field::text("place", &o.place),
            Field::multi("contact", &o.contact),
            Field::text("folio_prefix", &o.folio_prefix).required(),
            Field::multi("officials", &o.officials),
            Field::multi("phrases", &o.phrases),
            Field::multi("vedas", &vedas.join("\n")),
        ],
        now,
    );
    form.note = Some(t(Msg::OfficeHint).to_owned());
    form
}

/// The office's settings a filled form describes, or the errors beside its fields.
pub fn office_record(f: &Form) -> Result<OfficeInput, FieldErrors> {
    let vedas = parse_vedas(&f.text("vedas")).map_err(|e| {
        let message = match e {
            VedaProblem::Unreadable(n) => tf(Msg::VedaUnreadable, &[&n]),
            VedaProblem::Backwards(n) => tf(Msg::VedaBackwards, &[&n]),
        };
        vec![("vedas", message)]
    })?;
    let prefix = f.text("folio_prefix");
    if prefix.trim().is_empty() || prefix.contains('/') {
        return Err(vec![("folio_prefix", t(Msg::FolioPrefixBad).to_owned())]);
    }
    Ok(OfficeInput {
        header: f.text("header"),
        place: f.text("place"),
        contact: f.text("contact"),
        folio_prefix: prefix.trim().to_owned(),
        officials: f.text("officials"),
        phrases: f.text("phrases"),
        vedas,
    })
}

/// A campaign: its name, department, dates and objective.
pub fn campaign(rec: Option<&CampaignInput>, ctx: &FormCtx) -> Vec<Field> {
    let v = |f: fn(&CampaignInput) -> &str| rec.map(f).unwrap_or("");
    let department = rec.and_then(|c| c.department_id.as_deref());
    vec![
        Field::text("name", v(|c| &c.name)).required(),
        Field::pick(
            "department_id",
            RecordKind::Department,
            ctx.label(RecordKind::Department, department),
        ),
        Field::date(
            "starts_on",
            rec.and_then(|c| date(&c.starts_on))
                .or(rec.map_or(Some(ctx.today()), |_| None)),
        ),
        Field::date("ends_on", rec.and_then(|c| date(&c.ends_on))),
        Field::multi("objective", v(|c| &c.objective)),
    ]
}

pub fn campaign_record(f: &Form) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let starts_on = day(f, "starts_on", &mut errors);
    let ends_on = day(f, "ends_on", &mut errors);
    let record = Record::Campaign(CampaignInput {
        name: f.text("name"),
        objective: f.text("objective"),
        starts_on,
        ends_on,
        department_id: f.pick("department_id"),
    });
    finish(record, errors)
}

/// A department's request for material: what, for whom and for what, by when.
pub fn material(rec: Option<&MaterialInput>, ctx: &FormCtx) -> Vec<Field> {
    let v = |f: fn(&MaterialInput) -> &str| rec.map(f).unwrap_or("");
    let id = |f: fn(&MaterialInput) -> &Option<String>| rec.and_then(|m| f(m).as_deref());
    let kind = rec.map_or(MaterialKind::Poster, |m| m.kind);
    let requested = match rec {
        Some(m) => date(&m.requested_on),
        None => Some(ctx.today()),
    };
    vec![
        Field::text("title", v(|m| &m.title)).required(),
        Field::choice(
            "kind",
            options(MaterialKind::ALL, MaterialKind::code),
            kind.code(),
        ),
        Field::pick(
            "department_id",
            RecordKind::Department,
            ctx.label(RecordKind::Department, id(|m| &m.department_id)),
        ),
        Field::date("requested_on", requested).required(),
        Field::date("needed_by", rec.and_then(|m| date(&m.needed_by))),
        Field::pick(
            "campaign_id",
            RecordKind::Campaign,
            ctx.label(RecordKind::Campaign, id(|m| &m.campaign_id)),
        ),
        Field::pick(
            "event_id",
            RecordKind::Event,
            ctx.label(RecordKind::Event, id(|m| &m.event_id)),
        ),
        Field::multi("description", v(|m| &m.description)),
        Field::text("approved_by", v(|m| &m.approved_by)),
        Field::date("delivered_on", rec.and_then(|m| date(&m.delivered_on))),
        Field::text("notes", v(|m| &m.notes)),
    ]
}

pub fn material_record(f: &Form, original: Option<&MaterialInput>) -> Result<Record, FieldErrors> {
    let mut errors = FieldErrors::new();
    let requested_on = day(f, "requested_on", &mut errors);
    let needed_by = day(f, "needed_by", &mut errors);
    let delivered_on = day(f, "delivered_on", &mut errors);
    let record = Record::Material(MaterialInput {
        title: f.text("title"),
        kind: MaterialKind::from_code(&f.choice("kind")).unwrap_or(MaterialKind::Other),
        description: f.text("description"),
        department_id: f.pick("department_id"),
        campaign_id: f.pick("campaign_id"),
        event_id: f.pick("event_id"),
        requested_on,
        needed_by,
        // Where it stands moves with `m`; a new one has just been received.
        status: original.map_or(MaterialStatus::Received, |m| m.status),
        approved_by: f.text("approved_by"),
        delivered_on,
        notes: f.text("notes"),
    });
    finish(record, errors)
}
