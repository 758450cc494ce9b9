//! Each analytics call's answer, by the last segment of its path: exactly the keys FACTS.md lists, integers where
//! it says int and numbers written with a decimal point (`0.0`, never `0`) where it says num, as the vendor's
//! SDK reads them.
//!
//! Choices where the platform says nothing, all in sandbox/README.md: lists by day hold only days with something
//! to tell, oldest first; other lists are ordered by their figure, largest first, then by name; averages of
//! nothing are 0.0; `overallErrorRate` is a percentage (0 to 100); a request time is that of a finished request.

use std::cmp::Reverse;

use serde_json::{json, Value};

use super::lab::{Changes, LabReport};
use super::report::{Report, Sums, Usage};
use crate::clock::date;

/// A `requests/...` call.
pub struct RequestsCall {
    pub name: &'static str,
    /// Whether it takes `agentName` (FACTS.md lists it for these only): the rows of that assistant alone.
    pub takes_agent: bool,
    pub answer: fn(&Report) -> Value,
}

/// A `lab/...` call.
pub struct LabCall {
    pub name: &'static str,
    pub answer: fn(&LabReport) -> Value,
}

const fn call(name: &'static str, answer: fn(&Report) -> Value) -> RequestsCall {
    RequestsCall { name, takes_agent: false, answer }
}

const fn lab_call(name: &'static str, answer: fn(&LabReport) -> Value) -> LabCall {
    LabCall { name, answer }
}

const fn call_by_agent(name: &'static str, answer: fn(&Report) -> Value) -> RequestsCall {
    RequestsCall { name, takes_agent: true, answer }
}

pub const REQUESTS: &[RequestsCall] = &[
    call("total-cost", |r| json!({ "totalCost": r.total.sums.cost() })),
    call(
        "total-cost-per-day",
        |r| json!({ "totalCostPerDay": per_day(r, |day, u| json!({ "date": day, "totalCost": u.sums.cost() })) }),
    ),
    call("total-requests", |r| json!({ "totalRequests": r.total.sums.requests })),
    call_by_agent("total-requests-per-day", |r| {
        let item = |day, u: &Usage| json!({ "date": day, "totalRequests": u.sums.requests, "totalRequestsWithError": u.sums.failed });
        json!({ "totalRequestsPerDay": per_day(r, item) })
    }),
    call("total-requests-with-error", |r| json!({ "totalRequestsWithError": r.total.sums.failed })),
    call(
        "overall-error-rate",
        |r| json!({ "overallErrorRate": 100.0 * ratio(r.total.sums.failed as f64, r.total.sums.requests) }),
    ),
    call(
        "average-request-time",
        |r| json!({ "averageRequestTime": ratio(r.total.sums.elapsed_ms as f64, r.total.sums.finished()) }),
    ),
    call("total-request-time", |r| json!({ "time": r.total.sums.elapsed_ms as f64 / 3_600_000.0 })),
    call(
        "average-cost-per-request",
        |r| json!({ "averageCostPerRequest": ratio(r.total.sums.cost(), r.total.sums.requests) }),
    ),
    call("average-cost-per-user", |r| json!({ "averageCost": ratio(r.total.sums.cost(), r.total.users.len()) })),
    call("average-cost-per-user-per-date", |r| {
        let item = |day, u: &Usage| json!({ "date": day, "averageCost": ratio(u.sums.cost(), u.users.len()) });
        json!({ "averageCostPerUser": per_day(r, item) })
    }),
    call(
        "average-requests-per-day",
        |r| json!({ "averageRequests": ratio(r.total.sums.requests as f64, r.dates.len()) }),
    ),
    call(
        "average-requests-per-user",
        |r| json!({ "averageRequests": ratio(r.total.sums.requests as f64, r.total.users.len()) }),
    ),
    call("average-requests-per-user-per-date", |r| {
        let item =
            |day, u: &Usage| json!({ "date": day, "averageRequests": ratio(u.sums.requests as f64, u.users.len()) });
        json!({ "averageRequestsPerUser": per_day(r, item) })
    }),
    call("number-of-tokens", |r| tokens(&r.total.sums)),
    call("total-tokens", |r| tokens(&r.total.sums)),
    call("average-tokens-per-request", |r| {
        let (sums, requests) = (&r.total.sums, r.total.sums.requests);
        json!({
            "input": ratio(sums.input_tokens as f64, requests),
            "output": ratio(sums.output_tokens as f64, requests),
            "total": ratio(sums.tokens() as f64, requests),
        })
    }),
    call("number-of-tokens-per-agent", |r| {
        let mut models: Vec<_> = r.models.iter().collect();
        models.sort_by_key(|((agent, model), sums)| (Reverse(sums.tokens()), agent.as_str(), model.as_str()));
        let items: Vec<Value> = models
            .into_iter()
            .map(|((agent, model), sums)| {
                let mut item = tokens(sums);
                item["agent"] = json!(agent);
                item["model"] = json!(model);
                item
            })
            .collect();
        json!({ "numberOfTokens": items })
    }),
    call("number-of-tokens-per-day", |r| {
        let item = |day, u: &Usage| {
            let mut item = tokens(&u.sums);
            item["date"] = json!(day);
            item
        };
        json!({ "numberOfTokens": per_day(r, item) })
    }),
    call("top-10-agents-by-requests", |r| {
        let top = top_agents(r, |u| u.sums.requests);
        json!({ "top10Agents": list(top.map(|(agent, u)| json!({ "agent": agent, "totalRequests": u.sums.requests }))) })
    }),
    call("top-10-agents-by-tokens", |r| {
        let top = top_agents(r, |u| u.sums.tokens());
        json!({ "top10Agents": list(top.map(|(agent, u)| json!({ "agent": agent, "totalTokens": u.sums.tokens() }))) })
    }),
    call("top-10-users-by-cost", |r| {
        let top = top_users(r, |s| s.cost_units).take(10);
        json!({ "top10Users": list(top.map(|(user, s)| user_item(r, user, json!({ "totalCost": s.cost() })))) })
    }),
    call("top-10-users-by-requests", |r| {
        let top = top_users(r, |s| s.requests).take(10);
        json!({ "top10Users": list(top.map(|(user, s)| user_item(r, user, json!({ "totalRequests": s.requests })))) })
    }),
    call_by_agent("total-active-users", |r| json!({ "totalActiveUsers": r.total.users.len() })),
    call("total-active-projects", |r| json!({ "totalActiveProjects": r.projects.len() })),
    call("total-active-agents", |r| json!({ "totalActiveAgents": r.agents.len() })),
    call("average-users-per-agent", |r| {
        let users: u64 = r.agents.values().map(|u| u.users.len()).sum();
        json!({ "averageUsers": ratio(users as f64, r.agents.len() as u64) })
    }),
    call("average-users-per-project", |r| {
        let users: u64 = r.projects.iter().map(|u| u.len()).sum();
        json!({ "averageUsers": ratio(users as f64, r.projects.len() as u64) })
    }),
    call("agent-usage-per-user", |r| {
        let usage = top_users(r, |s| s.requests).map(|(user, s)| {
            user_item(r, user, json!({ "totalCost": s.cost(), "totalRequests": s.requests, "totalTokens": s.tokens() }))
        });
        json!({ "agentUsage": list(usage) })
    }),
];

