//! Members and roles against the sandbox's access control: the organization's people (search, type, pages in
//! the URL), one person's access, a project's members (invite, remove), the plugin policies, and the access
//! review (the union of every project's members, a failing project, the CSV record).

use std::collections::BTreeSet;

use geai_e2e::downloads::{download_dir, downloaded};
use geai_e2e::Dashboard;
use serde_json::Value;

const ESCAPE: &str = "\u{e00c}";
const INVITE_PATH: &str = "/v2/accessControl/projects/members";

/// The texts of the cells of each body row of the table `css`, as shown.
async fn table_rows(app: &Dashboard, css: &str) -> Vec<Vec<String>> {
    let script = format!(
        "return [...document.querySelectorAll({})].map(tr => [...tr.children].map(c => c.innerText.trim()))",
        serde_json::json!(format!("{css} tbody tr:not(.virtual-spacer)"))
    );
    serde_json::from_value(app.browser.eval(&script).await).unwrap_or_default()
}

/// A member as the API lists them: (name, e-mail, role names).
type ApiMember = (String, String, Vec<String>);

fn members_of(list: &Value) -> Vec<ApiMember> {
    let text = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    list.as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            let roles = m["roles"].as_array().into_iter().flatten().map(|r| text(r, "name")).collect();
            (text(m, "name"), text(m, "email"), roles)
        })
        .collect()
}

async fn project_members_api(app: &Dashboard, project_id: &str) -> Vec<ApiMember> {
    let list = app
        .get_json_about(&format!("{INVITE_PATH}?pageSize=1000&orderDirection=asc"), ("project-id", project_id))
        .await;
    members_of(&list["projects"][0]["members"])
}

async fn organization_members_api(app: &Dashboard) -> Vec<ApiMember> {
    let path = format!(
        "/v2/accessControl/organizations/members?organizationId={}&pageSize=1000&orderKey=email&orderDirection=asc",
        app.organization_id()
    );
    members_of(&app.get_json(&path).await["members"])
}

/// A role of the project's catalog as the form labels it: `Name (Type)`.
async fn catalog_labels(app: &Dashboard, project_id: &str) -> Vec<String> {
    let list = app.get_json_about("/v2/accessControl/projects/roles?pageSize=1000", ("project-id", project_id)).await;
    list["projects"][0]["roles"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| format!("{} ({})", r["name"].as_str().unwrap_or_default(), r["type"].as_str().unwrap_or_default()))
        .collect()
}

async fn wait_for_rows(app: &Dashboard, css: &str, what: &str) -> Vec<Vec<String>> {
    app.browser
        .wait_until(what, || async {
            let rows = table_rows(app, css).await;
            (!rows.is_empty()).then_some(rows)
        })
        .await
}

