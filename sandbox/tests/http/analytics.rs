//! The analytics (`/v1/analytics/...`): every call's keys and types, dates, scopes, `agentName`, the agreement
//! with the export, the users, the top tens, the clock that ends now, faults, the journal, CORS, and speed.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::common::{allowed_headers, small, start, Answer, Running};
use geai_sandbox::analytics::answers::{LAB, REQUESTS};
use geai_sandbox::clock::{date, wall_ms, DAY_MS};
use geai_sandbox::config::{Config, Dialect, LogEnd, SeedConfig};
use reqwest::Method;
use serde_json::Value;

/// A JSON value's kind as FACTS.md lists it.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Int,
    Num,
    Text,
    /// A list of objects with exactly these keys.
    List(&'static [(&'static str, Kind)]),
}

use Kind::{Int, List, Num, Text};

const TOKENS: &[(&str, Kind)] = &[("input", Int), ("output", Int), ("total", Int)];

/// Every call, with the keys of its answer (FACTS.md, "Analytics"; for the per-user-per-date lists, the sandbox
/// leaves out the optional `user` and `userName`: its items are per date).
const SHAPES: &[(&str, &[(&str, Kind)])] = &[
    ("requests/total-cost", &[("totalCost", Num)]),
    ("requests/total-cost-per-day", &[("totalCostPerDay", List(&[("date", Text), ("totalCost", Num)]))]),
    ("requests/total-requests", &[("totalRequests", Int)]),
    (
        "requests/total-requests-per-day",
        &[("totalRequestsPerDay", List(&[("date", Text), ("totalRequests", Int), ("totalRequestsWithError", Int)]))],
    ),
    ("requests/total-requests-with-error", &[("totalRequestsWithError", Int)]),
    ("requests/overall-error-rate", &[("overallErrorRate", Num)]),
    ("requests/average-request-time", &[("averageRequestTime", Num)]),
    ("requests/total-request-time", &[("time", Num)]),
    ("requests/average-cost-per-request", &[("averageCostPerRequest", Num)]),
    ("requests/average-cost-per-user", &[("averageCost", Num)]),
    (
        "requests/average-cost-per-user-per-date",
        &[("averageCostPerUser", List(&[("date", Text), ("averageCost", Num)]))],
    ),
    ("requests/average-requests-per-day", &[("averageRequests", Num)]),
    ("requests/average-requests-per-user", &[("averageRequests", Num)]),
    (
        "requests/average-requests-per-user-per-date",
        &[("averageRequestsPerUser", List(&[("date", Text), ("averageRequests", Num)]))],
    ),
    ("requests/number-of-tokens", TOKENS),
    ("requests/total-tokens", TOKENS),
    ("requests/average-tokens-per-request", &[("input", Num), ("output", Num), ("total", Num)]),
    (
        "requests/number-of-tokens-per-agent",
        &[(
            "numberOfTokens",
            List(&[("agent", Text), ("model", Text), ("input", Int), ("output", Int), ("total", Int)]),
        )],
    ),
    (
        "requests/number-of-tokens-per-day",
        &[("numberOfTokens", List(&[("date", Text), ("input", Int), ("output", Int), ("total", Int)]))],
    ),
    ("requests/top-10-agents-by-requests", &[("top10Agents", List(&[("agent", Text), ("totalRequests", Int)]))]),
    ("requests/top-10-agents-by-tokens", &[("top10Agents", List(&[("agent", Text), ("totalTokens", Int)]))]),
    (
        "requests/top-10-users-by-cost",
        &[("top10Users", List(&[("user", Text), ("userName", Text), ("totalCost", Num)]))],
    ),
    (
        "requests/top-10-users-by-requests",
        &[("top10Users", List(&[("user", Text), ("userName", Text), ("totalRequests", Int)]))],
    ),
    ("requests/total-active-users", &[("totalActiveUsers", Int)]),
    ("requests/total-active-projects", &[("totalActiveProjects", Int)]),
    ("requests/total-active-agents", &[("totalActiveAgents", Int)]),
    ("requests/average-users-per-agent", &[("averageUsers", Num)]),
    ("requests/average-users-per-project", &[("averageUsers", Num)]),
    (
        "requests/agent-usage-per-user",
        &[(
            "agentUsage",
            List(&[
                ("user", Text),
                ("userName", Text),
                ("totalCost", Num),
                ("totalRequests", Int),
                ("totalTokens", Int),
            ]),
        )],
    ),
    ("lab/agents-created-and-modified", &[("createdAgents", Int), ("modifiedAgents", Int)]),
    (
        "lab/agents-created-and-modified-per-day",
        &[("agents", List(&[("date", Text), ("created", Int), ("modified", Int)]))],
    ),
    ("lab/flows-created-and-modified", &[("createdFlows", Int), ("modifiedFlows", Int)]),
    (
        "lab/flows-created-and-modified-per-day",
        &[("flowsCreatedAndModifiedPerDay", List(&[("date", Text), ("createdFlows", Int), ("modifiedFlows", Int)]))],
    ),
    ("lab/processes-created-and-modified", &[("createdProcesses", Int), ("modifiedProcesses", Int)]),
    ("lab/projects-created", &[("createdProjects", Int)]),
];

