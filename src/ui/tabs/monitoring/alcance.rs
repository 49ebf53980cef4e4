//! What Alcance says: a month's reach on the networks from the imported insights, in all and
//! per department, campaign and network (a bar each, to the largest), and the publications
//! that reached furthest, as lines of the figures' view.
use chrono::NaiveDate;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};

use super::figures::{heading, leading, plain, FigureLine, BAR, NAME};
use crate::brief::bar;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::reach::{ReachLine, ReachTotals};
use crate::domain::status::Channel;
use crate::domain::text::fit;
use crate::i18n::labels::Label;
use crate::i18n::{month_year, number, stamp, t, tf, Msg};

/// How far back Alcance goes: two years of months.
pub(super) const MONTHS_BACK: u32 = 24;

/// "Alcance en redes: noviembre de 2026 · 42 publicaciones con datos".
pub(super) fn reach_head(r: &ReachTotals) -> Line<'static> {
    let month = NaiveDate::parse_from_str(&format!("{}-01", r.month), "%Y-%m-%d")
        .map(month_year)
        .unwrap_or_else(|_| r.month.clone());
    Line::from(tf(
        Msg::ReachHead,
        &[&month, &number(r.total.publications.max(0) as u64)],
    ))
    .bold()
}

fn reach_figures(l: &ReachLine) -> String {
    tf(
        Msg::ReachFigures,
        &[
            &number(l.reactions.max(0) as u64),
            &number(l.comments.max(0) as u64),
            &number(l.shares.max(0) as u64),
        ],
    )
}

/// A month's reach: the total, then per department, campaign and channel (a bar each, to the
/// largest), then the publications that reached furthest.
pub fn reach_lines(r: &ReachTotals, width: usize) -> Vec<FigureLine> {
    let mut out = Vec::new();
    if r.total.publications <= 0 {
        let lines = crate::brief::text::wrap(t(Msg::ReachNothing), width.max(20));
        out.extend(lines.into_iter().map(|l| plain(Line::from(l).dim())));
        return out;
    }
    out.push(plain(Line::from(vec![
        Span::raw(format!("{}: ", t(Msg::ReachTotal))),
        Span::styled(number(r.total.reach.max(0) as u64), Style::new().bold()),
    ])));
    out.push(plain(Line::from(format!("  {}", reach_figures(&r.total)))));
    let bar_width = width.saturating_sub(NAME + 2 + 26).clamp(4, BAR);
    let groups = [
        (
            Msg::ReachByDepartment,
            &r.departments,
            Some(RecordKind::Department),
            Msg::NotRouted,
        ),
        (
            Msg::ReachByCampaign,
            &r.campaigns,
            Some(RecordKind::Campaign),
            Msg::ReachNoCampaign,
        ),
        (Msg::ReachByChannel, &r.channels, None, Msg::ReachNoChannel),
    ];
    for (title, lines, kind, unnamed) in groups {
        out.push(plain(Line::default()));
        out.push(heading(title, String::new()));
        let max = lines
            .iter()
            .map(|l| l.reach.max(0) as u64)
            .max()
            .unwrap_or(0);
        for l in lines.iter() {
            let name = match (kind, l.label.is_empty()) {
                (_, true) => t(unnamed).to_owned(),
                // A channel by its name.
                (None, false) => Channel::from_code(&l.label)
                    .map(|c| c.label().to_owned())
                    .unwrap_or_else(|| l.label.clone()),
                (Some(_), false) => l.label.clone(),
            };
            let text = format!(
                "  {:<NAME$} {:<bar_width$} {} ({})",
                fit(&name, NAME),
                bar(l.reach.max(0) as u64, max, bar_width),
                number(l.reach.max(0) as u64),
                tf(
                    Msg::ReachPublications,
                    &[&number(l.publications.max(0) as u64)]
                ),
            );
            let target = kind
                .filter(|_| !l.key.is_empty())
                .map(|k| Target::new(k, l.key.clone()));
            out.push(leading(Line::from(text), target, &name));
        }
    }
    out.push(plain(Line::default()));
    out.push(heading(Msg::ReachTop, String::new()));
    for p in &r.top {
        let text = format!(
            "  {:<11} {:<9} {} — {}",
            stamp(&p.published_at),
            Channel::from_code(&p.channel)
                .map(|c| c.label().to_owned())
                .unwrap_or_else(|| p.channel.clone()),
            fit(&p.title, width.saturating_sub(40).max(12)),
            number(p.figures.reach.unwrap_or(0).max(0) as u64),
        );
        out.push(leading(
            Line::from(text),
            Some(Target::new(RecordKind::Publication, p.id.clone())),
            &p.title,
        ));
    }
    out
}
