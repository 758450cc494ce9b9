//! `--state FILE`: written after every change, atomically, and loaded on the next start.

use super::common::{small, start, Running};
use geai_sandbox::config::Config;
use reqwest::Method;
use serde_json::{json, Value};

/// Everything the v2 calls changed, as the API reads it back.
async fn v2_state(api: &Running, tokens: &[String], project: &str) -> Vec<Value> {
    let org = api.organization_token();
    let mut state = Vec::new();
    for token in tokens {
        state.push(api.get(&format!("/v2/projects/tokens/{token}"), &org).await.body);
        state.push(json!(api.get("/v1/organization/assistants", token).await.status));
    }
    let organization = format!("/v2/usageLimits/organizations/{}", api.organization_id());
    state.push(api.get(&format!("{organization}/limits"), &org).await.body);
    state.push(api.get(&format!("{organization}/projects/{project}/limits"), &org).await.body);
    state.push(api.get(&format!("/v1/organization/project/{project}"), &org).await.body);
    state
}

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

    // The v2 calls: a new token, one blocked, one revoked; a new limit of the organization and of a project,
    // the project's seeded one thereby cancelled, and a change.
    let project = first.project_id("Customer Support");
    let headers = [("project-id", project.as_str())];
    let new = first.call_with(Method::POST, "/v2/projects/tokens", &org, Some(r#"{"name": "Kept"}"#), &headers).await;
    let new = new.body["id"].as_str().unwrap().to_string();
    let blocked = first.project_token("Customer Support");
    let revoked = first.project_token("Sales Assistant");
    first.call(Method::PUT, &format!("/v2/projects/tokens/{blocked}"), &org, Some(r#"{"status": "blocked"}"#)).await;
    first.call(Method::DELETE, &format!("/v2/projects/tokens/{revoked}"), &org, None).await;
    let limit = r#"{"subscriptionType": "Daily", "usageUnit": "Cost", "softLimit": 5, "hardLimit": 9, "renewalStatus": "NonRenewable"}"#;
    let organization = format!("/v2/usageLimits/organizations/{}", first.organization_id());
    first.call(Method::POST, &format!("{organization}/limits"), &org, Some(limit)).await;
    let created =
        first.call(Method::POST, &format!("{organization}/projects/{project}/limits"), &org, Some(limit)).await;
    let change = format!("{organization}/projects/{project}/limits/{}/hardLimit", created.body["id"].as_str().unwrap());
    assert_eq!(first.call(Method::PUT, &change, &org, Some(r#"{"hardLimit": 12.5}"#)).await.status, 200);
    let tokens = [new.clone(), blocked, revoked];
    let v2_before = v2_state(&first, &tokens, &project).await;
    let statuses: Vec<Value> = v2_before[..6].iter().step_by(2).map(|token| token["status"].clone()).collect();
    assert_eq!(statuses, ["Active", "Blocked", "Revoked"]);
    assert_eq!(v2_before[1..6].iter().step_by(2).cloned().collect::<Vec<_>>(), [200, 401, 401]);
    assert_eq!(v2_before[7]["usageLimits"].as_array().map(Vec::len), Some(2), "the new limit and the cancelled one");
    let before = first.get("/v1/organization/projects?detail=full", &org).await.body;
    drop(first);

    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["state.json"], "no temporary file is left behind");

    let second = start(config).await;
    assert_eq!(second.organization_token(), org);
    assert_eq!(second.get("/v1/organization/projects?detail=full", &org).await.body, before);
    assert_eq!(second.get("/v1/organization/assistants", &token).await.status, 200, "the new project's token works");
    assert_eq!(v2_state(&second, &tokens, &project).await, v2_before, "tokens and limits as they were");
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn a_state_file_of_before_token_statuses_and_limit_histories_still_loads() {
    let file = std::env::temp_dir().join(format!("geai-sandbox-older-{}.json", std::process::id()));
    std::fs::remove_file(&file).ok();
    let config = Config { state_file: Some(file.clone()), ..small() };
    let fresh = start(config.clone()).await;
    let detail = format!("/v1/organization/project/{}", fresh.project_id("Marketing Copy"));
    let expected = fresh.get(&detail, &fresh.organization_token()).await.body;
    drop(fresh);

    // As the sandbox wrote it before: one `usage_limit` a project (amounts stored, status Empty), no history,
    // no organization limits, no `revoked_ms`.
    let mut old: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    old["organization"].as_object_mut().unwrap().remove("usage_limits");
    for project in old["projects"].as_array_mut().unwrap() {
        let project = project.as_object_mut().unwrap();
        let mut limit = project.remove("usage_limits").unwrap()[0].clone();
        if let Some(limit) = limit.as_object_mut() {
            limit.insert("used_amount".into(), json!(1.0));
            limit.insert("remaining_usage".into(), json!(2.0));
        }
        project.insert("usage_limit".into(), limit);
    }
    std::fs::write(&file, old.to_string()).unwrap();

    let loaded = start(config).await;
    let org = loaded.organization_token();
    assert_eq!(loaded.get(&detail, &org).await.body, expected, "the limit read back, its amounts counted anew");
    let organization = format!("/v2/usageLimits/organizations/{}/limits", loaded.organization_id());
    assert_eq!(loaded.get(&organization, &org).await.body, json!({"usageLimits": []}));
    let tokens = loaded.get(&format!("{detail}/tokens"), &org).await.body;
    let statuses: Vec<&Value> = tokens["tokens"].as_array().unwrap().iter().map(|t| &t["status"]).collect();
    assert_eq!(statuses, ["Active", "Blocked"]);
    std::fs::remove_file(file).ok();
}

/// What access control answers about the Sales Assistant project, Diego Ramírez and the policies.
async fn access_state(api: &Running) -> Vec<Value> {
    let org = api.organization_token();
    let (project, organization) = (api.project_id("Sales Assistant"), api.organization_id());
    let mut state = Vec::new();
    for (path, header) in [
        ("/v2/accessControl/projects/members?pageSize=1000", ("project-id", project.as_str())),
        ("/v2/accessControl/projects/roles", ("project-id", project.as_str())),
        (
            "/v2/accessControl/projects/memberships?userEmail=diego.ramirez@acme.example",
            ("organization-id", &organization),
        ),
        ("/v2/accessControl/organization/plugin-runtime-policies", ("organization-id", &organization)),
    ] {
        state.push(api.call_with(Method::GET, path, &org, None, &[header]).await.body);
    }
    let everyone = format!("/v2/accessControl/organizations/members?organizationId={organization}&pageSize=1000");
    state.push(api.get(&everyone, &org).await.body);
    state
}

#[tokio::test]
async fn invitations_removals_and_policies_survive_a_restart() {
    let file = std::env::temp_dir().join(format!("geai-sandbox-access-{}.json", std::process::id()));
    std::fs::remove_file(&file).ok();
    let config = Config { state_file: Some(file.clone()), ..small() };
    let first = start(config.clone()).await;
    let org = first.organization_token();
    let project = first.project_id("Sales Assistant");
    for email in ["diego.ramirez@acme.example", "new.hire@partner.example"] {
        let body =
            json!({"userEmail": email, "roles": ["Project Member", "Access all Project Assistants"]}).to_string();
        let headers = [("project-id", project.as_str())];
        let invited =
            first.call_with(Method::POST, "/v2/accessControl/projects/members", &org, Some(&body), &headers).await;
        assert_eq!(invited.status, 201, "{}", invited.body);
    }
    let bruno = first.sandbox.read(|s| s.people.iter().find(|p| p.name == "Bruno Costa").unwrap().id.clone());
    let removed =
        first.call(Method::DELETE, &format!("/v2/accessControl/projects/{project}/members/{bruno}"), &org, None).await;
    assert_eq!(removed.status, 200);
    first.client.delete(format!("{}/__sandbox/plugin-runtime-policies", first.url)).send().await.unwrap();
    let before = access_state(&first).await;
    assert_eq!(before[2]["count"], 1, "Diego is on the project");
    assert_eq!(before[4]["count"], 31, "the newcomer is one of the people");
    drop(first);

    let second = start(config).await;
    assert_eq!(access_state(&second).await, before, "members, people and policies as they were");
    let again = second
        .call_with(
            Method::POST,
            "/v2/accessControl/projects/members",
            &org,
            Some(r#"{"userEmail": "diego.ramirez@acme.example", "roles": ["Project Member"]}"#),
            &[("project-id", &project)],
        )
        .await;
    assert_eq!(again.status, 409, "still a member after the restart");
    std::fs::remove_file(file).ok();
}

#[tokio::test]
async fn a_state_file_of_before_access_control_gets_the_seeded_people_roles_and_members() {
    let file = std::env::temp_dir().join(format!("geai-sandbox-pre-access-{}.json", std::process::id()));
    std::fs::remove_file(&file).ok();
    let config = Config { state_file: Some(file.clone()), ..small() };
    let fresh = start(config.clone()).await;
    let expected = access_state(&fresh).await;
    drop(fresh);

    let mut old: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let top = old.as_object_mut().unwrap();
    assert!(top.remove("people").is_some() && top.remove("access").is_some());
    for project in old["projects"].as_array_mut().unwrap() {
        let project = project.as_object_mut().unwrap();
        assert!(project.remove("roles").is_some() && project.remove("members").is_some());
    }
    std::fs::write(&file, old.to_string()).unwrap();

    let loaded = start(config).await;
    assert_eq!(access_state(&loaded).await, expected, "seeded on load as a new sandbox would be");
    let rewritten: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(rewritten["people"].as_array().map(Vec::len), Some(30), "and written back");
    std::fs::remove_file(file).ok();
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
