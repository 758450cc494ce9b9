//! The projects list: search, hidden projects, sort, all in the URL; and safe rendering of API text.

use geai_e2e::Dashboard;
use geai_sandbox::config::{Config, Dialect};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_and_show_hidden_change_rows_and_url_and_back_restores_them() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    let legal = vec!["Legal Review".to_string()];
    let legal_and_legacy = vec!["Legacy Chatbot".to_string(), "Legal Review".to_string()];

    app.browser.type_into("#project-search", "leg").await;
    app.wait_for_projects(&legal).await;
    assert_eq!(app.browser.location().await, "/projects?q=leg");
    assert_eq!(app.browser.text(".count").await, "1 of 6 projects");

    app.browser.click("#show-hidden").await;
    app.wait_for_projects(&legal_and_legacy).await;
    assert_eq!(app.browser.location().await, "/projects?q=leg&hidden=1");
    assert!(app.browser.text("tbody").await.contains("Hidden"), "hidden projects carry their badge");

    app.browser.type_into("#project-search", "").await;
    app.wait_for_projects(&app.all_project_names()).await;
    assert_eq!(app.browser.location().await, "/projects?hidden=1");

    // Editing a search replaces its history entry, so Back goes to the view before the edit.
    app.browser.back().await;
    app.wait_for_projects(&legal).await;
    assert_eq!(app.browser.location().await, "/projects?q=leg");
    assert_eq!(app.browser.eval("return document.querySelector('#project-search').value").await, "leg");
    assert_eq!(app.browser.eval("return document.querySelector('#show-hidden').checked").await, false);
    app.browser.back().await;
    app.wait_for_projects(&app.active_project_names()).await;
    assert_eq!(app.browser.location().await, "/projects");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_link_with_search_hidden_and_sort_shows_the_same_view() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/projects?hidden=1&sort=-status").await;
    let rows = app.wait_for_project_rows().await;
    assert_eq!(
        rows[..2],
        ["Old Experiments".to_string(), "Legacy Chatbot".to_string()],
        "hidden first when sorted by status descending"
    );
    let sort = app.browser.eval("return document.querySelector('th[aria-sort=descending]').innerText").await;
    assert!(sort.as_str().unwrap().contains("Status"));
    assert_eq!(app.browser.eval("return document.querySelector('#show-hidden').checked").await, true);

    app.browser.click("th:first-child button.sort").await;
    app.browser
        .wait_until("sort by name", || async { (app.browser.location().await == "/projects?hidden=1").then_some(()) })
        .await;
    app.wait_for_projects(&app.all_project_names()).await;
    app.browser.click("th:first-child button.sort").await;
    let mut reversed = app.all_project_names();
    reversed.reverse();
    app.wait_for_projects(&reversed).await;
    assert_eq!(app.browser.location().await, "/projects?hidden=1&sort=-name");
    app.browser.reload().await;
    app.wait_for_projects(&reversed).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn escape_clears_the_search_and_an_empty_result_says_so() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.browser.type_into("#project-search", "zzz").await;
    app.browser.wait_for_text(".empty", "No projects match \u{201c}zzz\u{201d}").await;
    app.browser.element("#project-search").await.send_keys("\u{e00c}").await.unwrap();
    app.wait_for_projects(&app.active_project_names()).await;
    assert_eq!(app.browser.location().await, "/projects");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_in_a_project_name_renders_as_text() {
    let app = Dashboard::start().await;
    let payload = r#"<img src=x onerror="window.__owned=1"><script>window.__owned=2</script>"#;
    let created = reqwest::Client::new()
        .post(format!("{}/v1/organization/project", app.url))
        .bearer_auth(app.organization_token())
        .json(&serde_json::json!({ "name": payload, "description": "<b>bold?</b>" }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 200);
    app.connect_with_organization_token().await;
    app.browser
        .wait_until("the payload row", || async {
            app.shown_project_names().await.contains(&payload.to_string()).then_some(())
        })
        .await;
    assert_eq!(app.browser.eval("return window.__owned === undefined").await, true, "no script ran");
    assert_eq!(
        app.browser.eval("return document.querySelectorAll('tbody img, tbody script, tbody b').length").await,
        0
    );
    assert!(app.browser.text("tbody").await.contains("<b>bold?</b>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saia_beta_installation_connects_without_validate_and_shows_deleted_projects() {
    let app = Dashboard::start_with(Config { dialect: Dialect::SaiaBeta, ..Config::default() }).await;
    app.open("/connect").await;
    app.submit_connect_form(&app.organization_token(), &app.project_token("Customer Support")).await;
    app.wait_for_projects(&app.active_project_names()).await;
    app.open("/projects?hidden=1").await;
    app.browser.wait_for_text("tbody", "Deleted").await;
    app.open("/connect").await;
    app.browser.wait_for_text(".card", "Customer Support").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_fits_a_360_pixel_screen() {
    let app = Dashboard::start().await;
    app.browser.client.set_window_size(360, 800).await.unwrap();
    app.connect_with_organization_token().await;
    let widths = app.browser.eval("return [document.documentElement.scrollWidth, window.innerWidth]").await;
    let (page, viewport) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
    assert!(page <= viewport, "the page scrolls sideways at {viewport}px: {page}px wide");
    // The table scrolls inside its own box instead, and no row is squeezed into a tower.
    let row = app
        .browser
        .eval("return document.querySelector('tbody tr[aria-rowindex]').getBoundingClientRect().height")
        .await;
    assert!(row.as_f64().unwrap() < 160.0, "the first row is {row}px tall");

    // Every other screen fits too.
    app.open("/connect").await;
    app.submit_connect_form(&app.organization_token(), &app.project_token("Customer Support")).await;
    app.wait_for_project_rows().await;
    let id = app.project_id("Customer Support");
    for (path, ready) in [
        (format!("/projects/{id}"), "tbody"),
        (format!("/projects/{id}/edit"), "#project-name"),
        ("/projects/new".to_string(), "#project-name"),
        ("/tokens".to_string(), "tbody"),
        ("/assistants".to_string(), "article"),
        ("/requests".to_string(), "tbody"),
    ] {
        app.open(&path).await;
        app.browser.element(ready).await;
        let widths = app.browser.eval("return [document.documentElement.scrollWidth, window.innerWidth]").await;
        let (page, viewport) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
        let wide = app
            .browser
            .eval("return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className)")
            .await;
        assert!(page <= viewport, "{path} scrolls sideways at {viewport}px: {page}px wide, because of {wide}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_switch_needs_no_new_request_and_an_all_hidden_organization_says_so() {
    let app = Dashboard::start().await;
    app.sandbox
        .change(|store| {
            for project in &mut store.projects {
                project.status = geai_sandbox::model::ProjectStatus::Hidden;
            }
            Ok(())
        })
        .unwrap();
    app.open("/connect").await;
    app.submit_connect_form(&app.organization_token(), "").await;
    app.browser.wait_for_text(".empty", "No active projects. 8 hidden projects can be shown").await;
    let lists = || app.api_requests().into_iter().filter(|r| r.uri.starts_with("/v1/organization/projects")).count();
    let before = lists();

    app.browser.click("#show-hidden").await;
    app.wait_for_projects(&app.all_project_names()).await;
    assert_eq!(app.browser.text(".count").await, "8 projects");
    assert_eq!(lists(), before, "showing hidden projects filters the list already fetched");
}

/// One request per visit: opening the screen does not ask twice (the app building, a redirect), and a later
/// visit asks anew rather than showing what the first one got.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_the_list_asks_for_it_once_and_a_later_visit_asks_again() {
    const LIST: &str = "/v1/organization/projects";
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.sandbox.journal().clear();

    app.open("/projects").await;
    app.wait_for_projects(&app.active_project_names()).await;
    assert_eq!(app.requests_to("GET", LIST), 1, "one request for the opened screen: {:?}", app.api_requests());

    app.browser.click("nav a[href='/connect']").await;
    app.browser.wait_for_text("main h1", "Connect").await;
    app.browser.click("nav a[href='/projects']").await;
    app.wait_for_projects(&app.active_project_names()).await;
    assert_eq!(app.requests_to("GET", LIST), 2, "the second visit asked anew: {:?}", app.api_requests());

    // `/` leads to the list with an organization token, still with one request.
    app.sandbox.journal().clear();
    app.open("/").await;
    app.wait_for_projects(&app.active_project_names()).await;
    assert_eq!(app.browser.location().await, "/projects");
    assert_eq!(app.requests_to("GET", LIST), 1, "one request after the redirect: {:?}", app.api_requests());
}
