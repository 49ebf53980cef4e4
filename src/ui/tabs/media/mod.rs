//! Medios: journalists, their outlets, and the contact lists they are on; what was sent to them.
pub mod forms;
mod requests;
mod sends;

pub use requests::Interviews;
pub use sends::Sends;

use crossterm::event::KeyCode::Char;

use crate::ui::keys::{Binding, Cmd, Scope, NONE, SHIFT};

pub const KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Media,
        keys: &[
            (Char('I'), SHIFT, Cmd::Import),
            (Char('I'), NONE, Cmd::Import),
        ],
        label: Msg::KeyImport,
        help: Msg::HelpImportContacts,
        in_bar: false,
    },
    Binding {
        scope: Scope::Media,
        keys: &[
            (Char('E'), SHIFT, Cmd::SendMail),
            (Char('E'), NONE, Cmd::SendMail),
        ],
        label: Msg::KeyShiftE,
        help: Msg::HelpSendMail,
        in_bar: false,
    },
];

use ratatui::layout::Constraint;
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;

use super::agenda::options;
use super::lines::{link_bullet, link_field, own};
use super::page;
use crate::domain::edit::{RecordKind, Target};
use crate::domain::query::{ListId, Query};
use crate::domain::status::OutletKind;
use crate::domain::{
    ContactListDetail, ContactListRow, JournalistDetail, JournalistRow, OutletDetail, OutletRow,
    PageRequest,
};
use crate::i18n::labels::Label;
use crate::i18n::{number, stamp, t, Msg};
use crate::ui::data::{DataResult, Reader};
use crate::ui::list::{Ctx, DetailLine, FilterSpec, ListKind, Pick, Role};
use crate::ui::widgets::{bullet, field, heading};

page!(
    /// The Medios tab.
    Media {
        journalists: Journalists => ViewJournalists,
        outlets: Outlets => ViewOutlets,
        lists: Lists => ViewLists,
        requests: Interviews => ViewMediaRequests,
        sends: Sends => ViewSends,
    }
);

fn plain(l: Line<'static>) -> DetailLine {
    DetailLine::plain(l)
}

fn kinds() -> FilterSpec {
    FilterSpec {
        kinds: options(OutletKind::ALL, OutletKind::code),
        ..FilterSpec::default()
    }
}

#[derive(Debug)]
pub struct Journalists;

impl ListKind for Journalists {
    type Row = JournalistRow;
    type Detail = JournalistDetail;
    const LIST: ListId = ListId::Journalists;
    const KIND: RecordKind = RecordKind::Journalist;

    fn title() -> Msg {
        Msg::ViewJournalists
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<JournalistRow>> {
        data.journalists(q, req)
    }

    fn detail(data: &dyn Reader, row: &JournalistRow, _: &Ctx) -> DataResult<JournalistDetail> {
        data.journalist(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColName, Msg::ColOutlet, Msg::ColKind]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Length(12),
        ]
    }

    fn cells(j: &JournalistRow, _: &Ctx) -> (Vec<String>, Style) {
        let cells = vec![
            j.name.clone(),
            j.outlet.clone(),
            j.outlet_kind.label().to_owned(),
        ];
        (cells, Style::new())
    }

    fn describe(j: &JournalistRow) -> (String, Option<String>) {
        (j.name.clone(), None)
    }

    fn lines(d: &JournalistDetail) -> Vec<DetailLine> {
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
        let mut out = vec![own(
            &j.name,
            Target::new(RecordKind::Journalist, j.id.clone()),
            None,
        )];
        match &d.outlet {
            Some(o) => out.push(link_field(Msg::FieldOutlet, o)),
            None => out.push(plain(field(Msg::FieldOutlet, j.outlet.clone()))),
        }
        if let Some(reason) = &d.do_not_contact {
            let why = if reason.is_empty() {
                t(Msg::FDoNotContact).to_owned()
            } else {
                format!("{}: {reason}", t(Msg::FDoNotContact))
            };
            out.push(plain(Line::styled(
                why,
                Style::new().fg(ratatui::style::Color::Red).bold(),
            )));
        }
        out.extend([
            plain(field(Msg::FieldRole, j.role.clone())),
            plain(field(Msg::FBeats, d.beats.clone())),
            plain(field(Msg::FieldCity, d.city.clone())),
            plain(field(Msg::FieldEmail, d.email.clone())),
            plain(field(Msg::FieldPhone, d.phone.clone())),
            plain(field(Msg::FPreferredChannel, d.channel.label())),
            plain(field(
                Msg::FLastContacted,
                d.last_contacted
                    .as_deref()
                    .map(stamp)
                    .unwrap_or_else(|| t(Msg::NeverContacted).to_owned()),
            )),
            plain(field(Msg::FieldConsent, consent)),
        ]);
        if !d.notes.is_empty() {
            out.push(plain(field(Msg::FieldNotes, d.notes.clone())));
        }
        out.push(plain(heading(Msg::SecLists, d.lists.len())));
        out.extend(d.lists.iter().map(link_bullet));
        out.push(plain(heading(Msg::SecRecentSends, d.recent_sends.len())));
        out.extend(d.recent_sends.iter().map(link_bullet));
        out.push(plain(heading(Msg::SecInterviews, d.interviews.len())));
        for i in &d.interviews {
            out.push(plain(bullet(format!(
                "{} {} ({})",
                stamp(&i.requested_on),
                i.topic,
                i.status.label()
            ))));
        }
        out
    }

