//! The SAIA beta dialect next to the current one.

use super::common::{small, start};
use geai_sandbox::config::{Config, Dialect};
use reqwest::Method;

fn beta() -> Config {
    Config { dialect: Dialect::SaiaBeta, ..small() }
}

#[tokio::test]
async fn beta_exports_wrap_each_row_in_item_with_the_documented_fields_only() {
    let api = start(beta()).await;
    let answer = api.get("/v1/organization/request/export?count=3", &api.project_token("Customer Support")).await;
    let rows = answer.body.as_array().expect("a bare array");
    assert_eq!(rows.len(), 3);
    let item = rows[0]["item"].as_object().expect("wrapped in item");
    let mut keys: Vec<&str> = item.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["assistant", "inputText", "intent", "output", "prompt", "status", "timestamp"]);
}

#[tokio::test]
async fn beta_has_deleted_projects_no_organization_fields_and_no_validate() {
    let api = start(beta()).await;
    let org = api.organization_token();
    let full = api.get("/v1/organization/projects?detail=full", &org).await;
    assert!(full.body["projects"].as_array().unwrap().iter().any(|p| p["projectStatus"] == 1), "status 1 Deleted");
    let summary = api.get("/v1/organization/projects", &org).await;
    assert!(summary.body["projects"].as_array().unwrap().iter().all(|p| p["projectStatus"] == 0));
    let detail = api.get(&format!("/v1/organization/project/{}", api.project_id("Legal Review")), &org).await;
    assert!(detail.body.get("organizationId").is_none() && detail.body.get("organizationName").is_none());
    let validate = api.get("/v1/accessControl/apitoken/validate", &org).await;
    assert_eq!((validate.status, validate.error().0), (404, 404));
}

#[tokio::test]
async fn beta_put_takes_active_and_the_current_dialect_ignores_it() {
    let api = start(beta()).await;
    let org = api.organization_token();
    let path = format!("/v1/organization/project/{}", api.project_id("Legal Review"));
    let hidden = api.call(Method::PUT, &path, &org, Some(r#"{"name": "Legal Review", "active": false}"#)).await;
    assert_eq!((hidden.body["projectStatus"].as_u64(), hidden.body["projectActive"].as_bool()), (Some(2), Some(false)));
    let back = api.call(Method::PUT, &path, &org, Some(r#"{"name": "Legal Review", "active": true}"#)).await;
    assert_eq!(back.body["projectStatus"], 0);

    let current = start(small()).await;
    let path = format!("/v1/organization/project/{}", current.project_id("Legal Review"));
    let ignored = current
        .call(Method::PUT, &path, &current.organization_token(), Some(r#"{"name": "Legal Review", "active": false}"#))
        .await;
    assert_eq!(ignored.body["projectStatus"], 0);
}

#[tokio::test]
async fn beta_ignores_the_name_filter_which_came_later() {
    let api = start(beta()).await;
    let answer = api.get("/v1/organization/projects?name=Legal%20Review", &api.organization_token()).await;
    assert!(answer.body["projects"].as_array().unwrap().len() > 1);
}
