//! The event loop: sleeps until a key, a paste, a resize or the next tick; draws only when the
//! state changed. Keys that arrive together (a paste the terminal did not bracket, a held key)
//! are all taken in before the next frame. The tick — every second and a half — notices changes
//! made by another console or a sync; it costs one small query and no drawing. A tick with no
//! key also merges a few pieces of the search indexes, while there are any.
use std::io;
use std::time::Duration;

use chrono::NaiveDateTime;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::backend::Backend;
use ratatui::Terminal;

use super::terminal;
use super::{App, Effect};
use crate::ui;

/// How often the console looks for changes made elsewhere.
pub const TICK: Duration = Duration::from_millis(1_500);

/// The time now in the office a new database starts with (Mexico City, the zone its settings
/// name): the demo's "today" is the day its console will show.
pub fn new_office_now() -> NaiveDateTime {
    chrono::Utc::now()
        .with_timezone(&chrono_tz::America::Mexico_City)
        .naive_local()
}

/// The office's time now (its `time_zone` setting), whatever the machine's clock is set to:
/// what the console and `prensa resumen` call today.
pub fn office_now(store: &crate::store::Store) -> NaiveDateTime {
    chrono::Utc::now()
        .with_timezone(&store.time_zone())
        .naive_local()
}

fn handle(app: &mut App, event: Event) {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.on_key(key),
        Event::Paste(text) => app.on_paste(&text),
        Event::Resize(w, h) => app.resize(w, h),
        _ => {}
    }
}

pub fn run<B: Backend + io::Write>(app: &mut App, terminal: &mut Terminal<B>) -> io::Result<()> {
    loop {
        if terminal::take_interrupt() {
            app.update(ui::Action::Quit);
        }
        if app.take_dirty() {
            terminal.draw(|frame| ui::draw(frame, app.screen()))?;
        }
        for effect in app.take_effects() {
            match effect {
                Effect::Clipboard(text) => terminal::copy(terminal.backend_mut(), &text)?,
            }
        }
        if app.should_quit() {
            return Ok(());
        }
        // While a sync runs: wake often to show its progress. Otherwise the tick.
        let wait = if app.busy() {
            Duration::from_millis(100)
        } else {
            TICK
        };
        if event::poll(wait)? {
            loop {
                let event = event::read()?;
                let more = event::poll(Duration::ZERO)?;
                app.set_burst(more);
                handle(app, event);
                if app.should_quit() || !more {
                    break;
                }
            }
            app.set_burst(false);
        } else if !app.busy() {
            app.set_now(office_now(app.store()));
            app.on_idle();
        }
        app.poll_job(false);
    }
}