/// The day of the newest request of the sandbox's logs (days since 1970-01-01).
fn last_day(api: &Running) -> i64 {
    api.sandbox.read(|s| s.projects[0].requests.newest_ms).div_euclid(DAY_MS)
}

/// `GET /v1/analytics/{call}?startDate&endDate[&more]` with the token and headers given.
async fn analytics(
    api: &Running,
    call: &str,
    token: &str,
    dates: (i64, i64),
    more: &str,
    headers: &[(&str, &str)],
) -> Answer {
    let path = format!("/v1/analytics/{call}?startDate={}&endDate={}{more}", date(dates.0), date(dates.1));
    api.call_with(Method::GET, &path, token, None, headers).await
}

/// A call's answer, which must be a 200.
async fn ok(api: &Running, call: &str, token: &str, dates: (i64, i64), more: &str, headers: &[(&str, &str)]) -> Value {
    let answer = analytics(api, call, token, dates, more, headers).await;
    assert_eq!(answer.status, 200, "{call}: {}", answer.body);
    answer.body
}

fn check(call: &str, value: &Value, kind: Kind) {
    let fits = match kind {
        Int => value.is_u64(),
        Num => value.is_f64(),
        Text => value.as_str().is_some_and(|t| !t.is_empty()),
        List(keys) => {
            let items = value.as_array().unwrap_or_else(|| panic!("{call}: a list, not {value}"));
            for item in items {
                shape(call, item, keys);
            }
            true
        }
    };
    assert!(fits, "{call}: {value} is not {kind:?}");
}

/// The answer has exactly these keys, each of its kind.
fn shape(call: &str, answer: &Value, keys: &[(&str, Kind)]) {
    let object = answer.as_object().unwrap_or_else(|| panic!("{call}: an object, not {answer}"));
    let mut names: Vec<&str> = object.keys().map(String::as_str).collect();
    let mut expected: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
    names.sort_unstable();
    expected.sort_unstable();
    assert_eq!(names, expected, "{call}: {answer}");
    for (key, kind) in keys {
        check(call, &answer[key], *kind);
    }
}

/// The list of an answer of one key.
fn list<'a>(answer: &'a Value, key: &str) -> &'a Vec<Value> {
    answer[key].as_array().unwrap_or_else(|| panic!("no list {key} in {answer}"))
}

#[tokio::test]
async fn every_call_answers_its_keys_with_their_types() {
    let api = start(small()).await;
    let named: Vec<String> = REQUESTS
        .iter()
        .map(|c| format!("requests/{}", c.name))
        .chain(LAB.iter().map(|c| format!("lab/{}", c.name)))
        .collect();
    let shaped: Vec<&str> = SHAPES.iter().map(|(call, _)| *call).collect();
    assert_eq!(named, shaped, "every call of the sandbox has its shape here");

    let token = api.organization_token();
    let last = last_day(&api);
    for (call, keys) in SHAPES {
        let answer = ok(&api, call, &token, (last - 400, last), "", &[]).await;
        shape(call, &answer, keys);
        for (key, kind) in *keys {
            if let List(_) = kind {
                assert!(!list(&answer, key).is_empty(), "{call}: something to list");
            }
        }
    }
}

