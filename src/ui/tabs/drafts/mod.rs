//! Borradores: posts and press releases, their versions per network, approval and publication.
pub mod campaigns;
pub mod forms;
pub mod materials;

use crossterm::event::KeyCode::Char;

use crate::ui::keys::{Binding, Cmd, Scope, NONE};

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Drafts,
        keys: &[(Char('a'), NONE, Cmd::Acknowledge)],
        label: Msg::KeyA,
        help: Msg::HelpAcknowledge,
        // Said beside the warnings in the detail: the 80-column bar has no room left.
        in_bar: false,
    },
    Binding {
        scope: Scope::Drafts,
        keys: &[(Char('p'), NONE, Cmd::Publish)],
        label: Msg::KeyP,
        help: Msg::HelpPublish,
        in_bar: false,
    },
    Binding {
        scope: Scope::Drafts,
        keys: &[(Char('x'), NONE, Cmd::ExportBulletin)],
        label: Msg::KeyX,
        help: Msg::HelpExportBulletin,
        in_bar: false,
    },
    Binding {
        scope: Scope::Drafts,
        keys: &[(Char('v'), NONE, Cmd::SendToMedia)],
        label: Msg::KeyV,
        help: Msg::HelpSendToMedia,
        in_bar: false,
    },
    Binding {
        scope: Scope::Drafts,
        keys: &[(Char('o'), NONE, Cmd::Office)],
        label: Msg::KeyO,
        help: Msg::HelpOffice,
        in_bar: false,
    },
];

use ratatui::layout::Constraint;
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};

use super::agenda::options;
use super::lines::{child_bullet, link_bullet, link_field, own};
use super::page;
use crate::domain::compliance::{Place, Severity};
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::records::{CheckLine, VariantLine};
use crate::domain::status::Language;
use crate::domain::status::{DraftKind, DraftStatus};
use crate::domain::{DraftDetail, DraftRow, PageRequest};
use crate::i18n::labels::{finding_text, Label};
use crate::i18n::{number, stamp, t, tf, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind, Pick};
use crate::ui::widgets::{bullet, field, heading};

page!(
    /// The Borradores tab: the pieces, the campaigns they belong to, and the material the
    /// departments ask for.
    Drafts {
        drafts: DraftList => TabDrafts,
        campaigns: campaigns::Campaigns => ViewCampaigns,
        materials: materials::Materials => ViewMaterials,
    }
);

fn plain(l: Line<'static>) -> DetailLine {
    DetailLine::plain(l)
}

#[derive(Debug)]
pub struct DraftList;

impl ListKind for DraftList {
    type Row = DraftRow;
    type Detail = DraftDetail;
    const LIST: ListId = ListId::Drafts;
    const KIND: RecordKind = RecordKind::Draft;
    const CHILD: Option<RecordKind> = Some(RecordKind::Variant);

    fn title() -> Msg {
        Msg::TabDrafts
    }

    fn page(data: &dyn Reader, q: &Query, req: &PageRequest, _: &Ctx) -> DataResult<Vec<DraftRow>> {
        data.drafts(q, req)
    }

    fn detail(data: &dyn Reader, row: &DraftRow, _: &Ctx) -> DataResult<DraftDetail> {
        data.draft(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColWritten, Msg::ColTitle, Msg::ColKind, Msg::ColStatus]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Length(16),
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(11),
        ]
    }

    fn cells(x: &DraftRow, _: &Ctx) -> (Vec<String>, Style) {
        let style = match x.status {
            DraftStatus::Review => Style::new().fg(Color::Yellow),
            DraftStatus::Approved => Style::new().fg(Color::Green),
            DraftStatus::Discarded => Style::new().fg(Color::DarkGray),
            _ => Style::new(),
        };
        let kind = if x.folio.is_empty() {
            x.kind.label().to_owned()
        } else {
            x.folio.clone()
        };
        let cells = vec![
            stamp(&x.written_at),
            x.title.clone(),
            kind,
            x.status.label().to_owned(),
        ];
        (cells, style)
    }

    fn describe(x: &DraftRow) -> (String, Option<String>) {
        (x.title.clone(), Some(x.status.code().to_owned()))
    }

    fn lines(d: &DraftDetail) -> Vec<DetailLine> {
        draft_lines(d)
    }

    /// `y` on a version copies its text as it goes out (WhatsApp's with its marks); on the
    /// piece, its title and text.
    fn copy_text(d: &DraftDetail, chosen: Option<&Pick>) -> Option<String> {
        if let Some(pick) = chosen.filter(|p| p.target.kind == RecordKind::Variant) {
            return d
                .variants
                .iter()
                .find(|v| v.id == pick.target.id)
                .map(|v| v.body.clone());
        }
        Some(format!("{}\n\n{}", d.row.title, d.body.trim_end()))
    }

    fn filters() -> FilterSpec {
        FilterSpec {
            statuses: options(DraftStatus::ALL, DraftStatus::code),
            kinds: options(DraftKind::ALL, DraftKind::code),
            dates: true,
            ..FilterSpec::default()
        }
    }
}

