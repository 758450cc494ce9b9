//! Usage limits: the seeded ones in project details, with the types the vendor's SDK enforces, and the limits
//! `POST /project` accepts or refuses, field by field. The `/v2/usageLimits` calls are in `v2_limits`.

use super::common::{seeded, small, start, Answer, Running};
use geai_sandbox::config::{Config, Dialect};
use reqwest::Method;
use serde_json::{json, Value};

const KEYS: [&str; 12] = [
    "hardLimit",
    "id",
    "relatedEntityName",
    "remainingUsage",
    "renewalStatus",
    "softLimit",
    "status",
    "subscriptionType",
    "usageUnit",
    "usedAmount",
    "validFrom",
    "validUntil",
];

async fn detail(api: &Running, id: &str) -> Value {
    let answer = api.get(&format!("/v1/organization/project/{id}"), &api.organization_token()).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    answer.body
}

async fn create(api: &Running, name: &str, limit: &Value) -> Answer {
    let body = json!({ "name": name, "usageLimit": limit }).to_string();
    api.call(Method::POST, "/v1/organization/project", &api.organization_token(), Some(&body)).await
}

/// Every key FACTS.md lists and no other, each with the type the SDK parses it as.
pub fn assert_sdk_types(limit: &Value) {
    let mut keys: Vec<&str> = limit.as_object().expect("an object").keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, KEYS);
    assert_eq!(limit["id"].as_str().map(str::len), Some(36), "a GUID: {limit}");
    for amount in ["softLimit", "hardLimit", "usedAmount", "remainingUsage"] {
        assert!(limit[amount].is_f64(), "{amount} is a float: {limit}");
    }
    assert!(matches!(limit["status"].as_u64(), Some(1..=4)), "{limit}");
    let one_of =
        |key: &str, names: &[&str]| assert!(names.contains(&limit[key].as_str().unwrap_or_default()), "{limit}");
    one_of("subscriptionType", &["Freemium", "Daily", "Weekly", "Monthly"]);
    one_of("usageUnit", &["Requests", "Cost"]);
    one_of("renewalStatus", &["Renewable", "NonRenewable"]);
    let (from, until) = (limit["validFrom"].as_str().unwrap(), limit["validUntil"].as_str().unwrap());
    assert!(from.ends_with("+00:00") && until.ends_with("+00:00") && until > from, "{limit}");
    assert!(limit["relatedEntityName"].is_string(), "{limit}");
}

/// A limit every check accepts, with `key` set to `value` (`Value::Null` removes it).
fn valid_with(key: &str, value: Value) -> Value {
    let mut limit =
        json!({"subscriptionType": "Monthly", "usageUnit": "Requests", "softLimit": 800, "hardLimit": 1000});
    match value {
        Value::Null => limit.as_object_mut().unwrap().remove(key),
        value => limit.as_object_mut().unwrap().insert(key.to_string(), value),
    };
    limit
}

#[tokio::test]
async fn seeded_limits_appear_in_project_details_with_the_sdk_types() {
    let api = start(seeded()).await;
    let expected = [
        ("Customer Support", Some(("Monthly", "Cost", 80.0, 100.0, 12.49717, 87.50283, "Renewable", 1))),
        ("Sales Assistant", Some(("Weekly", "Requests", 4000.0, 5000.0, 4321.0, 679.0, "Renewable", 1))),
        ("HR Knowledge Base", None),
        ("Legacy Chatbot", Some(("Freemium", "Requests", 150.0, 200.0, 200.0, 0.0, "NonRenewable", 3))),
        ("Legal Review", Some(("Daily", "Cost", 15.0, 20.0, 7.19167, 12.80833, "NonRenewable", 4))),
        ("Marketing Copy", Some(("Monthly", "Cost", 3.0, 4.0, 4.30714, 0.0, "Renewable", 3))),
        ("Old Experiments", Some(("Freemium", "Requests", 400.0, 500.0, 329.0, 171.0, "NonRenewable", 2))),
        ("Data Insights", None),
    ];
    for (name, limit) in expected {
        let body = detail(&api, &api.project_id(name)).await;
        let Some((subscription, unit, soft, hard, used, remaining, renewal, status)) = limit else {
            assert!(body.get("usageLimit").is_none(), "{name} has no limit: {body}");
            continue;
        };
        let actual = &body["usageLimit"];
        assert_sdk_types(actual);
        assert_eq!(
            (&actual["subscriptionType"], &actual["usageUnit"], &actual["renewalStatus"], &actual["status"]),
            (&json!(subscription), &json!(unit), &json!(renewal), &json!(status)),
            "{name}"
        );
        let amounts = ["softLimit", "hardLimit", "usedAmount", "remainingUsage"].map(|k| actual[k].as_f64().unwrap());
        assert_eq!(amounts, [soft, hard, used, remaining], "{name}");
        assert_eq!(actual["relatedEntityName"], name);
    }
    let own = api
        .get(
            &format!("/v1/organization/project/{}", api.project_id("Sales Assistant")),
            &api.project_token("Sales Assistant"),
        )
        .await;
    assert_eq!(own.body["usageLimit"]["usageUnit"], "Requests", "a project token sees its own limit");
}

