//! Row identifiers: UUIDv7 for rows made by a user (time-ordered, unique across replicas),
//! UUIDv5 of a stable key for rows every new database is born with, so two databases
//! created apart hold the same ids for them and do not double them when they meet.
use uuid::Uuid;

/// The namespace of prensa's deterministic ids.
const NAMESPACE: Uuid = Uuid::from_u128(0x6b1f_3c2e_94a1_4f0b_8d52_7a3e_1c90_5e21);

/// A fresh id for a new row.
pub fn new_id() -> String {
    Uuid::now_v7().to_string()
}

/// A UUIDv7 with a given time and given random bits (demo data is deterministic).
pub fn id_at(unix_ms: u64, random: [u8; 10]) -> String {
    uuid::Builder::from_unix_timestamp_millis(unix_ms, &random)
        .into_uuid()
        .to_string()
}

/// The deterministic id of a row every database is created with, e.g. `seed_id("department", "dif")`.
pub fn seed_id(kind: &str, key: &str) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes()).to_string()
}

/// The id of one occurrence of a series: the same on every machine that writes it, so two
/// replicas that each write a series' later occurrences hold one row for each, not two.
pub fn occurrence_id(series_id: &str, recurrence_id: &str) -> String {
    seed_id("occurrence", &format!("{series_id}/{recurrence_id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_ids_are_stable_and_distinct() {
        assert_eq!(seed_id("department", "dif"), seed_id("department", "dif"));
        assert_ne!(seed_id("department", "dif"), seed_id("department", "salud"));
        assert_ne!(seed_id("department", "dif"), seed_id("setting", "dif"));
    }

    #[test]
    fn new_ids_are_time_ordered_v7() {
        let a = new_id();
        let b = new_id();
        assert_eq!(Uuid::parse_str(&a).unwrap().get_version_num(), 7);
        assert!(a < b);
        assert!(id_at(1_000, [0; 10]) < id_at(2_000, [0; 10]));
    }
}
