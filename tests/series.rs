//! Recurring events in the store: a series writes its occurrences; one occurrence changed or
//! deleted on its own stays as the user left it when the series changes; two machines that
//! write the same series hold one row per occurrence; and the agenda by period flags what
//! nobody covers and who is expected at two places at once.
mod common;

use chrono::NaiveDate;
use common::*;
use prensa::domain::edit::{
    Command, CoverageInput, EventInput, Record, RecordKind, SeriesInput, StaffInput, Target,
};
use prensa::domain::status::{CoverageRole, CoverageStatus, EventKind, EventStatus};
use prensa::store::Store;

fn weekly(title: &str, rule: &str) -> SeriesInput {
    SeriesInput {
        uid: String::new(),
        title: title.into(),
        starts_at: "2031-03-03T10:00".into(),
        ends_at: "2031-03-03T11:30".into(),
        all_day: false,
        zone: String::new(),
        rule: rule.into(),
        exdates: vec![],
        rdates: vec![],
        place: "Sala de cabildo".into(),
        locality: String::new(),
        department_id: None,
        kind: EventKind::Council,
        status: EventStatus::Scheduled,
        public: true,
        notes: String::new(),
    }
}

/// An event as stored.
fn event_by_id(store: &Store, id: &str) -> Option<EventInput> {
    match store.record(&Target::new(RecordKind::Event, id)) {
        Ok(Record::Event(e)) => Some(e),
        _ => None,
    }
}

fn new_store(dir: &tempfile::TempDir, name: &str) -> Store {
    Store::open(&dir.path().join(name), &options()).unwrap()
}

fn create(store: &mut Store, record: Record) -> String {
    store
        .execute(&Command::Create { id: None, record })
        .unwrap()
        .target
        .id
}

/// (start, title, detached, deleted) of every occurrence.
fn occurrences(store: &Store, series: &str) -> Vec<(String, String, bool, bool)> {
    store
        .series_occurrences(series)
        .unwrap()
        .into_iter()
        .map(|o| {
            let title = if o.deleted {
                String::new()
            } else {
                event_by_id(store, &o.id).unwrap().title
            };
            (o.recurrence_id, title, o.detached, o.deleted)
        })
        .collect()
}

#[test]
fn a_series_writes_its_occurrences_and_changes_them_together() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir, "a.sqlite");
    let id = create(
        &mut store,
        Record::Series(weekly("Sesión de cabildo", "FREQ=WEEKLY;COUNT=4")),
    );
    let got = occurrences(&store, &id);
    let starts: Vec<&str> = got.iter().map(|o| o.0.as_str()).collect();
    assert_eq!(
        starts,
        [
            "2031-03-03T10:00",
            "2031-03-10T10:00",
            "2031-03-17T10:00",
            "2031-03-24T10:00"
        ]
    );
    let (first_id, first) = store
        .event_by_uid(&format!("{id}@prensa"), "2031-03-10T10:00")
        .unwrap()
        .expect("the occurrence is found by UID and RECURRENCE-ID");
    assert_eq!(first.ends_at, "2031-03-10T11:30");
    assert_eq!(first.place, "Sala de cabildo");

    // One occurrence moved to another room, another called off on its own.
    let mut moved = first.clone();
    moved.place = "Auditorio municipal".into();
    store
        .execute(&Command::Update {
            id: first_id.clone(),
            record: Record::Event(moved),
        })
        .unwrap();
    let third = store.series_occurrences(&id).unwrap()[2].id.clone();
    store
        .execute(&Command::Delete(Target::new(RecordKind::Event, third)))
        .unwrap();

    // The series is renamed and shortened to three: the moved one keeps its room and title,
    // the deleted one stays deleted, the fourth goes.
    let mut renamed = weekly("Sesión ordinaria de cabildo", "FREQ=WEEKLY;COUNT=3");
    renamed.uid = String::new();
    store
        .execute(&Command::Update {
            id: id.clone(),
            record: Record::Series(renamed),
        })
        .unwrap();
    let got = occurrences(&store, &id);
    assert_eq!(got[0].1, "Sesión ordinaria de cabildo");
    assert_eq!((got[1].1.as_str(), got[1].2), ("Sesión de cabildo", true));
    assert!(got[2].3, "deleted on its own, it stays deleted");
    assert!(got[3].3, "no longer in the rule, it is deleted");
    assert_eq!(
        event_by_id(&store, &got[1].0).map(|e| e.place),
        None,
        "occurrence ids are not their starts"
    );

    // Cancelling the series cancels the occurrences still to come that follow it.
    store
        .execute(&Command::SetStatus {
            target: Target::new(RecordKind::Series, id.clone()),
            status: "cancelled".into(),
        })
        .unwrap();
    let first = store.series_occurrences(&id).unwrap()[0].id.clone();
    assert_eq!(
        event_by_id(&store, &first).unwrap().status,
        EventStatus::Cancelled
    );

    // Deleting the series deletes every occurrence; undo brings them back.
    let receipt = store
        .execute(&Command::Delete(Target::new(
            RecordKind::Series,
            id.clone(),
        )))
        .unwrap();
    assert!(occurrences(&store, &id).iter().all(|o| o.3));
    store.undo(&receipt.change).unwrap();
    assert_eq!(occurrences(&store, &id).iter().filter(|o| !o.3).count(), 2);
}