#[tokio::test]
async fn a_missing_or_malformed_date_is_refused_with_error_9() {
    let api = start(small()).await;
    let token = api.organization_token();
    let call = "/v1/analytics/requests/total-cost";
    for (field, query) in [
        ("startDate", "endDate=2025-11-20"),
        ("startDate", "startDate=&endDate=2025-11-20"),
        ("startDate", "startDate=2024/01/01&endDate=2025-11-20"),
        ("startDate", "startDate=invalid-date&endDate=2025-11-20"),
        ("startDate", "startDate=2025-02-30&endDate=2025-11-20"),
        ("startDate", "startDate=2025-11-20T00:00&endDate=x"),
        ("endDate", "startDate=2025-11-01"),
        ("endDate", "startDate=2025-11-01&endDate="),
        ("endDate", "startDate=2025-11-01&endDate=2024/01/01"),
        ("endDate", "startDate=2025-11-01&endDate=invalid-date"),
    ] {
        let answer = api.get(&format!("{call}?{query}"), &token).await;
        let (id, text) = answer.error();
        assert_eq!((answer.status, id), (400, 9), "{query}: {}", answer.body);
        assert!(text.contains(&format!("{field} is required")), "{query}: {text}");
    }
    let lab = api.get("/v1/analytics/lab/projects-created?startDate=2025-11-01", &token).await;
    assert_eq!((lab.status, lab.error().0), (400, 9));
    let any_case = api.get(&format!("{call}?STARTDATE=2025-11-01&enddate=2025-11-20"), &token).await;
    assert_eq!(any_case.status, 200, "parameter names are matched ignoring case, as the export's");
}

#[tokio::test]
async fn a_start_after_the_end_answers_zeros_and_empty_lists() {
    let api = start(small()).await;
    let token = api.organization_token();
    let last = last_day(&api);
    for (call, keys) in SHAPES {
        let answer = ok(&api, call, &token, (last, last - 1), "", &[]).await;
        shape(call, &answer, keys);
        for (key, kind) in *keys {
            match kind {
                List(_) => assert!(list(&answer, key).is_empty(), "{call}: {answer}"),
                _ => assert_eq!(answer[key].as_f64(), Some(0.0), "{call}: {answer}"),
            }
        }
    }
}

#[tokio::test]
async fn tokens_and_headers_decide_what_is_seen() {
    let api = start(small()).await;
    let organization = api.organization_token();
    let (support, sales) = (api.project_id("Customer Support"), api.project_id("Sales Assistant"));
    let support_token = api.project_token("Customer Support");
    let last = last_day(&api);
    let dates = (last - 30, last);
    let total = |body: Value| body["totalRequests"].as_u64().expect("a count");
    let requests = "requests/total-requests";

    let whole = total(ok(&api, requests, &organization, dates, "", &[]).await);
    assert_eq!(whole, 8 * 300, "every project's log: 8 projects of 300 requests");
    let one = total(ok(&api, requests, &organization, dates, "", &[("ProjectId", &support)]).await);
    let own = total(ok(&api, requests, &support_token, dates, "", &[]).await);
    let named = total(ok(&api, requests, &support_token, dates, "", &[("ProjectId", &support)]).await);
    assert_eq!((one, own, named), (300, 300, 300));
    let organization_id = api.organization_id();
    let both = [("OrganizationId", organization_id.as_str()), ("ProjectId", support.as_str())];
    assert_eq!(total(ok(&api, requests, &support_token, dates, "", &both).await), 300);
    let header_names_ignore_case = [("organizationid", organization_id.as_str())];
    assert_eq!(total(ok(&api, requests, &organization, dates, "", &header_names_ignore_case).await), whole);

    for (token, headers, expected) in [
        (&support_token, vec![("ProjectId", sales.as_str())], (403, 7)),
        (&support_token, vec![("ProjectId", "00000000-0000-4000-8000-000000000000")], (404, 2005)),
        (&organization, vec![("ProjectId", "00000000-0000-4000-8000-000000000000")], (404, 2005)),
        (&organization, vec![("OrganizationId", "00000000-0000-4000-8000-000000000000")], (403, 7)),
        (&support_token, vec![("OrganizationId", "another")], (403, 7)),
    ] {
        let answer = analytics(&api, requests, token, dates, "", &headers).await;
        assert_eq!((answer.status, answer.error().0), expected, "{headers:?}");
    }
    assert_eq!(analytics(&api, requests, "nope", dates, "", &[]).await.status, 401);

    // A project whose limit is reached is refused its export but not its analytics.
    let chatbot = api.project_token("Legacy Chatbot");
    assert_eq!(api.get("/v1/organization/request/export", &chatbot).await.status, 429);
    assert_eq!(total(ok(&api, requests, &chatbot, dates, "", &[]).await), 300);
}

