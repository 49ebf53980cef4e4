//! Photos in the terminal (ratatui-image): half-blocks everywhere, and sixel or kitty graphics
//! where the terminal says it has them (asked once, when the console starts; over SSH too,
//! since the question travels with the screen). The last picture drawn is kept, decoded and
//! fitted to its area, so a frame that shows the same photo costs nothing more.
use std::cell::RefCell;
use std::sync::OnceLock;

use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::protocol::Protocol;
use ratatui_image::{Image, Resize};

use crate::i18n::{t, Msg};

static PICKER: OnceLock<Option<Picker>> = OnceLock::new();

/// The cell size half-blocks are fitted with: a cell is two of a thumbnail's pixels high, so
/// that a thumbnail fills the pane (the shape of the cell is what matters, 1:2 as in most
/// terminal fonts; a picture is only ever made smaller).
const BLOCK_CELL: (u16, u16) = (2, 4);

/// Half-blocks: what is drawn where nothing else is known (and in tests).
fn halfblocks() -> Picker {
    let mut p = Picker::from_fontsize(BLOCK_CELL);
    p.set_protocol_type(ProtocolType::Halfblocks);
    p
}

/// The graphics the terminal draws, told by its environment (nothing is asked of the terminal:
/// a question it does not answer would leave a reader waiting on the keyboard):
/// `PRENSA_IMAGENES` (`bloques`, `sixel`, `kitty`, `iterm2`) when set; kitty's and WezTerm's
/// own graphics, iTerm2's, sixel on the terminals known for it (TERM travels over SSH); else
/// half-blocks. A terminal without colours (`colour` false) shows no pictures.
pub fn detect(colour: bool) {
    let var = |name: &str| std::env::var(name).unwrap_or_default().to_lowercase();
    let protocol = protocol_for(
        &var("PRENSA_IMAGENES"),
        &var("TERM"),
        &var("TERM_PROGRAM"),
        std::env::var_os("KITTY_WINDOW_ID").is_some(),
    );
    let picker = colour.then(|| match protocol {
        ProtocolType::Halfblocks => halfblocks(),
        _ => {
            let mut p = Picker::from_fontsize(font_size());
            p.set_protocol_type(protocol);
            p
        }
    });
    let _ = PICKER.set(picker);
}

/// The protocol for what the environment says.
fn protocol_for(choice: &str, term: &str, program: &str, kitty: bool) -> ProtocolType {
    match choice {
        "bloques" | "blocks" => return ProtocolType::Halfblocks,
        "sixel" => return ProtocolType::Sixel,
        "kitty" => return ProtocolType::Kitty,
        "iterm2" => return ProtocolType::Iterm2,
        _ => {}
    }
    if kitty || term.contains("kitty") || program == "wezterm" || term.contains("ghostty") {
        ProtocolType::Kitty
    } else if program == "iterm.app" {
        ProtocolType::Iterm2
    } else if ["foot", "mlterm", "yaft", "contour"]
        .iter()
        .any(|t| term.starts_with(t))
    {
        ProtocolType::Sixel
    } else {
        ProtocolType::Halfblocks
    }
}

/// A cell's size in pixels, when the terminal tells the system its size in pixels.
fn font_size() -> (u16, u16) {
    match crossterm::terminal::window_size() {
        Ok(w) if w.columns > 0 && w.rows > 0 && w.width >= w.columns && w.height >= w.rows => {
            (w.width / w.columns, w.height / w.rows)
        }
        _ => (10, 20),
    }
}

/// Whether pictures are drawn at all (not on a terminal without colours).
pub fn enabled() -> bool {
    !matches!(PICKER.get(), Some(None))
}

thread_local! {
    /// The last picture drawn: its key, the area it was fitted to, and its protocol.
    static LAST: RefCell<Option<(String, Rect, Protocol)>> = const { RefCell::new(None) };
}

/// Draws the JPEG `jpeg` (named by `key`) fitted into `area`; a picture that cannot be read
/// says so in its place.
pub fn draw(frame: &mut Frame, area: Rect, key: &str, jpeg: &[u8]) {
    let block = Block::bordered().title(format!(" {} ", t(Msg::PictureTitle)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        let fresh = !matches!(&*last, Some((k, a, _)) if k == key && *a == inner);
        if fresh {
            *last = protocol(jpeg, inner).map(|p| (key.to_owned(), inner, p));
        }
        match &*last {
            Some((_, _, p)) => frame.render_widget(Image::new(p), inner),
            None => frame.render_widget(Paragraph::new(t(Msg::PictureUnreadable)).dim(), inner),
        }
    });
}

fn protocol(jpeg: &[u8], area: Rect) -> Option<Protocol> {
    let image = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg).ok()?;
    let picker = PICKER.get_or_init(|| Some(halfblocks())).as_ref()?;
    picker.new_protocol(image, area, Resize::Fit(None)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_protocol_comes_from_the_environment_and_defaults_to_half_blocks() {
        assert_eq!(
            protocol_for("", "xterm-256color", "", false),
            ProtocolType::Halfblocks
        );
        assert_eq!(
            protocol_for("", "xterm-kitty", "", false),
            ProtocolType::Kitty
        );
        assert_eq!(
            protocol_for("", "xterm-256color", "", true),
            ProtocolType::Kitty
        );
        assert_eq!(
            protocol_for("", "xterm-256color", "wezterm", false),
            ProtocolType::Kitty
        );
        assert_eq!(
            protocol_for("", "xterm-256color", "iterm.app", false),
            ProtocolType::Iterm2
        );
        assert_eq!(
            protocol_for("", "foot-extra", "", false),
            ProtocolType::Sixel
        );
        assert_eq!(
            protocol_for("bloques", "xterm-kitty", "", false),
            ProtocolType::Halfblocks
        );
        assert_eq!(
            protocol_for("sixel", "xterm", "", false),
            ProtocolType::Sixel
        );
    }
}
