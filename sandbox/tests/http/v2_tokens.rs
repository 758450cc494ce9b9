//! `/v2/projects/tokens`: creating, reading, blocking, unblocking and revoking project tokens with the
//! organization token, and the effect on the very next call each token is sent with.

use super::common::{allowed_headers, small, start, Answer, Running};
use geai_sandbox::config::{Config, Dialect};
use reqwest::Method;
use serde_json::{json, Value};

const TOKENS: &str = "/v2/projects/tokens";

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value.as_object().expect("an object").keys().map(String::as_str).collect();
    keys.sort();
    keys
}

async fn create(api: &Running, project: &str, body: &str) -> Answer {
    let id = api.project_id(project);
    api.call_with(Method::POST, TOKENS, &api.organization_token(), Some(body), &[("project-id", &id)]).await
}

/// A new token of `project`, its secret.
async fn new_token(api: &Running, project: &str) -> String {
    let created = create(api, project, r#"{"name": "CI pipeline", "description": "Runs the nightly checks"}"#).await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    created.body["id"].as_str().expect("the secret").to_string()
}

async fn put(api: &Running, token: &str, body: &str) -> Answer {
    api.call(Method::PUT, &format!("{TOKENS}/{token}"), &api.organization_token(), Some(body)).await
}

/// The token's status as `GET /v2/projects/tokens/{id}` and the project's tokens list say it.
async fn statuses(api: &Running, project: &str, token: &str) -> (Value, Value) {
    let org = api.organization_token();
    let one = api.get(&format!("{TOKENS}/{token}"), &org).await;
    let list = api.get(&format!("/v1/organization/project/{}/tokens", api.project_id(project)), &org).await;
    let listed = list.body["tokens"].as_array().unwrap().iter().find(|t| t["id"] == token).cloned();
    (one.body["status"].clone(), listed.map(|t| t["status"].clone()).unwrap_or(Value::Null))
}

/// The status of each call a project token makes: assistants, export, its project, validate.
async fn answers(api: &Running, project: &str, token: &str) -> Vec<u16> {
    let detail = format!("/v1/organization/project/{}", api.project_id(project));
    let mut statuses = Vec::new();
    for path in ["/v1/organization/assistants", "/v1/organization/request/export?count=1", &detail] {
        statuses.push(api.get(path, token).await.status);
    }
    statuses.push(api.get("/v1/accessControl/apitoken/validate", token).await.status);
    statuses
}

#[tokio::test]
async fn a_new_token_has_the_documented_shape_and_works_at_once() {
    let api = start(small()).await;
    let project_id = api.project_id("Customer Support");
    let created = create(&api, "Customer Support", r#"{"name": " CI pipeline ", "description": "Nightly"}"#).await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    let body = &created.body;
    assert_eq!(
        keys(body),
        ["description", "errors", "id", "messages", "name", "organization", "project", "scope", "status", "timestamp"]
    );
    let secret = body["id"].as_str().unwrap();
    assert!(secret.starts_with("geai_prj_") && secret.len() == "geai_prj_".len() + 40, "{secret}");
    assert_eq!(
        (&body["name"], &body["description"], &body["status"]),
        (&json!("CI pipeline"), &json!("Nightly"), &json!("Active"))
    );
    assert_eq!(body["scope"], "Pia.Data.Project");
    assert_eq!(
        (body["organization"].as_str(), body["project"].as_str()),
        (Some(api.organization_id().as_str()), Some(project_id.as_str()))
    );
    assert_eq!(body["messages"], json!([{"id": 0, "description": "Token created", "type": "Success"}]));
    assert_eq!(body["errors"], json!([]));
    assert_eq!(body["timestamp"], "2025-11-21T12:00:00+00:00", "the sandbox's run time");

    let assistants = api.get("/v1/organization/assistants", secret).await;
    assert_eq!((assistants.status, assistants.body["projectName"].as_str()), (200, Some("Customer Support")));
    assert_eq!(answers(&api, "Customer Support", secret).await, [200, 200, 200, 200]);

    let read = api.get(&format!("{TOKENS}/{secret}"), &api.organization_token()).await;
    assert_eq!(read.status, 200);
    assert_eq!(keys(&read.body), ["description", "id", "name", "scope", "status", "timestamp"]);
    for key in keys(&read.body) {
        assert_eq!(read.body[key], body[key], "{key}");
    }
    assert_eq!(statuses(&api, "Customer Support", secret).await, (json!("Active"), json!("Active")));

    let bare = create(&api, "Customer Support", r#"{"name": "Bare"}"#).await;
    assert_eq!((bare.status, &bare.body["description"]), (200, &Value::Null), "no description: null");
    assert_ne!(bare.body["id"], body["id"], "each secret is new");
}

#[tokio::test]
async fn blocking_unblocking_and_revoking_take_effect_on_the_next_call() {
    let api = start(small()).await;
    let token = new_token(&api, "Legal Review").await;
    assert_eq!(answers(&api, "Legal Review", &token).await, [200, 200, 200, 200]);

    let blocked = put(&api, &token, r#"{"status": "BLOCKED"}"#).await;
    assert_eq!((blocked.status, &blocked.body), (200, &json!([{"description": "Token updated", "type": "Success"}])));
    assert_eq!(answers(&api, "Legal Review", &token).await, [401, 401, 401, 401], "blocked: refused at once");
    assert_eq!(statuses(&api, "Legal Review", &token).await, (json!("Blocked"), json!("Blocked")));

    assert_eq!(put(&api, &token, r#"{"status": "active", "description": "Back in use"}"#).await.status, 200);
    assert_eq!(answers(&api, "Legal Review", &token).await, [200, 200, 200, 200], "unblocked: works at once");
    let read = api.get(&format!("{TOKENS}/{token}"), &api.organization_token()).await;
    assert_eq!((&read.body["status"], &read.body["description"]), (&json!("Active"), &json!("Back in use")));
    assert_eq!(put(&api, &token, "{}").await.status, 200, "nothing to change is fine");

    let revoke = format!("{TOKENS}/{token}");
    let revoked = api.call(Method::DELETE, &revoke, &api.organization_token(), None).await;
    assert_eq!((revoked.status, &revoked.body), (200, &json!({})));
    assert_eq!(answers(&api, "Legal Review", &token).await, [401, 401, 401, 401], "revoked: refused at once");
    assert_eq!(statuses(&api, "Legal Review", &token).await, (json!("Revoked"), json!("Revoked")), "still listed");

    let again = api.call(Method::DELETE, &revoke, &api.organization_token(), None).await;
    assert_eq!((again.status, &again.body), (200, &json!({})), "revoking twice is not an error");
    for body in [r#"{"status": "active"}"#, r#"{"description": "x"}"#, "{}"] {
        let refused = put(&api, &token, body).await;
        assert_eq!((refused.status, refused.error().0), (409, 409), "{body}");
        assert!(refused.error().1.contains("revoked"), "{:?}", refused.body);
    }
    assert_eq!(answers(&api, "Legal Review", &token).await, [401, 401, 401, 401], "a revoked token stays refused");
}

#[tokio::test]
async fn revoking_a_seeded_token_refuses_it_and_the_sandbox_names_no_token_for_its_project() {
    let api = start(small()).await;
    let token = api.project_token("Data Insights");
    api.call(Method::DELETE, &format!("{TOKENS}/{token}"), &api.organization_token(), None).await;
    assert_eq!(api.get("/v1/organization/assistants", &token).await.status, 401);
    assert!(api.sandbox.tokens().1.iter().all(|(name, _)| name != "Data Insights"), "no Active token is left");
    let seeded_blocked = api.sandbox.read(|s| {
        s.projects.iter().flat_map(|p| &p.tokens).find(|t| t.blocked).map(|t| t.id.clone()).expect("a blocked one")
    });
    let read = api.get(&format!("{TOKENS}/{seeded_blocked}"), &api.organization_token()).await;
    assert_eq!(read.body["status"], "Blocked");
    assert_eq!(put(&api, &seeded_blocked, r#"{"status": "Active"}"#).await.status, 200);
    assert_eq!(api.get("/v1/organization/assistants", &seeded_blocked).await.status, 200, "unblocked");
}

#[tokio::test]
async fn mistakes_are_refused_with_the_platforms_errors() {
    let api = start(small()).await;
    let org = api.organization_token();
    let missing = api.call(Method::POST, TOKENS, &org, Some(r#"{"name": "x"}"#)).await;
    assert_eq!((missing.status, missing.error().0), (400, 20));
    assert!(missing.error().1.contains("project-id"), "{:?}", missing.body);
    let blank = api.call_with(Method::POST, TOKENS, &org, Some(r#"{"name": "x"}"#), &[("project-id", " ")]).await;
    assert_eq!((blank.status, blank.error().0), (400, 20));
    let unknown_project = [("project-id", "00000000-0000-4000-8000-000000000000")];
    let unknown = api.call_with(Method::POST, TOKENS, &org, Some(r#"{"name": "x"}"#), &unknown_project).await;
    assert_eq!((unknown.status, unknown.error()), (404, (2005, "Project Not Found".into())));
    for (body, id) in [
        (r#"{"name": ""}"#, 2007),
        (r#"{"name": "  "}"#, 2007),
        (r#"{"description": "no name"}"#, 2007),
        (r#"{"name": 5}"#, 20),
        (r#"{"name": "x", "description": ["d"]}"#, 20),
        ("[]", 20),
        ("{not json", 20),
    ] {
        let refused = create(&api, "Customer Support", body).await;
        assert_eq!((refused.status, refused.error().0), (400, id), "{body}: {:?}", refused.body);
    }

    let nobody = format!("{TOKENS}/geai_prj_nobody");
    for answer in [
        api.get(&nobody, &org).await,
        api.call(Method::PUT, &nobody, &org, Some(r#"{"status": "blocked"}"#)).await,
        api.call(Method::DELETE, &nobody, &org, None).await,
    ] {
        assert_eq!((answer.status, answer.error()), (404, (6, "Api Token Not Found".into())));
    }

    let token = new_token(&api, "Customer Support").await;
    for body in [r#"{"status": "paused"}"#, r#"{"status": "revoked"}"#, r#"{"status": 1}"#, r#"{"description": 3}"#] {
        let refused = put(&api, &token, body).await;
        assert_eq!((refused.status, refused.error().0), (400, 20), "{body}: {:?}", refused.body);
    }
    assert!(put(&api, &token, r#"{"status": "paused"}"#).await.error().1.contains("active or blocked"));
    assert_eq!(answers(&api, "Customer Support", &token).await, [200, 200, 200, 200], "nothing changed");
}

#[tokio::test]
async fn a_project_token_gets_error_7_and_no_token_401() {
    let api = start(small()).await;
    let project = api.project_token("Customer Support");
    let id = api.project_id("Customer Support");
    let token = new_token(&api, "Customer Support").await;
    let path = format!("{TOKENS}/{token}");
    for (method, path) in [(Method::POST, TOKENS), (Method::GET, &path), (Method::PUT, &path), (Method::DELETE, &path)]
    {
        let answer =
            api.call_with(method.clone(), path, &project, Some(r#"{"name": "x"}"#), &[("project-id", &id)]).await;
        assert_eq!((answer.status, answer.error().0), (403, 7), "{method} {path}");
        let anonymous = api.client.request(method.clone(), format!("{}{path}", api.url)).send().await.unwrap();
        assert_eq!(anonymous.status(), 401, "{method} {path}");
    }
    assert_eq!(api.get("/v1/organization/assistants", &token).await.status, 200, "nothing was revoked");
}

#[tokio::test]
async fn unknown_v2_paths_and_verbs_answer_in_the_errors_shape_and_beta_has_no_v2() {
    let dist = std::env::temp_dir().join(format!("geai-sandbox-v2-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!DOCTYPE html><title>dashboard</title>").unwrap();
    let api = start(Config { dist: Some(dist.clone()), ..small() }).await;
    let org = api.organization_token();
    for path in ["/v2/nothing", "/v2/projects", "/v2/usageLimits/organizations", "/v2/projects/tokens/a/b"] {
        let answer = api.get(path, &org).await;
        assert_eq!((answer.status, answer.error()), (404, (404, "Bad Endpoint".into())), "{path}");
    }
    let bare = api.client.get(format!("{}/v2/nothing", api.url)).send().await.unwrap();
    assert_eq!(bare.status(), 404, "no dashboard page for an unknown /v2 path, token or not");
    for (method, path) in
        [(Method::GET, TOKENS), (Method::PATCH, "/v2/projects/tokens/x"), (Method::POST, "/v2/projects/tokens/x")]
    {
        let answer = api.call(method.clone(), path, &org, None).await;
        assert_eq!((answer.status, answer.error().0), (405, 2026), "{method} {path}");
    }
    std::fs::remove_dir_all(dist).ok();

    let beta = start(Config { dialect: Dialect::SaiaBeta, ..small() }).await;
    let id = beta.project_id("Customer Support");
    let token = beta.project_token("Customer Support");
    let headers = [("project-id", id.as_str())];
    for answer in [
        beta.call_with(Method::POST, TOKENS, &beta.organization_token(), Some(r#"{"name": "x"}"#), &headers).await,
        beta.get(&format!("{TOKENS}/{token}"), &beta.organization_token()).await,
        beta.get(
            &format!("/v2/usageLimits/organizations/{}/limits", beta.organization_id()),
            &beta.organization_token(),
        )
        .await,
    ] {
        assert_eq!((answer.status, answer.error().0), (404, 404), "{:?}", answer.body);
    }
}

#[tokio::test]
async fn v2_calls_get_faults_journal_entries_and_cors_for_project_id() {
    let api = start(small()).await;
    let org = api.organization_token();
    let token = new_token(&api, "Customer Support").await;
    let faulted = api
        .client
        .get(format!("{}{TOKENS}/{token}", api.url))
        .bearer_auth(&org)
        .header("x-sandbox-fault", "status=503")
        .send()
        .await
        .unwrap();
    assert_eq!(faulted.status(), 503);
    let journal = api.sandbox.journal().entries();
    assert!(journal.iter().any(|e| e.method == "POST" && e.uri == TOKENS), "{journal:?}");
    assert!(journal.iter().any(|e| e.uri == format!("{TOKENS}/{token}")), "{journal:?}");

    let allowed = allowed_headers(&api.preflight("POST", TOKENS, "authorization,content-type,project-id").await);
    assert!(allowed.contains("project-id"), "{allowed}");
}
