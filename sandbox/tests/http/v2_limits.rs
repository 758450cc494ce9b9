//! `/v2/usageLimits/organizations/{organizationId}/...`: the organization's and each project's limits, their
//! history, the amounts counted from the request log, and the refusal once a hard limit is reached.

use std::time::Instant;

use super::common::{seeded, small, start, Answer, Running};
use super::usage_limits::assert_sdk_types;
use geai_sandbox::clock::parse_date_time;
use geai_sandbox::config::{Config, Dialect, SeedConfig};
use reqwest::Method;
use serde_json::{json, Value};

/// Whose limits a test calls: the organization's (`None`) or a project's, by name.
fn limits_path(api: &Running, project: Option<&str>) -> String {
    let organization = format!("/v2/usageLimits/organizations/{}", api.organization_id());
    match project {
        None => format!("{organization}/limits"),
        Some(name) => format!("{organization}/projects/{}/limits", api.project_id(name)),
    }
}

async fn org_call(api: &Running, method: Method, path: &str, body: Option<&Value>) -> Answer {
    let body = body.map(Value::to_string);
    api.call(method, path, &api.organization_token(), body.as_deref()).await
}

async fn post(api: &Running, project: Option<&str>, limit: &Value) -> Answer {
    org_call(api, Method::POST, &limits_path(api, project), Some(limit)).await
}

async fn history(api: &Running, project: Option<&str>) -> Vec<Value> {
    let answer = org_call(api, Method::GET, &limits_path(api, project), None).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert_eq!(answer.body.as_object().map(|o| o.len()), Some(1), "only usageLimits: {}", answer.body);
    answer.body["usageLimits"].as_array().expect("usageLimits").clone()
}

fn monthly(unit: &str, soft: f64, hard: f64) -> Value {
    json!({"subscriptionType": "Monthly", "usageUnit": unit, "softLimit": soft, "hardLimit": hard, "renewalStatus": "Renewable"})
}

/// A limit over `[from, until)` of the seeded log (which ends 2025-11-20T12:00).
fn period(unit: &str, hard: f64, from: &str, until: &str) -> Value {
    let mut limit = monthly(unit, hard / 2.0, hard);
    limit["validFrom"] = json!(from);
    limit["validUntil"] = json!(until);
    limit
}

fn error_of(answer: &Answer) -> (u16, u64) {
    (answer.status, answer.error().0)
}

