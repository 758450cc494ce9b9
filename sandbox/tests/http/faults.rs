//! Fault injection: by header and by posted rule; every kind.

use std::time::{Duration, Instant};

use super::common::{small, start};
use geai_sandbox::config::Config;
use serde_json::json;

const PROJECTS: &str = "/v1/organization/projects";

#[tokio::test]
async fn header_faults_answer_status_html_and_malformed_json() {
    let api = start(small()).await;
    let url = format!("{}{PROJECTS}", api.url);
    let token = api.organization_token();
    let send = |fault: &'static str| api.client.get(&url).bearer_auth(&token).header("x-sandbox-fault", fault).send();

    let unavailable = send("status=503").await.unwrap();
    assert_eq!(unavailable.status(), 503);
    assert_eq!(unavailable.headers()["access-control-allow-origin"], "*", "faults keep CORS headers");
    let body: serde_json::Value = unavailable.json().await.unwrap();
    assert_eq!(body["errors"][0]["id"], 503);

    let html = send("html").await.unwrap();
    assert_eq!(html.status(), 502);
    assert!(html.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(html.text().await.unwrap().contains("<h1>502 Bad Gateway</h1>"));

    let malformed = send("malformed-json").await.unwrap();
    assert_eq!(malformed.status(), 200);
    assert!(serde_json::from_str::<serde_json::Value>(&malformed.text().await.unwrap()).is_err());

    let started = Instant::now();
    let slow = send("delay=300").await.unwrap();
    assert_eq!(slow.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(300));

    let bad = send("explode").await.unwrap();
    assert_eq!(bad.status(), 400);
}

#[tokio::test]
async fn drop_closes_the_connection_without_a_response_and_the_server_goes_on() {
    let api = start(small()).await;
    let url = format!("{}{PROJECTS}", api.url);
    let dropped =
        api.client.get(&url).bearer_auth(api.organization_token()).header("x-sandbox-fault", "drop").send().await;
    assert!(dropped.is_err(), "no response: {dropped:?}");
    assert_eq!(api.get(PROJECTS, &api.organization_token()).await.status, 200);
}

#[tokio::test]
async fn posted_rules_match_method_and_path_and_run_out() {
    let api = start(small()).await;
    let control = format!("{}/__sandbox/faults", api.url);
    let rule = json!({ "method": "GET", "path": PROJECTS, "fault": "status=500", "times": 2 });
    assert_eq!(api.client.post(&control).json(&rule).send().await.unwrap().status(), 200);
    let listed: serde_json::Value = api.client.get(&control).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed[0]["times"], 2);

    let token = api.organization_token();
    let other = api.get(&format!("/v1/organization/project/{}", api.project_id("Legal Review")), &token).await;
    assert_eq!(other.status, 200, "another path is untouched");
    assert_eq!(api.get(PROJECTS, &token).await.status, 500);
    assert_eq!(api.get(PROJECTS, &token).await.status, 500);
    assert_eq!(api.get(PROJECTS, &token).await.status, 200, "used up after two");

    let forever = json!({ "path": "/v1/", "fault": "html" });
    api.client.post(&control).json(&forever).send().await.unwrap();
    assert_eq!(api.get(PROJECTS, &token).await.status, 502);
    assert_eq!(api.get(PROJECTS, &token).await.status, 502);
    api.client.delete(&control).send().await.unwrap();
    assert_eq!(api.get(PROJECTS, &token).await.status, 200);

    let nonsense = api.client.post(&control).json(&json!({ "path": "/", "fault": "sometimes" })).send().await.unwrap();
    assert_eq!(nonsense.status(), 400);
}

#[tokio::test]
async fn latency_delays_every_api_response() {
    let api = start(Config { latency: Duration::from_millis(250), ..small() }).await;
    let started = Instant::now();
    assert_eq!(api.get(PROJECTS, &api.organization_token()).await.status, 200);
    assert!(started.elapsed() >= Duration::from_millis(250));
}
