//! Project rules: listing, creation, names, updates, deletion.

use super::common::{small, start, Running};
use reqwest::Method;
use serde_json::Value;

fn names(answer: &Value) -> Vec<String> {
    answer["projects"].as_array().unwrap().iter().map(|p| p["projectName"].as_str().unwrap().to_string()).collect()
}

async fn create(api: &Running, body: &str) -> super::common::Answer {
    api.call(Method::POST, "/v1/organization/project", &api.organization_token(), Some(body)).await
}

#[tokio::test]
async fn summary_lists_active_projects_and_full_adds_hidden_ones() {
    let api = start(small()).await;
    let token = api.organization_token();
    let summary = api.get("/v1/organization/projects", &token).await;
    let full = api.get("/v1/organization/projects?detail=full", &token).await;
    assert!(summary.body["projects"].as_array().unwrap().iter().all(|p| p["projectStatus"] == 0));
    let hidden: Vec<&Value> =
        full.body["projects"].as_array().unwrap().iter().filter(|p| p["projectStatus"] == 2).collect();
    assert!(!hidden.is_empty(), "the seed has hidden projects");
    assert!(hidden.iter().all(|p| p["projectActive"] == false));
    assert_eq!(names(&full.body).len(), names(&summary.body).len() + hidden.len());
}

#[tokio::test]
async fn name_filters_by_exact_name() {
    let api = start(small()).await;
    let token = api.organization_token();
    let exact = api.get("/v1/organization/projects?name=Legal%20Review", &token).await;
    assert_eq!(names(&exact.body), ["Legal Review"]);
    let partial = api.get("/v1/organization/projects?name=Legal", &token).await;
    assert!(names(&partial.body).is_empty());
}

#[tokio::test]
async fn create_returns_the_project_with_its_default_tokens_which_then_work() {
    let api = start(small()).await;
    let created = create(&api, r#"{"name": "Billing Bot", "description": "Invoices", "administratorUserEmail": "ana@acme.example", "usageLimit": {"subscriptionType": "Daily", "usageUnit": "Requests", "softLimit": 800, "hardLimit": 1000}}"#).await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    assert_eq!(created.body["projectName"], "Billing Bot");
    assert_eq!(created.body["projectStatus"], 0);
    let id = created.body["projectId"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 36, "a GUID");
    let token = created.body["tokens"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(created.body["tokens"][0]["status"], "Active");

    let listed = api.get(&format!("/v1/organization/project/{id}/tokens"), &api.organization_token()).await;
    assert_eq!(listed.body["tokens"][0]["id"], token.as_str());
    let detail = api.get(&format!("/v1/organization/project/{id}"), &token).await;
    assert_eq!(detail.body["projectName"], "Billing Bot");
    assert_eq!(detail.body["usageLimit"]["hardLimit"], 1000.0);
    assert!(detail.body.get("tokens").is_none(), "only creation returns tokens");
}

#[tokio::test]
async fn create_accepts_the_capitalised_names_of_the_older_doc() {
    let api = start(small()).await;
    let created = create(&api, r#"{"Name": "Capitalised", "Description": "Old style"}"#).await;
    assert_eq!(created.status, 200);
    assert_eq!(created.body["projectDescription"], "Old style");
}

#[tokio::test]
async fn names_are_unique_ignoring_case_and_must_not_be_empty() {
    let api = start(small()).await;
    let duplicate = create(&api, r#"{"name": "customer SUPPORT"}"#).await;
    assert_eq!(duplicate.status, 400);
    assert_eq!(duplicate.error(), (2002, "ProjectName customer SUPPORT Already Exists In The Organization".into()));
    for body in [r#"{"name": ""}"#, r#"{"name": "   "}"#, r#"{"description": "no name"}"#] {
        let empty = create(&api, body).await;
        assert_eq!((empty.status, empty.error().0), (400, 2007), "{body}");
    }
}

#[tokio::test]
async fn bad_bodies_get_a_400_errors_body() {
    let api = start(small()).await;
    for body in [
        "{not json",
        "[1,2]",
        "",
        r#"{"name": 5}"#,
        r#"{"name": "X", "administratorUserEmail": "not-an-email"}"#,
        r#"{"name": "Y", "usageLimit": 3}"#,
    ] {
        let answer = create(&api, body).await;
        assert_eq!(answer.status, 400, "{body}: {:?}", answer.body);
        assert_eq!(answer.error().0, 20, "{body}");
    }
}

#[tokio::test]
async fn unknown_and_malformed_ids_are_2005() {
    let api = start(small()).await;
    let token = api.organization_token();
    for id in ["00000000-0000-4000-8000-000000000000", "not-a-guid"] {
        let answer = api.get(&format!("/v1/organization/project/{id}"), &token).await;
        assert_eq!((answer.status, answer.error()), (404, (2005, "Project Not Found".into())));
    }
}

#[tokio::test]
async fn update_requires_a_name_and_keeps_the_description_when_absent() {
    let api = start(small()).await;
    let token = api.organization_token();
    let path = format!("/v1/organization/project/{}", api.project_id("Legal Review"));
    let missing = api.call(Method::PUT, &path, &token, Some(r#"{"description": "x"}"#)).await;
    assert_eq!(missing.error().0, 2007);
    let taken = api.call(Method::PUT, &path, &token, Some(r#"{"name": "Sales assistant"}"#)).await;
    assert_eq!(taken.error().0, 2002);
    let same = api.call(Method::PUT, &path, &token, Some(r#"{"name": "legal review"}"#)).await;
    assert_eq!(same.status, 200, "renaming to its own name in another case is fine");
    let renamed = api.call(Method::PUT, &path, &token, Some(r#"{"name": "Contracts"}"#)).await;
    assert_eq!(renamed.body["projectName"], "Contracts");
    assert_eq!(renamed.body["projectDescription"], "Flags risky clauses in contracts");
    let detail = api.get(&path, &token).await;
    assert_eq!(detail.body["projectName"], "Contracts");
}

#[tokio::test]
async fn delete_removes_the_project_and_its_tokens() {
    let api = start(small()).await;
    let org = api.organization_token();
    let project_token = api.project_token("Marketing Copy");
    let path = format!("/v1/organization/project/{}", api.project_id("Marketing Copy"));
    assert_eq!(api.call(Method::DELETE, &path, &org, None).await.status, 200);
    for answer in [
        api.get(&path, &org).await,
        api.get(&format!("{path}/tokens"), &org).await,
        api.call(Method::PUT, &path, &org, Some(r#"{"name":"Back"}"#)).await,
        api.call(Method::DELETE, &path, &org, None).await,
    ] {
        assert_eq!(answer.error().0, 2005);
    }
    assert_eq!(api.get("/v1/organization/assistants", &project_token).await.status, 401, "its tokens are gone");
    let all = api.get("/v1/organization/projects?detail=full", &org).await;
    assert!(!names(&all.body).contains(&"Marketing Copy".to_string()));
}

#[tokio::test]
async fn unknown_paths_and_verbs_answer_in_the_errors_shape() {
    let api = start(small()).await;
    let token = api.organization_token();
    let unknown = api.get("/v1/organization/nothing", &token).await;
    assert_eq!((unknown.status, unknown.error().0), (404, 404));
    let verb = api.call(Method::PATCH, "/v1/organization/projects", &token, None).await;
    assert_eq!((verb.status, verb.error().0), (405, 2026));
}
