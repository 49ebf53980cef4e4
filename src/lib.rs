//! prensa: a keyboard-driven terminal newsroom console for a municipal press office,
//! over one SQLite file.
//!
//! Layers (one direction of dependency): `app → ui → domain`, `app → store → domain`,
//! `cli → app/store/demo`. `domain` depends on nothing of ours; `ui` never runs SQL;
//! `store` never knows about the terminal.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod brief;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod interop;
pub mod store;
pub mod sync;
pub mod ui;
