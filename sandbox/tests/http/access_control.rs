//! `/v2/accessControl/...`: roles, members and memberships in the live nested shapes, paging, ordering and
//! `roleTypes`, the `project-id` / `organization-id` checks, token scopes, inviting and removing members, and the
//! plugin runtime policies' two answers.

use super::common::{allowed_headers, small, start, Answer, Running};
use geai_sandbox::config::{Config, Dialect};
use reqwest::Method;
use serde_json::{json, Value};

const ROLES: &str = "/v2/accessControl/projects/roles";
const MEMBERS: &str = "/v2/accessControl/projects/members";
const MEMBERSHIPS: &str = "/v2/accessControl/projects/memberships";
const ORGANIZATION_MEMBERS: &str = "/v2/accessControl/organizations/members";
const ALL_MEMBERSHIPS: &str = "/v2/accessControl/memberships";
const POLICIES: &str = "/v2/accessControl/organization/plugin-runtime-policies";

const MISMATCH: &str = "Organization or Project mismatch: verify the provided authorization";

/// A GET with the organization token and the named project's `project-id`.
async fn of_project(api: &Running, path: &str, project: &str) -> Answer {
    let id = api.project_id(project);
    api.call_with(Method::GET, path, &api.organization_token(), None, &[("project-id", &id)]).await
}

/// A GET with the organization token and the organization's `organization-id`.
async fn of_organization(api: &Running, path: &str) -> Answer {
    let id = api.organization_id();
    api.call_with(Method::GET, path, &api.organization_token(), None, &[("organization-id", &id)]).await
}

/// `organizations/members` with the organization's id and more parameters.
async fn organization_members(api: &Running, more: &str) -> Answer {
    api.get(
        &format!("{ORGANIZATION_MEMBERS}?organizationId={}{more}", api.organization_id()),
        &api.organization_token(),
    )
    .await
}

/// A project's members, as the live answer nests them.
fn members(answer: &Answer) -> &Vec<Value> {
    answer.body["projects"][0]["members"].as_array().unwrap_or_else(|| panic!("no members in {}", answer.body))
}

/// The values of `key` in each of `items`, as text.
fn each<'a>(items: &'a [Value], key: &str) -> Vec<&'a str> {
    items.iter().map(|item| item[key].as_str().unwrap_or_else(|| panic!("no {key} in {item}"))).collect()
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value.as_object().expect("an object").keys().map(String::as_str).collect();
    keys.sort();
    keys
}

fn sorted(mut texts: Vec<&str>, descending: bool) -> Vec<&str> {
    texts.sort_by_key(|t| t.to_lowercase());
    if descending {
        texts.reverse();
    }
    texts
}

async fn invite(api: &Running, project: &str, body: Value) -> Answer {
    let id = api.project_id(project);
    api.call_with(Method::POST, MEMBERS, &api.organization_token(), Some(&body.to_string()), &[("project-id", &id)])
        .await
}

/// A person's projects with their role names there, by project name.
async fn access_of(api: &Running, email: &str) -> Vec<(String, Vec<String>)> {
    let answer =
        of_organization(api, &format!("{MEMBERSHIPS}?userEmail={email}&pageSize=1000&orderDirection=asc")).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let projects = answer.body["projects"].as_array().expect("projects");
    projects
        .iter()
        .map(|p| {
            let roles = p["roles"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_string());
            (p["projectName"].as_str().unwrap().to_string(), roles.collect())
        })
        .collect()
}

