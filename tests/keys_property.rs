//! Random key streams over the demo: forms opened and left half-written, Ctrl+S, Esc, `d`,
//! `u`, pastes and resizes in the middle of everything. The console never panics, and
//! afterwards every row of the database is still exactly the fold of its ops.
//!
//! The normal suite runs a few dozen streams; the long run (`PRENSA_KEYS_CASES=2000`):
//! `cargo test --release --test keys_property -- --ignored`.
mod common;

use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
    Tick,
}

fn key() -> impl Strategy<Value = Input> {
    let plain = |c: char| Input::Key(KeyCode::Char(c), KeyModifiers::NONE);
    prop_oneof![
        // The keys that do things, often.
        6 => prop::sample::select(vec![
            'n', 'e', 'd', 's', 'u', 'm', 'y', '/', 'f', '[', ']', '1', '2', '3', '4', '5',
            '6', '7', 'j', 'k', 'c', '?', 'g', 'G', 'x', 'ñ', 'á', ' ', 'I', '<', '>',
        ])
        .prop_map(plain),
        4 => prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageDown,
            KeyCode::PageUp,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::F(1),
        ])
        .prop_map(|k| Input::Key(k, KeyModifiers::NONE)),
        2 => prop::sample::select(vec!['s', 'j', 'u', 'w', 'm'])
            .prop_map(|c| Input::Key(KeyCode::Char(c), KeyModifiers::CONTROL)),
        2 => "[a-zA-Z0-9 áéíóúñÑ/,.:-]{1,12}".prop_map(Input::Paste),
        1 => "(\\PC|\n|\t|\u{1b}\\[\\?1049h){0,40}".prop_map(Input::Paste),
        1 => (1u16..140, 1u16..50).prop_map(|(w, h)| Input::Resize(w, h)),
        1 => Just(Input::Tick),
    ]
}

fn run(inputs: &[Input]) {
    let (_dir, mut app) = demo_app(80, 24);
    let (mut w, mut h) = (80u16, 24u16);
    for input in inputs {
        match input {
            Input::Key(code, mods) => app.on_key(KeyEvent::new(*code, *mods)),
            Input::Paste(text) => app.on_paste(text),
            Input::Resize(nw, nh) => {
                (w, h) = (*nw, *nh);
                app.resize(w, h);
            }
            Input::Tick => app.set_now(now()),
        }
        render(&app, w, h);
        if app.should_quit() {
            break;
        }
    }
    let problems = app.store().verify_fold().unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
}

fn cases(default: u32) -> u32 {
    std::env::var("PRENSA_KEYS_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(24), ..ProptestConfig::default() })]
    #[test]
    fn random_keys_never_panic_nor_break_the_ops_log(inputs in prop::collection::vec(key(), 1..250)) {
        run(&inputs);
    }
}

#[test]
#[ignore = "long run: PRENSA_KEYS_CASES=2000 cargo test --release --test keys_property -- --ignored"]
fn random_keys_long_run() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: cases(2_000),
        ..ProptestConfig::default()
    });
    runner
        .run(&prop::collection::vec(key(), 1..400), |inputs| {
            run(&inputs);
            Ok(())
        })
        .unwrap();
}