#[tokio::test]
async fn agent_name_picks_one_assistant_where_the_call_takes_it() {
    let api = start(small()).await;
    let token = api.project_token("Customer Support");
    let last = last_day(&api);
    let dates = (last - 1, last);
    let per_day = |body: &Value| -> u64 {
        list(body, "totalRequestsPerDay").iter().map(|d| d["totalRequests"].as_u64().unwrap()).sum()
    };
    let all = ok(&api, "requests/total-requests-per-day", &token, dates, "", &[]).await;
    let mut by_agent = 0;
    for agent in ["Helpdesk", "Summarizer", "Translator", "Classifier"] {
        let more = format!("&agentName={agent}");
        let one = ok(&api, "requests/total-requests-per-day", &token, dates, &more, &[]).await;
        assert!(per_day(&one) > 0 && per_day(&one) < per_day(&all), "{agent}");
        by_agent += per_day(&one);
        let users = ok(&api, "requests/total-active-users", &token, dates, &more, &[]).await;
        assert!(users["totalActiveUsers"].as_u64().unwrap() > 0, "{agent}");
    }
    assert_eq!(by_agent, per_day(&all), "the four assistants share the rows");
    let nobody = ok(&api, "requests/total-requests-per-day", &token, dates, "&agentName=Nobody", &[]).await;
    assert!(list(&nobody, "totalRequestsPerDay").is_empty());
    let users = ok(&api, "requests/total-active-users", &token, dates, "&agentName=Nobody", &[]).await;
    assert_eq!(users["totalActiveUsers"], 0);
    let cost = ok(&api, "requests/total-requests", &token, dates, "&agentName=Nobody", &[]).await;
    assert_eq!(cost["totalRequests"], 300, "calls FACTS.md lists without agentName ignore it");
}

/// What the export's rows of one day (or one assistant's) add up to.
#[derive(Debug, Default, PartialEq)]
struct Tally {
    requests: u64,
    failed: u64,
    cost: f64,
    finished: u64,
    elapsed_ms: u64,
}

impl Tally {
    fn add(&mut self, row: &Value) {
        self.requests += 1;
        self.failed += u64::from(row["status"] == "failed");
        self.cost += row["cost"].as_f64().expect("a cost");
        if row["status"] != "pending" {
            self.finished += 1;
            self.elapsed_ms += row["elapsedTimeMs"].as_u64().expect("a time");
        }
    }
}

