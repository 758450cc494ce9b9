//! The sums the `requests/...` calls answer from: one walk over the days of a selection, by day, agent, model,
//! user and project. A call's whole answer costs a few thousand additions once its days are counted (`daily`).

use std::collections::BTreeMap;
use std::ops::AddAssign;

use super::daily::{self, Cell};
use super::selection::Selection;
use super::Dates;
use crate::people::CAST_SIZE;
use crate::requests::{span, COST_UNITS_PER_UNIT};

/// What some rows add up to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sums {
    pub requests: u64,
    pub failed: u64,
    pub pending: u64,
    pub cost_units: u64,
    pub input_tokens: u64,
    pub output_tokens: u64,
    pub elapsed_ms: u64,
}

impl Sums {
    /// In USD, as the export's `cost`: the exact sum, divided once.
    pub fn cost(&self) -> f64 {
        self.cost_units as f64 / COST_UNITS_PER_UNIT
    }

    pub fn tokens(&self) -> u64 {
        self.input_tokens + self.output_tokens
    }

    /// Requests that ended, failed or not: those whose time is a request time.
    pub fn finished(&self) -> u64 {
        self.requests - self.pending
    }
}

impl AddAssign<&Cell> for Sums {
    fn add_assign(&mut self, cell: &Cell) {
        self.requests += u64::from(cell.requests);
        self.failed += u64::from(cell.failed);
        self.pending += u64::from(cell.pending);
        self.cost_units += u64::from(cell.cost_units);
        self.input_tokens += u64::from(cell.input_tokens);
        self.output_tokens += u64::from(cell.output_tokens);
        self.elapsed_ms += u64::from(cell.elapsed_ms);
    }
}

impl AddAssign for Sums {
    fn add_assign(&mut self, other: Self) {
        self.requests += other.requests;
        self.failed += other.failed;
        self.pending += other.pending;
        self.cost_units += other.cost_units;
        self.input_tokens += other.input_tokens;
        self.output_tokens += other.output_tokens;
        self.elapsed_ms += other.elapsed_ms;
    }
}

/// Who sent some rows: positions in the cast, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Users(u64);

const _: () = assert!(CAST_SIZE <= 64, "a user is a bit of a u64");

impl Users {
    pub fn len(self) -> u64 {
        u64::from(self.0.count_ones())
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn contains(self, user: usize) -> bool {
        self.0 & (1 << user) != 0
    }
}

/// Sums and who they are of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub sums: Sums,
    pub users: Users,
}

impl Usage {
    fn add(&mut self, cell: &Cell, user: usize) {
        self.sums += cell;
        self.users.0 |= 1 << user;
    }
}

impl AddAssign for Usage {
    fn add_assign(&mut self, other: Self) {
        self.sums += other.sums;
        self.users.0 |= other.users.0;
    }
}

/// The rows of a selection within some dates, summed every way an answer reads them.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub dates: Dates,
    pub total: Usage,
    /// By day (days since 1970-01-01), oldest first; only days with requests.
    pub days: BTreeMap<i64, Usage>,
    /// By assistant name, only those with requests. Same-named assistants of different projects are one agent:
    /// answers name agents by name alone, as `agentName` picks them.
    pub agents: BTreeMap<String, Usage>,
    /// By assistant name and model.
    pub models: BTreeMap<(String, String), Sums>,
    /// By position in the cast; `CAST_SIZE` of them.
    pub users: Vec<Sums>,
    /// Who they are: e-mail address and name, by the same position.
    pub named: Vec<(String, String)>,
    /// The users of each project with requests.
    pub projects: Vec<Users>,
}

