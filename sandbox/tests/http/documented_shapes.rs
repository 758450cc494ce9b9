//! Every key of every JSON example in both API documents (fixtures/api/) is present in the sandbox's real
//! response, with the documented JSON type.

use std::path::PathBuf;

use super::common::{small, start, Running};
use geai_sandbox::config::{Config, Dialect};
use reqwest::Method;
use serde_json::Value;

fn fixture(dialect: &str, name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/api").join(dialect).join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Checks `actual` against the documented example: same type everywhere, every documented key present, and
/// every element of an array shaped like the example's first element. Where `nullable_text` is set, a
/// documented string may be null: FACTS.md says any text field of an export row may be.
fn assert_shape(documented: &Value, actual: &Value, at: &str) {
    check(documented, actual, at, at.contains("export"))
}

fn check(documented: &Value, actual: &Value, at: &str, nullable_text: bool) {
    match (documented, actual) {
        (Value::Object(doc), Value::Object(real)) => {
            for (key, doc_value) in doc {
                let real_value = real.get(key).unwrap_or_else(|| panic!("{at}.{key} is missing in {actual}"));
                check(doc_value, real_value, &format!("{at}.{key}"), nullable_text);
            }
        }
        (Value::Array(doc), Value::Array(real)) => {
            assert!(!real.is_empty() || doc.is_empty(), "{at} is empty: nothing to compare");
            if let Some(first) = doc.first() {
                for (i, element) in real.iter().enumerate() {
                    check(first, element, &format!("{at}[{i}]"), nullable_text);
                }
            }
        }
        (Value::String(_), Value::String(_))
        | (Value::Bool(_), Value::Bool(_))
        | (Value::Number(_), Value::Number(_)) => {}
        (Value::String(_), Value::Null) if nullable_text => {}
        _ => panic!("{at}: documented as {documented}, got {actual}"),
    }
}

async fn check_dialect(api: &Running, dir: &str) {
    let org = api.organization_token();
    let project = api.project_token("Customer Support");
    let id = api.project_id("Customer Support");
    let cases = [
        ("projects.json", api.get("/v1/organization/projects?detail=full", &org).await),
        ("project.json", api.get(&format!("/v1/organization/project/{id}"), &org).await),
        ("tokens.json", api.get(&format!("/v1/organization/project/{id}/tokens"), &org).await),
        ("assistants-summary.json", api.get("/v1/organization/assistants", &project).await),
        ("assistants-full.json", api.get("/v1/organization/assistants?detail=full", &project).await),
        ("export.json", api.get("/v1/organization/request/export?count=50", &project).await),
        ("errors.json", api.get("/v1/organization/project/00000000-0000-4000-8000-000000000000", &org).await),
        (
            "project-created.json",
            api.call(
                Method::POST,
                "/v1/organization/project",
                &org,
                Some(r#"{"name":"my Project","description":"d"}"#),
            )
            .await,
        ),
        (
            "project-updated.json",
            api.call(
                Method::PUT,
                &format!("/v1/organization/project/{id}"),
                &org,
                Some(r#"{"name":"Sample Project","description":"u"}"#),
            )
            .await,
        ),
    ];
    for (name, answer) in cases {
        assert_shape(&fixture(dir, name), &answer.body, &format!("{dir}/{name}"));
    }
}

#[tokio::test]
async fn current_dialect_matches_the_geai_document() {
    check_dialect(&start(small()).await, "geai").await;
}

#[tokio::test]
async fn beta_dialect_matches_the_saia_beta_document() {
    check_dialect(&start(Config { dialect: Dialect::SaiaBeta, ..small() }).await, "saia-beta").await;
}

#[tokio::test]
async fn usage_limit_matches_the_shape_in_facts() {
    let api = start(small()).await;
    let detail = api
        .get(&format!("/v1/organization/project/{}", api.project_id("Customer Support")), &api.organization_token())
        .await;
    let documented = &fixture("facts", "project-usage-limit.json")["usageLimit"];
    assert_shape(documented, &detail.body["usageLimit"], "facts/project-usage-limit.json(usageLimit)");
}

#[tokio::test]
async fn validate_matches_the_shapes_in_facts() {
    let api = start(small()).await;
    let org = api.get("/v1/accessControl/apitoken/validate", &api.organization_token()).await;
    assert_shape(&fixture("facts", "validate-organization.json"), &org.body, "validate(org)");
    let project = api.get("/v1/accessControl/apitoken/validate", &api.project_token("Customer Support")).await;
    assert_shape(&fixture("facts", "validate-project.json"), &project.body, "validate(project)");
}

/// The `/v2` calls of the vendor's newer API (FACTS.md): the sandbox's answers as `fixtures/api/v2/` records
/// them for clients.
#[tokio::test]
async fn v2_answers_match_the_fixtures() {
    let api = start(small()).await;
    let org = api.organization_token();
    let project = api.project_id("Customer Support");
    let created = api
        .call_with(
            Method::POST,
            "/v2/projects/tokens",
            &org,
            Some(r#"{"name": "CI pipeline", "description": "Runs the nightly checks"}"#),
            &[("project-id", &project)],
        )
        .await;
    let token = format!("/v2/projects/tokens/{}", created.body["id"].as_str().unwrap());
    let updated = api.call(Method::PUT, &token, &org, Some(r#"{"status": "blocked"}"#)).await;
    let revoked = api.call(Method::DELETE, &token, &org, None).await;
    let limits = format!("/v2/usageLimits/organizations/{}/projects/{project}/limits", api.organization_id());
    let limit = r#"{"subscriptionType": "Monthly", "usageUnit": "Cost", "softLimit": 40, "hardLimit": 50, "renewalStatus": "Renewable"}"#;
    api.call(Method::POST, &limits, &org, Some(limit)).await;
    let legacy = api.project_id("Legacy Chatbot");
    let legacy_limits = format!("/v2/usageLimits/organizations/{}/projects/{legacy}/limits", api.organization_id());
    let cases = [
        ("token-created.json", created),
        ("token-updated.json", updated),
        ("token-revoked.json", revoked),
        ("token.json", api.get(&token, &org).await),
        ("usage-limits.json", api.get(&limits, &org).await),
        ("usage-limit.json", api.get(&format!("{legacy_limits}/active"), &org).await),
        ("quota-exceeded.json", api.get("/v1/organization/assistants", &api.project_token("Legacy Chatbot")).await),
    ];
    for (name, answer) in cases {
        let documented = fixture("v2", name);
        assert_shape(&documented, &answer.body, &format!("v2/{name}"));
        if let (Some(doc), Some(real)) = (documented.as_object(), answer.body.as_object()) {
            let mut keys: Vec<&String> = real.keys().collect();
            keys.sort();
            assert_eq!(keys, doc.keys().collect::<Vec<_>>(), "v2/{name}: every key recorded, no other");
        }
    }
}