#[tokio::test]
async fn the_seeded_dates_frame_the_log_and_an_expired_limit_ended_before_it() {
    let api = start(small()).await;
    let dates = |body: Value| {
        let limit = &body["usageLimit"];
        (limit["validFrom"].as_str().map(String::from), limit["validUntil"].as_str().map(String::from))
    };
    let expected = [
        ("Customer Support", "2025-11-20T06:38:59+00:00", "2025-12-20T06:38:59+00:00"),
        ("Sales Assistant", "2025-11-18T15:35:14+00:00", "2025-11-25T15:35:14+00:00"),
        ("Legacy Chatbot", "2025-11-20T09:56:31+00:00", "2025-12-20T09:56:31+00:00"),
        ("Legal Review", "2025-11-20T09:00:00+00:00", "2025-11-21T09:00:00+00:00"),
        ("Marketing Copy", "2025-11-20T10:00:00+00:00", "2025-12-20T10:00:00+00:00"),
        ("Old Experiments", "2025-10-19T12:00:00+00:00", "2025-11-18T12:00:00+00:00"),
    ];
    for (name, from, until) in expected {
        let actual = dates(detail(&api, &api.project_id(name)).await);
        assert_eq!(actual, (Some(from.to_string()), Some(until.to_string())), "{name}");
    }
}

#[tokio::test]
async fn a_created_limit_starts_active_with_nothing_used_and_lasts_one_period() {
    let api = start(small()).await;
    let asked = json!({"subscriptionType": "Weekly", "usageUnit": "Cost", "softLimit": 8.5, "hardLimit": 10, "renewalStatus": "NonRenewable", "usedAmount": 5, "status": 3, "id": "mine"});
    let created = create(&api, "Capped", &asked).await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    let id = created.body["projectId"].as_str().unwrap().to_string();

    let limit = detail(&api, &id).await["usageLimit"].clone();
    assert_sdk_types(&limit);
    assert_ne!(limit["id"], "mine", "the sandbox draws the id");
    assert_eq!((limit["subscriptionType"].as_str(), limit["usageUnit"].as_str()), (Some("Weekly"), Some("Cost")));
    assert_eq!(
        ["softLimit", "hardLimit", "usedAmount", "remainingUsage"].map(|k| limit[k].as_f64().unwrap()),
        [8.5, 10.0, 0.0, 10.0]
    );
    assert_eq!((limit["renewalStatus"].as_str(), limit["status"].as_u64()), (Some("NonRenewable"), Some(1)));
    assert_eq!(limit["validFrom"], "2025-11-21T12:00:00+00:00", "the creation time");
    assert_eq!(limit["validUntil"], "2025-11-28T12:00:00+00:00", "one week later");

    let again = start(small()).await;
    let replayed = create(&again, "Capped", &asked).await;
    assert_eq!(
        detail(&again, replayed.body["projectId"].as_str().unwrap()).await["usageLimit"],
        limit,
        "deterministic"
    );
}

#[tokio::test]
async fn given_dates_are_kept_and_renewal_defaults_to_renewable() {
    let api = start(small()).await;
    let dated = json!({"subscriptionType": "Freemium", "usageUnit": "Requests", "softLimit": 50, "hardLimit": 50.0, "validFrom": "2026-01-01T00:00:00Z", "validUntil": "2026-03-01T09:30:00-03:00"});
    let created = create(&api, "Dated", &dated).await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    let limit = detail(&api, created.body["projectId"].as_str().unwrap()).await["usageLimit"].clone();
    assert_eq!(
        (limit["validFrom"].as_str(), limit["validUntil"].as_str()),
        (Some("2026-01-01T00:00:00+00:00"), Some("2026-03-01T12:30:00+00:00"))
    );
    assert_eq!(limit["renewalStatus"], "Renewable");

    let started = create(&api, "Started", &valid_with("validFrom", json!("2026-02-01"))).await;
    let limit = detail(&api, started.body["projectId"].as_str().unwrap()).await["usageLimit"].clone();
    assert_eq!(limit["validUntil"], "2026-03-03T00:00:00+00:00", "30 days after the given start");
}

