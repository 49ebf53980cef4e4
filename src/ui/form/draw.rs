//! Drawing a form: one row per field (several for long text), the label on the left, an
//! error or a hint under the field, scrolled so the field being written is always in view.
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

use std::hash::{Hash, Hasher};

use super::{wrap, Field, Form, Input};
use crate::domain::dates::{parse_date, parse_time};
use crate::domain::measure::{self, Counting};
use crate::domain::status::Channel;
use crate::i18n::{long_date, number, stamp, t, tf, Msg};

/// Rows a long-text field takes.
fn multi_rows(screen_rows: u16) -> u16 {
    if screen_rows >= 34 {
        8
    } else {
        4
    }
}

/// The line under a measured text: its length as its channel counts it (the form's
/// "channel" and "limit" fields, when it has them), against the limit, and its hashtags.
fn meter(text: &str, form: &Form) -> Line<'static> {
    let channel = Channel::from_code(&form.choice("channel"));
    let counting = channel.map_or(Counting::Graphemes, Channel::counting);
    let length = measure::length(text, counting);
    let limit = form
        .text("limit")
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|l| *l > 0)
        .or(channel.and_then(Channel::limit));
    let mut parts = vec![match limit {
        Some(l) => tf(
            Msg::CharsOfLimit,
            &[&number(length as u64), &number(l as u64)],
        ),
        None => tf(Msg::Chars, &[&number(length as u64)]),
    }];
    let tags = measure::hashtags(text).len();
    let max_tags = channel.and_then(Channel::max_hashtags);
    if tags > 0 || max_tags.is_some() {
        parts.push(match max_tags {
            Some(m) => tf(Msg::HashtagsOfMax, &[&tags, &m]),
            None => crate::ui::tabs::drafts::hashtags(tags),
        });
    }
    if let Some(fold) = channel
        .and_then(Channel::fold_at)
        .and_then(|at| measure::fold_point(text, at))
    {
        let tail: String = text[..fold]
            .chars()
            .rev()
            .take(24)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        parts.push(tf(Msg::SeeMoreAfter, &[&tail.trim()]));
    }
    let over = limit.is_some_and(|l| length > l) || max_tags.is_some_and(|m| tags > m);
    let style = if over {
        Style::new().fg(Color::Red).bold()
    } else {
        Style::new().dim()
    };
    Line::from(parts.join(" · ")).style(style)
}

/// The line under a field: its error, or what a typed date means.
fn note(field: &Field, form: &Form, focused: bool) -> Option<Line<'static>> {
    if let Some(e) = &field.error {
        return Some(Line::from(e.clone()).style(Style::new().fg(Color::Red).bold()));
    }
    if let (Input::Multi(a), true) = (&field.input, field.counted) {
        let text = a.lines().join("\n");
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (&text, form.choice("channel"), form.text("limit")).hash(&mut hasher);
        let fingerprint = hasher.finish();
        if let Some((known, line)) = field.measured.borrow().as_ref() {
            if *known == fingerprint {
                return Some(line.clone());
            }
        }
        let line = meter(&text, form);
        *field.measured.borrow_mut() = Some((fingerprint, line.clone()));
        return Some(line);
    }
    let hint = |s: String| Some(Line::from(s).style(Style::new().dim()));
    match &field.input {
        Input::Date(a) => {
            let text = a.lines().join(" ");
            match parse_date(&text, form.today) {
                Some(d) if !text.trim().is_empty() => hint(format!("→ {}", long_date(d))),
                _ if focused => hint(t(Msg::HintDate).to_owned()),
                _ => None,
            }
        }
        Input::Time(a) if focused => {
            let text = a.lines().join(" ");
            match parse_time(&text) {
                Some(time) if !text.trim().is_empty() => {
                    hint(format!("→ {}", time.format("%H:%M")))
                }
                _ => hint(t(Msg::HintTime).to_owned()),
            }
        }
        Input::Choice { .. } if focused => hint(t(Msg::HintChoice).to_owned()),
        Input::Pick { .. } if focused => hint(t(Msg::HintPick).to_owned()),
        Input::Picks { .. } if focused => hint(t(Msg::HintTags).to_owned()),
        Input::Toggle(_) if focused => hint(t(Msg::HintToggle).to_owned()),
        _ => None,
    }
}

