//! Hybrid logical clock (Kulkarni et al.): a 64-bit value whose high 48 bits are milliseconds
//! since the Unix epoch and whose low 16 bits are a counter. Every op a replica writes gets a
//! value strictly greater than every value that replica has issued or seen, even when the wall
//! clock goes backwards, and values stay close to real time so they read as timestamps.

/// Bits reserved for the logical counter.
pub const COUNTER_BITS: u32 = 16;

/// Packs a wall-clock millisecond count into a clock value with counter 0.
pub fn from_millis(ms: u64) -> u64 {
    ms << COUNTER_BITS
}

/// The physical part of a clock value, in milliseconds since the Unix epoch.
pub fn millis(value: u64) -> u64 {
    value >> COUNTER_BITS
}

/// The clock of one replica: the last value it issued or observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hlc {
    last: u64,
}

impl Hlc {
    pub fn new(last: u64) -> Self {
        Hlc { last }
    }

    pub fn last(&self) -> u64 {
        self.last
    }

    /// The next value for a local event, given the wall clock in milliseconds.
    /// Strictly greater than anything issued or observed before.
    pub fn tick(&mut self, wall_ms: u64) -> u64 {
        self.last = from_millis(wall_ms).max(self.last.saturating_add(1));
        self.last
    }

    /// Takes a value seen in another replica's op into account, so that later local
    /// ticks order after it.
    pub fn observe(&mut self, remote: u64) {
        self.last = self.last.max(remote);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_follow_the_wall_clock() {
        let mut c = Hlc::new(0);
        let a = c.tick(1_000);
        assert_eq!(millis(a), 1_000);
        let b = c.tick(2_000);
        assert_eq!(millis(b), 2_000);
        assert!(b > a);
    }

    #[test]
    fn ticks_are_monotonic_when_the_wall_clock_goes_backwards() {
        let mut c = Hlc::new(0);
        let a = c.tick(5_000);
        let b = c.tick(4_000);
        let d = c.tick(4_000);
        assert!(b > a && d > b);
        // The physical part stays at the highest time seen.
        assert_eq!(millis(d), 5_000);
    }

    #[test]
    fn many_ticks_in_one_millisecond_stay_ordered() {
        let mut c = Hlc::new(0);
        let mut prev = 0;
        for _ in 0..200_000 {
            let v = c.tick(7);
            assert!(v > prev);
            prev = v;
        }
        // The counter overflowed into the physical part: still monotonic, slightly ahead.
        assert!(millis(prev) >= 7);
    }

    #[test]
    fn observing_a_remote_clock_orders_later_ticks_after_it() {
        let mut c = Hlc::new(from_millis(1_000));
        let remote = from_millis(9_000) + 3;
        c.observe(remote);
        let next = c.tick(1_001);
        assert!(next > remote);
        // Observing an older value changes nothing.
        let before = c.last();
        c.observe(5);
        assert_eq!(c.last(), before);
    }

    #[test]
    fn restarting_from_a_persisted_value_continues_the_order() {
        let mut c = Hlc::new(0);
        let a = c.tick(10_000);
        let mut reopened = Hlc::new(c.last());
        assert!(reopened.tick(9_000) > a);
    }
}
