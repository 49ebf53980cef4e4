//! What Cifras says: the tone of the coverage week by week (a bar each, its parts marked by
//! shade and said in numbers), the negative notes answered, the citizens' questions answered
//! and the median time to answer, the boletines each outlet picked up, and the questions by
//! topic and by department, as lines of the figures' view.
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};

use super::figures::{heading, leading, plain, FigureLine, BAR, NAME};
use crate::brief::bar;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::monitoring::{MonitoringFigures, Tally, ToneWeek, WEEKS};
use crate::domain::text::fit;
use crate::i18n::{number, short_date, t, tf, Msg};

/// "5 h 20 min", "2 d 3 h", "15 min".
pub fn duration_text(minutes: i64) -> String {
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (d, h) {
        (0, 0) => format!("{m} min"),
        (0, _) => format!("{h} h {m} min"),
        _ => format!("{d} d {h} h"),
    }
}

/// A week's bar: positive, neutral and negative in three shades (and in numbers beside it).
fn tone_bar(w: &ToneWeek, max: u64, width: usize) -> Vec<Span<'static>> {
    let cells = |n: u64| -> usize {
        if max == 0 || n == 0 {
            0
        } else {
            ((n as usize * width + max as usize / 2) / max as usize).max(1)
        }
    };
    let (p, n, g) = (cells(w.positive), cells(w.neutral), cells(w.negative));
    let pad = width.saturating_sub(p + n + g);
    vec![
        Span::styled("█".repeat(p), Style::new().fg(Color::Green)),
        Span::styled("▒".repeat(n), Style::new().fg(Color::Gray)),
        Span::styled("░".repeat(g), Style::new().fg(Color::Red)),
        Span::raw(" ".repeat(pad)),
    ]
}

/// The tone chart: a heading with the key, a line per week, and the negatives answered.
pub fn tone_lines(f: &MonitoringFigures, width: usize) -> Vec<FigureLine> {
    let mut out = vec![
        heading(Msg::MonTone, String::new()),
        plain(Line::from(t(Msg::MonToneKey)).dim()),
    ];
    let max = f.weeks.iter().map(ToneWeek::total).max().unwrap_or(0);
    // "16 dic  " then the bar, then "+5 =3 −1".
    let bar_width = width.saturating_sub(8 + 14).clamp(4, BAR);
    for w in &f.weeks {
        let mut spans = vec![Span::raw(format!(
            "{:<8}",
            w.week
                .map(|d| d.format("%d/%m").to_string())
                .unwrap_or_default()
        ))];
        spans.extend(tone_bar(w, max, bar_width));
        spans.push(Span::raw(format!(
            " +{} ={} −{}",
            w.positive, w.neutral, w.negative
        )));
        out.push(plain(Line::from(spans)));
    }
    let missing = f.negative - f.negative_answered.min(f.negative);
    let note = tf(
        Msg::MonNegatives,
        &[
            &number(f.negative),
            &number(f.negative_answered),
            &f.negative_rate(),
        ],
    );
    out.push(plain(Line::from(note)));
    if missing > 0 {
        out.push(plain(Line::styled(
            format!("  {}", tf(Msg::MonNegativesMissing, &[&number(missing)])),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        )));
    }
    out
}

fn tally_lines(
    title: Msg,
    tallies: &[Tally],
    (kind, unnamed): (Option<RecordKind>, Msg),
    width: usize,
) -> Vec<FigureLine> {
    let mut out = vec![heading(title, String::new())];
    if tallies.is_empty() {
        out.push(plain(Line::from(format!("  {}", t(Msg::MonNothing))).dim()));
        return out;
    }
    let max = tallies.iter().map(|x| x.count).max().unwrap_or(0);
    let bar_width = width.saturating_sub(NAME + 2 + 16).clamp(4, BAR);
    for x in tallies {
        let name = if x.name.is_empty() {
            t(unnamed).to_owned()
        } else {
            x.name.clone()
        };
        let mut text = format!(
            "  {:<NAME$} {:<bar_width$} {}",
            fit(&name, NAME),
            bar(x.count, max, bar_width),
            number(x.count)
        );
        match x.waiting {
            0 => {}
            1 => text.push_str(&format!(" ({})", t(Msg::MonWaitingOne))),
            n => text.push_str(&format!(" ({})", tf(Msg::MonWaiting, &[&number(n)]))),
        }
        let target = match (kind, &x.id) {
            (Some(kind), Some(id)) => Some(Target::new(kind, id.clone())),
            _ => None,
        };
        out.push(leading(Line::from(text), target, &name));
    }
    out
}

/// The questions, the boletines picked up, and the questions by topic and department.
pub fn other_lines(f: &MonitoringFigures, width: usize) -> Vec<FigureLine> {
    let mut out = vec![heading(Msg::MonQuestions, String::new())];
    out.push(plain(Line::from(format!(
        "  {}",
        tf(
            Msg::MonAskedClosed,
            &[
                &number(f.asked),
                &number(f.answered),
                &f.answered_rate(),
                &number(f.closed),
                &number(f.waiting),
            ],
        )
    ))));
    let median = f
        .median_minutes
        .map(duration_text)
        .unwrap_or_else(|| t(Msg::FiguresNone).to_owned());
    out.push(plain(Line::from(vec![
        Span::raw(format!("  {}: ", t(Msg::MonMedian))),
        Span::styled(median, Style::new().bold()),
    ])));
    out.push(plain(Line::default()));
    out.push(heading(
        Msg::MonPickUp,
        tf(Msg::MonBoletines, &[&number(f.boletines)]),
    ));
    if f.pick_ups.is_empty() {
        out.push(plain(
            Line::from(format!("  {}", t(Msg::MonNoPickUp))).dim(),
        ));
    }
    let bar_width = width.saturating_sub(NAME + 2 + 16).clamp(4, BAR);
    for p in &f.pick_ups {
        let text = format!(
            "  {:<NAME$} {:<bar_width$} {}",
            fit(&p.name, NAME),
            bar(p.quoted, f.boletines, bar_width),
            tf(
                Msg::MonPickUpRate,
                &[&number(p.quoted), &number(f.boletines), &f.rate(p)],
            )
        );
        out.push(leading(Line::from(text), Some(p.outlet.clone()), &p.name));
    }
    out.push(plain(Line::default()));
    out.extend(tally_lines(
        Msg::MonByTopic,
        &f.by_topic,
        (None, Msg::MonUnnamed),
        width,
    ));
    out.push(plain(Line::default()));
    out.extend(tally_lines(
        Msg::MonByDepartment,
        &f.by_department,
        (Some(RecordKind::Department), Msg::NotRouted),
        width,
    ));
    out
}

/// The period in words: "Últimas 12 semanas: 16 dic – 9 mar".
pub(super) fn period_line(f: &MonitoringFigures) -> Line<'static> {
    let from = f
        .weeks
        .first()
        .and_then(|w| w.week)
        .map(short_date)
        .unwrap_or_default();
    let to = f.today.map(short_date).unwrap_or_default();
    Line::from(tf(Msg::MonPeriod, &[&WEEKS, &from, &to])).bold()
}

#[cfg(test)]
mod tests {
    use super::duration_text;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration_text(15), "15 min");
        assert_eq!(duration_text(320), "5 h 20 min");
        assert_eq!(duration_text(3060), "2 d 3 h");
    }
}