#[test]
fn a_bad_rule_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir, "a.sqlite");
    let count = |s: &Store| s.agenda_days(NaiveDate::MIN, NaiveDate::MAX).unwrap().len();
    let before = count(&store);
    let err = store
        .execute(&Command::Create {
            id: None,
            record: Record::Series(weekly("Sesión", "FREQ=AVECES")),
        })
        .unwrap_err();
    assert!(err.to_string().contains("repetición"), "{err}");
    assert_eq!(count(&store), before);
}

#[test]
fn two_machines_writing_one_series_hold_one_row_per_occurrence() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = new_store(&dir, "a.sqlite");
    let id = create(
        &mut a,
        Record::Series(weekly("Sesión de cabildo", "FREQ=WEEKLY;COUNT=3")),
    );
    drop(a);
    std::fs::copy(dir.path().join("a.sqlite"), dir.path().join("b.sqlite")).unwrap();
    let folder = dir.path().join("usb");
    std::fs::create_dir(&folder).unwrap();
    let mut a = open_as(&dir.path().join("a.sqlite"), "oficina");
    let mut b = open_as(&dir.path().join("b.sqlite"), "casa");
    // Both lengthen the series to five, each on its own machine.
    for store in [&mut a, &mut b] {
        store
            .execute(&Command::Update {
                id: id.clone(),
                record: Record::Series(weekly("Sesión de cabildo", "FREQ=WEEKLY;COUNT=5")),
            })
            .unwrap();
    }
    sync_with(&mut a, &folder);
    sync_with(&mut b, &folder);
    sync_with(&mut a, &folder);
    for store in [&a, &b] {
        let live: Vec<String> = store
            .series_occurrences(&id)
            .unwrap()
            .into_iter()
            .filter(|o| !o.deleted)
            .map(|o| o.recurrence_id)
            .collect();
        assert_eq!(live.len(), 5, "{live:?}");
    }
}

fn event(title: &str, starts: &str, ends: &str) -> Record {
    Record::Event(EventInput {
        title: title.into(),
        starts_at: starts.into(),
        ends_at: ends.into(),
        place: String::new(),
        locality: String::new(),
        department_id: None,
        campaign_id: None,
        status: EventStatus::Scheduled,
        public: true,
        notes: String::new(),
        all_day: false,
        kind: EventKind::Public,
        uid: String::new(),
    })
}

#[test]
fn the_agenda_flags_what_nobody_covers_and_who_is_booked_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir, "a.sqlite");
    let staff = create(
        &mut store,
        Record::Staff(StaffInput {
            name: "Ana López".into(),
            role: "Fotografía".into(),
            phone: String::new(),
            email: String::new(),
            active: true,
        }),
    );
    let a = create(
        &mut store,
        event("Entrega de útiles", "2031-03-06T10:00", "2031-03-06T12:00"),
    );
    let b = create(
        &mut store,
        event("Reunión con vecinos", "2031-03-06T11:00", ""),
    );
    create(&mut store, event("Feria del elote", "2031-03-07T09:00", ""));
    for e in [&a, &b] {
        create(
            &mut store,
            Record::Coverage(CoverageInput {
                event_id: e.clone(),
                staff_id: Some(staff.clone()),
                role: CoverageRole::Photo,
                status: CoverageStatus::Assigned,
                note: String::new(),
            }),
        );
    }
    let day = |d: u32| NaiveDate::from_ymd_opt(2031, 3, d).unwrap();
    let agenda = store.agenda(day(6), day(8)).unwrap();
    let titles: Vec<&str> = agenda.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Entrega de útiles",
            "Reunión con vecinos",
            "Feria del elote"
        ]
    );
    assert_eq!(agenda[0].clashes[0].other_title, "Reunión con vecinos");
    assert_eq!(agenda[1].clashes[0].other_title, "Entrega de útiles");
    assert!(!agenda[0].uncovered());
    assert!(agenda[2].uncovered());
    let days = store.agenda_days(day(1), day(31)).unwrap();
    assert_eq!(
        days.iter()
            .map(|d| (d.day, d.events, d.uncovered))
            .collect::<Vec<_>>(),
        [(day(6), 2, 0), (day(7), 1, 1)]
    );
}

