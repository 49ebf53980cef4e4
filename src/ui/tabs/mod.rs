//! The tabs. Each is a folder: its lists (with how their rows and details look), its forms.
//! A tab with several lists shows them as views on its title line, switched with `[` and `]`.
pub mod agenda;
pub mod archive;
pub mod drafts;
pub mod lines;
pub mod media;
pub mod monitoring;
pub mod reports;
pub mod today;

use super::list::Pane;
use crate::domain::edit::RecordKind;
use crate::domain::query::ListId;
use crate::i18n::Msg;

/// The seven tabs, in the order of their number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Today,
    Agenda,
    Reports,
    Drafts,
    Media,
    Archive,
    Monitoring,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Today,
        Tab::Agenda,
        Tab::Reports,
        Tab::Drafts,
        Tab::Media,
        Tab::Archive,
        Tab::Monitoring,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    pub fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }

    pub fn title(self) -> Msg {
        match self {
            Tab::Today => Msg::TabToday,
            Tab::Agenda => Msg::TabAgenda,
            Tab::Reports => Msg::TabReports,
            Tab::Drafts => Msg::TabDrafts,
            Tab::Media => Msg::TabMedia,
            Tab::Archive => Msg::TabArchive,
            Tab::Monitoring => Msg::TabMonitoring,
        }
    }
}

/// Where a kind of record is shown: its tab and the view of the tab.
pub fn home(kind: RecordKind) -> Option<(Tab, ListId)> {
    Some(match kind {
        RecordKind::Event => (Tab::Agenda, ListId::Events),
        RecordKind::Report => (Tab::Reports, ListId::Reports),
        RecordKind::Request => (Tab::Reports, ListId::Requests),
        RecordKind::Department => (Tab::Reports, ListId::Departments),
        RecordKind::Draft => (Tab::Drafts, ListId::Drafts),
        RecordKind::Campaign => (Tab::Drafts, ListId::Campaigns),
        RecordKind::Material => (Tab::Drafts, ListId::Materials),
        RecordKind::Journalist => (Tab::Media, ListId::Journalists),
        RecordKind::Outlet => (Tab::Media, ListId::Outlets),
        RecordKind::ContactList => (Tab::Media, ListId::ContactLists),
        RecordKind::Interview => (Tab::Media, ListId::Interviews),
        RecordKind::Distribution => (Tab::Media, ListId::Distributions),
        RecordKind::ArchiveItem | RecordKind::Publication => (Tab::Archive, ListId::Timeline),
        RecordKind::Classification => (Tab::Archive, ListId::Classification),
        RecordKind::Clipping => (Tab::Monitoring, ListId::Clippings),
        RecordKind::Question => (Tab::Monitoring, ListId::Questions),
        RecordKind::Answer => (Tab::Monitoring, ListId::Answers),
        _ => return None,
    })
}

/// A tab made of list panes, one per view.
pub trait Page {
    /// The names of its views (one name: no views).
    fn views(&self) -> &'static [Msg];
    fn view(&self) -> usize;
    fn set_view(&mut self, view: usize);
    fn panes(&self) -> Vec<&dyn Pane>;
    fn panes_mut(&mut self) -> Vec<&mut dyn Pane>;

    fn pane(&self) -> Option<&dyn Pane> {
        self.panes().into_iter().nth(self.view())
    }

    fn pane_mut(&mut self) -> Option<&mut dyn Pane> {
        let view = self.view();
        self.panes_mut().into_iter().nth(view)
    }

    /// Shows the view of a list; returns whether the tab has it.
    fn show_list(&mut self, list: ListId) -> bool {
        match self.panes().iter().position(|p| p.list() == list) {
            Some(i) => {
                self.set_view(i);
                true
            }
            None => false,
        }
    }
}

/// Declares a tab made of panes: its struct, its views and its `Page` impl.
macro_rules! page {
    ($(#[$meta:meta])* $name:ident { $($field:ident : $kind:ty => $view:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Default)]
        pub struct $name {
            pub view: usize,
            $(pub $field: $crate::ui::list::ListPane<$kind>),+
        }

        impl $crate::ui::tabs::Page for $name {
            fn views(&self) -> &'static [$crate::i18n::Msg] {
                &[$($crate::i18n::Msg::$view),+]
            }

            fn view(&self) -> usize {
                self.view
            }

            fn set_view(&mut self, view: usize) {
                self.view = view.min(self.views().len() - 1);
            }

            fn panes(&self) -> Vec<&dyn $crate::ui::list::Pane> {
                vec![$(&self.$field),+]
            }

            fn panes_mut(&mut self) -> Vec<&mut dyn $crate::ui::list::Pane> {
                vec![$(&mut self.$field),+]
            }
        }
    };
}
pub(crate) use page;
