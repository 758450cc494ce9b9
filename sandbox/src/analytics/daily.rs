//! What one log holds on one day, by assistant and user: the unit every analytics sum is made of.
//!
//! A day is counted from its own rows only (`requests::rows_between`, about 2,336 of them), the first time a call
//! asks for it, and kept (`CACHE`): logs never change once made, so a month of a million-row log costs its
//! 70,000 rows once and then 30 lookups, and the rows before and after it are never generated.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use crate::clock::DAY_MS;
use crate::model::RequestLog;
use crate::people::CAST_SIZE;
use crate::requests::{facts, rows_between, STATUSES};

/// What the rows of one day, one assistant and one user add up to. `u32` is plenty: a log has at most 2,336 rows
/// a day (one every 37 s), each of at most 4,999 cost units, 8,000 tokens a side and 9.2 s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub requests: u32,
    /// Rows whose `status` is `failed`: the analytics' requests with error.
    pub failed: u32,
    /// Rows whose `status` is `pending`: not finished, so their time (0 ms) is not a request time.
    pub pending: u32,
    /// The sum of their `cost`, in `requests::COST_UNITS_PER_UNIT`ths.
    pub cost_units: u32,
    pub input_tokens: u32,
    pub output_tokens: u32,
    /// The sum of their `elapsedTimeMs`.
    pub elapsed_ms: u32,
}

/// One day of one log.
#[derive(Debug, PartialEq, Eq)]
pub struct Day {
    /// By assistant, then by user (a position in the cast).
    cells: Vec<Cell>,
}

impl Day {
    pub fn cell(&self, assistant: usize, user: usize) -> &Cell {
        &self.cells[assistant * CAST_SIZE + user]
    }
}

/// Day `day` (days since 1970-01-01, UTC) of `log`, whose project has `assistants` assistants (at least one).
pub fn of(log: &RequestLog, assistants: usize, day: i64) -> Arc<Day> {
    let key = (log.seed, log.count, log.newest_ms, assistants, day);
    let slot = {
        let mut cache = cache();
        if cache.len() >= CACHE_CAPACITY && !cache.contains_key(&key) {
            cache.clear();
        }
        Arc::clone(cache.entry(key).or_default())
    };
    // Counted outside the cache's lock, once: calls that ask for the same day meanwhile wait for this count.
    Arc::clone(slot.get_or_init(|| Arc::new(count(log, assistants, day))))
}

fn count(log: &RequestLog, assistants: usize, day: i64) -> Day {
    let (from_ms, until_ms) = (day * DAY_MS, (day + 1) * DAY_MS);
    let mut cells = vec![Cell::default(); assistants * CAST_SIZE];
    for index in rows_between(log, from_ms, until_ms) {
        let row = facts(log, index, assistants);
        let billing = row.billing;
        if !(from_ms..until_ms).contains(&billing.started_ms) {
            continue;
        }
        let cell = &mut cells[row.assistant * CAST_SIZE + row.user];
        cell.requests += 1;
        match STATUSES[row.status] {
            "failed" => cell.failed += 1,
            "pending" => cell.pending += 1,
            _ => {}
        }
        cell.cost_units += billing.cost_units as u32;
        cell.input_tokens += row.input_tokens;
        cell.output_tokens += row.output_tokens;
        cell.elapsed_ms += (billing.ended_ms - billing.started_ms) as u32;
    }
    Day { cells }
}

/// A log (seed, length, newest request), its number of assistants, and a day.
type Key = (u64, u64, i64, usize, i64);

/// Days kept: one is 3.4 KB for four assistants, and the binary's organization has about 900 of them (8 logs
/// of 108 days). More than this many means someone is exploring, so starting over is fine.
const CACHE_CAPACITY: usize = 8_192;

type Slot = Arc<OnceLock<Arc<Day>>>;

static CACHE: OnceLock<Mutex<HashMap<Key, Slot>>> = OnceLock::new();

fn cache() -> MutexGuard<'static, HashMap<Key, Slot>> {
    // The map only holds slots, each filled whole or not at all, so a poisoned one is still correct.
    CACHE.get_or_init(Mutex::default).lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::LOG_EPOCH_MS;
    use crate::requests::{billing, facts};

    #[test]
    fn a_day_is_the_sum_of_the_rows_that_started_on_it() {
        let log = RequestLog { count: 6_000, seed: 21, newest_ms: LOG_EPOCH_MS };
        let day = LOG_EPOCH_MS / DAY_MS - 1;
        let counted = of(&log, 3, day);
        let mut expected = vec![Cell::default(); 3 * CAST_SIZE];
        for index in 0..log.count {
            let row = facts(&log, index, 3);
            if row.billing.started_ms.div_euclid(DAY_MS) != day {
                continue;
            }
            assert_eq!(row.billing, billing(&log, index));
            let cell = &mut expected[row.assistant * CAST_SIZE + row.user];
            cell.requests += 1;
            cell.failed += u32::from(row.status == 1);
            cell.pending += u32::from(row.status == 2);
            cell.cost_units += row.billing.cost_units as u32;
            cell.input_tokens += row.input_tokens;
            cell.output_tokens += row.output_tokens;
            cell.elapsed_ms += (row.billing.ended_ms - row.billing.started_ms) as u32;
        }
        assert_eq!(*counted, Day { cells: expected });
        let requests: u32 = counted.cells.iter().map(|c| c.requests).sum();
        assert!((2_300..2_400).contains(&requests), "a whole day: {requests}");
        assert!(Arc::ptr_eq(&counted, &of(&log, 3, day)), "kept");
    }
}
