//! The dashboard served by geai-serve, the forwarding server of `cargo xtask run --upstream URL`, with a sandbox on
//! another port as the installation (it serves no page and is never called by the browser): the dashboard
//! connects, lists, edits and downloads the request log through the forward, and every call reaches the
//! installation with its token.

use geai_e2e::Dashboard;
use geai_sandbox::config::Config;
use geai_sandbox::journal::Outcome;

const PROJECT: &str = "Customer Support";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn through_the_forwarding_server_the_dashboard_connects_lists_edits_and_downloads() {
    let app = Dashboard::start_forwarded(Config::default()).await;
    let dir = std::env::temp_dir().join(format!("geai-e2e-forwarded-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    app.browser.allow_downloads(&dir).await;

    // Connects with the page's own origin as the base URL (the connect screen's default) and lists.
    app.open("/connect").await;
    app.submit_connect_form(&app.organization_token(), &app.project_token(PROJECT)).await;
    assert_eq!(app.wait_for_project_rows().await, app.active_project_names());

    // Edits one.
    app.open_project("Data Insights").await;
    app.browser.click("a[href$='/edit']").await;
    app.browser.wait_for_text("h1", "Edit \u{201c}Data Insights").await;
    app.browser.type_into("#project-name", "Data Insights EU").await;
    app.browser.click("form.form button[type=submit]").await;
    app.browser.wait_for_text("h1", "Data Insights EU").await;
    assert!(app.sandbox.read(|s| s.projects.iter().any(|p| p.name == "Data Insights EU")), "saved at the installation");

    // Downloads the failed requests' log, page after page through the forward.
    app.open("/requests?status=failed").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1").await;
    app.browser.click(".download button.primary").await;
    app.browser.wait_for_text(".download-status", "Saved").await;
    let csv = app
        .browser
        .wait_until("the downloaded file", || async {
            let file =
                std::fs::read_dir(&dir).ok()?.flatten().find(|e| e.file_name().to_string_lossy().ends_with(".csv"))?;
            std::fs::read_to_string(file.path()).ok().filter(|text| !text.is_empty())
        })
        .await;
    let expected = app.export_rows(PROJECT, "status=failed&count=10000").await;
    assert!(!expected.is_empty());
    let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
    assert_eq!(rows, expected.len(), "every failed request downloaded");

    // Every call reached the installation with its token, and was answered.
    let calls = app.api_requests();
    assert!(calls.iter().any(|c| c.method == "PUT" && c.outcome == Outcome::Answered(200)), "{calls:?}");
    assert!(calls.iter().any(|c| c.uri.starts_with("/v1/organization/request/export")), "{calls:?}");
    assert!(calls.iter().all(|c| c.auth.as_deref() == Some("bearer")), "{calls:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