fn first_project(app: &Dashboard) -> (String, String) {
    let name = app.active_project_names().into_iter().next().expect("a project");
    let id = app.project_id(&name);
    (name, id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_members_list_shows_the_api_people_and_keeps_search_type_and_page_in_the_url() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/members").await;
    let rows = wait_for_rows(&app, ".members-table", "member rows").await;
    let api = organization_members_api(&app).await;
    assert!(api.len() > 20, "more than a page of people: {}", api.len());
    assert_eq!(rows.len(), 20);
    for (row, (name, email, roles)) in rows.iter().zip(&api) {
        assert_eq!((&row[0], &row[1]), (name, email));
        for role in roles {
            assert!(row[2].contains(role.as_str()), "{name}'s roles: {} lacks {role}", row[2]);
        }
    }
    app.browser.wait_for_text(".pager [role=status]", &format!("1\u{2013}20 of {} people", api.len())).await;

    app.browser.click_role("button", "Next").await;
    app.browser
        .wait_until("page 2 in the URL", || async { app.browser.location().await.contains("page=2").then_some(()) })
        .await;
    let second = wait_for_rows(&app, ".members-table", "page 2").await;
    assert_eq!(second[0][1], api[20].1);
    app.browser.reload().await;
    app.browser.wait_for_text(".members-table tbody tr th", &api[20].0).await;
    app.browser.back().await;
    app.browser.wait_for_text(".members-table tbody tr th", &api[0].0).await;

    // Search by a part of a name, in any case; the URL keeps it through a reload.
    let (name, email, _) = api[3].clone();
    let surname = name.split_whitespace().last().unwrap().to_uppercase();
    app.browser.type_into_role("searchbox", "Search by e-mail or name", &surname).await;
    app.browser
        .wait_until("one person found", || async {
            let rows = table_rows(&app, ".members-table").await;
            (rows.len() == 1 && rows[0][1] == email).then_some(())
        })
        .await;
    assert!(app.browser.location().await.contains(&format!("q={surname}")));
    app.browser.reload().await;
    app.browser.wait_for_text(".members-table tbody tr td", &email).await;

    // The organization's roles are backend ones: a frontend filter finds nobody, and says so.
    app.open("/members?type=frontend").await;
    app.browser.wait_for_text(".page .empty", "Nobody matches").await;
    app.open("/members?type=backend").await;
    let backend = wait_for_rows(&app, ".members-table", "backend people").await;
    assert!(backend.iter().all(|row| row[2].contains("(Backend)")));
    app.audit_accessibility("members").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_s_access_lists_their_projects_and_roles() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/members").await;
    let rows = wait_for_rows(&app, ".members-table", "member rows").await;
    let (name, email) = (rows[0][0].clone(), rows[0][1].clone());
    app.browser.click_role("link", &name).await;
    app.browser.wait_for_text("h1", &email).await;
    let shown = wait_for_rows(&app, ".person-projects", "the person's projects").await;
    let path = format!("/v2/accessControl/projects/memberships?userEmail={email}&pageSize=1000&orderKey=projectName&orderDirection=asc");
    let api = app.get_json_about(&path, ("organization-id", &app.organization_id())).await;
    let expected: Vec<(String, Vec<String>)> = api["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let roles =
                p["roles"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_string()).collect();
            (p["projectName"].as_str().unwrap().to_string(), roles)
        })
        .collect();
    assert_eq!(shown.len(), expected.len());
    for (row, (project, roles)) in shown.iter().zip(&expected) {
        assert_eq!(&row[0], project);
        assert!(roles.iter().all(|role| row[1].contains(role.as_str())), "{project}: {} vs {roles:?}", row[1]);
    }
    app.browser.reload().await;
    app.browser.wait_for_text(".person-projects tbody th", &expected[0].0).await;
    app.audit_accessibility("a person's access").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inviting_with_two_roles_makes_a_member_and_bad_input_is_refused_at_its_field() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    let (project, project_id) = first_project(&app);
    app.open_project(&project).await;
    let labels = catalog_labels(&app, &project_id).await;
    assert!(labels.len() >= 2, "a catalog of roles: {labels:?}");
    app.browser.click_role("button", "Invite").await;

    // Checked before sending: a malformed address, and no role.
    app.browser.type_into_role("textbox", "E-mail (required)", "not-an-email").await;
    app.browser.click_role("button", "Send invitation").await;
    app.browser.wait_for_text("#invite-email-error", "This is not an e-mail address").await;
    app.browser.wait_for_text("#invite-roles-error", "Pick at least one role").await;
    assert_eq!(app.requests_to("POST", INVITE_PATH), 0, "nothing was sent");

    // An existing member: the server's words at the e-mail, the input kept.
    let existing = project_members_api(&app, &project_id).await[0].1.clone();
    app.browser.type_into_role("textbox", "E-mail (required)", &existing).await;
    app.browser.click_role("checkbox", &labels[0]).await;
    app.browser.click_role("button", "Send invitation").await;
    app.browser.wait_for_text("#invite-email-error", "already a member").await;
    let kept =
        app.browser.by_role("textbox", "E-mail (required)").await.prop("value").await.unwrap().unwrap_or_default();
    assert_eq!(kept, existing, "the input is kept");

    // Two roles for a newcomer; a double click sends one invitation.
    app.sandbox.journal().clear();
    app.browser.type_into_role("textbox", "E-mail (required)", "new.person@acme.example").await;
    app.browser.click_role("checkbox", &labels[1]).await;
    app.double_click("form.invite-member button[type=submit]").await;
    app.wait_for_toast("Invitation sent to new.person@acme.example").await;
    assert_eq!(app.requests_to("POST", INVITE_PATH), 1, "one request for a double click");
    let members = project_members_api(&app, &project_id).await;
    let invited = members.iter().find(|m| m.1 == "new.person@acme.example").expect("the new member");
    let names: BTreeSet<&str> = invited.2.iter().map(String::as_str).collect();
    let wanted: BTreeSet<&str> = labels[..2].iter().map(|l| l.rsplit_once(" (").unwrap().0).collect();
    assert_eq!(names, wanted);
    app.browser.wait_for_text(".project-members", "new.person@acme.example").await;

    // A role the catalog no longer has (changed since the form loaded): the server's words at the roles.
    app.browser.click_role("button", "Invite").await;
    let gone = labels[0].rsplit_once(" (").unwrap().0.to_string();
    app.sandbox
        .change(|s| {
            let project = s.projects.iter_mut().find(|p| p.id == project_id).unwrap();
            project.roles.retain(|r| r.name != gone);
            Ok(())
        })
        .unwrap();
    app.browser.type_into_role("textbox", "E-mail (required)", "another.person@acme.example").await;
    app.browser.click_role("checkbox", &labels[0]).await;
    app.browser.click_role("button", "Send invitation").await;
    app.browser
        .wait_until("the roles' error", || async {
            let text = app.browser.text("#invite-roles-error").await;
            (!text.is_empty()).then_some(())
        })
        .await;
    assert!(!project_members_api(&app, &project_id).await.iter().any(|m| m.1 == "another.person@acme.example"));
    app.audit_accessibility("the invitation form").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_a_member_needs_a_confirmation_that_names_both() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    let (project, project_id) = first_project(&app);
    app.open_project(&project).await;
    let (name, email, _) = project_members_api(&app, &project_id).await[0].clone();
    let remove = format!("Remove {name}");

    app.browser.click_role("button", &remove).await;
    let dialog = app.browser.by_role("dialog", &format!("Remove {name} from {project}?")).await;
    assert!(dialog.text().await.unwrap().contains("stay in the organization"));
    app.audit_accessibility("the removal dialog").await;
    app.browser.click_role("button", "Cancel").await;
    app.browser.click_role("button", &remove).await;
    app.browser.by_role("dialog", &format!("Remove {name} from {project}?")).await;
    app.browser.client.active_element().await.unwrap().send_keys(ESCAPE).await.unwrap();
    app.browser
        .wait_until("the dialog closed", || async {
            (!app.browser.role_exists("dialog", &format!("Remove {name} from {project}?")).await).then_some(())
        })
        .await;
    assert_eq!(app.requests_to("DELETE", "/v2/accessControl/projects/"), 0, "Cancel and Escape remove nobody");

    app.browser.click_role("button", &remove).await;
    app.browser.by_role("dialog", &format!("Remove {name} from {project}?")).await;
    app.browser.click("dialog[open] button[type=submit]").await;
    app.wait_for_toast(&format!("{name} was removed from {project}")).await;
    assert_eq!(app.requests_to("DELETE", "/v2/accessControl/projects/"), 1);
    assert!(!project_members_api(&app, &project_id).await.iter().any(|m| m.1 == email));
    app.browser
        .wait_until("the row gone", || async {
            let rows = table_rows(&app, ".project-members").await;
            (!rows.is_empty() && !rows.iter().any(|r| r[1] == email)).then_some(())
        })
        .await;
}