#[tokio::test]
async fn a_null_or_absent_limit_means_no_limit() {
    let api = start(small()).await;
    for (name, body) in [("Null", r#"{"name": "Null", "usageLimit": null}"#), ("Absent", r#"{"name": "Absent"}"#)] {
        let created = api.call(Method::POST, "/v1/organization/project", &api.organization_token(), Some(body)).await;
        assert_eq!(created.status, 200, "{name}");
        let body = detail(&api, created.body["projectId"].as_str().unwrap()).await;
        assert!(body.get("usageLimit").is_none(), "{name}: {body}");
    }
}

#[tokio::test]
async fn each_invalid_limit_is_refused_with_error_20_naming_the_field() {
    let api = start(small()).await;
    let cases = [
        (json!(3), "usageLimit must be an object"),
        (json!("Monthly"), "usageLimit must be an object"),
        (json!([{"subscriptionType": "Monthly"}]), "usageLimit must be an object"),
        (json!(true), "usageLimit must be an object"),
        (valid_with("subscriptionType", Value::Null), "usageLimit.subscriptionType is required"),
        (valid_with("subscriptionType", json!(3)), "usageLimit.subscriptionType must be a string"),
        (
            valid_with("subscriptionType", json!("Yearly")),
            "usageLimit.subscriptionType must be one of Freemium, Daily, Weekly, Monthly (got 'Yearly')",
        ),
        (valid_with("subscriptionType", json!("monthly")), "usageLimit.subscriptionType must be one of"),
        (valid_with("usageUnit", Value::Null), "usageLimit.usageUnit is required"),
        (valid_with("usageUnit", json!(["Cost"])), "usageLimit.usageUnit must be a string"),
        (valid_with("usageUnit", json!("Tokens")), "usageLimit.usageUnit must be one of Requests, Cost"),
        (valid_with("softLimit", Value::Null), "usageLimit.softLimit is required"),
        (valid_with("softLimit", json!("800")), "usageLimit.softLimit must be a number"),
        (valid_with("softLimit", json!(0)), "usageLimit.softLimit must be greater than 0"),
        (valid_with("softLimit", json!(-1.5)), "usageLimit.softLimit must be greater than 0"),
        (valid_with("softLimit", json!(2.5)), "usageLimit.softLimit must be a whole number when usageUnit is Requests"),
        (valid_with("hardLimit", Value::Null), "usageLimit.hardLimit is required"),
        (valid_with("hardLimit", json!({"value": 1000})), "usageLimit.hardLimit must be a number"),
        (valid_with("hardLimit", json!(-1000)), "usageLimit.hardLimit must be greater than 0"),
        (valid_with("hardLimit", json!(1000.5)), "usageLimit.hardLimit must be a whole number"),
        (valid_with("hardLimit", json!(500)), "usageLimit.hardLimit (500) must be at least usageLimit.softLimit (800)"),
        (valid_with("renewalStatus", json!(false)), "usageLimit.renewalStatus must be a string"),
        (
            valid_with("renewalStatus", json!("Forever")),
            "usageLimit.renewalStatus must be one of Renewable, NonRenewable",
        ),
        (valid_with("validFrom", json!(1_767_225_600_000_i64)), "usageLimit.validFrom must be a date-time"),
        (valid_with("validFrom", json!("next monday")), "usageLimit.validFrom must be a date-time"),
        (valid_with("validUntil", json!("2026-02-30")), "usageLimit.validUntil must be a date-time"),
        (valid_with("validUntil", json!({})), "usageLimit.validUntil must be a date-time"),
        (
            valid_with("validUntil", json!("2025-01-01T00:00:00Z")),
            "usageLimit.validUntil must be after the creation time",
        ),
        (
            json!({"subscriptionType": "Daily", "usageUnit": "Cost", "softLimit": 1, "hardLimit": 2, "validFrom": "2026-01-02", "validUntil": "2026-01-02T00:00:00Z"}),
            "usageLimit.validUntil must be after usageLimit.validFrom",
        ),
    ];
    for (limit, message) in cases {
        let answer = create(&api, "Refused", &limit).await;
        assert_eq!((answer.status, answer.error().0), (400, 20), "{limit}: {:?}", answer.body);
        let description = answer.error().1;
        assert!(description.starts_with("Bad Input Text: "), "{description}");
        assert!(description.contains(message), "{limit}: {description:?} should say {message:?}");
    }
    let all = api.get("/v1/organization/projects?detail=full", &api.organization_token()).await;
    assert!(
        all.body["projects"].as_array().unwrap().iter().all(|p| p["projectName"] != "Refused"),
        "nothing was created"
    );
    assert_eq!(
        create(&api, "Refused", &valid_with("usageUnit", json!("Cost"))).await.status,
        200,
        "the name was never taken"
    );
}

#[tokio::test]
async fn the_beta_dialect_shows_no_limit() {
    let api = start(Config { dialect: Dialect::SaiaBeta, ..small() }).await;
    for name in ["Customer Support", "Legacy Chatbot"] {
        let body = detail(&api, &api.project_id(name)).await;
        assert!(body.get("usageLimit").is_none(), "{name}: {body}");
    }
}

#[tokio::test]
async fn limits_survive_a_restart_through_the_state_file() {
    let file = std::env::temp_dir().join(format!("geai-sandbox-limits-{}.json", std::process::id()));
    std::fs::remove_file(&file).ok();
    let config = Config { state_file: Some(file.clone()), ..small() };
    let first = start(config.clone()).await;
    let created = create(&first, "Kept", &valid_with("renewalStatus", json!("NonRenewable"))).await;
    let id = created.body["projectId"].as_str().unwrap().to_string();
    let seeded = first.project_id("Marketing Copy");
    let before = (detail(&first, &id).await, detail(&first, &seeded).await);
    drop(first);

    let second = start(config).await;
    assert_eq!((detail(&second, &id).await, detail(&second, &seeded).await), before);
    assert_eq!(before.0["usageLimit"]["renewalStatus"], "NonRenewable");
    std::fs::remove_file(file).ok();
}