#[tokio::test]
async fn project_roles_are_the_catalog_nested_in_the_project_ordered_by_name() {
    let api = start(small()).await;
    let answer = of_project(&api, ROLES, "Customer Support").await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!((&answer.body["count"], &answer.body["pages"]), (&json!(4), &json!(1)));
    let project = &answer.body["projects"][0];
    assert_eq!(
        keys(project),
        ["organizationId", "organizationName", "projectDescription", "projectId", "projectName", "roles"]
    );
    assert_eq!(project["projectId"], api.project_id("Customer Support").as_str());
    assert_eq!(project["organizationId"], api.organization_id().as_str());
    let roles = project["roles"].as_array().unwrap();
    assert_eq!(
        each(roles, "name"),
        ["Project Member", "Project Administrator", "Chat User", "Access all Project Assistants"],
        "descending by default"
    );
    for role in roles {
        assert_eq!(keys(role), ["externalId", "id", "name", "origin", "type"]);
        assert_ne!(role["id"], role["externalId"]);
    }
    let origin_and_type: Vec<(&str, &str)> =
        roles.iter().map(|r| (r["origin"].as_str().unwrap(), r["type"].as_str().unwrap())).collect();
    assert_eq!(
        origin_and_type,
        [("System", "Backend"), ("System", "Backend"), ("UserDefined", "Frontend"), ("System", "Frontend")]
    );

    let ascending = of_project(&api, &format!("{ROLES}?orderKey=name&orderDirection=asc"), "Customer Support").await;
    let names = each(ascending.body["projects"][0]["roles"].as_array().unwrap(), "name");
    assert_eq!(names, sorted(names.clone(), false));
    let odd = of_project(&api, ROLES, "Sales Assistant").await;
    assert_eq!(odd.body["count"], 3, "only even projects define a role of their own");
    let other = &odd.body["projects"][0]["roles"][0];
    assert_ne!(other["id"], roles[0]["id"], "each project has its own role ids");
}

#[tokio::test]
async fn role_types_filter_any_case_and_anything_else_is_out_of_range() {
    let api = start(small()).await;
    for (types, expected) in
        [("backend", vec!["Backend"]), ("FRONTEND", vec!["Frontend"]), ("Backend,frontend", vec![])]
    {
        let answer = of_project(&api, &format!("{ROLES}?roleTypes={types}"), "Customer Support").await;
        assert_eq!(answer.status, 200, "{types}");
        let found: Vec<&str> = each(answer.body["projects"][0]["roles"].as_array().unwrap(), "type");
        if expected.is_empty() {
            assert_eq!(found.len(), 4, "both types: all");
        } else {
            assert!(found.len() == 2 && found.iter().all(|t| *t == expected[0]), "{types}: {found:?}");
        }
    }
    for path in [ROLES, MEMBERS] {
        for bad in ["invalid_role", "nonexistent", "bad_type", ""] {
            let answer = of_project(&api, &format!("{path}?roleTypes={bad}"), "Customer Support").await;
            assert_eq!((answer.status, answer.error()), (400, (20, "Field roleTypes is out of range".into())), "{bad}");
        }
    }
    let frontend = organization_members(&api, "&roleTypes=frontend").await;
    assert_eq!(frontend.error(), (20, "Field roleTypes is out of range".into()), "organizations take only backend");
    assert_eq!(organization_members(&api, "&roleTypes=BACKEND").await.status, 200);
}

#[tokio::test]
async fn each_call_takes_its_one_order_key_and_pages_count_the_whole_list() {
    let api = start(small()).await;
    for (path, key) in [(ROLES, "name"), (MEMBERS, "name")] {
        let answer = of_project(&api, &format!("{path}?orderKey=id"), "Customer Support").await;
        assert_eq!((answer.status, answer.error()), (400, (20, format!("Invalid order (expected: {key})"))));
    }
    for bad in ["invalidKey", "organizationName", "id"] {
        let path = format!("{MEMBERSHIPS}?userEmail=ana.souza@acme.example&orderKey={bad}");
        let answer = of_organization(&api, &path).await;
        assert_eq!(answer.error().1.to_lowercase(), "invalid order (expected: projectname)");
    }
    let wrong = organization_members(&api, "&orderKey=name").await;
    assert_eq!(wrong.error().1, "Invalid order (expected: email)");
    let wrong = api
        .get(&format!("{ALL_MEMBERSHIPS}?email=ana.souza@acme.example&orderKey=projectName"), &api.organization_token())
        .await;
    assert_eq!(wrong.error().1, "Invalid order (expected: organizationName)");

    let all = members(&of_project(&api, &format!("{MEMBERS}?pageSize=1000"), "Customer Support").await).clone();
    for size in [1, 2, 3] {
        let answer = of_project(&api, &format!("{MEMBERS}?startPage=2&pageSize={size}"), "Customer Support").await;
        assert_eq!(answer.body["count"], all.len());
        assert_eq!(answer.body["pages"], all.len().div_ceil(size), "pages = ceil(count / pageSize)");
        assert_eq!(members(&answer)[..], all[size..(2 * size).min(all.len())], "page 2 of {size}");
    }
    let past = of_project(&api, &format!("{ROLES}?startPage=999999&pageSize=100"), "Customer Support").await;
    assert_eq!((past.status, &past.body["projects"][0]["roles"]), (200, &json!([])), "past the end: empty");
    for (query, field) in [
        ("pageSize=0", "pageSize"),
        ("pageSize=1001", "pageSize"),
        ("startPage=0", "startPage"),
        ("orderDirection=up", "orderDirection"),
    ] {
        let answer = of_project(&api, &format!("{MEMBERS}?{query}"), "Customer Support").await;
        assert_eq!(answer.error(), (20, format!("Field {field} is out of range")), "{query}");
    }
    let defaults = organization_members(&api, "").await;
    assert_eq!((&defaults.body["count"], &defaults.body["pages"]), (&json!(30), &json!(2)));
    assert_eq!(defaults.body["members"].as_array().unwrap().len(), 20, "20 a page by default");
}