#[tokio::test]
async fn every_call_answers_with_the_limit_object_for_projects_and_the_organization() {
    let api = start(small()).await;
    for (owner, name) in [(Some("HR Knowledge Base"), "HR Knowledge Base"), (None, "Acme Demo Org")] {
        let base = limits_path(&api, owner);
        if owner.is_some() {
            assert_eq!(history(&api, owner).await, Vec::<Value>::new(), "no limits yet: an empty list");
            let latest = org_call(&api, Method::GET, &format!("{base}/latest"), None).await;
            assert_eq!(error_of(&latest), (404, 404), "{:?}", latest.body);
            assert!(latest.error().1.starts_with("Not Found: 'HR Knowledge Base' has no usage limit"));
            let active = org_call(&api, Method::GET, &format!("{base}/active"), None).await;
            assert_eq!(error_of(&active), (404, 404));
        }
        let before = history(&api, owner).await.len();

        let created = post(&api, owner, &monthly("Requests", 800.0, 1000.0)).await;
        assert_eq!(created.status, 200, "{:?}", created.body);
        let limit = created.body.clone();
        assert_sdk_types(&limit);
        assert_eq!(limit["relatedEntityName"], name);
        assert_eq!(
            (&limit["status"], &limit["usedAmount"], &limit["remainingUsage"]),
            (&json!(1), &json!(0.0), &json!(1000.0))
        );
        assert_eq!(
            (&limit["validFrom"], &limit["validUntil"]),
            (&json!("2025-11-21T12:00:00+00:00"), &json!("2025-12-21T12:00:00+00:00"))
        );
        let id = limit["id"].as_str().unwrap().to_string();

        let listed = history(&api, owner).await;
        assert_eq!((listed.len(), &listed[0]), (before + 1, &limit), "newest first");
        assert_eq!(org_call(&api, Method::GET, &format!("{base}/latest"), None).await.body, limit);
        if owner.is_some() {
            assert_eq!(org_call(&api, Method::GET, &format!("{base}/active"), None).await.body, limit);
        }

        let api = &api;
        let change = |field: &str, value: Value| {
            let path = format!("{base}/{id}/{field}");
            let body = json!({ field: value });
            async move { org_call(api, Method::PUT, &path, Some(&body)).await }
        };
        let hard = change("hardLimit", json!(1200)).await;
        assert_eq!(
            (hard.status, &hard.body["hardLimit"], &hard.body["remainingUsage"]),
            (200, &json!(1200.0), &json!(1200.0))
        );
        assert_sdk_types(&hard.body);
        let soft = change("softLimit", json!(1100.0)).await;
        assert_eq!((soft.status, &soft.body["softLimit"]), (200, &json!(1100.0)));
        let renewal = change("renewalStatus", json!("NonRenewable")).await;
        assert_eq!((renewal.status, &renewal.body["renewalStatus"]), (200, &json!("NonRenewable")));
        assert_eq!(history(api, owner).await[0], renewal.body, "the history holds the changes");

        let deleted = org_call(api, Method::DELETE, &format!("{base}/{id}"), None).await;
        assert_eq!((deleted.status, &deleted.body), (200, &json!({})));
        assert_eq!(history(api, owner).await.len(), before, "gone from the history");
        let again = org_call(api, Method::DELETE, &format!("{base}/{id}"), None).await;
        assert_eq!(error_of(&again), (404, 404), "{:?}", again.body);
    }
}

#[tokio::test]
async fn a_new_limit_cancels_the_one_in_force_and_project_details_show_the_new_one() {
    let api = start(small()).await;
    let org = api.organization_token();
    let detail = format!("/v1/organization/project/{}", api.project_id("Customer Support"));
    let seeded = api.get(&detail, &org).await.body["usageLimit"].clone();
    assert_eq!(seeded["status"], 1);

    let created = post(&api, Some("Customer Support"), &monthly("Cost", 40.0, 50.0)).await.body;
    let listed = history(&api, Some("Customer Support")).await;
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0], created, "newest first");
    assert_eq!((&listed[1]["id"], &listed[1]["status"]), (&seeded["id"], &json!(4)), "the old one is Cancelled");
    assert_eq!(api.get(&detail, &org).await.body["usageLimit"], created);
    let active =
        org_call(&api, Method::GET, &format!("{}/active", limits_path(&api, Some("Customer Support"))), None).await;
    assert_eq!(active.body, created);

    let path = format!("{}/{}/hardLimit", limits_path(&api, Some("Customer Support")), seeded["id"].as_str().unwrap());
    let refused = org_call(&api, Method::PUT, &path, Some(&json!({"hardLimit": 500}))).await;
    assert_eq!(error_of(&refused), (409, 409), "a cancelled limit is history: {:?}", refused.body);

    // Deleting the limit in force leaves the project with the cancelled one only: shown, not in force.
    let delete = format!("{}/{}", limits_path(&api, Some("Customer Support")), created["id"].as_str().unwrap());
    assert_eq!(org_call(&api, Method::DELETE, &delete, None).await.status, 200);
    assert_eq!(api.get(&detail, &org).await.body["usageLimit"]["status"], 4);
    let none =
        org_call(&api, Method::GET, &format!("{}/active", limits_path(&api, Some("Customer Support"))), None).await;
    assert_eq!(error_of(&none), (404, 404));
}

