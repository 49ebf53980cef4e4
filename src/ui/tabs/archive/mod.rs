//! Archivo: one chronological timeline of everything the administration did — events,
//! reports, publications, photos, video, interviews — newest first and grouped by month and
//! day; and the classification chart its items are filed under (Ley General de Archivos).
pub mod forms;

use crossterm::event::KeyCode::Char;
use ratatui::layout::Constraint;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};

use super::agenda::{event_lines, options};
use super::drafts::draft_lines;
use super::lines::{child_bullet, link_field, own};
use super::media::Interviews;
use super::page;
use super::reports::report_lines;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::status::{ArchiveKind, Subjects};
use crate::domain::{
    ArchiveItemDetail, ClassificationDetail, ClassificationRow, ConsentLine, MediaLine,
    PageRequest, TimelineDetail, TimelineKind, TimelineRow,
};
use crate::i18n::labels::Label;
use crate::i18n::{
    file_size, long_date, month_year, number, short_date, stamp, stamp_long, t, tf, Msg,
};
use crate::ui::data::{DataResult, Reader};
use crate::ui::keys::{Binding, Cmd, Scope, NONE, SHIFT};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind};
use crate::ui::widgets::{field, heading};

page!(
    /// The Archivo tab.
    Archive {
        timeline: Timeline => ViewTimeline,
        chart: Chart => ViewClassification,
    }
);

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Archive,
        keys: &[
            (Char('I'), SHIFT, Cmd::Import),
            (Char('I'), NONE, Cmd::Import),
        ],
        label: Msg::KeyImport,
        help: Msg::HelpImportMedia,
        in_bar: false,
    },
    Binding {
        scope: Scope::Archive,
        keys: &[(Char('i'), NONE, Cmd::AskDate)],
        label: Msg::KeyI,
        help: Msg::HelpGoToDate,
        in_bar: false,
    },
];

fn kind_label(kind: TimelineKind) -> String {
    match kind {
        TimelineKind::Event => t(Msg::KindEvent).to_owned(),
        TimelineKind::Report => t(Msg::KindReport).to_owned(),
        TimelineKind::Publication(_) => t(Msg::KindPublication).to_owned(),
        TimelineKind::Item(k) => k.label().to_owned(),
        TimelineKind::Interview => t(Msg::KindMediaRequest).to_owned(),
        TimelineKind::Clipping => t(Msg::ArcClipping).to_owned(),
    }
}

#[derive(Debug)]
pub struct Timeline;

impl ListKind for Timeline {
    type Row = TimelineRow;
    type Detail = TimelineDetail;
    const LIST: ListId = ListId::Timeline;
    const KIND: RecordKind = RecordKind::ArchiveItem;
    const CHILD: Option<RecordKind> = Some(RecordKind::Consent);

    fn title() -> Msg {
        Msg::TabArchive
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        ctx: &Ctx,
    ) -> DataResult<Vec<TimelineRow>> {
        data.timeline(q, req, &ctx.now_text())
    }

    fn detail(data: &dyn Reader, row: &TimelineRow, _: &Ctx) -> DataResult<TimelineDetail> {
        data.timeline_detail(row.kind, &row.id)
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColTime, Msg::ColKind, Msg::ColTitle, Msg::ColArea]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(5),
            Constraint::Length(14),
            Constraint::Fill(1),
            Constraint::Length(14),
        ]
    }

    fn cells(r: &TimelineRow, _: &Ctx) -> (Vec<String>, Style) {
        let title = match r.kind {
            TimelineKind::Publication(ch) => format!("{}: {}", ch.label(), r.title),
            _ => r.title.clone(),
        };
        let time = r.at.get(11..16).unwrap_or("").to_owned();
        let cells = vec![time, kind_label(r.kind), title, r.department.clone()];
        (cells, Style::new())
    }

    fn group(r: &TimelineRow) -> Option<(String, String)> {
        let day = chrono::NaiveDate::parse_from_str(r.at.get(..10)?, "%Y-%m-%d").ok()?;
        Some((long_date(day), month_year(day).to_uppercase()))
    }

    fn picture(d: &TimelineDetail) -> Option<(&str, &[u8])> {
        match d {
            TimelineDetail::Item(a) => a
                .picture
                .as_ref()
                .map(|(key, jpeg)| (key.as_str(), jpeg.as_slice())),
            _ => None,
        }
    }

    fn describe(r: &TimelineRow) -> (String, Option<String>) {
        (r.title.clone(), None)
    }

    fn lines(d: &TimelineDetail) -> Vec<DetailLine> {
        match d {
            TimelineDetail::Event(e) => event_lines(e),
            TimelineDetail::Report(r) => report_lines(r),
            TimelineDetail::Publication(x) => draft_lines(x),
            TimelineDetail::Item(a) => item_lines(a),
            TimelineDetail::Interview(i) => <Interviews as ListKind>::lines(i),
            TimelineDetail::Clipping(c) => super::monitoring::clipping_lines(c),
        }
    }

    fn filters() -> FilterSpec {
        let mut kinds = vec![
            ("event".to_owned(), t(Msg::KindEvent).to_owned()),
            ("report".to_owned(), t(Msg::KindReport).to_owned()),
            ("publication".to_owned(), t(Msg::KindPublication).to_owned()),
        ];
        kinds.extend(options(ArchiveKind::ALL, ArchiveKind::code));
        FilterSpec {
            kinds,
            department: true,
            dates: true,
            facets: true,
            ..FilterSpec::default()
        }
    }
}