/// Every row of the project's export, paged through as a client must (a short page is the last).
async fn export(api: &Running, token: &str) -> Vec<Value> {
    let mut rows = Vec::new();
    loop {
        let page = api.get(&format!("/v1/organization/request/export?skip={}&count=2000", rows.len()), token).await;
        let items = page.body["items"].as_array().expect("items").clone();
        let last = items.len() < 2000;
        rows.extend(items);
        if last {
            return rows;
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[tokio::test]
async fn the_figures_agree_with_the_export_in_total_per_day_and_per_assistant() {
    let config = Config {
        seed: SeedConfig { projects: 2, requests_per_project: 7_000, log_end: LogEnd::Now, ..SeedConfig::default() },
        ..Config::default()
    };
    let api = start(config).await;
    api.lift_usage_limits();
    let token = api.project_token("Customer Support");
    let rows = export(&api, &token).await;
    assert_eq!(rows.len(), 7_000);
    for hidden in ["user", "userName", "inputTokens", "outputTokens", "tokens"] {
        assert!(rows.iter().all(|r| r.get(hidden).is_none()), "the export keeps {hidden} behind");
    }

    let mut days: BTreeMap<String, Tally> = BTreeMap::new();
    let mut assistants: BTreeMap<(String, String), Tally> = BTreeMap::new();
    for row in &rows {
        let day = row["timestamp"].as_str().expect("a timestamp")[..10].to_string();
        days.entry(day.clone()).or_default().add(row);
        assistants.entry((row["assistant"].as_str().unwrap().to_string(), day)).or_default().add(row);
    }
    // The log ends when the sandbox was seeded: today, unless that was in the 40 s after midnight (UTC), when the
    // newest request may have started the day before.
    let today = wall_ms().div_euclid(DAY_MS);
    let newest = days.keys().last().expect("rows");
    assert!(*newest == date(today) || *newest == date(today - 1), "the log ends today: {newest}");
    assert!(days.len() >= 3, "{:?}", days.keys());

    let last = last_day(&api);
    // Whole days: the first of the log and the range around it; then the middle days alone.
    for dates in [(last - 10, last), (last - 1, last - 1), (last - 2, last - 1)] {
        let within: Vec<&Tally> =
            days.iter().filter(|(d, _)| (date(dates.0)..=date(dates.1)).contains(*d)).map(|(_, t)| t).collect();
        let requests: u64 = within.iter().map(|t| t.requests).sum();
        let failed: u64 = within.iter().map(|t| t.failed).sum();
        let cost: f64 = within.iter().map(|t| t.cost).sum();
        let finished: u64 = within.iter().map(|t| t.finished).sum();
        let elapsed: u64 = within.iter().map(|t| t.elapsed_ms).sum();
        let figure = |body: Value, key: &str| body[key].as_f64().unwrap_or_else(|| panic!("{key} in {body}"));
        let get = |call: &'static str| ok(&api, call, &token, dates, "", &[]);
        assert_eq!(figure(get("requests/total-requests").await, "totalRequests"), requests as f64, "{dates:?}");
        assert_eq!(figure(get("requests/total-requests-with-error").await, "totalRequestsWithError"), failed as f64);
        assert!(close(figure(get("requests/total-cost").await, "totalCost"), cost), "{dates:?}");
        let rate = figure(get("requests/overall-error-rate").await, "overallErrorRate");
        assert!(close(rate, 100.0 * failed as f64 / requests as f64) && rate > 1.0, "a percentage: {rate}");
        let average = figure(get("requests/average-request-time").await, "averageRequestTime");
        assert!(close(average, elapsed as f64 / finished as f64), "{average}");
        let hours = figure(get("requests/total-request-time").await, "time");
        assert!(close(hours, elapsed as f64 / 3_600_000.0), "{hours}");
        let per_request = figure(get("requests/average-cost-per-request").await, "averageCostPerRequest");
        assert!(close(per_request, cost / requests as f64));
    }

    let range = (last - 10, last);
    let per_day = ok(&api, "requests/total-requests-per-day", &token, range, "", &[]).await;
    let cost_per_day = ok(&api, "requests/total-cost-per-day", &token, range, "", &[]).await;
    let listed: Vec<(String, u64, u64)> = list(&per_day, "totalRequestsPerDay")
        .iter()
        .map(|d| {
            let n = |k: &str| d[k].as_u64().unwrap();
            (d["date"].as_str().unwrap().to_string(), n("totalRequests"), n("totalRequestsWithError"))
        })
        .collect();
    let exported: Vec<(String, u64, u64)> = days.iter().map(|(d, t)| (d.clone(), t.requests, t.failed)).collect();
    assert_eq!(listed, exported);
    for (item, (day, tally)) in list(&cost_per_day, "totalCostPerDay").iter().zip(&days) {
        assert_eq!(item["date"], day.as_str());
        assert!(close(item["totalCost"].as_f64().unwrap(), tally.cost), "{day}");
    }

    let mut top = Vec::new();
    for agent in ["Helpdesk", "Summarizer", "Translator", "Classifier"] {
        let more = format!("&agentName={agent}");
        let per_day = ok(&api, "requests/total-requests-per-day", &token, range, &more, &[]).await;
        let listed: Vec<(String, u64, u64)> = list(&per_day, "totalRequestsPerDay")
            .iter()
            .map(|d| {
                (
                    d["date"].as_str().unwrap().to_string(),
                    d["totalRequests"].as_u64().unwrap(),
                    d["totalRequestsWithError"].as_u64().unwrap(),
                )
            })
            .collect();
        let exported: Vec<(String, u64, u64)> = assistants
            .iter()
            .filter(|((a, _), _)| a == agent)
            .map(|((_, d), t)| (d.clone(), t.requests, t.failed))
            .collect();
        assert_eq!(listed, exported, "{agent}");
        top.push((exported.iter().map(|e| e.1).sum::<u64>(), agent));
    }
    top.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let ranked = ok(&api, "requests/top-10-agents-by-requests", &token, range, "", &[]).await;
    let ranked: Vec<(u64, &str)> = list(&ranked, "top10Agents")
        .iter()
        .map(|a| (a["totalRequests"].as_u64().unwrap(), a["agent"].as_str().unwrap()))
        .collect();
    assert_eq!(ranked, top);

    // The organization's figures are the sum of its projects'.
    let organization = api.organization_token();
    let whole = ok(&api, "requests/total-requests", &organization, range, "", &[]).await;
    let other = ok(&api, "requests/total-requests", &api.project_token("Sales Assistant"), range, "", &[]).await;
    assert_eq!(whole["totalRequests"].as_u64(), Some(rows.len() as u64 + other["totalRequests"].as_u64().unwrap()));
}

#[tokio::test]
async fn users_are_the_organizations_people_and_add_up() {
    let api = start(small()).await;
    let token = api.organization_token();
    let members = api
        .get(
            &format!("/v2/accessControl/organizations/members?organizationId={}&pageSize=1000", api.organization_id()),
            &token,
        )
        .await;
    let people: Vec<(String, String)> = list(&members.body, "members")
        .iter()
        .map(|m| (m["email"].as_str().unwrap().to_string(), m["name"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(people.len(), 30);
    let last = last_day(&api);
    let dates = (last - 5, last);
    let usage = ok(&api, "requests/agent-usage-per-user", &token, dates, "", &[]).await;
    let usage = list(&usage, "agentUsage");
    let person =
        |item: &Value| (item["user"].as_str().unwrap().to_string(), item["userName"].as_str().unwrap().to_string());
    for item in usage {
        assert!(people.contains(&person(item)), "{item} is one of the organization's people");
    }
    let active = ok(&api, "requests/total-active-users", &token, dates, "", &[]).await;
    assert_eq!(active["totalActiveUsers"].as_u64(), Some(usage.len() as u64));
    let requests: u64 = usage.iter().map(|u| u["totalRequests"].as_u64().unwrap()).sum();
    let cost: f64 = usage.iter().map(|u| u["totalCost"].as_f64().unwrap()).sum();
    let tokens: u64 = usage.iter().map(|u| u["totalTokens"].as_u64().unwrap()).sum();
    assert_eq!(requests, 2_400);
    let total_cost = ok(&api, "requests/total-cost", &token, dates, "", &[]).await;
    assert!(close(cost, total_cost["totalCost"].as_f64().unwrap()));
    let total_tokens = ok(&api, "requests/number-of-tokens", &token, dates, "", &[]).await;
    assert_eq!(total_tokens["total"].as_u64(), Some(tokens));
    let average = ok(&api, "requests/average-requests-per-user", &token, dates, "", &[]).await;
    assert!(close(average["averageRequests"].as_f64().unwrap(), 2_400.0 / usage.len() as f64));

    for call in ["requests/top-10-users-by-cost", "requests/top-10-users-by-requests"] {
        let top = ok(&api, call, &token, dates, "", &[]).await;
        for item in list(&top, "top10Users") {
            assert!(people.contains(&person(item)), "{call}: {item}");
        }
    }

    // A name changed among the people reads changed in the analytics: they are the same people.
    let (email, _) = person(&usage[0]);
    api.sandbox
        .change(|store| {
            let someone = store.people.iter_mut().find(|p| p.email == email).expect("the user is a person");
            someone.name = "Renamed Person".into();
            Ok(())
        })
        .unwrap();
    let usage = ok(&api, "requests/agent-usage-per-user", &token, dates, "", &[]).await;
    let renamed = list(&usage, "agentUsage").iter().find(|u| u["user"] == email.as_str()).expect("still a user");
    assert_eq!(renamed["userName"], "Renamed Person");
}

/// Whether `figures` never grows, and ties are in order of `names`.
fn ranked(figures: &[(f64, String)]) -> bool {
    figures.windows(2).all(|w| w[0].0 > w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1))
}

#[tokio::test]
async fn top_tens_hold_the_ten_largest_in_order() {
    let config = Config {
        seed: SeedConfig {
            projects: 2,
            assistants_per_project: 13,
            requests_per_project: 3_000,
            ..SeedConfig::default()
        },
        ..Config::default()
    };
    let api = start(config).await;
    let token = api.organization_token();
    let last = last_day(&api);
    let dates = (last - 3, last);
    let figures = |items: &Vec<Value>, name: &str, figure: &str| -> Vec<(f64, String)> {
        items.iter().map(|i| (i[figure].as_f64().unwrap(), i[name].as_str().unwrap().to_string())).collect()
    };

    let usage = ok(&api, "requests/agent-usage-per-user", &token, dates, "", &[]).await;
    let usage = list(&usage, "agentUsage");
    for (call, figure) in
        [("requests/top-10-users-by-requests", "totalRequests"), ("requests/top-10-users-by-cost", "totalCost")]
    {
        let top = ok(&api, call, &token, dates, "", &[]).await;
        let top = figures(list(&top, "top10Users"), "user", figure);
        assert_eq!(top.len(), 10, "{call}");
        assert!(ranked(&top), "{call}: {top:?}");
        let mut all = figures(usage, "user", figure);
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        assert_eq!(top, all[..10], "{call}");
    }

    let tokens = ok(&api, "requests/number-of-tokens-per-agent", &token, dates, "", &[]).await;
    let mut by_agent: BTreeMap<String, f64> = BTreeMap::new();
    for item in list(&tokens, "numberOfTokens") {
        *by_agent.entry(item["agent"].as_str().unwrap().to_string()).or_default() += item["total"].as_f64().unwrap();
    }
    assert_eq!(by_agent.len(), 13, "13 assistants of the same names in both projects are 13 agents");
    let top = ok(&api, "requests/top-10-agents-by-tokens", &token, dates, "", &[]).await;
    let top = figures(list(&top, "top10Agents"), "agent", "totalTokens");
    let mut all: Vec<(f64, String)> = by_agent.into_iter().map(|(agent, total)| (total, agent)).collect();
    all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    assert_eq!(top, all[..10]);
    let top = ok(&api, "requests/top-10-agents-by-requests", &token, dates, "", &[]).await;
    let top = figures(list(&top, "top10Agents"), "agent", "totalRequests");
    assert_eq!(top.len(), 10);
    assert!(ranked(&top), "{top:?}");
    let agents = ok(&api, "requests/total-active-agents", &token, dates, "", &[]).await;
    assert_eq!(agents["totalActiveAgents"], 13);
}

#[tokio::test]
async fn lab_activity_is_seeded_per_day_and_new_projects_count_as_created() {
    let api = start(small()).await;
    let token = api.organization_token();
    let last = last_day(&api);
    let per_day = ok(&api, "lab/agents-created-and-modified-per-day", &token, (last - 1, last), "", &[]).await;
    let total = ok(&api, "lab/agents-created-and-modified", &token, (last - 1, last), "", &[]).await;
    let days = list(&per_day, "agents");
    let created: u64 = days.iter().map(|d| d["created"].as_u64().unwrap()).sum();
    let modified: u64 = days.iter().map(|d| d["modified"].as_u64().unwrap()).sum();
    assert_eq!((total["createdAgents"].as_u64(), total["modifiedAgents"].as_u64()), (Some(created), Some(modified)));
    assert!(modified > 0);

    let now = (last + 1, last + 1);
    let before = ok(&api, "lab/projects-created", &token, now, "", &[]).await;
    assert_eq!(before["createdProjects"], 0);
    let created = api.call(Method::POST, "/v1/organization/project", &token, Some(r#"{"name":"Fresh"}"#)).await;
    assert_eq!(created.status, 200);
    let after = ok(&api, "lab/projects-created", &token, now, "", &[]).await;
    assert_eq!(after["createdProjects"], 1, "dated the sandbox's now, a day after the newest request");
    let seeded = ok(&api, "lab/projects-created", &token, (last - 400, last), "", &[]).await;
    assert_eq!(seeded["createdProjects"], 8, "seeded 400 days and less before the newest request");
}

#[tokio::test]
async fn a_fresh_sandbox_of_the_binarys_kind_has_data_for_every_date_preset() {
    // The binary's organization with one project: its log ends now and reaches back 250,000 requests.
    let api = start(Config { seed: SeedConfig { projects: 1, ..SeedConfig::demo() }, ..Config::default() }).await;
    let token = api.organization_token();
    let today = wall_ms().div_euclid(DAY_MS);
    assert_eq!(last_day(&api), today);
    let month_start = |day: i64| {
        let text = date(day);
        geai_sandbox::clock::read_date(&format!("{}-01", &text[..7])).unwrap()
    };
    let this_month = month_start(today);
    let last_month = month_start(this_month - 1);
    let before_last_month = month_start(last_month - 1);
    for (preset, dates) in [
        ("last 7 days", (today - 6, today)),
        ("the 7 before", (today - 13, today - 7)),
        ("last 30 days", (today - 29, today)),
        ("the 30 before", (today - 59, today - 30)),
        ("this month", (this_month, today)),
        ("last month", (last_month, this_month - 1)),
        ("the month before", (before_last_month, last_month - 1)),
    ] {
        let per_day = ok(&api, "requests/total-requests-per-day", &token, dates, "", &[]).await;
        let days = list(&per_day, "totalRequestsPerDay");
        assert_eq!(days.len() as i64, dates.1 - dates.0 + 1, "{preset}: every day has requests");
    }
    let span = ok(&api, "requests/total-requests-per-day", &token, (today - 400, today), "", &[]).await;
    let days = list(&span, "totalRequestsPerDay");
    assert_eq!(days.last().unwrap()["date"], date(today).as_str());
    // 250,000 requests 37 s apart are 107.06 days: 108 dates, or 109 when seeded soon after midnight.
    assert!((108..=109).contains(&days.len()), "the log covers today and the 107 days before it: {}", days[0]["date"]);
}

#[tokio::test]
async fn faults_the_journal_cors_and_the_saia_beta_apply_to_the_analytics() {
    let api = start(small()).await;
    let token = api.organization_token();
    let path = "/v1/analytics/requests/total-cost?startDate=2025-11-01&endDate=2025-11-20";
    let faulty = api.call_with(Method::GET, path, &token, None, &[("x-sandbox-fault", "status=503")]).await;
    assert_eq!((faulty.status, faulty.error().0), (503, 503));
    assert_eq!(api.get(path, &token).await.status, 200);
    let journal = api.sandbox.journal().entries();
    assert_eq!(journal.iter().filter(|e| e.uri == path).count(), 2, "both recorded: {journal:?}");

    let unknown =
        api.get("/v1/analytics/requests/total-everything?startDate=2025-11-01&endDate=2025-11-20", &token).await;
    assert_eq!((unknown.status, unknown.error().0), (404, 404));
    let posted = api.call(Method::POST, path, &token, None).await;
    assert_eq!((posted.status, posted.error().0), (405, 2026));

    let allowed = allowed_headers(&api.preflight("GET", path, "authorization,organizationid,projectid").await);
    assert!(allowed.contains("organizationid") && allowed.contains("projectid"), "{allowed}");

    let beta = start(Config { dialect: Dialect::SaiaBeta, ..small() }).await;
    let answer = beta.get(path, &beta.organization_token()).await;
    assert_eq!((answer.status, answer.error().0), (404, 404), "the beta predates the analytics");
}

#[tokio::test]
async fn a_month_of_a_million_row_log_is_summed_within_50_ms() {
    let config = Config {
        seed: SeedConfig { projects: 1, requests_per_project: 1_000_000, ..SeedConfig::default() },
        ..Config::default()
    };
    let api = start(config).await;
    let token = api.organization_token();
    let last = last_day(&api);
    let month = (last - 29, last);
    let mut timings = Vec::new();
    for call in [
        "requests/total-cost",
        "requests/total-requests-per-day",
        "requests/top-10-users-by-cost",
        "requests/number-of-tokens",
    ] {
        let started = Instant::now();
        let answer = ok(&api, call, &token, month, "", &[]).await;
        timings.push((call, started.elapsed()));
        assert!(answer.to_string().len() > 10);
    }
    let requests = ok(&api, "requests/total-requests", &token, month, "", &[]).await;
    // 29 days and the half of the last up to its newest request, at noon.
    assert!((68_000..70_000).contains(&requests["totalRequests"].as_u64().unwrap()), "{requests}");
    eprintln!("a month of a 1,000,000-row log: {timings:?}");
    // The first call counts the month's 70,000 rows; the others read the days it kept. 50 ms is the target of a
    // release build; an unoptimised one, on a busy machine, gets a looser bound.
    let bound = if cfg!(debug_assertions) { Duration::from_millis(1_500) } else { Duration::from_millis(50) };
    for (call, took) in &timings {
        assert!(*took < bound, "{call} took {took:?}");
    }
    assert!(timings[1..].iter().all(|(_, took)| *took < Duration::from_millis(50)), "kept: {timings:?}");
}
