//! `--state FILE`: written after every change, atomically, and loaded on the next start.

use super::common::{small, start};
use geai_sandbox::config::Config;
use reqwest::Method;

#[tokio::test]
async fn changes_survive_a_restart_through_the_state_file() {
    let dir = std::env::temp_dir().join(format!("geai-sandbox-state-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("state.json");
    let config = Config { state_file: Some(file.clone()), ..small() };

    let first = start(config.clone()).await;
    assert!(file.exists(), "the seeded state is written at start");
    let org = first.organization_token();
    let created = first.call(Method::POST, "/v1/organization/project", &org, Some(r#"{"name":"Persisted"}"#)).await;
    let token = created.body["tokens"][0]["id"].as_str().unwrap().to_string();
    let removed = first.project_id("Legal Review");
    first.call(Method::DELETE, &format!("/v1/organization/project/{removed}"), &org, None).await;
    let before = first.get("/v1/organization/projects?detail=full", &org).await.body;
    drop(first);

    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["state.json"], "no temporary file is left behind");

    let second = start(config).await;
    assert_eq!(second.organization_token(), org);
    assert_eq!(second.get("/v1/organization/projects?detail=full", &org).await.body, before);
    assert_eq!(second.get("/v1/organization/assistants", &token).await.status, 200, "the new project's token works");
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn a_corrupt_state_file_is_refused_not_overwritten() {
    let file = std::env::temp_dir().join(format!("geai-sandbox-corrupt-{}.json", std::process::id()));
    std::fs::write(&file, "{ half a snap").unwrap();
    let result = geai_sandbox::Sandbox::new(Config { state_file: Some(file.clone()), ..small() });
    assert!(result.is_err());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "{ half a snap");
    std::fs::remove_file(file).ok();
}