#[tokio::test]
async fn hard_below_soft_and_other_mistakes_are_refused_naming_the_field() {
    let api = start(small()).await;
    let base = limits_path(&api, Some("Data Insights"));
    let refused = post(&api, Some("Data Insights"), &monthly("Cost", 80.0, 50.0)).await;
    assert_eq!(refused.error(), (20, "Bad Input Text: hardLimit (50) must be at least softLimit (80)".into()));
    for (limit, message) in [
        (json!({"usageUnit": "Cost", "softLimit": 1, "hardLimit": 2}), "subscriptionType is required"),
        (monthly("Requests", 1.5, 2.0), "softLimit must be a whole number when usageUnit is Requests"),
        (monthly("Cost", 0.0, 2.0), "softLimit must be greater than 0"),
        (json!("Monthly"), "the usage limit must be a JSON object"),
    ] {
        let answer = post(&api, Some("Data Insights"), &limit).await;
        assert_eq!(error_of(&answer), (400, 20), "{limit}");
        assert!(answer.error().1.contains(message), "{:?} should say {message:?}", answer.body);
    }
    let not_json = api.call(Method::POST, &base, &api.organization_token(), Some("{half")).await;
    assert_eq!(error_of(&not_json), (400, 20));
    assert!(history(&api, Some("Data Insights")).await.is_empty(), "nothing was created");

    let id = post(&api, Some("Data Insights"), &monthly("Requests", 80.0, 100.0)).await.body["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (field, body, message) in [
        ("hardLimit", json!({"hardLimit": 50}), "Bad Input Text: hardLimit (50) must be at least softLimit (80)"),
        ("softLimit", json!({"softLimit": 120}), "Bad Input Text: hardLimit (100) must be at least softLimit (120)"),
        ("hardLimit", json!({"hardLimit": 0}), "Bad Input Text: hardLimit must be greater than 0 (got 0)"),
        (
            "hardLimit",
            json!({"hardLimit": 150.5}),
            "Bad Input Text: hardLimit must be a whole number when usageUnit is Requests",
        ),
        ("softLimit", json!({"hardLimit": 90}), "Bad Input Text: softLimit is required"),
        ("softLimit", json!({"softLimit": "90"}), "Bad Input Text: softLimit must be a number"),
        (
            "renewalStatus",
            json!({"renewalStatus": "Sometimes"}),
            "Bad Input Text: renewalStatus must be one of Renewable, NonRenewable",
        ),
        ("renewalStatus", json!([]), "Bad Input Text: the usage limit must be a JSON object"),
    ] {
        let answer = org_call(&api, Method::PUT, &format!("{base}/{id}/{field}"), Some(&body)).await;
        assert_eq!(error_of(&answer), (400, 20), "{field} {body}");
        assert!(answer.error().1.starts_with(message), "{:?} should start with {message:?}", answer.body);
    }
    let unknown_field = org_call(&api, Method::PUT, &format!("{base}/{id}/colour"), Some(&json!({"colour": 1}))).await;
    assert_eq!(unknown_field.error(), (404, "Bad Endpoint".into()));
    let unchanged = &history(&api, Some("Data Insights")).await[0];
    assert_eq!(
        (&unchanged["softLimit"], &unchanged["hardLimit"], &unchanged["renewalStatus"]),
        (&json!(80.0), &json!(100.0), &json!("Renewable"))
    );
}

#[tokio::test]
async fn unknown_organizations_projects_and_limits_are_404_with_an_errors_body() {
    let api = start(small()).await;
    let nobody = "00000000-0000-4000-8000-000000000000";
    let org = api.organization_id();
    let project = api.project_id("Customer Support");
    let limit = json!(monthly("Cost", 1.0, 2.0));
    let cases = [
        (format!("/v2/usageLimits/organizations/{nobody}/limits"), 2004),
        (format!("/v2/usageLimits/organizations/{nobody}/projects/{project}/limits"), 2004),
        (format!("/v2/usageLimits/organizations/{org}/projects/{nobody}/limits"), 2005),
    ];
    for (base, id) in cases {
        for (method, path, body) in [
            (Method::GET, base.clone(), None),
            (Method::POST, base.clone(), Some(&limit)),
            (Method::GET, format!("{base}/latest"), None),
            (Method::DELETE, format!("{base}/{nobody}"), None),
            (Method::PUT, format!("{base}/{nobody}/hardLimit"), Some(&json!({"hardLimit": 5}))),
        ] {
            let answer = org_call(&api, method.clone(), &path, body).await;
            assert_eq!(error_of(&answer), (404, id), "{method} {path}: {:?}", answer.body);
        }
    }
    let organization =
        org_call(&api, Method::GET, &format!("/v2/usageLimits/organizations/{nobody}/limits"), None).await;
    assert_eq!(organization.error().1, "Organization Not Found");
    for base in [limits_path(&api, None), limits_path(&api, Some("Customer Support"))] {
        for (method, path) in
            [(Method::DELETE, format!("{base}/{nobody}")), (Method::PUT, format!("{base}/{nobody}/softLimit"))]
        {
            let answer = org_call(&api, method.clone(), &path, Some(&json!({"softLimit": 1}))).await;
            assert_eq!(error_of(&answer), (404, 404), "{method} {path}");
            assert_eq!(answer.error().1, format!("Not Found: no usage limit {nobody} here"));
        }
    }
    let verb = org_call(&api, Method::PATCH, &limits_path(&api, None), None).await;
    assert_eq!(error_of(&verb), (405, 2026));
}