/// A draft's detail: what it is, where it stands and who moved it, where it came from, its
/// text, what the checks say before it goes out, its versions, where it went.
pub fn draft_lines(d: &DraftDetail) -> Vec<DetailLine> {
    let x = &d.row;
    let mut out = vec![
        own(
            &x.title,
            Target::new(RecordKind::Draft, x.id.clone()),
            Some(x.status.code()),
        ),
        plain(field(Msg::FieldKind, x.kind.label())),
    ];
    if !x.folio.is_empty() {
        out.push(plain(field(Msg::FieldFolio, x.folio.clone())));
        for other in &d.same_folio {
            out.push(plain(
                Line::from(tf(Msg::FolioShared, &[&x.folio, &other.title])).fg(Color::Red),
            ));
        }
    }
    out.push(plain(field(Msg::FieldStatus, x.status.label())));
    if !d.review_comment.is_empty() {
        out.push(plain(
            field(Msg::FReviewComment, d.review_comment.clone()).fg(Color::Red),
        ));
    }
    if !d.scheduled_for.is_empty() {
        out.push(plain(field(Msg::FScheduledFor, stamp(&d.scheduled_for))));
    }
    if !d.approved_by.is_empty() {
        out.push(plain(field(
            Msg::FApprovedBy,
            format!("{} · {}", d.approved_by, stamp(&d.approved_at)),
        )));
    }
    out.push(plain(field(Msg::FieldWritten, stamp(&x.written_at))));
    if !d.author.is_empty() {
        out.push(plain(field(Msg::FieldAuthor, d.author.clone())));
    }
    if !d.topic.is_empty() {
        out.push(plain(field(Msg::FTopic, d.topic.clone())));
    }
    if !d.campaign.is_empty() {
        out.push(plain(field(Msg::FieldCampaign, d.campaign.clone())));
    }
    if let Some(source) = &d.source {
        out.push(link_field(Msg::FieldSource, source));
    }
    // What went out (or was set aside) is not checked again.
    let checked = !matches!(x.status, DraftStatus::Published | DraftStatus::Discarded);
    out.push(plain(Line::default()));
    // The words the checks warn about stand out in the text itself.
    let marked: Vec<(usize, usize)> = d
        .checks
        .iter()
        .filter(|c| checked && c.finding.at == Place::Body && c.finding.range.1 > c.finding.range.0)
        .map(|c| c.finding.range)
        .collect();
    let mut at = 0;
    for line in d.body.split('\n') {
        out.push(plain(marked_line(line, at, &marked)));
        at += line.len() + 1;
    }
    if d.body.ends_with('\n') {
        out.pop();
    }
    if checked {
        out.push(plain(heading(Msg::SecChecks, d.checks.len())));
        out.extend(d.checks.iter().map(check_line));
    }
    let open = checked
        && d.checks
            .iter()
            .any(|c| c.finding.severity == Severity::Warning && c.acknowledged.is_none());
    if open {
        out.push(plain(Line::from(t(Msg::AckHint)).dim()));
    }
    out.push(plain(heading(Msg::SecVariants, d.variants.len())));
    for v in &d.variants {
        let over = v.limit.is_some_and(|l| v.chars > l);
        let line = child_bullet(
            variant_text(v),
            Target::new(RecordKind::Variant, v.id.clone()),
            None,
        );
        out.push(if over {
            DetailLine {
                line: line.line.fg(Color::Red),
                ..line
            }
        } else {
            line
        });
    }
    out.push(plain(heading(Msg::SecPublications, d.publications.len())));
    for p in &d.publications {
        out.push(plain(bullet(format!(
            "{} {} {}",
            stamp(&p.published_at),
            p.channel.label(),
            p.url
        ))));
    }
    out.push(plain(heading(Msg::SecHistory, d.steps.len())));
    for step in &d.steps {
        let from = step.from.map(|f| f.label()).unwrap_or("");
        let mut text = format!(
            "{} {} → {} ({})",
            stamp(&step.at),
            from,
            step.to.label(),
            step.actor
        );
        if !step.comment.is_empty() {
            text.push_str(&format!(": «{}»", step.comment));
        }
        out.push(plain(bullet(text)));
    }
    out.push(plain(heading(Msg::SecSentTo, d.sent_to.len())));
    out.extend(d.sent_to.iter().map(link_bullet));
    out
}

