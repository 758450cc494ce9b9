//! The lab's activity (`lab/...`): agents, flows and processes created and modified per day, and projects created.
//!
//! Nothing in the sandbox creates agents, flows or processes, so the activity is seeded as the request logs are:
//! a pure function of a project's log seed and the day, over the days its log covers. The same project is then
//! as busy on the same days every time, and the lab and the requests tell of the same stretch of time.

use std::collections::BTreeMap;
use std::ops::AddAssign;

use super::selection::Selection;
use super::Dates;
use crate::model::RequestLog;
use crate::random::mix;
use crate::requests::span;

/// How many things were created and modified.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub created: u64,
    pub modified: u64,
}

impl Changes {
    pub fn is_empty(self) -> bool {
        self.created == 0 && self.modified == 0
    }
}

/// One project's (or a selection's) lab activity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Activity {
    pub agents: Changes,
    pub flows: Changes,
    pub processes: Changes,
}

impl AddAssign for Changes {
    fn add_assign(&mut self, other: Self) {
        self.created += other.created;
        self.modified += other.modified;
    }
}

impl AddAssign for Activity {
    fn add_assign(&mut self, other: Self) {
        self.agents += other.agents;
        self.flows += other.flows;
        self.processes += other.processes;
    }
}

/// Mixed into a log's seed for its lab activity, so that it draws on no other seeded value.
const LAB_STREAM: u64 = 0x6c61_6200_0000_0000;

/// What a project did in the lab on `day` (days since 1970-01-01): agents are created on three days in ten (one
/// or two) and modified up to five times a day; a flow is created on one day in ten and modified up to three
/// times; a process is created on one day in twenty and modified up to twice.
pub fn of_day(log: &RequestLog, day: i64) -> Activity {
    let h = mix(log.seed ^ LAB_STREAM ^ (day as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let digit = |shift: u32, base: u64| (h >> shift) % base;
    Activity {
        agents: Changes {
            created: match digit(0, 10) {
                0..7 => 0,
                7 | 8 => 1,
                _ => 2,
            },
            modified: digit(8, 6),
        },
        flows: Changes { created: u64::from(digit(16, 10) == 0), modified: digit(24, 4) },
        processes: Changes { created: u64::from(digit(32, 20) == 0), modified: digit(40, 3) },
    }
}

/// A selection's lab activity within some dates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabReport {
    pub total: Activity,
    /// By day, oldest first; only days with some activity.
    pub days: BTreeMap<i64, Activity>,
    /// Projects of the selection created within the dates.
    pub projects_created: u64,
}

pub fn report(selection: &Selection, dates: Dates) -> LabReport {
    let mut report = LabReport::default();
    for source in &selection.projects {
        report.projects_created += u64::from(dates.contains(source.created_ms));
        let Some(instants) = span(&source.log) else { continue };
        for day in dates.within(&instants) {
            let activity = of_day(&source.log, day);
            if activity != Activity::default() {
                *report.days.entry(day).or_default() += activity;
                report.total += activity;
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::selection::Source;
    use crate::clock::{DAY_MS, LOG_EPOCH_MS};

    #[test]
    fn activity_is_seeded_per_day_over_the_days_of_the_log_and_adds_up() {
        let log = RequestLog { count: 100_000, seed: 5, newest_ms: LOG_EPOCH_MS };
        let selection = Selection {
            projects: vec![Source { log, agents: Vec::new(), created_ms: LOG_EPOCH_MS }],
            ..Selection::default()
        };
        let last = LOG_EPOCH_MS / DAY_MS;
        let report = report(&selection, Dates { first: last - 29, last: last + 10 });
        assert_eq!(report, super::report(&selection, Dates { first: last - 29, last: last + 10 }));
        assert!(report.days.keys().all(|&d| d <= last), "none after the log ends");
        assert!(report.days.len() > 20, "most days: {}", report.days.len());
        let mut sum = Activity::default();
        report.days.values().for_each(|a| sum += *a);
        assert_eq!(sum, report.total);
        assert!(
            report.total.agents.created > 0 && report.total.flows.created > 0 && report.total.processes.modified > 0
        );
        assert_eq!(report.projects_created, 1);
        let empty = super::report(&selection, Dates { first: last, last: last - 1 });
        assert_eq!(empty, LabReport::default());
    }
}