pub const LAB: &[LabCall] = &[
    lab_call(
        "agents-created-and-modified",
        |r| json!({ "createdAgents": r.total.agents.created, "modifiedAgents": r.total.agents.modified }),
    ),
    lab_call("agents-created-and-modified-per-day", |r| {
        let item = |day, c: Changes| json!({ "date": day, "created": c.created, "modified": c.modified });
        json!({ "agents": lab_per_day(r, |a| a.agents, item) })
    }),
    lab_call(
        "flows-created-and-modified",
        |r| json!({ "createdFlows": r.total.flows.created, "modifiedFlows": r.total.flows.modified }),
    ),
    lab_call("flows-created-and-modified-per-day", |r| {
        let item = |day, c: Changes| json!({ "date": day, "createdFlows": c.created, "modifiedFlows": c.modified });
        json!({ "flowsCreatedAndModifiedPerDay": lab_per_day(r, |a| a.flows, item) })
    }),
    lab_call(
        "processes-created-and-modified",
        |r| json!({ "createdProcesses": r.total.processes.created, "modifiedProcesses": r.total.processes.modified }),
    ),
    lab_call("projects-created", |r| json!({ "createdProjects": r.projects_created })),
];

/// `a / b`, or 0.0 when there is nothing to divide by.
fn ratio(a: f64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a / b as f64
    }
}

fn list(items: impl Iterator<Item = Value>) -> Value {
    Value::Array(items.collect())
}

fn tokens(sums: &Sums) -> Value {
    json!({ "input": sums.input_tokens, "output": sums.output_tokens, "total": sums.tokens() })
}

/// One item per day with requests, oldest first, with its date as `YYYY-MM-DD`.
fn per_day(report: &Report, item: impl Fn(String, &Usage) -> Value) -> Vec<Value> {
    report.days.iter().map(|(&day, usage)| item(date(day), usage)).collect()
}

/// One item per day on which the lab changed some of what `part` picks, oldest first.
fn lab_per_day(
    report: &LabReport,
    part: impl Fn(&super::lab::Activity) -> Changes,
    item: impl Fn(String, Changes) -> Value,
) -> Vec<Value> {
    report.days.iter().filter(|(_, a)| !part(a).is_empty()).map(|(&day, a)| item(date(day), part(a))).collect()
}

/// The ten agents with the largest `figure`, ties by name.
fn top_agents(report: &Report, figure: impl Fn(&Usage) -> u64) -> impl Iterator<Item = (&String, &Usage)> {
    let mut agents: Vec<_> = report.agents.iter().collect();
    agents.sort_by_key(|(name, usage)| (Reverse(figure(usage)), name.as_str()));
    agents.into_iter().take(10)
}

/// The users with requests, by cast position, the largest `figure` first, ties by e-mail address.
fn top_users(report: &Report, figure: impl Fn(&Sums) -> u64) -> impl Iterator<Item = (usize, &Sums)> {
    let mut users: Vec<(usize, &Sums)> = report.users.iter().enumerate().filter(|(_, s)| s.requests > 0).collect();
    users.sort_by_key(|&(user, sums)| (Reverse(figure(sums)), &report.named[user].0));
    users.into_iter()
}

/// `{"user": e-mail, "userName": name}` and the figures.
fn user_item(report: &Report, user: usize, figures: Value) -> Value {
    let (email, name) = &report.named[user];
    let mut item = json!({ "user": email, "userName": name });
    if let (Value::Object(item), Value::Object(figures)) = (&mut item, figures) {
        item.extend(figures);
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_call_is_named_once() {
        let mut names: Vec<&str> = REQUESTS.iter().map(|c| c.name).chain(LAB.iter().map(|c| c.name)).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!((names.len(), count), (35, 35), "FACTS.md lists 29 requests/ calls and 6 lab/ ones");
        let by_agent: Vec<&str> = REQUESTS.iter().filter(|c| c.takes_agent).map(|c| c.name).collect();
        assert_eq!(by_agent, ["total-requests-per-day", "total-active-users"]);
    }
}
