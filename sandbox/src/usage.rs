//! What a usage limit has used, and the status that follows: counted from the request log whenever a limit is
//! shown, never stored, so `usedAmount` always agrees with the export.
//!
//! A limit counts the rows of its owner's log whose `timestamp` falls in `[validFrom, validUntil)`: every row for
//! `Requests` (failed and pending ones too: each was a request), the sum of their `cost` for `Cost` (a pending
//! row costs 0.0). An organization's limit counts the rows of every project it has now. "Now" is the store's
//! (`Store::now_ms`), fixed at seeding, as for everything created at run time.
//!
//! A period maps to a range of row indices (`requests::rows_between`), so a count costs about one hash per 37 s
//! of the period, however long the log: a monthly limit over a million-row log walks ~70,000 rows. Logs never
//! change once made, so each count is also kept (`CACHE`) and a page that shows many limits costs lookups.

use std::collections::HashMap;
use std::ops::Add;
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::model::{LimitStatus, Project, UsageLimit, UsageUnit};
use crate::requests::{billing, rows_between, COST_UNITS_PER_UNIT};
use crate::usage_limit::remaining;

/// What a log holds within a period: both units at once, so one walk serves any limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Used {
    pub requests: u64,
    /// The sum of the rows' `cost`, in `requests::COST_UNITS_PER_UNIT`ths: exact, whatever the number of rows.
    pub cost_units: u64,
}

impl Used {
    pub fn amount(self, unit: UsageUnit) -> f64 {
        match unit {
            UsageUnit::Requests => self.requests as f64,
            UsageUnit::Cost => self.cost_units as f64 / COST_UNITS_PER_UNIT,
        }
    }
}

impl Add for Used {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        Self { requests: self.requests + other.requests, cost_units: self.cost_units + other.cost_units }
    }
}

/// What one project's log holds within `[from_ms, until_ms)`. A project without assistants has an empty export
/// (`requests::page`), so it has used nothing either.
pub fn of_project(project: &Project, from_ms: i64, until_ms: i64) -> Used {
    if project.assistants.is_empty() || project.requests.count == 0 {
        return Used::default();
    }
    let log = &project.requests;
    let key = (log.seed, log.count, log.newest_ms, from_ms, until_ms);
    if let Some(used) = cache().get(&key) {
        return *used;
    }
    let used = rows_between(log, from_ms, until_ms)
        .map(|index| billing(log, index))
        .filter(|row| (from_ms..until_ms).contains(&row.started_ms))
        .fold(Used::default(), |used, row| Used {
            requests: used.requests + 1,
            cost_units: used.cost_units + row.cost_units,
        });
    let mut cache = cache();
    if cache.len() >= CACHE_CAPACITY {
        cache.clear();
    }
    cache.insert(key, used);
    used
}

/// What a limit shows beside its terms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evaluated {
    pub used_amount: f64,
    pub remaining_usage: f64,
    pub status: LimitStatus,
}

/// A limit's amounts and status at `now_ms` (the store's now), given what its owner's logs hold within its
/// period.
///
/// Cancelled stays Cancelled; a limit whose period has ended reads Expired (the sandbox does not renew one: a
/// Renewable limit's next period is a new limit a client posts); one whose usage reached its hard limit reads
/// Empty, and its owner's project-scope calls are refused (`Store::require_quota`); else Active.
pub fn evaluate(limit: &UsageLimit, used: Used, now_ms: i64) -> Evaluated {
    let used_amount = tidy(used.amount(limit.usage_unit));
    let status = match limit.status {
        LimitStatus::Cancelled => LimitStatus::Cancelled,
        LimitStatus::Expired => LimitStatus::Expired,
        LimitStatus::Active | LimitStatus::Empty if limit.valid_until_ms <= now_ms => LimitStatus::Expired,
        LimitStatus::Active | LimitStatus::Empty if used_amount >= limit.hard_limit => LimitStatus::Empty,
        LimitStatus::Active | LimitStatus::Empty => LimitStatus::Active,
    };
    Evaluated { used_amount, remaining_usage: tidy(remaining(limit.hard_limit, used_amount)), status }
}

/// Whether a limit still governs its owner: not cancelled and its period not over. The newest such is the one
/// `.../limits/active` answers, and the one a new limit replaces (cancels).
pub fn in_force(limit: &UsageLimit, now_ms: i64) -> bool {
    matches!(limit.status, LimitStatus::Active | LimitStatus::Empty) && now_ms < limit.valid_until_ms
}

/// Rounds off the binary noise of a difference of decimals (`100.0 - 12.34567` is `87.65433000000001`), so that
/// clients show what a person would write. Amounts are cents or requests, never finer than a billionth.
fn tidy(amount: f64) -> f64 {
    if amount.abs() < 1e6 {
        (amount * 1e9).round() / 1e9
    } else {
        amount
    }
}

/// A log (seed, length, newest request) and a period.
type Key = (u64, u64, i64, i64, i64);

/// Counts kept: each is a few bytes, and more than this many distinct periods means someone is exploring, so
/// starting over is fine.
const CACHE_CAPACITY: usize = 4_096;