/// Every membership of every project, as the API lists them: (e-mail, project name, role names).
async fn union_of_members(app: &Dashboard) -> BTreeSet<(String, String, String)> {
    let mut all = BTreeSet::new();
    for project in app.all_project_names() {
        let id = app.project_id(&project);
        for (_, email, roles) in project_members_api(app, &id).await {
            all.insert((email, project.clone(), roles.join("; ")));
        }
    }
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_access_review_is_the_union_of_every_project_s_members_and_its_csv_equals_it() {
    let app = Dashboard::start().await;
    let dir = download_dir("access-review");
    app.browser.allow_downloads(&dir).await;
    app.connect_with_organization_token().await;
    // One project's members fail once: the others show, and Retry brings it back.
    app.inject_fault("GET", INVITE_PATH, "status=500", 1);
    app.open("/access").await;
    let projects = app.all_project_names().len();
    app.browser.wait_for_text(".progress-line [role=status]", "1 failed").await;
    let retry = app.browser.by_role_containing("button", "Retry ").await;
    let failed_project = retry.text().await.unwrap().trim_start_matches("Retry ").to_string();
    let union = union_of_members(&app).await;
    let others = union.iter().filter(|(_, project, _)| *project != failed_project).count();
    app.browser.wait_for_text(".count", &format!("{others} rows shown")).await;
    app.audit_accessibility("the access review with a failed project").await;
    retry.click().await.unwrap();
    app.browser
        .wait_for_text(".progress-line [role=status]", &format!("Members of {projects} of {projects} projects loaded"))
        .await;
    app.browser.wait_for_text(".count", &format!("{} rows shown", union.len())).await;

    app.browser.click_role("button", "Download CSV").await;
    let (file, text) = downloaded(&app, &dir, ".csv").await;
    assert!(file.starts_with("access-review-127-0-0-1-"), "named by installation and date: {file}");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("person,email,project,project_id,roles,role_types"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let from_csv: BTreeSet<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV record");
            (r[1].to_string(), r[2].to_string(), r[4].to_string())
        })
        .collect();
    assert_eq!(from_csv, union, "the CSV is every membership the API lists");

    // A filter in the URL narrows the table, and the CSV with it; the administrators' view.
    let (email, project, _) = union.iter().next().unwrap().clone();
    app.open(&format!("/access?person={email}")).await;
    let rows = wait_for_rows(&app, ".access-table", "the person's rows").await;
    let expected: Vec<&(String, String, String)> = union.iter().filter(|m| m.0 == email).collect();
    assert_eq!(rows.len(), expected.len());
    assert!(rows.iter().any(|r| r[2] == project));
    app.open("/access?view=admins&min=3").await;
    let admins = wait_for_rows(&app, ".admins-table", "administrators on 3 or more projects").await;
    assert!(admins.iter().all(|r| r[2].parse::<usize>().unwrap() >= 3), "{admins:?}");
    app.audit_accessibility("the administrators' view").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_token_is_told_these_screens_need_an_organization_token() {
    let app = Dashboard::start().await;
    let project = app.active_project_names()[0].clone();
    app.open("/connect").await;
    app.submit_connect_form("", &app.project_token(&project)).await;
    app.browser
        .wait_until("connected", || async { (!app.browser.location().await.contains("/connect")).then_some(()) })
        .await;
    for path in ["/members", "/access", "/members/person?email=ana.souza@acme.example"] {
        app.open(path).await;
        app.browser.wait_for_text("main", "organization token").await;
    }
    assert_eq!(app.requests_to("GET", "/v2/accessControl"), 0, "nothing asked without the token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_and_addresses_with_markup_render_as_text_and_spanish_speaks_spanish() {
    let app = Dashboard::start().await;
    let payload = "<img src=x onerror=\"window.pwned=1\">Eve";
    app.sandbox
        .change(|s| {
            let person = geai_sandbox::people::Person {
                id: "00000000-0000-4000-8000-00000000beef".into(),
                email: "eve@acme.example".into(),
                name: payload.into(),
            };
            s.people.push(person.clone());
            let project = &mut s.projects[0];
            let role = project.roles[0].id.clone();
            project.members.push(geai_sandbox::access::Member { person_id: person.id, role_ids: vec![role] });
            Ok(())
        })
        .unwrap();
    app.connect_with_organization_token().await;
    app.open("/access?person=eve").await;
    let rows = wait_for_rows(&app, ".access-table", "Eve's row").await;
    assert_eq!(rows[0][0], payload, "the name as text");
    let pwned = app.browser.eval("return window.pwned === undefined && !document.querySelector('main img')").await;
    assert_eq!(pwned, Value::Bool(true), "no markup ran");

    let script =
        format!("localStorage.setItem({}, 'es'); return true", serde_json::json!(geai_admin::i18n::LANGUAGE_KEY));
    app.browser.eval(&script).await;
    app.open("/members").await;
    app.browser.wait_for_text("h1", "Miembros").await;
    app.browser.wait_for_text(".pager [role=status]", "personas").await;
    app.open("/access").await;
    app.browser.wait_for_text("h1", "Revisión de accesos").await;
    app.browser.wait_for_text(".progress-line [role=status]", "proyectos cargados").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organization_screen_words_the_plugin_policies_or_says_none_are_defined() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/organization").await;
    let policies = "section[aria-labelledby=policies-heading]";
    app.browser.wait_for_text(policies, "Sharing chats with assistants' plugins").await;
    let shown = app.browser.text(policies).await;
    let api = app
        .get_json_about(
            "/v2/accessControl/organization/plugin-runtime-policies",
            ("organization-id", &app.organization_id()),
        )
        .await;
    for (key, word) in
        [("none", "Nobody"), ("project", "Within the same project"), ("organization", "Within the organization")]
    {
        let used =
            ["chatSharingPermissions", "externalExecutionPermissions"].iter().any(|k| api["policies"][*k] == key);
        assert_eq!(shown.contains(word), used, "{key} worded as {word:?} in {shown:?}");
    }
    app.sandbox
        .change(|s| {
            s.access.plugin_policies = None;
            Ok(())
        })
        .unwrap();
    app.browser.reload().await;
    app.browser.wait_for_text(policies, "The organization defines none: each person's own policy applies.").await;
}