#[tokio::test]
async fn project_members_are_nested_ordered_by_name_with_their_roles_and_access_type() {
    let api = start(small()).await;
    let answer = of_project(&api, MEMBERS, "Customer Support").await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(keys(&answer.body), ["count", "pages", "projects"]);
    let listed = members(&answer);
    assert_eq!(answer.body["count"], listed.len());
    assert!((3..=8).contains(&listed.len()));
    let names = each(listed, "name");
    assert_eq!(names, sorted(names.clone(), true), "descending by name by default");
    for member in listed {
        assert_eq!(keys(member), ["accessType", "email", "id", "name", "roles"]);
        let types = each(member["roles"].as_array().unwrap(), "type");
        let expected = if types.contains(&"Backend") { "Backend & Frontend" } else { "Frontend" };
        assert_eq!(member["accessType"], expected, "{member}");
    }
    let ana = listed.iter().find(|m| m["name"] == "Ana Souza").expect("the project's administrator");
    assert_eq!(ana["email"], "ana.souza@acme.example");
    assert_eq!(each(ana["roles"].as_array().unwrap(), "name"), ["Project Administrator"]);
    let elena = listed.iter().find(|m| m["name"] == "Elena Rossi").expect("frontend on even projects");
    assert_eq!(elena["accessType"], "Frontend");

    let ascending = of_project(&api, &format!("{MEMBERS}?orderKey=name&orderDirection=asc"), "Customer Support").await;
    assert_eq!(each(members(&ascending), "name"), sorted(names.clone(), false));

    let frontend = of_project(&api, &format!("{MEMBERS}?roleTypes=frontend"), "Customer Support").await;
    let kept = members(&frontend);
    assert_eq!(frontend.body["count"], kept.len());
    assert!(kept.iter().all(|m| each(m["roles"].as_array().unwrap(), "type").iter().all(|t| *t == "Frontend")));
    assert!(kept.iter().any(|m| m["name"] == "Elena Rossi") && !kept.iter().any(|m| m["name"] == "Ana Souza"));
    assert!(kept.len() < listed.len(), "members with only backend roles are left out");
}

#[tokio::test]
async fn a_members_list_agrees_with_each_members_own_memberships() {
    let api = start(small()).await;
    for project in ["Customer Support", "Legacy Chatbot"] {
        let answer = of_project(&api, &format!("{MEMBERS}?pageSize=1000"), project).await;
        for member in members(&answer) {
            let roles: Vec<String> =
                each(member["roles"].as_array().unwrap(), "name").into_iter().map(String::from).collect();
            let access = access_of(&api, member["email"].as_str().unwrap()).await;
            assert!(access.contains(&(project.to_string(), roles)), "{member} in {access:?}");
        }
    }
}

