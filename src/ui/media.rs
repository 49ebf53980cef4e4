//! Medios: journalists and their outlets, lists, what was sent to them, interview requests.
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::Row;
use ratatui::Frame;

use super::layout::list_and_detail;
use super::widgets::{bullet, detail, field, heading, table, title};
use super::View;
use crate::domain::{JournalistDetail, JournalistRow};
use crate::i18n::{stamp, t, Msg};

pub fn draw(frame: &mut Frame, area: Rect, view: &View) {
    let (list, pane) = list_and_detail(area);
    table(
        frame,
        list,
        t(Msg::TabMedia).to_owned(),
        &view.media.list,
        &[Msg::ColName, Msg::ColOutlet, Msg::ColKind],
        &[
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Length(12),
        ],
        |j: &JournalistRow| {
            Row::new([
                j.name.clone(),
                j.outlet.clone(),
                j.outlet_kind.label().to_owned(),
            ])
        },
    );
    if let (Some(pane), Some(d)) = (pane, &view.media.detail) {
        detail(frame, pane, lines(d));
    }
}

pub fn lines(d: &JournalistDetail) -> Vec<Line<'static>> {
    let j = &d.row;
    let consent = if d.consent {
        let on = if d.privacy_notice_on.is_empty() {
            String::new()
        } else {
            format!(" ({})", stamp(&d.privacy_notice_on))
        };
        format!("{}{on}", t(Msg::Yes))
    } else {
        t(Msg::ConsentMissing).to_owned()
    };
    let mut out = vec![
        title(&j.name),
        field(
            Msg::FieldOutlet,
            format!("{} ({})", j.outlet, j.outlet_kind.label()),
        ),
        field(Msg::FieldRole, j.role.clone()),
        field(Msg::FieldCity, d.city.clone()),
        field(Msg::FieldEmail, d.email.clone()),
        field(Msg::FieldPhone, d.phone.clone()),
        field(Msg::FieldConsent, consent),
        heading(Msg::SecLists, d.lists.len()),
    ];
    for l in &d.lists {
        out.push(bullet(l.clone()));
    }
    out.push(heading(Msg::SecRecentSends, d.recent_sends.len()));
    for (at, what) in &d.recent_sends {
        out.push(bullet(format!("{} {what}", stamp(at))));
    }
    out.push(heading(Msg::SecInterviews, d.interviews.len()));
    for i in &d.interviews {
        out.push(bullet(format!(
            "{} {} ({})",
            stamp(&i.requested_on),
            i.topic,
            i.status.label()
        )));
    }
    out
}