static CACHE: OnceLock<Mutex<HashMap<Key, Used>>> = OnceLock::new();

fn cache() -> std::sync::MutexGuard<'static, HashMap<Key, Used>> {
    // A count is inserted whole or not at all, so a poisoned cache is still correct.
    CACHE.get_or_init(Mutex::default).lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{DAY_MS, LOG_EPOCH_MS, RUN_TIME_MS as NOW_MS};
    use crate::model::{Assistant, ProjectStatus, RenewalStatus, RequestLog, SubscriptionType};
    use crate::requests::{page, ExportQuery, Row, RowFields};
    use std::time::Instant;

    fn project(count: u64) -> Project {
        Project {
            id: "p".into(),
            name: "P".into(),
            description: String::new(),
            status: ProjectStatus::Active,
            administrator_user_email: None,
            usage_limits: Vec::new(),
            search_profiles: Vec::new(),
            tokens: Vec::new(),
            assistants: vec![Assistant { id: "a".into(), name: "A".into(), intents: Vec::new() }],
            requests: RequestLog { count, seed: 77, newest_ms: LOG_EPOCH_MS },
            roles: Vec::new(),
            members: Vec::new(),
        }
    }

    fn limit(unit: UsageUnit, hard: f64, from_ms: i64, until_ms: i64) -> UsageLimit {
        UsageLimit {
            id: "l".into(),
            subscription_type: SubscriptionType::Monthly,
            usage_unit: unit,
            soft_limit: hard / 2.0,
            hard_limit: hard,
            renewal_status: RenewalStatus::Renewable,
            status: LimitStatus::Active,
            valid_from_ms: from_ms,
            valid_until_ms: until_ms,
        }
    }

    #[test]
    fn usage_is_the_export_rows_of_the_period() {
        let project = project(3_000);
        let (from, until) = (LOG_EPOCH_MS - DAY_MS / 2, LOG_EPOCH_MS - DAY_MS / 8);
        let query = ExportQuery { count: 3_000, ..Default::default() };
        let rows = page(&project.requests, &project.assistants, &query, RowFields::WithSdkFields);
        let (mut requests, mut cost) = (0, 0.0);
        for row in &rows {
            let Row::WithSdkFields(row) = row else { panic!("an SDK row") };
            let started = crate::clock::parse_date_time(&row.start_timestamp).expect("a date-time");
            if (from..until).contains(&started) {
                requests += 1;
                cost += row.cost;
            }
        }
        let used = of_project(&project, from, until);
        assert!(requests > 500, "{requests}");
        assert_eq!(used.requests, requests);
        assert!((used.amount(UsageUnit::Cost) - cost).abs() < 1e-9, "{used:?} {cost}");
    }

    #[test]
    fn statuses_follow_the_amounts_and_the_dates() {
        let used = Used { requests: 100, cost_units: 250_000 };
        let future = NOW_MS + DAY_MS;
        let of = |l: UsageLimit| evaluate(&l, used, NOW_MS);
        let reached = of(limit(UsageUnit::Requests, 100.0, 0, future));
        assert_eq!((reached.status, reached.remaining_usage), (LimitStatus::Empty, 0.0));
        let under = of(limit(UsageUnit::Cost, 100.0, 0, future));
        assert_eq!((under.status, under.used_amount, under.remaining_usage), (LimitStatus::Active, 2.5, 97.5));
        assert_eq!(of(limit(UsageUnit::Requests, 100.0, 0, NOW_MS)).status, LimitStatus::Expired);
        let cancelled = UsageLimit { status: LimitStatus::Cancelled, ..limit(UsageUnit::Requests, 1.0, 0, future) };
        assert_eq!(of(cancelled.clone()).status, LimitStatus::Cancelled);
        assert!(!in_force(&cancelled, NOW_MS) && in_force(&limit(UsageUnit::Requests, 1.0, 0, future), NOW_MS));
        let old_empty = UsageLimit { status: LimitStatus::Empty, ..limit(UsageUnit::Cost, 100.0, 0, future) };
        assert_eq!(of(old_empty).status, LimitStatus::Active, "an Empty of an older state file is recomputed");
        let noisy =
            evaluate(&limit(UsageUnit::Cost, 100.0, 0, future), Used { requests: 1, cost_units: 1_234_567 }, NOW_MS);
        assert_eq!((noisy.used_amount, noisy.remaining_usage), (12.34567, 87.65433));
    }

    #[test]
    fn a_month_of_a_million_row_log_is_counted_in_milliseconds() {
        let project = project(1_000_000);
        let (from, until) = (LOG_EPOCH_MS - 30 * DAY_MS, NOW_MS);
        let started = Instant::now();
        let used = of_project(&project, from, until);
        let first = started.elapsed();
        assert!((69_000..71_000).contains(&used.requests), "{used:?}");
        // A behaviour bound, loose enough for an unoptimised build on a busy machine.
        assert!(first.as_millis() < 250, "counting took {first:?}");
        let started = Instant::now();
        assert_eq!(of_project(&project, from, until), used);
        assert!(started.elapsed().as_micros() < 1_000, "counted again: {:?}", started.elapsed());
    }
}