#[tokio::test]
async fn a_missing_empty_malformed_or_foreign_id_is_a_mismatch() {
    let api = start(small()).await;
    let org = api.organization_token();
    let deleted = api.project_id("Legal Review");
    api.call(Method::DELETE, &format!("/v1/organization/project/{deleted}"), &org, None).await;
    let invitation = r#"{"userEmail": "x@acme.example", "roles": ["Project Member"]}"#;
    for id in [
        None,
        Some(""),
        Some("invalid-project-id"),
        Some("6f5c69f1-232d-47d6-84f8-8bec87946bbc"),
        Some(deleted.as_str()),
    ] {
        let headers: Vec<(&str, &str)> = id.map(|id| ("project-id", id)).into_iter().collect();
        for (method, path, body) in
            [(Method::GET, ROLES, None), (Method::GET, MEMBERS, None), (Method::POST, MEMBERS, Some(invitation))]
        {
            let answer = api.call_with(method.clone(), path, &org, body, &headers).await;
            assert_eq!((answer.status, answer.error()), (403, (2006, MISMATCH.into())), "{method} {path} {id:?}");
        }
    }
    let project = api.project_id("Customer Support");
    for id in [None, Some(""), Some("not-a-guid"), Some(project.as_str())] {
        let headers: Vec<(&str, &str)> = id.map(|id| ("organization-id", id)).into_iter().collect();
        for path in [format!("{MEMBERSHIPS}?userEmail=ana.souza@acme.example"), POLICIES.to_string()] {
            let answer = api.call_with(Method::GET, &path, &org, None, &headers).await;
            assert_eq!((answer.status, answer.error()), (403, (2001, MISMATCH.into())), "{path} {id:?}");
        }
        let query = id.map(|id| format!("?organizationId={id}")).unwrap_or_default();
        let answer = api.get(&format!("{ORGANIZATION_MEMBERS}{query}"), &org).await;
        assert_eq!(answer.error(), (2001, MISMATCH.into()), "organizationId {id:?}");
    }
}