/// Rows a note takes at this width (it wraps; at most three).
fn note_rows(note: &Option<Line<'static>>, width: u16) -> u16 {
    match note {
        Some(line) => (line.width().max(1).div_ceil(width.max(1) as usize) as u16).clamp(1, 3),
        None => 0,
    }
}

fn rows_of(field: &Field, form: &Form, focused: bool, screen_rows: u16, width: u16) -> u16 {
    let body = match field.input {
        Input::Multi(_) => multi_rows(screen_rows),
        _ => 1,
    };
    body + note_rows(&note(field, form, focused), width)
}

/// Rows the fields leave free go to the long-text fields (shared, the last taking what does
/// not divide): a pasted report shows whole where there is room for it.
fn grow_long_text(form: &Form, heights: &mut [u16], room: u16) {
    let long: Vec<usize> = (0..form.fields.len())
        .filter(|&i| matches!(form.fields[i].input, Input::Multi(_)))
        .collect();
    let spare = room.saturating_sub(heights.iter().sum());
    let (Some(&last), Ok(n)) = (long.last(), u16::try_from(long.len())) else {
        return;
    };
    for &i in &long {
        heights[i] += spare / n;
    }
    heights[last] += spare % n;
}

/// What an unfocused field shows.
fn shown(field: &Field) -> Line<'static> {
    let none = || Line::from(t(Msg::PickNone).to_owned()).dim();
    match &field.input {
        Input::Text(a) | Input::Date(a) | Input::Time(a) | Input::Tags(a) => {
            // Only what fits is drawn: a megabyte pasted into a title stays cheap to show.
            let text: String = a.lines().join(" ").chars().take(400).collect();
            match a.mask_char() {
                Some(mask) => Line::from(mask.to_string().repeat(text.chars().count())),
                None => Line::from(text),
            }
        }
        Input::Multi(_) => Line::default(),
        Input::Choice { options, index } => Line::from(
            options
                .get(*index)
                .map(|(_, l)| l.clone())
                .unwrap_or_default(),
        ),
        Input::Pick { choice, .. } => match choice {
            Some(c) if c.when.is_empty() => Line::from(c.label.clone()),
            Some(c) => Line::from(format!("{} ({})", c.label, stamp(&c.when))),
            None => none(),
        },
        Input::Picks { items, .. } if items.is_empty() => none(),
        Input::Picks { items, .. } => Line::from(
            items
                .iter()
                .map(|c| c.label.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Input::Toggle(v) => Line::from(if *v {
            format!("[x] {}", t(Msg::Yes))
        } else {
            format!("[ ] {}", t(Msg::No))
        }),
    }
}

pub fn form(form: &Form, frame: &mut Frame, area: Rect) {
    let width = area.width.min(104);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        width,
        ..area
    };
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Line::from(format!(" {} ", form.title)).bold())
        .title_bottom(Line::from(t(Msg::FormFooter).to_owned()).dim());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    // A form's note wraps, on up to three rows (a third of the form at most). While finding
    // in a long text, what is sought takes its place.
    let form_note = match &form.find {
        Some(f) if f.missing => Some(tf(Msg::FindMissing, &[&f.query])),
        Some(f) => Some(tf(Msg::FindPrompt, &[&f.query])),
        None => form.note.clone(),
    };
    let note_height = form_note.as_ref().map_or(0, |n| {
        let rows = (n.chars().count() as u16).div_ceil(inner.width.max(1));
        rows.clamp(1, 3).min((inner.height / 3).max(1))
    });
    // A form's error (the disk is full, the base can only be read) wraps too: it says what to do.
    let error_height = form.error.as_ref().map_or(0, |e| {
        let rows = (e.chars().count() as u16).div_ceil(inner.width.max(1));
        rows.clamp(1, 3).min((inner.height / 3).max(1))
    });
    let error_rows = error_height + note_height;
    let fields_height = inner.height.saturating_sub(error_rows);
    let label_width = (inner.width / 3).clamp(8, 28);
    let value_x = inner.x + label_width + 1;
    let value_width = inner.width.saturating_sub(label_width + 1);

    // Scroll so that the focused field is whole on screen.
    let mut heights: Vec<u16> = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| rows_of(f, form, i == form.focus, area.height, value_width))
        .collect();
    grow_long_text(form, &mut heights, fields_height);
    let top_of = |i: usize| heights[..i].iter().sum::<u16>();
    let focus_top = top_of(form.focus.min(heights.len()));
    let focus_bottom = focus_top + heights.get(form.focus).copied().unwrap_or(1);
    let scroll = focus_bottom.saturating_sub(fields_height);

    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let top = top_of(i);
        if top < scroll {
            continue;
        }
        let y = inner.y + top - scroll;
        let rows = heights[i];
        if y + rows > inner.y + fields_height {
            break;
        }
        let mut label = field.label.clone();
        if field.required {
            label.push_str(" *");
        }
        let label_style = if focused {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        let marker = if focused { "▸" } else { " " };
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(marker, label_style),
                Span::styled(label, label_style),
            ])),
            Rect::new(inner.x, y, label_width, 1),
        );
        let note = note(field, form, focused);
        let note_height = note_rows(&note, value_width);
        let body_rows = rows - note_height;
        let value = Rect::new(value_x, y, value_width, body_rows);
        match (&field.input, focused) {
            (Input::Text(a) | Input::Date(a) | Input::Time(a) | Input::Tags(a), true) => {
                frame.render_widget(a, value);
            }
            (Input::Multi(a), _) => {
                // Long text wraps at words, the cursor's row always in view.
                // The rows through the cursor's line and a screen more: enough to draw, however
                // long the text.
                let line = if focused { a.cursor().0 } else { 0 };
                let all =
                    wrap::rows_through(a.lines(), value.width, line, usize::from(value.height));
                let top = if focused {
                    let (at, _) = wrap::locate(&all, a.lines(), a.cursor());
                    wrap::scroll(field.top.get(), at, value.height)
                } else {
                    0
                };
                field.top.set(top);
                field.width.set(value.width);
                wrap::draw(a, &all, value, frame.buffer_mut(), top, focused);
            }
            (Input::Choice { options, index }, true) => {
                let label = options.get(*index).map(|(_, l)| l.as_str()).unwrap_or("");
                frame.render_widget(
                    Paragraph::new(Line::from(format!("‹ {label} ›")).reversed()),
                    value,
                );
            }
            (_, true) => frame.render_widget(Paragraph::new(shown(field).reversed()), value),
            (_, false) => frame.render_widget(Paragraph::new(shown(field)), value),
        }
        if let Some(note) = note {
            frame.render_widget(
                Paragraph::new(note).wrap(Wrap { trim: true }),
                Rect::new(value_x, y + body_rows, value_width, note_height),
            );
        }
    }
    let mut y = inner.y + fields_height;
    if let Some(n) = &form_note {
        let line = if form.find.is_some() {
            Line::from(n.clone()).reversed()
        } else {
            Line::from(n.clone()).dim()
        };
        frame.render_widget(
            Paragraph::new(line).wrap(Wrap { trim: true }),
            Rect::new(inner.x, y, inner.width, note_height),
        );
        y += note_height;
    }
    if let Some(e) = &form.error {
        frame.render_widget(
            Paragraph::new(Line::from(e.clone()).style(Style::new().fg(Color::Red).bold()))
                .wrap(Wrap { trim: true }),
            Rect::new(inner.x, y, inner.width, error_height),
        );
    }
}