fn plain(l: Line<'static>) -> DetailLine {
    DetailLine::plain(l)
}

fn item_lines(d: &ArchiveItemDetail) -> Vec<DetailLine> {
    let a = &d.item;
    let mut out = vec![own(
        &a.title,
        Target::new(RecordKind::ArchiveItem, d.id.clone()),
        None,
    )];
    // What is missing comes first: it stops the photo from going out.
    if d.consent_missing {
        let warning = if a.subjects == Subjects::Minors {
            Line::from(format!("⚠ {}", t(Msg::ConsentMissingMinors)))
                .red()
                .bold()
        } else {
            Line::from(format!("⚠ {}", t(Msg::PeopleConsentMissing))).yellow()
        };
        out.push(plain(warning));
    }
    out.push(plain(field(Msg::FieldKind, a.kind.label())));
    out.push(plain(field(Msg::FieldWhen, stamp_long(&a.occurred_at))));
    // Its files, with where each one's date came from (a date to correct is seen here).
    out.extend(d.media.iter().map(media_line));
    if let Some(l) = &d.department {
        out.push(link_field(Msg::FieldArea, l));
    }
    if let Some(l) = &d.event {
        out.push(link_field(Msg::FieldEvent, l));
    }
    if let Some(l) = &d.report {
        out.push(link_field(Msg::SourceReport, l));
    }
    if let Some(l) = &d.draft {
        out.push(link_field(Msg::FieldPiece, l));
    }
    for (msg, value) in [(Msg::FieldPlace, &a.place), (Msg::FPeople, &a.people)] {
        if !value.is_empty() {
            out.push(plain(field(msg, value.clone())));
        }
    }
    if !a.tags.is_empty() {
        out.push(plain(field(Msg::FTags, a.tags.join(", "))));
    }
    // Classification (Ley General de Archivos).
    let filed = match &d.series {
        Some((series, section)) => {
            let mut text = format!("{section} › {series}");
            if !a.expediente.is_empty() {
                text.push_str(&format!(" › {}", a.expediente));
            }
            text
        }
        None => t(Msg::NotClassified).to_owned(),
    };
    out.push(plain(field(Msg::FClassified, filed)));
    out.push(plain(field(Msg::FStage, a.stage.label())));
    if a.subjects != Subjects::Nobody || !d.consents.is_empty() {
        out.push(plain(Line::default()));
        out.push(plain(heading(Msg::SecConsents, d.consents.len())));
        out.push(plain(field(Msg::FSubjects, a.subjects.label())));
        out.extend(d.consents.iter().map(consent_line));
    }
    if !a.description.is_empty() {
        out.push(plain(Line::default()));
        for line in a.description.lines() {
            out.push(plain(Line::from(line.to_owned())));
        }
    }
    out
}