#[test]
fn a_series_moved_to_another_time_keeps_each_day_s_occurrence() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir, "a.sqlite");
    let mut daily = weekly("Serie prueba", "FREQ=DAILY;COUNT=3");
    daily.starts_at = "2031-03-06T19:00".into();
    daily.ends_at = "2031-03-06T20:00".into();
    let id = create(&mut store, Record::Series(daily.clone()));
    let occ = store.series_occurrences(&id).unwrap();
    let (first, second, third) = (occ[0].id.clone(), occ[1].id.clone(), occ[2].id.clone());
    // The first has a photographer; the second moved on its own; the third called off.
    let staff = create(
        &mut store,
        Record::Staff(StaffInput {
            name: "Ana López".into(),
            role: String::new(),
            phone: String::new(),
            email: String::new(),
            active: true,
        }),
    );
    let coverage = create(
        &mut store,
        Record::Coverage(CoverageInput {
            event_id: first.clone(),
            staff_id: Some(staff),
            role: CoverageRole::Photo,
            status: CoverageStatus::Assigned,
            note: String::new(),
        }),
    );
    let mut moved = event_by_id(&store, &second).unwrap();
    moved.starts_at = "2031-03-07T17:00".into();
    moved.ends_at = "2031-03-07T18:00".into();
    moved.title = "Serie prueba (solo el 7)".into();
    store
        .execute(&Command::Update {
            id: second.clone(),
            record: Record::Event(moved),
        })
        .unwrap();
    store
        .execute(&Command::Delete(Target::new(
            RecordKind::Event,
            third.clone(),
        )))
        .unwrap();

    // The whole series moves to the morning.
    daily.starts_at = "2031-03-06T10:00".into();
    daily.ends_at = "2031-03-06T11:00".into();
    store
        .execute(&Command::Update {
            id: id.clone(),
            record: Record::Series(daily),
        })
        .unwrap();
    let day = |d: u32| NaiveDate::from_ymd_opt(2031, 3, d).unwrap();
    let agenda = store.agenda(day(6), day(9)).unwrap();
    let seen: Vec<(&str, &str)> = agenda
        .iter()
        .map(|e| (e.starts_at.as_str(), e.title.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("2031-03-06T10:00", "Serie prueba"),
            ("2031-03-07T17:00", "Serie prueba (solo el 7)"),
        ],
        "one event a day, the one moved on its own kept, the one called off still off"
    );
    assert_eq!(agenda[0].id, first, "the same event, with its coverage");
    assert_eq!(agenda[0].coverage[0].id, coverage);
    assert!(event_by_id(&store, &third).is_none());
}

#[test]
fn a_series_with_no_end_keeps_being_written_ahead() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = new_store(&dir, "a.sqlite");
    let at = |day: &str| {
        let ms = NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis() as u64;
        move || ms
    };
    store.set_wall_clock(at("2031-03-01"));
    let id = create(
        &mut store,
        Record::Series(weekly("Honores a la bandera", "FREQ=WEEKLY")),
    );
    let last = |store: &Store| {
        store
            .series_occurrences(&id)
            .unwrap()
            .into_iter()
            .map(|o| o.recurrence_id)
            .max()
            .unwrap()
    };
    assert!(last(&store).starts_with("2033-02"), "{}", last(&store));
    assert_eq!(
        store.extend_series().unwrap(),
        0,
        "more than a year is written"
    );
    // Fifteen months later, less than a year is left: the next two are written.
    store.set_wall_clock(at("2032-06-01"));
    assert_eq!(store.extend_series().unwrap(), 1);
    assert!(last(&store).starts_with("2034-05"), "{}", last(&store));
    assert_eq!(store.extend_series().unwrap(), 0);
    // A series with an end is never written past it.
    let ended = create(
        &mut store,
        Record::Series(weekly("Sesión", "FREQ=WEEKLY;COUNT=3")),
    );
    store.set_wall_clock(at("2034-01-01"));
    store.extend_series().unwrap();
    assert_eq!(store.series_occurrences(&ended).unwrap().len(), 3);
}
