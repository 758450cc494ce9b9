//! The organization-wide token audit: every token of every project, loaded a few projects at a time,
//! filterable and sortable in the URL, and one project's failure does not hide the rest.

use std::time::Duration;

use geai_e2e::Dashboard;
use geai_sandbox::config::Config;
use geai_sandbox::journal::Outcome;

async fn token_rows(app: &Dashboard) -> Vec<(String, String, String)> {
    let rows = app
        .browser
        .eval(
            "return [...document.querySelectorAll('tbody tr[aria-rowindex]:not(.row-failed)')].map(r =>
                [r.cells[1].innerText, r.cells[2].innerText, r.cells[3].innerText])",
        )
        .await;
    serde_json::from_value(rows).unwrap_or_default()
}

fn all_tokens(app: &Dashboard) -> Vec<(String, String, bool, i64)> {
    app.sandbox.read(|s| {
        s.projects
            .iter()
            .flat_map(|p| p.tokens.iter().map(|t| (p.name.clone(), t.name.clone(), t.blocked, t.created_ms)))
            .collect()
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_lists_every_token_and_filters_and_sorts_in_the_url() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.browser.click("header a[href='/tokens']").await;
    app.browser.wait_for_text(".progress-line p", "Tokens of 8 projects").await;
    let expected = all_tokens(&app);
    let rows = token_rows(&app).await;
    assert_eq!(rows.len(), expected.len());
    for (project, token, _, _) in &expected {
        assert!(rows.iter().any(|r| &r.0 == project && &r.1 == token), "{project} / {token} listed");
    }
    assert!(app.browser.text("tbody").await.contains("\u{2022}\u{2022}\u{2022}\u{2022}"), "values masked");

    app.browser.click("#audit-status option[value=blocked]").await;
    app.browser
        .wait_until("the blocked filter", || async {
            (app.browser.location().await == "/tokens?status=blocked").then_some(())
        })
        .await;
    let blocked = token_rows(&app).await;
    assert_eq!(blocked.len(), expected.iter().filter(|t| t.2).count());
    assert!(blocked.iter().all(|r| r.2 == "Blocked"));

    // Oldest first, and the view survives a reload.
    app.browser.click("th[aria-sort] button.sort").await;
    app.browser
        .wait_until("sorted by age", || async { app.browser.location().await.contains("sort=oldest").then_some(()) })
        .await;
    app.browser.reload().await;
    app.browser.wait_for_text(".progress-line p", "Tokens of 8 projects").await;
    let mut oldest_blocked: Vec<_> = expected.iter().filter(|t| t.2).collect();
    oldest_blocked.sort_by_key(|t| t.3);
    let rows = token_rows(&app).await;
    assert_eq!((rows[0].0.as_str(), rows[0].1.as_str()), (oldest_blocked[0].0.as_str(), oldest_blocked[0].1.as_str()));
    assert_eq!(app.browser.eval("return document.querySelector('#audit-status').value").await, "blocked");

    // One project only.
    let id = app.project_id("Sales Assistant");
    app.open(&format!("/tokens?project={id}")).await;
    app.browser.wait_for_text(".progress-line p", "Tokens of 8 projects").await;
    let rows = token_rows(&app).await;
    assert_eq!(rows.len(), app.project_tokens("Sales Assistant").len());
    assert!(rows.iter().all(|r| r.0 == "Sales Assistant"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_that_fails_is_named_with_retry_and_the_rest_still_show() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    let id = app.project_id("HR Knowledge Base");
    app.inject_fault("GET", &format!("/v1/organization/project/{id}/tokens"), "status=500", 1);
    app.open("/tokens").await;
    app.browser.wait_for_text(".progress-line p", "Tokens of 8 projects, 1 failed").await;
    let failed = app.browser.text(".row-failed").await;
    assert!(failed.contains("HR Knowledge Base") && failed.contains("HTTP 500"), "{failed}");
    let others = all_tokens(&app).into_iter().filter(|t| t.0 != "HR Knowledge Base").count();
    assert_eq!(token_rows(&app).await.len(), others);

    app.browser.click("button[aria-label='Retry loading the tokens of HR Knowledge Base']").await;
    app.browser.wait_for_text(".progress-line p", "Tokens of 8 projects").await;
    app.browser
        .wait_until("no failure row", || async { (app.browser.text(".row-failed").await.is_empty()).then_some(()) })
        .await;
    // The retried project's rows come with the same update as the failure row goes, or a frame after it.
    let expected = all_tokens(&app).len();
    app.browser
        .wait_until(&format!("{expected} token rows"), || async {
            (token_rows(&app).await.len() == expected).then_some(())
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_load_at_most_four_projects_at_a_time_with_progress() {
    let config = Config { latency: Duration::from_millis(300), ..Config::default() };
    let app = Dashboard::start_with(config).await;
    app.connect_with_organization_token().await;
    app.sandbox.journal().clear();
    app.open("/tokens").await;
    let (mut most_at_once, mut saw_progress) = (0, false);
    let started = std::time::Instant::now();
    loop {
        let in_flight =
            app.api_requests().iter().filter(|r| r.uri.ends_with("/tokens") && r.outcome == Outcome::Pending).count();
        most_at_once = most_at_once.max(in_flight);
        let status = app.browser.text(".progress-line p").await;
        saw_progress |= status.starts_with("Loading tokens:");
        if status.contains("Tokens of 8 projects") {
            break;
        }
        assert!(started.elapsed() < geai_e2e::PATIENCE, "the audit did not finish: {status}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(saw_progress, "a progress line while loading");
    assert!((2..=4).contains(&most_at_once), "{most_at_once} token requests at once");
    let calls = app.api_requests().iter().filter(|r| r.uri.ends_with("/tokens")).count();
    assert_eq!(calls, 8, "one request per project");
}
