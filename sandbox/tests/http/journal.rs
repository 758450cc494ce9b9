//! The request journal: what was asked, and whether the client waited for the answer.

use std::time::{Duration, Instant};

use super::common::{small, start, Running};
use geai_sandbox::journal::{Entry, Outcome};

async fn wait_for_outcome(api: &Running, uri: &str, outcome: Outcome) -> Entry {
    let started = Instant::now();
    loop {
        let entries = api.sandbox.journal().entries();
        if let Some(entry) = entries.iter().find(|e| e.uri == uri && e.outcome == outcome) {
            return entry.clone();
        }
        assert!(started.elapsed() < Duration::from_secs(5), "no {outcome:?} entry for {uri}: {entries:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn answered_requests_are_listed_with_their_status_and_query() {
    let api = start(small()).await;
    api.get("/v1/organization/projects?detail=full", &api.organization_token()).await;
    api.get("/v1/organization/projects", "wrong").await;
    let listed: serde_json::Value =
        api.client.get(format!("{}/__sandbox/requests", api.url)).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed[0]["method"], "GET");
    assert_eq!(listed[0]["uri"], "/v1/organization/projects?detail=full");
    assert_eq!((listed[0]["outcome"].as_str(), listed[0]["status"].as_u64()), (Some("answered"), Some(200)));
    assert_eq!(listed[0]["auth"], "bearer", "the scheme is recorded");
    assert!(!listed.to_string().contains(&api.organization_token()), "never the token itself");
    assert_eq!(listed[1]["status"], 401);

    api.client.delete(format!("{}/__sandbox/requests", api.url)).send().await.unwrap();
    assert!(api.sandbox.journal().entries().is_empty());
}

#[tokio::test]
async fn a_client_that_gives_up_leaves_an_abandoned_request() {
    let api = start(small()).await;
    let uri = "/v1/organization/projects?slow=1";
    let gave_up = api
        .client
        .get(format!("{}{uri}", api.url))
        .bearer_auth(api.organization_token())
        .header("x-sandbox-fault", "delay=3000")
        .timeout(Duration::from_millis(200))
        .send()
        .await;
    assert!(gave_up.is_err());
    wait_for_outcome(&api, uri, Outcome::Abandoned).await;
}

#[tokio::test]
async fn a_dropped_connection_is_recorded_as_abandoned() {
    let api = start(small()).await;
    let uri = "/v1/organization/projects?dropped=1";
    let dropped = api
        .client
        .get(format!("{}{uri}", api.url))
        .bearer_auth(api.organization_token())
        .header("x-sandbox-fault", "drop")
        .send()
        .await;
    assert!(dropped.is_err());
    wait_for_outcome(&api, uri, Outcome::Abandoned).await;
}