fn media_line(m: &MediaLine) -> DetailLine {
    let mut text = format!(
        " • {} — {}, {}",
        m.file_name,
        m.kind.label(),
        file_size(m.size)
    );
    if let (Some(w), Some(h)) = (m.width, m.height) {
        text.push_str(&format!(", {w}×{h}"));
    }
    if !m.taken_at.is_empty() {
        let source = match m.date_source.as_str() {
            "exif" => Msg::DateFromExif,
            "container" => Msg::DateFromContainer,
            _ => Msg::DateFromFile,
        };
        text.push_str(&format!(" · {} ({})", stamp(&m.taken_at), t(source)));
    }
    plain(Line::from(text))
}

fn consent_line(c: &ConsentLine) -> DetailLine {
    let mut text = c.person.clone();
    if c.minor {
        text.push_str(&format!(" ({})", t(Msg::FMinor).to_lowercase()));
    }
    if !c.given_by.is_empty() {
        text.push_str(&format!(
            " — {} {}",
            t(Msg::FGivenBy).to_lowercase(),
            c.given_by
        ));
    }
    if !c.purpose.is_empty() {
        text.push_str(&format!(" · {}", c.purpose));
    }
    let until = match c.valid_until.as_str() {
        "" => t(Msg::ConsentNoEnd).to_owned(),
        day => tf(Msg::ConsentUntil, &[&stamp(day)]),
    };
    text.push_str(&format!(" · {until}"));
    if !c.holds {
        text.push_str(&format!(" · {}", t(Msg::ConsentExpired)));
    }
    if !c.document.is_empty() {
        text.push_str(&format!(" · {}: {}", t(Msg::FDocument), c.document));
    }
    child_bullet(text, Target::new(RecordKind::Consent, c.id.clone()), None)
}

/// The classification chart ("cuadro general de clasificación archivística").
#[derive(Debug)]
pub struct Chart;

impl ListKind for Chart {
    type Row = ClassificationRow;
    type Detail = ClassificationDetail;
    const LIST: ListId = ListId::Classification;
    const KIND: RecordKind = RecordKind::Classification;

    fn title() -> Msg {
        Msg::ViewClassification
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<ClassificationRow>> {
        data.classification(q, req)
    }

    fn detail(data: &dyn Reader, row: &ClassificationRow, _: &Ctx) -> DataResult<Self::Detail> {
        data.series(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![Msg::FCode, Msg::FSeries, Msg::FSectionName, Msg::ColItems]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(9),
            Constraint::Fill(2),
            Constraint::Fill(1),
            Constraint::Length(9),
        ]
    }

    fn cells(r: &ClassificationRow, _: &Ctx) -> (Vec<String>, Style) {
        let cells = vec![
            r.code.clone(),
            r.name.clone(),
            r.section.clone(),
            number(r.items),
        ];
        (cells, Style::new())
    }

    fn describe(r: &ClassificationRow) -> (String, Option<String>) {
        (format!("{} {}", r.code, r.name), None)
    }

    fn lines(d: &ClassificationDetail) -> Vec<DetailLine> {
        let s = &d.series;
        let mut out = vec![
            own(
                &format!("{} {}", s.code, s.name),
                Target::new(RecordKind::Classification, d.row.id.clone()),
                None,
            ),
            plain(field(
                Msg::FSectionName,
                format!("{} {}", s.section_code, s.section_name)
                    .trim()
                    .to_owned(),
            )),
        ];
        if s.years > 0 {
            out.push(plain(field(Msg::FYears, s.years.to_string())));
        }
        out.push(plain(field(Msg::ColItems, number(d.row.items))));
        if let Some((first, last)) = &d.span {
            out.push(plain(field(
                Msg::FieldSpan,
                format!("{} – {}", short_date_of(first), short_date_of(last)),
            )));
        }
        if !d.files.is_empty() {
            out.push(plain(Line::default()));
            out.push(plain(heading(Msg::FExpediente, d.files.len())));
            for (file, items) in &d.files {
                let name = if file.is_empty() {
                    t(Msg::NoExpediente).to_owned()
                } else {
                    file.clone()
                };
                out.push(plain(Line::from(vec![
                    Span::raw(format!(" • {name}")),
                    Span::raw(format!(" ({})", number(*items))).dim(),
                ])));
            }
        }
        out
    }

    fn filters() -> FilterSpec {
        FilterSpec::default()
    }
}

fn short_date_of(text: &str) -> String {
    chrono::NaiveDate::parse_from_str(text.get(..10).unwrap_or(""), "%Y-%m-%d")
        .map(short_date)
        .unwrap_or_else(|_| text.to_owned())
}
