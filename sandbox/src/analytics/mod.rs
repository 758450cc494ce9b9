//! The console's dashboards (`/v1/analytics/...`, FACTS.md "Analytics"): sums over the same generated request
//! logs that the export pages through and the usage limits count, so that every figure agrees with the export.
//!
//! - `selection`: which logs a call is about (one project, or the whole organization), copied out of the store.
//! - `daily`: what one log holds on one day, by assistant and user; counted once per day asked for, then kept.
//! - `report`: the sums over a range of days that the `requests/...` calls answer from.
//! - `lab`: agents, flows and processes created and modified per day (`lab/...`), seeded like the logs.
//! - `answers`: each call's JSON.
//!
//! Days are UTC dates, as the export's zone-less timestamps are UTC: a row counts on the date of its `timestamp`.

pub mod answers;
pub mod daily;
pub mod lab;
pub mod report;
pub mod selection;

use std::ops::{Range, RangeInclusive};

use crate::clock::DAY_MS;

/// The days a call asks about, `startDate` to `endDate` inclusive, as days since 1970-01-01. A start after the end
/// is allowed and holds no day: the platform answers it with zeros.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dates {
    pub first: i64,
    pub last: i64,
}

impl Dates {
    /// How many days there are.
    pub fn len(self) -> u64 {
        u64::try_from(self.last - self.first + 1).unwrap_or(0)
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Whether the instant falls on one of the days.
    pub fn contains(self, ms: i64) -> bool {
        (self.first..=self.last).contains(&ms.div_euclid(DAY_MS))
    }

    /// The days that share some instant with `instants` (such as a log's `requests::span`), oldest first: the
    /// only ones worth counting, however wide the range asked.
    pub fn within(self, instants: &Range<i64>) -> RangeInclusive<i64> {
        let first = self.first.max(instants.start.div_euclid(DAY_MS));
        let last = if instants.is_empty() { first - 1 } else { self.last.min((instants.end - 1).div_euclid(DAY_MS)) };
        first..=last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_cut_to_the_days_of_the_instants_and_a_reversed_one_is_empty() {
        let dates = Dates { first: 10, last: 20 };
        assert_eq!(dates.len(), 11);
        assert_eq!(dates.within(&(12 * DAY_MS + 5..15 * DAY_MS)), 12..=14, "the end is exclusive");
        assert_eq!(dates.within(&(0..100 * DAY_MS)), 10..=20);
        assert!(dates.within(&(30 * DAY_MS..31 * DAY_MS)).is_empty());
        assert!(dates.within(&(5..5)).is_empty());
        let reversed = Dates { first: 20, last: 10 };
        assert!(reversed.is_empty() && reversed.within(&(0..100 * DAY_MS)).is_empty());
        assert!(dates.contains(20 * DAY_MS + DAY_MS - 1) && !dates.contains(21 * DAY_MS));
    }
}
