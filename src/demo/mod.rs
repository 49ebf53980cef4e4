//! Demo data in Spanish for a municipality like Tampamolón Corona, S.L.P.: press-office staff,
//! invented regional outlets and journalists, and three years of events, requests, reports,
//! drafts, publications and archive items up to a reference date plus the month after it.
//! Deterministic: a fixed seed and the reference date give the same database every time.
//! Everything is written through the store's typed commands, so the demo obeys the same rules
//! (and syncs) like data typed in the console.
mod activity;
mod archive;
mod data;
mod directory;
mod monitoring;
mod morning;
mod photos;
mod rng;
mod routine;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::domain::edit::Record;
use crate::domain::ids::id_at;
use crate::store::{Result, Store, Tx, Upkeep};
use data::DemoData;
use rng::Rng;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    /// "Today" for the demo: events after it are still scheduled, the latest reports wait.
    pub reference: NaiveDate,
    /// The benchmark dataset: ≥100,000 events, 200,000 reports, 200,000 drafts,
    /// 20,000 journalists, 500,000 archive items.
    pub grande: bool,
}

impl DemoOptions {
    pub fn realistic(reference: NaiveDate) -> Self {
        DemoOptions {
            reference,
            grande: false,
        }
    }

    pub fn grande(reference: NaiveDate) -> Self {
        DemoOptions {
            reference,
            grande: true,
        }
    }
}

/// How many of the main rows were written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub events: u64,
    pub reports: u64,
    pub drafts: u64,
    pub journalists: u64,
    pub archive_items: u64,
}

const SEED: u64 = 0x7072_656e_7361_2021;
/// Events per day in the benchmark dataset.
const GRANDE_EVENTS_PER_DAY: u32 = 100;

fn stamp(date: NaiveDate, hour: u32, minute: u32) -> String {
    format!(
        "{}T{:02}:{:02}",
        date.format("%Y-%m-%d"),
        hour.min(23),
        minute.min(59)
    )
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Milliseconds of a date's midnight (UTC), for time-ordered ids.
fn millis(date: NaiveDate) -> u64 {
    date.and_hms_opt(12, 0, 0)
        .map(|t| t.and_utc().timestamp_millis().max(0) as u64)
        .unwrap_or(0)
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// An outlet of the demo's directory: its kind and its site.
struct Outlet {
    id: String,
    kind: String,
    website: String,
}

struct Gen {
    rng: Rng,
    data: DemoData,
    opts: DemoOptions,
    staff: Vec<String>,
    journalists: Vec<(String, String)>,
    outlets: Vec<Outlet>,
    lists: Vec<String>,
    campaigns: Vec<String>,
    answers: Vec<String>,
    /// Pieces still being worked on at the reference date: (id, title, status).
    open_drafts: Vec<(String, String, crate::domain::status::DraftStatus)>,
    /// The series of the classification chart, in its order.
    series: Vec<String>,
    counts: Counts,
}

/// Writes the demo dataset into `store` (normally a database just created), reporting
/// progress as (done, total) steps.
pub fn generate(
    store: &mut Store,
    opts: &DemoOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Counts> {
    let mut gen = Gen {
        rng: Rng::new(SEED),
        data: DemoData::load(),
        opts: opts.clone(),
        staff: Vec::new(),
        journalists: Vec::new(),
        outlets: Vec::new(),
        lists: Vec::new(),
        campaigns: Vec::new(),
        answers: Vec::new(),
        open_drafts: Vec::new(),
        series: Vec::new(),
        counts: Counts::default(),
    };
    let start = opts
        .reference
        .with_year(opts.reference.year() - 3)
        .unwrap_or(opts.reference - Duration::days(3 * 365));
    let end = opts.reference + Duration::days(30);
    let total = (end - start).num_days().max(1) as u64 + 1;
    store.batch("demo.directory", |tx| gen.directory(tx, start))?;
    store.batch("demo.series", |tx| gen.series(tx))?;
    store.batch("demo.chart", |tx| gen.chart(tx))?;
    let mut date = start;
    while date <= end {
        let month_end = date
            .with_day(1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .unwrap_or(end + Duration::days(1));
        store.batch("demo.month", |tx| {
            let mut d = date;
            while d < month_end && d <= end {
                gen.day(tx, d)?;
                d += Duration::days(1);
            }
            Ok(())
        })?;
        date = month_end;
        progress(((date - start).num_days().max(0) as u64).min(total), total);
    }
    store.batch("demo.materials", |tx| gen.materials(tx, start, end))?;
    store.batch("demo.review", |tx| gen.review(tx))?;
    if !opts.grande {
        let eve = opts.reference.pred_opt().unwrap_or(opts.reference);
        photos::write(store, &stamp(eve, 20, 0), &stamp(opts.reference, 0, 0))?;
        store.batch("demo.consents", |tx| gen.consents(tx))?;
        store.batch("demo.morning", |tx| gen.morning(tx))?;
    }
    // Clippings and citizens' questions last of all, with ids of their own: the rest of the
    // demo is the same with or without them.
    gen.monitoring(store, start)?;
    // Written a month at a time, the search indexes are in many pieces: one each.
    store.tidy_search(Upkeep::Whole)?;
    Ok(gen.counts)
}

impl Gen {
    /// Creates a record with the id the demo chose.
    fn create(&mut self, tx: &mut Tx<'_, '_>, id: &str, record: Record) -> Result<String> {
        tx.create(Some(id), &record)
    }

    /// A row id on `date`: time-ordered, with the random part of the demo's sequence mixed
    /// with the reference date, so that demos made for different dates (the same sequence,
    /// consumed by different rows) never give one id to rows of two tables. Only the last four
    /// bytes are mixed: ids of one demo keep their order.
    fn id(&mut self, date: NaiveDate) -> String {
        let mut bytes = self.rng.bytes();
        let days = self.opts.reference.num_days_from_ce() as u32;
        let mix = (days.wrapping_mul(0x9E37_79B1) ^ days.rotate_left(16)).to_le_bytes();
        for (b, m) in bytes[6..].iter_mut().zip(mix) {
            *b ^= m;
        }
        id_at(millis(date), bytes)
    }

    fn name(&mut self) -> String {
        let first = self.rng.pick(&self.data.first_names).clone();
        let a = self.rng.pick(&self.data.last_names).clone();
        let b = self.rng.pick(&self.data.last_names).clone();
        format!("{first} {a} {b}")
    }
}