#[tokio::test]
async fn every_call_needs_the_organization_token() {
    let api = start(small()).await;
    let project = api.project_id("Customer Support");
    let organization = api.organization_id();
    let calls = [
        (Method::GET, ROLES.to_string()),
        (Method::GET, MEMBERS.to_string()),
        (Method::POST, MEMBERS.to_string()),
        (Method::DELETE, format!("/v2/accessControl/projects/{project}/members/{organization}")),
        (Method::GET, format!("{MEMBERSHIPS}?userEmail=ana.souza@acme.example")),
        (Method::GET, format!("{ORGANIZATION_MEMBERS}?organizationId={organization}")),
        (Method::GET, format!("{ALL_MEMBERSHIPS}?email=ana.souza@acme.example")),
        (Method::GET, POLICIES.to_string()),
    ];
    let headers = [("project-id", project.as_str()), ("organization-id", organization.as_str())];
    let own_token = api.project_token("Customer Support");
    for (method, path) in calls {
        let body = Some(r#"{"userEmail": "x@acme.example", "roles": ["Project Member"]}"#);
        let scoped = api.call_with(method.clone(), &path, &own_token, body, &headers).await;
        assert_eq!((scoped.status, scoped.error().0), (403, 7), "{method} {path}: a project token, its own project");
        let unknown = api.call_with(method.clone(), &path, "nope", body, &headers).await;
        assert_eq!((unknown.status, unknown.error().0), (401, 401), "{method} {path}");
    }
}

#[tokio::test]
async fn inviting_makes_a_member_with_the_roles_named_or_by_id() {
    let api = start(small()).await;
    let catalog = of_project(&api, ROLES, "Sales Assistant").await;
    let member_role = catalog.body["projects"][0]["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Project Member")
        .unwrap()
        .clone();
    let invited = invite(&api, "Sales Assistant", json!({"userEmail": "Diego.Ramirez@acme.example", "roles": [member_role["id"], "access ALL project assistants"]})).await;
    assert_eq!((invited.status, &invited.body), (201, &json!({"status": "invitation sent"})));
    assert_eq!(
        access_of(&api, "diego.ramirez@acme.example").await,
        [(
            "Sales Assistant".to_string(),
            vec!["Project Member".to_string(), "Access all Project Assistants".to_string()]
        )]
    );
    let listed = of_project(&api, &format!("{MEMBERS}?pageSize=1000"), "Sales Assistant").await;
    let diego = members(&listed).iter().find(|m| m["email"] == "diego.ramirez@acme.example").expect("listed at once");
    assert_eq!((&diego["name"], &diego["accessType"]), (&json!("Diego Ramírez"), &json!("Backend & Frontend")));

    let newcomer = invite(
        &api,
        "Sales Assistant",
        json!({"userEmail": "new.hire@partner.example", "roles": ["Project Member", "Project Member"]}),
    )
    .await;
    assert_eq!(newcomer.status, 201);
    let everyone = organization_members(&api, "&pageSize=1000").await;
    assert_eq!(everyone.body["count"], 31, "the newcomer joins the organization's people");
    let new =
        everyone.body["members"].as_array().unwrap().iter().find(|m| m["email"] == "new.hire@partner.example").unwrap();
    assert_eq!(
        (&new["name"], &new["roles"]),
        (&json!("new.hire@partner.example"), &json!([])),
        "only their address is known"
    );
    assert_eq!(
        access_of(&api, "new.hire@partner.example").await,
        [("Sales Assistant".to_string(), vec!["Project Member".to_string()])]
    );
    let backend_only = organization_members(&api, "&pageSize=1000&roleTypes=backend").await;
    assert_eq!(backend_only.body["count"], 30, "no organization role: not a backend member");
}

#[tokio::test]
async fn an_unknown_role_a_malformed_address_or_an_existing_member_is_refused() {
    let api = start(small()).await;
    let refusals = [
        (
            json!({"userEmail": "diego.ramirez@acme.example", "roles": ["Project Viewer"]}),
            400,
            20,
            "'Project Viewer' is not a role of project 'Sales Assistant'",
        ),
        (json!({"userEmail": "diego.ramirez@acme.example", "roles": ["Chat User"]}), 400, 20, "not a role of project"),
        (
            json!({"userEmail": "not an address", "roles": ["Project Member"]}),
            400,
            20,
            "userEmail 'not an address' is not an e-mail address",
        ),
        (json!({"userEmail": "<script>@x.com", "roles": ["Project Member"]}), 400, 20, "is not an e-mail address"),
        (
            json!({"userEmail": "DANIEL.Ferreira@acme.example", "roles": ["Project Member"]}),
            409,
            409,
            "DANIEL.Ferreira@acme.example is already a member of project 'Sales Assistant'",
        ),
        (json!({"userEmail": "diego.ramirez@acme.example", "roles": []}), 400, 20, "roles must name at least one"),
        (
            json!({"userEmail": "diego.ramirez@acme.example", "roles": "Project Member"}),
            400,
            20,
            "roles must be a list",
        ),
        (json!({"userEmail": "diego.ramirez@acme.example"}), 400, 20, "roles must name at least one"),
        (json!({"roles": ["Project Member"]}), 400, 20, "userEmail is required"),
    ];
    let sales = api.project_id("Sales Assistant");
    for (body, status, id, text) in refusals {
        let answer = invite(&api, "Sales Assistant", body.clone()).await;
        assert_eq!((answer.status, answer.error().0), (status, id), "{body}");
        assert!(answer.error().1.contains(text), "{body}: {}", answer.error().1);
    }
    let answer =
        api.call_with(Method::POST, MEMBERS, &api.organization_token(), Some("{"), &[("project-id", &sales)]).await;
    assert_eq!((answer.status, answer.error().0), (400, 20));
    assert_eq!(access_of(&api, "diego.ramirez@acme.example").await, [], "nothing refused was kept");
}

#[tokio::test]
async fn removing_takes_the_project_by_id_or_name_and_the_member_by_id() {
    let api = start(small()).await;
    let org = api.organization_token();
    let listed = of_project(&api, MEMBERS, "Customer Support").await;
    let ana = members(&listed).iter().find(|m| m["name"] == "Ana Souza").unwrap()["id"].as_str().unwrap().to_string();
    let daniel =
        members(&listed).iter().find(|m| m["name"] == "Daniel Ferreira").unwrap()["id"].as_str().unwrap().to_string();
    let by_id = format!("/v2/accessControl/projects/{}/members/{ana}", api.project_id("Customer Support"));
    let removed = api.call(Method::DELETE, &by_id, &org, None).await;
    assert_eq!((removed.status, &removed.body), (200, &json!({})));
    let by_name = format!("/v2/accessControl/projects/customer%20support/members/{daniel}");
    assert_eq!(api.call(Method::DELETE, &by_name, &org, None).await.status, 200);
    let after = of_project(&api, MEMBERS, "Customer Support").await;
    assert_eq!(after.body["count"], listed.body["count"].as_u64().unwrap() - 2);
    assert!(!each(members(&after), "id").contains(&ana.as_str()));
    assert!(access_of(&api, "ana.souza@acme.example").await.iter().all(|(p, _)| p != "Customer Support"));
    assert_eq!(organization_members(&api, "&pageSize=1000").await.body["count"], 30, "still in the organization");

    let again = api.call(Method::DELETE, &by_id, &org, None).await;
    assert_eq!((again.status, again.error()), (404, (404, "Not Found, User".into())));
    let nowhere =
        api.call(Method::DELETE, &format!("/v2/accessControl/projects/Nowhere/members/{ana}"), &org, None).await;
    assert_eq!((nowhere.status, nowhere.error().0), (404, 2005));
    let wrong_verb = api.call(Method::GET, &by_id, &org, None).await;
    assert_eq!((wrong_verb.status, wrong_verb.error().0), (405, 2026));
}

#[tokio::test]
async fn a_persons_project_memberships_are_found_by_address_ignoring_case() {
    let api = start(small()).await;
    let ana = of_organization(&api, &format!("{MEMBERSHIPS}?userEmail=Ana.Souza@ACME.example")).await;
    assert_eq!(ana.status, 200, "{}", ana.body);
    assert_eq!((&ana.body["count"], &ana.body["pages"]), (&json!(3), &json!(1)));
    let projects = ana.body["projects"].as_array().unwrap();
    assert_eq!(each(projects, "projectName"), ["Old Experiments", "Legacy Chatbot", "Customer Support"], "descending");
    for project in projects {
        assert_eq!(
            keys(project),
            ["organizationId", "organizationName", "projectDescription", "projectId", "projectName", "roles"]
        );
        assert_eq!(each(project["roles"].as_array().unwrap(), "name"), ["Project Administrator"]);
    }
    let frontend =
        of_organization(&api, &format!("{MEMBERSHIPS}?userEmail=ana.souza@acme.example&roleTypes=frontend")).await;
    assert_eq!((&frontend.body["count"], &frontend.body["projects"]), (&json!(0), &json!([])));
    let paged =
        of_organization(&api, &format!("{MEMBERSHIPS}?userEmail=daniel.ferreira@acme.example&pageSize=5")).await;
    assert_eq!((&paged.body["count"], &paged.body["pages"]), (&json!(7), &json!(2)));

    let nobody = of_organization(&api, &format!("{MEMBERSHIPS}?userEmail=invalid@example.com")).await;
    assert_eq!((nobody.status, nobody.error()), (404, (404, "Not Found, Email".into())));
    let none = of_organization(&api, &format!("{MEMBERSHIPS}?userEmail=diego.ramirez@acme.example")).await;
    assert_eq!(none.body, json!({"count": 0, "pages": 1, "projects": []}), "on no project: one empty page");
    let missing = of_organization(&api, MEMBERSHIPS).await;
    assert_eq!((missing.status, missing.error().1.as_str()), (400, "Bad Input Text: userEmail is required"));
}

#[tokio::test]
async fn organization_members_are_every_person_with_their_organization_roles_by_email() {
    let api = start(small()).await;
    let answer = organization_members(&api, "&pageSize=1000&orderKey=email&orderDirection=asc").await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(keys(&answer.body), ["count", "members", "pages"]);
    let listed = answer.body["members"].as_array().unwrap();
    assert_eq!((listed.len(), &answer.body["pages"]), (30, &json!(1)));
    let emails = each(listed, "email");
    assert_eq!(emails, sorted(emails.clone(), false));
    assert!(emails.iter().all(|e| e.ends_with("@acme.example")));
    for member in listed {
        assert_eq!(keys(member), ["email", "id", "name", "roles"]);
        let roles = member["roles"].as_array().unwrap();
        assert_eq!(each(roles, "type"), ["Backend"]);
        let expected = if ["Ana Souza", "Bruno Costa"].contains(&member["name"].as_str().unwrap()) {
            "Organization Administrator"
        } else {
            "Organization Member"
        };
        assert_eq!(roles[0]["name"], expected, "{member}");
    }
    let descending = organization_members(&api, "&pageSize=3").await;
    assert_eq!(each(descending.body["members"].as_array().unwrap(), "email"), sorted(emails, true)[..3]);
}

#[tokio::test]
async fn memberships_list_the_organization_with_the_persons_projects() {
    let api = start(small()).await;
    let org = api.organization_token();
    let answer =
        api.get(&format!("{ALL_MEMBERSHIPS}?email=CARLA.MENDES@acme.example&orderKey=organizationName"), &org).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!((&answer.body["count"], &answer.body["pages"]), (&json!(1), &json!(1)));
    let organization = &answer.body["organizations"][0];
    assert_eq!(keys(organization), ["isStationAvailable", "organizationId", "organizationName", "projects"]);
    assert_eq!(organization["organizationName"], "Acme Demo Org");
    assert_eq!(
        each(organization["projects"].as_array().unwrap(), "projectName"),
        ["HR Knowledge Base", "Marketing Copy"]
    );
    let diego = api.get(&format!("{ALL_MEMBERSHIPS}?email=diego.ramirez@acme.example"), &org).await;
    assert_eq!(diego.body["organizations"][0]["projects"], json!([]), "in the organization, on no project");
    let unknown = api.get(&format!("{ALL_MEMBERSHIPS}?email=invalid@example.com"), &org).await;
    assert_eq!((unknown.status, unknown.error().1.as_str()), (404, "Not Found, Email"));
    let missing = api.get(ALL_MEMBERSHIPS, &org).await;
    assert_eq!((missing.status, missing.error().1.as_str()), (400, "Bad Input Text: email is required"));
}

#[tokio::test]
async fn plugin_runtime_policies_are_seeded_and_can_be_cleared_and_set_again() {
    let api = start(small()).await;
    let control = format!("{}/__sandbox/plugin-runtime-policies", api.url);
    let seeded = json!({"policies": {"chatSharingPermissions": "project", "externalExecutionPermissions": "none"}});
    assert_eq!(of_organization(&api, POLICIES).await.body, seeded);

    api.client.delete(&control).send().await.unwrap();
    let undefined = of_organization(&api, POLICIES).await;
    let message = "Organization plugin runtime policies not defined. Individual policy will apply.";
    assert_eq!((undefined.status, &undefined.body), (200, &json!({"messages": {"description": message}})));
    let listed: Value = api.client.get(&control).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed, Value::Null);

    let wanted = json!({"chatSharingPermissions": "organization", "externalExecutionPermissions": "project"});
    let set = api.client.put(&control).json(&wanted).send().await.unwrap();
    assert_eq!(set.status(), 200);
    assert_eq!(of_organization(&api, POLICIES).await.body, json!({"policies": wanted}));
    let bad = api.client.put(&control).json(&json!({"chatSharingPermissions": "everyone"})).send().await.unwrap();
    assert_eq!(bad.status(), 400);
    assert_eq!(
        of_organization(&api, POLICIES).await.body,
        json!({"policies": wanted}),
        "a refused change changes nothing"
    );
}