#[tokio::test]
async fn a_project_token_gets_error_7_on_every_limit_call() {
    let api = start(small()).await;
    let token = api.project_token("Customer Support");
    let id = history(&api, Some("Customer Support")).await[0]["id"].as_str().unwrap().to_string();
    for base in [limits_path(&api, None), limits_path(&api, Some("Customer Support"))] {
        for (method, path) in [
            (Method::GET, base.clone()),
            (Method::POST, base.clone()),
            (Method::GET, format!("{base}/latest")),
            (Method::DELETE, format!("{base}/{id}")),
            (Method::PUT, format!("{base}/{id}/hardLimit")),
        ] {
            let answer = api.call(method.clone(), &path, &token, Some(r#"{"hardLimit": 5}"#)).await;
            assert_eq!(error_of(&answer), (403, 7), "{method} {path}");
        }
    }
    let active = api.get(&format!("{}/active", limits_path(&api, Some("Customer Support"))), &token).await;
    assert_eq!(error_of(&active), (403, 7));
    assert_eq!(history(&api, Some("Customer Support")).await[0]["id"], id.as_str(), "nothing changed");
}

/// The rows of a project's export whose `timestamp` falls in `[from, until)`: (count, sum of cost).
async fn exported(api: &Running, project: &str, from: &str, until: &str) -> (u64, f64) {
    let (from, until) = (parse_date_time(from).unwrap(), parse_date_time(until).unwrap());
    let answer = api.get("/v1/organization/request/export?count=10000", &api.project_token(project)).await;
    let rows = answer.body["items"].as_array().unwrap_or_else(|| panic!("{project}: {}", answer.body));
    rows.iter()
        .filter(|row| (from..until).contains(&parse_date_time(row["timestamp"].as_str().unwrap()).unwrap()))
        .fold((0, 0.0), |(count, cost), row| (count + 1, cost + row["cost"].as_f64().unwrap()))
}

#[tokio::test]
async fn used_amounts_are_the_export_rows_in_the_period_for_both_units_and_the_organization() {
    let api = start(seeded()).await;
    api.lift_usage_limits();
    let (from, until) = ("2025-11-19T20:30:00Z", "2025-11-20T07:15:30Z");
    let projects: Vec<String> = api.sandbox.tokens().1.into_iter().map(|(name, _)| name).collect();
    let mut total = (0, 0.0);
    for name in &projects {
        let (count, cost) = exported(&api, name, from, until).await;
        assert!(count > 900, "{name}: {count} rows in the period");
        total = (total.0 + count, total.1 + cost);
        if name == "Customer Support" || name == "Legal Review" {
            let requests = post(&api, Some(name), &period("Requests", 100_000.0, from, until)).await.body;
            assert_eq!(requests["usedAmount"].as_f64(), Some(count as f64), "{name}");
            assert_eq!(requests["remainingUsage"].as_f64(), Some(100_000.0 - count as f64), "{name}");
            assert_eq!(requests["status"], 2, "{name}: the period is over, so Expired");
            let spent = post(&api, Some(name), &period("Cost", 1_000.0, from, until)).await.body;
            let used = spent["usedAmount"].as_f64().unwrap();
            assert!((used - cost).abs() < 1e-6, "{name}: {used} against {cost} summed from the export");
            assert!((spent["remainingUsage"].as_f64().unwrap() - (1_000.0 - cost)).abs() < 1e-6);
        }
    }
    let organization = post(&api, None, &period("Requests", 1_000_000.0, from, until)).await.body;
    assert_eq!(organization["usedAmount"].as_f64(), Some(total.0 as f64), "every project's rows");
    let organization = post(&api, None, &period("Cost", 1_000_000.0, from, until)).await.body;
    assert!((organization["usedAmount"].as_f64().unwrap() - total.1).abs() < 1e-6);
}

#[tokio::test]
async fn a_project_at_its_hard_limit_is_refused_with_429_on_its_project_calls_only() {
    let api = start(small()).await;
    let org = api.organization_token();
    let token = api.project_token("Legacy Chatbot");
    let id = api.project_id("Legacy Chatbot");
    for path in ["/v1/organization/assistants", "/v1/organization/request/export"] {
        let refused = api.get(path, &token).await;
        assert_eq!(error_of(&refused), (429, 154), "{path}");
        let description = refused.error().1;
        assert!(
            description
                .starts_with("Quota Exceeded: project 'Legacy Chatbot' has used 200 of its hard limit of 200 Requests"),
            "{description}"
        );
    }
    let own = api.get(&format!("/v1/organization/project/{id}"), &token).await;
    assert_eq!((own.status, &own.body["usageLimit"]["status"]), (200, &json!(3)), "its details say why");
    assert_eq!(api.get("/v1/accessControl/apitoken/validate", &token).await.status, 200);
    for path in [
        format!("/v1/organization/project/{id}"),
        format!("/v1/organization/project/{id}/tokens"),
        limits_path(&api, Some("Legacy Chatbot")),
    ] {
        assert_eq!(api.get(&path, &org).await.status, 200, "organization calls about it work: {path}");
    }
    assert_eq!(
        api.get("/v1/organization/assistants", &api.project_token("Marketing Copy")).await.status,
        429,
        "over hard"
    );

    // Raising the hard limit lets it in at once; a new limit that is reached refuses at once.
    let limit_id = history(&api, Some("Legacy Chatbot")).await[0]["id"].as_str().unwrap().to_string();
    let path = format!("{}/{limit_id}/hardLimit", limits_path(&api, Some("Legacy Chatbot")));
    let raised = org_call(&api, Method::PUT, &path, Some(&json!({"hardLimit": 201}))).await;
    assert_eq!((&raised.body["status"], &raised.body["remainingUsage"]), (&json!(1), &json!(1.0)));
    assert_eq!(api.get("/v1/organization/assistants", &token).await.status, 200);

    let support = api.project_token("Customer Support");
    assert_eq!(api.get("/v1/organization/request/export", &support).await.status, 200);
    let reached =
        post(&api, Some("Customer Support"), &period("Requests", 10.0, "2025-11-20T11:00:00Z", "2025-12-01T00:00:00Z"))
            .await;
    assert_eq!((&reached.body["status"], &reached.body["usedAmount"]), (&json!(3), &json!(97.0)));
    assert_eq!(error_of(&api.get("/v1/organization/request/export", &support).await), (429, 154));
    let reached_id = reached.body["id"].as_str().unwrap();
    org_call(&api, Method::DELETE, &format!("{}/{reached_id}", limits_path(&api, Some("Customer Support"))), None)
        .await;
    assert_eq!(api.get("/v1/organization/request/export", &support).await.status, 200, "deleted: in again");

    // The organization's limit, once reached, refuses every project.
    let organization = post(&api, None, &period("Cost", 5.0, "2025-11-20T00:00:00Z", "2025-12-01T00:00:00Z")).await;
    assert_eq!(organization.body["status"], 3, "{:?}", organization.body);
    let refused = api.get("/v1/organization/assistants", &support).await;
    assert_eq!(error_of(&refused), (429, 154));
    assert!(
        refused.error().1.starts_with("Quota Exceeded: organization 'Acme Demo Org' has used"),
        "{:?}",
        refused.body
    );
    assert_eq!(api.get("/v1/organization/projects", &org).await.status, 200);
}

#[tokio::test]
async fn the_beta_dialect_neither_shows_nor_enforces_limits() {
    let api = start(Config { dialect: Dialect::SaiaBeta, ..small() }).await;
    let token = api.project_token("Legacy Chatbot");
    assert_eq!(api.get("/v1/organization/assistants", &token).await.status, 200);
    assert_eq!(api.get("/v1/organization/request/export", &token).await.status, 200);
    let detail = api.get(&format!("/v1/organization/project/{}", api.project_id("Legacy Chatbot")), &token).await;
    assert!(detail.body.get("usageLimit").is_none(), "{}", detail.body);
    let full = api.get("/v1/organization/projects?detail=full", &api.organization_token()).await;
    assert!(full.body["projects"].as_array().unwrap().iter().all(|p| p.get("usageLimit").is_none()));
}

#[tokio::test]
async fn the_full_projects_list_carries_each_projects_limit_as_its_details_do() {
    let api = start(small()).await;
    let org = api.organization_token();
    let full = api.get("/v1/organization/projects?detail=full", &org).await;
    let projects = full.body["projects"].as_array().unwrap();
    assert_eq!(projects.len(), 8);
    for entry in projects {
        let detail = api.get(&format!("/v1/organization/project/{}", entry["projectId"].as_str().unwrap()), &org).await;
        assert_eq!(entry.get("usageLimit"), detail.body.get("usageLimit"), "{}", entry["projectName"]);
    }
    assert_eq!(projects.iter().filter(|p| p.get("usageLimit").is_some()).count(), 6);
    let summary = api.get("/v1/organization/projects", &org).await;
    assert!(summary.body["projects"].as_array().unwrap().iter().all(|p| p.get("usageLimit").is_none()), "summary only");
}

#[tokio::test]
async fn a_million_request_log_still_answers_in_milliseconds() {
    let config = Config {
        seed: SeedConfig { projects: 2, requests_per_project: 1_000_000, ..SeedConfig::default() },
        ..Config::default()
    };
    let api = start(config).await;
    let detail = format!("/v1/organization/project/{}", api.project_id("Customer Support"));
    let timed = |method: Method, path: String, body: Option<Value>| {
        let api = &api;
        async move {
            let started = Instant::now();
            let answer = org_call(api, method, &path, body.as_ref()).await;
            (answer, started.elapsed())
        }
    };
    let (answer, first) = timed(Method::GET, detail.clone(), None).await;
    assert_eq!(answer.body["usageLimit"]["usedAmount"], 12.49717, "the seeded period, on a million rows");
    // A month of a million-row log: ~70,000 rows counted per project, the organization's over both projects.
    let month = period("Cost", 100_000.0, "2025-10-21T12:00:00Z", "2025-12-01T00:00:00Z");
    let (created, posted) = timed(Method::POST, limits_path(&api, Some("Customer Support")), Some(month.clone())).await;
    let (organization, org_posted) = timed(Method::POST, limits_path(&api, None), Some(month)).await;
    let (listed, list) = timed(Method::GET, "/v1/organization/projects?detail=full".into(), None).await;
    let (again, cached) = timed(Method::GET, detail, None).await;
    assert!(created.body["usedAmount"].as_f64().unwrap() > 1_000.0, "{:?}", created.body);
    assert!(organization.body["usedAmount"].as_f64() > created.body["usedAmount"].as_f64());
    assert_eq!(listed.status, 200);
    assert_eq!(again.body["usageLimit"], created.body);
    // Behaviour bounds, loose enough for an unoptimised build on a busy machine (counting a month takes a few
    // milliseconds there; each answer is then cached).
    for (what, took) in [
        ("details", first),
        ("project limit", posted),
        ("organization limit", org_posted),
        ("list", list),
        ("details again", cached),
    ] {
        assert!(took.as_millis() < 1_000, "{what} took {took:?}");
    }
}
