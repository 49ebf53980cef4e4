//! The event loop: sleeps until a key, a resize or the next midnight; draws only when the
//! state changed. An idle console does no work at all.
use std::io;
use std::time::Duration;

use chrono::{Local, NaiveDateTime};
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::DefaultTerminal;

use super::App;
use crate::ui;

/// The local time now.
pub fn local_now() -> NaiveDateTime {
    Local::now().naive_local()
}

/// How long until the date changes (plus a second), so Hoy turns over at midnight.
fn until_midnight(now: NaiveDateTime) -> Duration {
    let next = now
        .date()
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 1))
        .unwrap_or(now);
    (next - now).to_std().unwrap_or(Duration::from_secs(60))
}

pub fn run(app: &mut App, terminal: &mut DefaultTerminal) -> io::Result<()> {
    loop {
        if app.take_dirty() {
            terminal.draw(|frame| ui::draw(frame, app.view()))?;
        }
        if app.should_quit() {
            return Ok(());
        }
        // Idle: sleep until a key or midnight. While a sync runs: wake to show its progress.
        let wait = if app.busy() {
            Duration::from_millis(100)
        } else {
            until_midnight(app.now())
        };
        if event::poll(wait)? {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => app.on_key(key),
                Event::Resize(w, h) => app.resize(w, h),
                _ => {}
            }
        } else if !app.busy() {
            app.set_now(local_now());
        }
        app.poll_job(false);
    }
}