#[tokio::test]
async fn faults_journal_and_cors_apply_and_the_saia_beta_has_none_of_it() {
    let api = start(small()).await;
    let org = api.organization_token();
    let project = api.project_id("Customer Support");
    let headers = [("project-id", project.as_str()), ("x-sandbox-fault", "status=503")];
    let failed = api.call_with(Method::GET, MEMBERS, &org, None, &headers).await;
    assert_eq!((failed.status, failed.error().0), (503, 503));
    let rule = json!({"method": "POST", "path": MEMBERS, "fault": "html", "times": 1});
    api.client.post(format!("{}/__sandbox/faults", api.url)).json(&rule).send().await.unwrap();
    let proxied = invite(
        &api,
        "Customer Support",
        json!({"userEmail": "diego.ramirez@acme.example", "roles": ["Project Member"]}),
    )
    .await;
    assert_eq!(proxied.status, 502);
    assert!(access_of(&api, "diego.ramirez@acme.example").await.is_empty(), "a faulted call changes nothing");
    let journal = api.sandbox.journal().entries();
    let seen: Vec<(&str, &str)> = journal.iter().map(|e| (e.method.as_str(), e.uri.as_str())).collect();
    assert!(seen.contains(&("GET", MEMBERS)) && seen.contains(&("POST", MEMBERS)), "{seen:?}");

    let asked = "authorization,content-type,project-id,organization-id,organizationid,projectid";
    let allowed = allowed_headers(&api.preflight("POST", MEMBERS, asked).await);
    for name in ["project-id", "organization-id", "organizationid", "projectid"] {
        assert!(allowed.contains(name), "{name} in {allowed}");
    }

    let beta = start(Config { dialect: Dialect::SaiaBeta, ..small() }).await;
    let answer = beta
        .call_with(
            Method::GET,
            ROLES,
            &beta.organization_token(),
            None,
            &[("project-id", &beta.project_id("Customer Support"))],
        )
        .await;
    assert_eq!((answer.status, answer.error()), (404, (404, "Bad Endpoint".into())));
}