/// A line of the text (starting at byte `at` of it) with the ranges the checks found in it
/// marked as a search marks what it found (yellow, bold, underlined).
fn marked_line(line: &str, at: usize, marked: &[(usize, usize)]) -> Line<'static> {
    let end = at + line.len();
    let mut spans = Vec::new();
    let mut from = 0;
    let mut ranges: Vec<(usize, usize)> = marked
        .iter()
        .filter(|(a, b)| *a < end && *b > at)
        .map(|(a, b)| ((*a).max(at) - at, (*b).min(end) - at))
        .collect();
    ranges.sort_unstable();
    for (a, b) in ranges {
        let (Some(before), Some(word)) = (line.get(from..a), line.get(a..b)) else {
            continue;
        };
        spans.push(Span::raw(before.to_owned()));
        spans.push(Span::styled(
            word.to_owned(),
            Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        ));
        from = b;
    }
    spans.push(Span::raw(line.get(from..).unwrap_or("").to_owned()));
    Line::from(spans)
}

/// A version in one line: its network and language, its length against its limit, its
/// hashtags, and what it still lacks.
fn variant_text(v: &VariantLine) -> String {
    let mut text = v.channel.label().to_owned();
    if v.language != Language::Spanish {
        text.push_str(&format!(" ({})", v.language.label()));
    }
    text.push_str(": ");
    text.push_str(&match v.limit {
        Some(limit) => tf(
            Msg::CharsOfLimit,
            &[&number(v.chars as u64), &number(limit as u64)],
        ),
        None => tf(Msg::Chars, &[&number(v.chars as u64)]),
    });
    if !v.tags.is_empty() {
        text.push_str(&format!(" · {}", v.tags.join(" ")));
    }
    if v.with_image || v.channel.needs_image() {
        text.push_str(" · ");
        text.push_str(t(if v.alt_text.trim().is_empty() {
            Msg::ImageNoAlt
        } else {
            Msg::ImageWithAlt
        }));
    }
    if v.language != Language::Spanish {
        text.push_str(" · ");
        text.push_str(&if v.translator.is_empty() {
            t(Msg::NoTranslator).to_owned()
        } else if v.reviewed {
            tf(Msg::TranslatedReviewed, &[&v.translator])
        } else {
            tf(Msg::TranslatedBy, &[&v.translator])
        });
    }
    text
}

/// "1 hashtag", "3 hashtags".
pub fn hashtags(n: usize) -> String {
    if n == 1 {
        t(Msg::OneHashtag).to_owned()
    } else {
        tf(Msg::HashtagCount, &[&n])
    }
}

/// A finding of the checks: a block in red, a warning in yellow (with its reason once
/// acknowledged), each saying why in words.
fn check_line(c: &CheckLine) -> DetailLine {
    let text = finding_text(&c.finding);
    let line = match (&c.finding.severity, &c.acknowledged) {
        (Severity::Block, _) => {
            Line::from(format!(" ⛔ {}: {text}", t(Msg::CheckBlock))).fg(Color::Red)
        }
        (Severity::Warning, None) => {
            Line::from(format!(" ⚠ {}: {text}", t(Msg::CheckWarning))).fg(Color::Yellow)
        }
        (Severity::Warning, Some((reason, by, at))) => Line::from(format!(
            " ✓ {}: {text} {}",
            t(Msg::CheckAcknowledged),
            tf(Msg::AckBy, &[reason, by, &stamp(at)])
        ))
        .dim(),
    };
    plain(line)
}
