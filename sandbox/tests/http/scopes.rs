//! Tokens and scopes: who may call what.

use super::common::{small, start};
use reqwest::Method;

#[tokio::test]
async fn a_missing_or_unknown_token_gets_401_with_an_errors_body() {
    let api = start(small()).await;
    let bare = api.client.get(format!("{}/v1/organization/projects", api.url)).send().await.unwrap();
    assert_eq!(bare.status(), 401);
    let body: serde_json::Value = bare.json().await.unwrap();
    assert_eq!(body["errors"][0]["id"], 401);

    let unknown = api.get("/v1/organization/projects", "not-a-token").await;
    assert_eq!(unknown.status, 401);
    assert_eq!(unknown.error(), (401, "Unauthorized".into()));
}

#[tokio::test]
async fn organization_endpoints_refuse_a_project_token_with_error_7() {
    let api = start(small()).await;
    let project = api.project_token("Customer Support");
    let id = api.project_id("Customer Support");
    for (method, path) in [
        (Method::GET, "/v1/organization/projects".to_string()),
        (Method::POST, "/v1/organization/project".to_string()),
        (Method::PUT, format!("/v1/organization/project/{id}")),
        (Method::DELETE, format!("/v1/organization/project/{id}")),
        (Method::GET, format!("/v1/organization/project/{id}/tokens")),
    ] {
        let answer = api.call(method.clone(), &path, &project, Some(r#"{"name":"x"}"#)).await;
        assert_eq!(answer.status, 403, "{method} {path}");
        assert_eq!(answer.error().0, 7, "{method} {path}");
    }
}

#[tokio::test]
async fn project_endpoints_refuse_the_organization_token_with_error_7() {
    let api = start(small()).await;
    let organization = api.organization_token();
    for path in ["/v1/organization/assistants", "/v1/organization/request/export"] {
        let answer = api.get(path, &organization).await;
        assert_eq!((answer.status, answer.error().0), (403, 7), "{path}");
    }
}

#[tokio::test]
async fn a_project_token_sees_only_its_own_project() {
    let api = start(small()).await;
    let token = api.project_token("Customer Support");
    let own = api.get(&format!("/v1/organization/project/{}", api.project_id("Customer Support")), &token).await;
    assert_eq!(own.status, 200);
    assert_eq!(own.body["projectName"], "Customer Support");

    let other = api.get(&format!("/v1/organization/project/{}", api.project_id("Sales Assistant")), &token).await;
    assert_eq!((other.status, other.error().0), (403, 7));

    let assistants = api.get("/v1/organization/assistants", &token).await;
    assert_eq!(assistants.body["projectName"], "Customer Support");
    let sales = api.get("/v1/organization/assistants", &api.project_token("Sales Assistant")).await;
    assert_ne!(assistants.body["assistants"], sales.body["assistants"], "each project has its own assistants");
    let export = api.get("/v1/organization/request/export?count=5", &token).await;
    let sales_export = api.get("/v1/organization/request/export?count=5", &api.project_token("Sales Assistant")).await;
    assert_ne!(export.body, sales_export.body, "each project has its own request log");
}

#[tokio::test]
async fn either_token_may_read_a_project_and_basic_auth_works_too() {
    let api = start(small()).await;
    let path = format!("{}/v1/organization/project/{}", api.url, api.project_id("Customer Support"));
    let basic = api.client.get(&path).basic_auth(api.organization_token(), Some("")).send().await.unwrap();
    assert_eq!(basic.status(), 200);
    let basic =
        api.client.get(&path).basic_auth(api.project_token("Customer Support"), None::<&str>).send().await.unwrap();
    assert_eq!(basic.status(), 200);
}

#[tokio::test]
async fn a_blocked_token_is_refused() {
    let api = start(small()).await;
    let blocked = api.sandbox.read(|s| {
        s.projects.iter().flat_map(|p| &p.tokens).find(|t| t.blocked).expect("a blocked token is seeded").id.clone()
    });
    assert_eq!(api.get("/v1/organization/assistants", &blocked).await.status, 401);
}

#[tokio::test]
async fn validate_tells_the_scope_of_each_token() {
    let api = start(small()).await;
    let organization = api.get("/v1/accessControl/apitoken/validate", &api.organization_token()).await;
    assert_eq!(organization.status, 200);
    assert_eq!(organization.body["scope"], "Pia.Data.Organization");
    assert_eq!(organization.body["organizationName"], "Acme Demo Org");
    let project = api.get("/v1/accessControl/apitoken/validate", &api.project_token("Legal Review")).await;
    assert_eq!(project.body["projectId"], api.project_id("Legal Review").as_str());
    assert!(project.body.get("scope").is_none());
    assert_eq!(api.get("/v1/accessControl/apitoken/validate", "nope").await.status, 401);
}
