//! The demo data definition (`data/demo.json`), embedded in the binary.
use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct DemoData {
    pub localities: Vec<String>,
    pub places: Vec<String>,
    pub first_names: Vec<String>,
    pub last_names: Vec<String>,
    pub staff: Vec<(String, String)>,
    pub outlets: Vec<(String, String, String)>,
    pub roles: Vec<String>,
    pub lists: Vec<(String, String)>,
    pub campaigns: Vec<(String, String)>,
    /// Event title templates by department key (`{loc}`, `{place}`).
    pub events: BTreeMap<String, Vec<String>>,
    pub report_body: String,
    /// The departments' people: (key, head, liaison, WhatsApp).
    pub department_people: Vec<(String, String, String, String)>,
    /// Why a discarded report was set aside.
    pub discard_reason: String,
    pub draft_body: String,
    pub interview_topics: Vec<String>,
    pub clippings: Vec<String>,
    pub questions: Vec<String>,
    pub answers: Vec<(String, String)>,
}

const DEMO_JSON: &str = include_str!("../../data/demo.json");

impl DemoData {
    /// The embedded definition. It is part of the binary and checked by a test, so it cannot
    /// fail at run time; should it ever, the demo is built from an empty definition instead.
    pub fn load() -> DemoData {
        serde_json::from_str(DEMO_JSON).unwrap_or_else(|_| DemoData::empty())
    }

    fn empty() -> DemoData {
        DemoData {
            localities: vec![String::new()],
            places: vec![String::new()],
            first_names: vec![String::new()],
            last_names: vec![String::new()],
            staff: vec![(String::new(), String::new()); 5],
            outlets: vec![(String::new(), "digital".into(), String::new())],
            roles: vec![String::new()],
            lists: vec![(String::new(), String::new()); 4],
            campaigns: vec![(String::new(), String::new())],
            events: BTreeMap::from([("presidencia".to_owned(), vec![String::new()])]),
            report_body: String::new(),
            department_people: Vec::new(),
            discard_reason: String::new(),
            draft_body: String::new(),
            interview_topics: vec![String::new()],
            clippings: vec![String::new()],
            questions: vec![String::new()],
            answers: vec![(String::new(), String::new())],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_definition_parses_and_names_real_departments() {
        let d: DemoData = serde_json::from_str(DEMO_JSON).unwrap();
        assert!(d.staff.len() >= 5 && d.lists.len() >= 4);
        let known: Vec<&str> = crate::store::seed_departments()
            .iter()
            .map(|(k, _, _)| *k)
            .collect();
        for key in d.events.keys() {
            assert!(
                known.contains(&key.as_str()),
                "{key} is not a preloaded department"
            );
        }
    }
}
