//! Failed calls: the server's message, Retry, connecting again and coming back.

use geai_e2e::Dashboard;
use geai_sandbox::journal::Outcome;

const PROJECTS: &str = "/v1/organization/projects";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_error_shows_its_message_and_retry_recovers() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.inject_fault("GET", PROJECTS, "status=500", 1);
    app.browser.reload().await;
    let panel = app.browser.wait_for_text(".error-panel", "The server failed (HTTP 500)").await;
    assert!(panel.contains("Internal Server Error (error 500)"), "{panel}");
    app.browser.click(".error-panel button").await;
    app.wait_for_projects(&app.active_project_names()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxy_html_page_and_a_dropped_connection_read_clearly() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.inject_fault("GET", PROJECTS, "html", 1);
    app.browser.reload().await;
    app.browser.wait_for_text(".error-panel", "HTML page: \u{201c}502 Bad Gateway\u{201d}").await;

    // Until cleared: Chromium silently retries a GET whose reused keep-alive connection closes without an
    // answer, once per idle connection, so a counted drop can be used up before the app sees it.
    app.inject_fault("GET", PROJECTS, "drop", None);
    app.browser.click(".error-panel button").await;
    app.browser.wait_for_text(".error-panel", "could not be reached").await;
    app.sandbox.faults().clear();

    app.inject_fault("GET", PROJECTS, "malformed-json", 1);
    app.browser.click(".error-panel button").await;
    app.browser.wait_for_text(".error-panel", "could not be read").await;
    app.browser.click(".error-panel button").await;
    app.wait_for_project_rows().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_asks_to_connect_again_and_comes_back_to_the_same_view() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/projects?q=leg&hidden=1").await;
    app.wait_for_projects(&["Legacy Chatbot".to_string(), "Legal Review".to_string()]).await;
    app.inject_fault("GET", PROJECTS, "status=401", 1);
    app.browser.reload().await;
    app.browser.wait_for_text(".error-panel", "rejected the token").await;
    app.browser.click(".error-panel a").await;
    app.browser
        .wait_until("the connect screen", || async {
            app.browser.location().await.starts_with("/connect").then_some(())
        })
        .await;
    app.submit_connect_form(&app.organization_token(), "").await;
    app.browser
        .wait_until("the same view again", || async {
            (app.browser.location().await == "/projects?q=leg&hidden=1").then_some(())
        })
        .await;
    app.wait_for_projects(&["Legacy Chatbot".to_string(), "Legal Review".to_string()]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_server_shows_loading_first() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.inject_fault("GET", PROJECTS, "delay=1500", 1);
    app.browser.reload().await;
    app.browser.wait_for_text("main", "Loading projects").await;
    app.wait_for_projects(&app.active_project_names()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_a_screen_aborts_its_request() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.sandbox.journal().clear();
    app.inject_fault("GET", PROJECTS, "delay=4000", 1);
    app.browser.reload().await;
    app.browser.wait_for_text("main", "Loading projects").await;
    app.browser.click("nav a[href='/connect']").await;
    app.browser.wait_for_text("main h1", "Connect").await;
    // Without the abort the sandbox would answer it after its delay; with it, the browser hangs up first.
    app.wait_for_request(PROJECTS, Outcome::Abandoned).await;
}
