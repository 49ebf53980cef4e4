//! How the screen is divided, shared by drawing and by the app (which needs the list height
//! to page by one screen).
use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size the screen shows only a notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width the detail pane stands beside the list; below, under it.
const SIDE_BY_SIDE: u16 = 110;
/// Below this height the detail pane is dropped first.
const STACKED_MIN_HEIGHT: u16 = 20;

/// The body between the tab bar and the two bottom bars.
pub fn body(area: Rect) -> Rect {
    Rect {
        y: area.y.saturating_add(1),
        height: area.height.saturating_sub(3),
        ..area
    }
}

/// Splits a list tab's body into the list and, where there is room, the detail pane.
pub fn list_and_detail(body: Rect) -> (Rect, Option<Rect>) {
    if body.width >= SIDE_BY_SIDE {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(body);
        (list, Some(detail))
    } else if body.height + 3 >= STACKED_MIN_HEIGHT {
        let [list, detail] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
        (list, Some(detail))
    } else {
        (body, None)
    }
}

/// Rows of the list visible at this terminal size (inside its border, below its header row).
pub fn list_height(width: u16, height: u16) -> usize {
    let (list, _) = list_and_detail(body(Rect::new(0, 0, width, height)));
    list.height.saturating_sub(3) as usize
}