    fn filters() -> FilterSpec {
        kinds()
    }
}

#[derive(Debug)]
pub struct Outlets;

impl ListKind for Outlets {
    type Row = OutletRow;
    type Detail = OutletDetail;
    const LIST: ListId = ListId::Outlets;
    const KIND: RecordKind = RecordKind::Outlet;

    fn title() -> Msg {
        Msg::ViewOutlets
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<OutletRow>> {
        data.outlets(q, req)
    }

    fn detail(data: &dyn Reader, row: &OutletRow, _: &Ctx) -> DataResult<OutletDetail> {
        data.outlet(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![
            Msg::ColName,
            Msg::ColKind,
            Msg::ColCity,
            Msg::ColJournalists,
        ]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Fill(2),
            Constraint::Length(11),
            Constraint::Fill(1),
            Constraint::Length(11),
        ]
    }

    fn cells(o: &OutletRow, _: &Ctx) -> (Vec<String>, Style) {
        let cells = vec![
            o.name.clone(),
            o.kind.label().to_owned(),
            o.city.clone(),
            number(o.journalists as u64),
        ];
        (cells, Style::new())
    }

    fn describe(o: &OutletRow) -> (String, Option<String>) {
        (o.name.clone(), None)
    }

    fn lines(d: &OutletDetail) -> Vec<DetailLine> {
        let o = &d.row;
        let mut out = vec![
            own(&o.name, Target::new(RecordKind::Outlet, o.id.clone()), None),
            plain(field(Msg::FieldKind, o.kind.label())),
            plain(field(Msg::FieldCity, o.city.clone())),
            plain(field(Msg::FRegion, d.region.clone())),
            plain(field(Msg::FieldEmail, d.email.clone())),
            plain(field(Msg::FieldPhone, d.phone.clone())),
            plain(field(Msg::FieldWebsite, d.website.clone())),
        ];
        if !d.notes.is_empty() {
            out.push(plain(field(Msg::FieldNotes, d.notes.clone())));
        }
        out.push(plain(heading(Msg::SecJournalists, o.journalists as usize)));
        out.extend(d.journalists.iter().map(link_bullet));
        out
    }

    fn filters() -> FilterSpec {
        kinds()
    }
}

#[derive(Debug)]
pub struct Lists;

impl ListKind for Lists {
    type Row = ContactListRow;
    type Detail = ContactListDetail;
    const LIST: ListId = ListId::ContactLists;
    const KIND: RecordKind = RecordKind::ContactList;
    const CHILD: Option<RecordKind> = Some(RecordKind::Member);

    fn title() -> Msg {
        Msg::ViewLists
    }

    fn page(
        data: &dyn Reader,
        q: &Query,
        req: &PageRequest,
        _: &Ctx,
    ) -> DataResult<Vec<ContactListRow>> {
        data.contact_lists(q, req)
    }

    fn detail(data: &dyn Reader, row: &ContactListRow, _: &Ctx) -> DataResult<ContactListDetail> {
        data.contact_list(&row.id)
    }

    fn header() -> Vec<Msg> {
        vec![Msg::ColName, Msg::ColDescription, Msg::ColMembers]
    }

    fn widths() -> Vec<Constraint> {
        vec![
            Constraint::Fill(1),
            Constraint::Fill(2),
            Constraint::Length(11),
        ]
    }

    fn cells(l: &ContactListRow, _: &Ctx) -> (Vec<String>, Style) {
        let cells = vec![
            l.name.clone(),
            l.description.clone(),
            number(l.members as u64),
        ];
        (cells, Style::new())
    }

    fn describe(l: &ContactListRow) -> (String, Option<String>) {
        (l.name.clone(), None)
    }

    fn lines(d: &ContactListDetail) -> Vec<DetailLine> {
        let l = &d.row;
        let mut out = vec![own(
            &l.name,
            Target::new(RecordKind::ContactList, l.id.clone()),
            None,
        )];
        if !l.description.is_empty() {
            out.push(plain(Line::from(l.description.clone())));
        }
        out.push(plain(heading(Msg::SecMembers, l.members as usize)));
        for m in &d.members {
            let text = if m.journalist.status.is_empty() {
                m.journalist.title.clone()
            } else {
                format!("{} ({})", m.journalist.title, m.journalist.status)
            };
            let pick = Pick {
                role: Role::Member,
                target: Target::new(RecordKind::Member, m.member_id.clone()),
                title: m.journalist.title.clone(),
                status: None,
                open: Some(m.journalist.target.clone()),
            };
            out.push(DetailLine::pick(Line::from(format!(" • {text}")), pick));
        }
        out.push(plain(heading(Msg::SecSends, d.sends.len())));
        out.extend(d.sends.iter().map(link_bullet));
        out
    }

    fn filters() -> FilterSpec {
        FilterSpec::default()
    }
}
