//! The terminal: taken (raw mode, alternate screen, bracketed paste) and always given back — on
//! quit, on error, on panic, on a signal. A terminal that cannot draw (`TERM=dumb`) is refused
//! with a clear message; one without colours (`vt100`, `NO_COLOR`) gets none. Ctrl+C always
//! reaches the console, whatever was typed before it: it is a signal, not a key the input
//! parser could swallow.
use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use base64::Engine;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::Color;
use ratatui::Terminal;

/// What the terminal can show, from `TERM` and `NO_COLOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    /// Cannot move the cursor: no full-screen console.
    Dumb,
    /// Draws, but without colours.
    Mono,
    Color,
}

pub fn capability(term: Option<&str>, no_color: Option<&str>) -> Capability {
    let term = term.unwrap_or("").trim().to_ascii_lowercase();
    if term == "dumb" || term == "unknown" {
        Capability::Dumb
    } else if term.starts_with("vt") || no_color.is_some_and(|v| !v.is_empty()) {
        Capability::Mono
    } else {
        Capability::Color
    }
}

/// The capability of the terminal this process runs in.
pub fn detect() -> Capability {
    capability(
        std::env::var("TERM").ok().as_deref(),
        std::env::var("NO_COLOR").ok().as_deref(),
    )
}

/// The crossterm backend, with the colours taken out on a terminal without them.
pub struct Screen {
    inner: CrosstermBackend<Stdout>,
    mono: bool,
}

impl Write for Screen {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

/// Whether a cell would send a control character to the terminal: text pasted or synced in
/// may hold escape sequences, which must show as text, never act on the terminal.
fn controls(cell: &Cell) -> bool {
    cell.symbol()
        .chars()
        .any(|c| c.is_control() && c != '\u{200d}')
}

impl Backend for Screen {
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mono = self.mono;
        let cells: Vec<(u16, u16, std::borrow::Cow<'a, Cell>)> = content
            .map(|(x, y, c)| {
                if !mono && !controls(c) {
                    return (x, y, std::borrow::Cow::Borrowed(c));
                }
                let mut c = c.clone();
                if controls(&c) {
                    c.set_symbol("\u{fffd}");
                }
                if mono {
                    c.set_fg(Color::Reset).set_bg(Color::Reset);
                }
                (x, y, std::borrow::Cow::Owned(c))
            })
            .collect();
        self.inner
            .draw(cells.iter().map(|(x, y, c)| (*x, *y, c.as_ref())))
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

pub type Console = Terminal<Screen>;

/// Takes the terminal: raw mode, the alternate screen, bracketed paste (a paste arrives as
/// text, never as keys), Ctrl+C as a signal. A panic gives it back before its message prints.
pub fn init(capability: Capability) -> io::Result<Console> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    // Not every terminal (nor Windows' console) knows bracketed paste; without it, a paste
    // comes as fast keys, which the event loop takes in before it draws again.
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    crate::ui::picture::detect(capability == Capability::Color);
    interrupts_as_signals();
    Terminal::new(Screen {
        inner: CrosstermBackend::new(io::stdout()),
        mono: capability == Capability::Mono,
    })
}

/// Gives the terminal back as it was; safe to call more than once, and from a signal's thread.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    let _ = execute!(io::stdout(), LeaveAlternateScreen, crossterm::cursor::Show);
    let _ = disable_raw_mode();
}

/// Puts text on the clipboard with OSC 52: the terminal does it, even at the other end of SSH.
pub fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Ctrl+C was pressed (or SIGINT sent) since the last call.
pub fn take_interrupt() -> bool {
    INTERRUPTED.swap(false, Ordering::SeqCst)
}

/// Whether an interrupt is waiting for the event loop to take it.
pub fn interrupt_pending() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Records an interrupt; called from the signal thread, which then wakes the event loop.
pub fn interrupt() {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// Raw mode turns Ctrl+C into a byte, which the input parser may never deliver (after an
/// unfinished escape sequence it waits for more). Here the terminal is asked to send it as a
/// signal again, with Ctrl+Z and Ctrl+\ still off and nothing flushed.
#[cfg(unix)]
fn interrupts_as_signals() {
    use std::os::fd::AsRawFd;
    let tty = std::fs::File::open("/dev/tty");
    let fd = match &tty {
        Ok(f) => f.as_raw_fd(),
        Err(_) => libc::STDIN_FILENO,
    };
    // SAFETY: termios is a plain C struct filled by tcgetattr; fd is an open descriptor.
    unsafe {
        let mut ios: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &mut ios) != 0 {
            return;
        }
        ios.c_lflag |= libc::ISIG | libc::NOFLSH;
        ios.c_cc[libc::VSUSP] = 0;
        ios.c_cc[libc::VQUIT] = 0;
        ios.c_cc[libc::VINTR] = 3;
        libc::tcsetattr(fd, libc::TCSANOW, &ios);
    }
}

#[cfg(not(unix))]
fn interrupts_as_signals() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminals_that_cannot_draw_or_colour() {
        assert_eq!(capability(Some("dumb"), None), Capability::Dumb);
        assert_eq!(capability(Some("vt100"), None), Capability::Mono);
        assert_eq!(
            capability(Some("xterm-256color"), Some("1")),
            Capability::Mono
        );
        assert_eq!(
            capability(Some("xterm-256color"), Some("")),
            Capability::Color
        );
        assert_eq!(capability(None, None), Capability::Color);
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let mut cell = Cell::default();
        cell.set_symbol("\u{1b}");
        assert!(controls(&cell));
        cell.set_symbol("ñ");
        assert!(!controls(&cell));
        cell.set_symbol("\u{9b}");
        assert!(controls(&cell), "C1 controls too");
    }

    #[test]
    fn osc52_carries_the_text_in_base64() {
        let mut out = Vec::new();
        copy(&mut out, "Reunión").unwrap();
        assert_eq!(out, b"\x1b]52;c;UmV1bmnDs24=\x07");
    }
}