/// The rows of `selection` that started within `dates`; with `agent`, only those of assistants of that name.
pub fn report(selection: &Selection, dates: Dates, agent: Option<&str>) -> Report {
    let mut report = Report {
        dates,
        total: Usage::default(),
        days: BTreeMap::new(),
        agents: BTreeMap::new(),
        models: BTreeMap::new(),
        users: vec![Sums::default(); CAST_SIZE],
        named: (0..CAST_SIZE).map(|position| selection.user(position)).collect(),
        projects: Vec::new(),
    };
    for source in &selection.projects {
        // A project without assistants exports nothing (`requests::page`), so it has nothing to count either.
        let (Some(instants), false) = (span(&source.log), source.agents.is_empty()) else { continue };
        let chosen: Vec<usize> =
            (0..source.agents.len()).filter(|&a| agent.is_none_or(|name| source.agents[a].name == name)).collect();
        let mut by_agent = vec![Usage::default(); source.agents.len()];
        let mut project = Usage::default();
        for day in dates.within(&instants) {
            let counted = daily::of(&source.log, source.agents.len(), day);
            let mut that_day = Usage::default();
            for &assistant in &chosen {
                for user in 0..CAST_SIZE {
                    let cell = counted.cell(assistant, user);
                    if cell.requests > 0 {
                        that_day.add(cell, user);
                        by_agent[assistant].add(cell, user);
                        report.users[user] += cell;
                    }
                }
            }
            if that_day.sums.requests > 0 {
                *report.days.entry(day).or_default() += that_day;
                project += that_day;
            }
        }
        for (assistant, usage) in by_agent.into_iter().enumerate().filter(|(_, u)| u.sums.requests > 0) {
            let agent = &source.agents[assistant];
            *report.agents.entry(agent.name.clone()).or_default() += usage;
            *report.models.entry((agent.name.clone(), agent.model.clone())).or_default() += usage.sums;
        }
        if project.sums.requests > 0 {
            report.projects.push(project.users);
            report.total += project;
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::selection::{Agent, Source};
    use crate::clock::{DAY_MS, LOG_EPOCH_MS};
    use crate::model::RequestLog;
    use crate::requests::facts;

    fn source(seed: u64, names: &[&str]) -> Source {
        let agents = names.iter().map(|n| Agent { name: n.to_string(), model: format!("model-{seed}") }).collect();
        Source { log: RequestLog { count: 8_000, seed, newest_ms: LOG_EPOCH_MS }, agents, created_ms: 0 }
    }

    /// The sums of the rows of `source` that started on `days`, by brute force.
    fn brute(source: &Source, days: &Dates, agent: Option<&str>) -> Sums {
        let mut sums = Sums::default();
        for index in 0..source.log.count {
            let row = facts(&source.log, index, source.agents.len());
            if !days.contains(row.billing.started_ms) || agent.is_some_and(|a| source.agents[row.assistant].name != a) {
                continue;
            }
            let cell = Cell {
                requests: 1,
                failed: u32::from(row.status == 1),
                pending: u32::from(row.status == 2),
                cost_units: row.billing.cost_units as u32,
                input_tokens: row.input_tokens,
                output_tokens: row.output_tokens,
                elapsed_ms: (row.billing.ended_ms - row.billing.started_ms) as u32,
            };
            sums += &cell;
        }
        sums
    }

    #[test]
    fn sums_are_those_of_the_rows_and_same_named_agents_of_two_projects_are_one() {
        let selection =
            Selection { projects: vec![source(1, &["A", "B"]), source(2, &["B", "C", "D"])], ..Selection::default() };
        let last = LOG_EPOCH_MS / DAY_MS;
        let dates = Dates { first: last - 2, last };
        let report = report(&selection, dates, None);
        let both = |agent| {
            let mut sums = brute(&selection.projects[0], &dates, agent);
            sums += brute(&selection.projects[1], &dates, agent);
            sums
        };
        assert_eq!(report.total.sums, both(None));
        assert!(report.total.sums.requests > 10_000 && report.total.sums.failed > 0, "{:?}", report.total);
        assert_eq!(report.agents.keys().collect::<Vec<_>>(), ["A", "B", "C", "D"]);
        assert_eq!(report.agents["B"].sums, both(Some("B")));
        assert_eq!(report.models.len(), 5, "B has two models");
        let by_day: Sums = report.days.values().fold(Sums::default(), |mut a, u| {
            a += u.sums;
            a
        });
        assert_eq!(by_day, report.total.sums);
        assert_eq!(report.days.len(), 3);
        let by_user: u64 = report.users.iter().map(|s| s.requests).sum();
        assert_eq!(by_user, report.total.sums.requests);
        assert_eq!(report.projects.len(), 2);

        let only_b = super::report(&selection, dates, Some("B"));
        assert_eq!(only_b.total.sums, both(Some("B")));
        assert_eq!(only_b.agents.keys().collect::<Vec<_>>(), ["B"]);
        assert_eq!(super::report(&selection, dates, Some("Nobody")).total, Usage::default());
    }

    #[test]
    fn a_reversed_or_faraway_range_and_a_project_without_assistants_sum_to_nothing() {
        let selection = Selection { projects: vec![source(1, &["A"]), source(3, &[])], ..Selection::default() };
        let last = LOG_EPOCH_MS / DAY_MS;
        for dates in [Dates { first: last, last: last - 1 }, Dates { first: last + 1, last: last + 400 }] {
            let report = report(&selection, dates, None);
            assert_eq!((report.total, report.days.len(), report.projects.len()), (Usage::default(), 0, 0));
        }
        let one_day = report(&selection, Dates { first: last, last }, None);
        assert_eq!(one_day.projects.len(), 1);
    }
}
