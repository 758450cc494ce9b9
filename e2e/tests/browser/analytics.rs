//! The analytics screen against the sandbox: its figures equal what the export gives for the same range and
//! project (computed here from the API), the view in the URL, a failing panel with Retry, a project token's own
//! project, a panel's CSV, and the audit.

use std::collections::BTreeMap;

use geai_admin::i18n::amount;
use geai_e2e::downloads::{download_dir, downloaded};
use geai_e2e::Dashboard;
use serde_json::Value;

/// The seeded logs end on 2025-11-20 (the sandbox's fixed clock in tests); this month holds all of them.
const RANGE: &str = "range=custom&from=2025-11-01&to=2025-11-30";
const PROJECT: &str = "Customer Support";

/// What the export gives for `project`: (requests, failed, cost) in all, and (requests, failed) per day.
async fn from_the_export(app: &Dashboard, project: &str) -> ((usize, usize, f64), BTreeMap<String, (usize, usize)>) {
    let rows = app.export_rows(project, "count=10000").await;
    let mut per_day: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut failed, mut cost) = (0, 0.0);
    for row in &rows {
        let day = row["timestamp"].as_str().unwrap_or_default().chars().take(10).collect::<String>();
        let is_failed = row["status"] == "failed";
        let entry = per_day.entry(day).or_default();
        entry.0 += 1;
        if is_failed {
            entry.1 += 1;
            failed += 1;
        }
        cost += row["cost"].as_f64().unwrap_or(0.0);
    }
    ((rows.len(), failed, cost), per_day)
}

/// The headline figure labelled `label`, as shown.
async fn figure(app: &Dashboard, label: &str) -> String {
    let script = format!(
        "const dt = [...document.querySelectorAll('.figure dt')].find(d => d.textContent === {});
         const value = dt && dt.nextElementSibling.querySelector('.figure-value');
         return value ? value.textContent : null",
        serde_json::json!(label)
    );
    app.browser
        .wait_until(&format!("the figure {label}"), || async {
            app.browser.eval(&script).await.as_str().map(String::from)
        })
        .await
}

/// A panel's table cells, row by row (the table is in the page even while hidden).
async fn panel_rows(app: &Dashboard, panel: &str) -> Vec<Vec<String>> {
    let script = format!(
        "return [...document.querySelectorAll('#{panel} tbody tr')].map(tr => [...tr.children].map(c => c.textContent.trim()))"
    );
    app.browser
        .wait_until(&format!("the rows of {panel}"), || async {
            let rows: Vec<Vec<String>> = serde_json::from_value(app.browser.eval(&script).await).unwrap_or_default();
            (!rows.is_empty()).then_some(rows)
        })
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_s_figures_and_days_equal_its_export_and_the_view_survives_reload_and_back() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    let id = app.project_id(PROJECT);
    let ((requests, failed, cost), per_day) = from_the_export(&app, PROJECT).await;
    assert!(requests > 1000 && failed > 0, "a log to count: {requests} rows, {failed} failed");

    app.open(&format!("/analytics?project={id}&{RANGE}")).await;
    assert_eq!(figure(&app, "Requests").await, amount(requests as f64));
    assert_eq!(figure(&app, "Failed requests").await, amount(failed as f64));
    assert_eq!(figure(&app, "Cost (USD)").await, amount(cost));
    let rate = failed as f64 / requests as f64 * 100.0;
    assert_eq!(figure(&app, "Error rate").await, format!("{} %", amount(rate)), "a percentage, said so");

    let days = panel_rows(&app, "requests-per-day").await;
    let shown: BTreeMap<String, (usize, usize)> = days
        .iter()
        .map(|r| (r[0].clone(), (r[1].replace(',', "").parse().unwrap(), r[2].replace(',', "").parse().unwrap())))
        .collect();
    assert_eq!(shown, per_day, "requests and failures per day");

    // The range in the URL survives a reload; Back returns to the range before.
    app.browser.reload().await;
    assert_eq!(figure(&app, "Requests").await, amount(requests as f64));
    app.open(&format!("/analytics?project={id}&range=30d")).await;
    app.browser.wait_for_text(".range-shown", "compared with").await;
    app.browser.back().await;
    app.browser.wait_for_text(".range-shown", "2025-11-01 to 2025-11-30").await;
    assert_eq!(figure(&app, "Requests").await, amount(requests as f64));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_panel_shows_retry_while_the_others_show_and_its_csv_equals_its_table() {
    let app = Dashboard::start().await;
    let dir = download_dir("analytics");
    app.browser.allow_downloads(&dir).await;
    app.connect_with_organization_token().await;
    app.inject_fault("GET", "/v1/analytics/requests/top-10-agents-by-requests", "status=500", 1);
    app.open(&format!("/analytics?{RANGE}")).await;
    app.browser.wait_for_text("#top-agents-requests", "Retry").await;
    let tokens = panel_rows(&app, "top-agents-tokens").await;
    assert!(!tokens.is_empty(), "the other panels show");
    app.audit_accessibility("analytics with a failing panel").await;
    app.browser.click("#top-agents-requests button").await;
    let agents = panel_rows(&app, "top-agents-requests").await;
    assert!(!agents.is_empty(), "Retry fills it");

    app.browser.click_role("button", "Download Top agents by requests as CSV").await;
    let (file, text) = downloaded(&app, &dir, ".csv").await;
    assert!(file.starts_with("analytics-top-agents-requests-"), "{file}");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Agent,Requests"));
    let from_csv: Vec<(String, String)> = lines
        .map(|l| l.rsplit_once(',').map(|(a, n)| (a.trim_matches('"').to_string(), n.to_string())).unwrap())
        .collect();
    let from_table: Vec<(String, String)> = agents.iter().map(|r| (r[0].clone(), r[1].replace(',', ""))).collect();
    assert_eq!(from_csv, from_table);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_token_sees_its_own_project_only() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    app.submit_connect_form("", &app.project_token(PROJECT)).await;
    app.browser
        .wait_until("connected", || async { (!app.browser.location().await.contains("/connect")).then_some(()) })
        .await;
    let ((requests, _, _), _) = from_the_export(&app, PROJECT).await;
    app.open(&format!("/analytics?{RANGE}")).await;
    assert_eq!(figure(&app, "Requests").await, amount(requests as f64));
    assert!(!app.browser.role_exists("combobox", "For").await, "no choice of scope");
    let calls: Vec<String> =
        app.api_requests().into_iter().map(|r| r.uri).filter(|u| u.starts_with("/v1/analytics/")).collect();
    assert!(!calls.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_analytics_screen_passes_the_audit_light_and_dark_and_speaks_spanish() {
    for scheme in ["light", "dark"] {
        let app = Dashboard::start().await;
        app.browser.emulate_color_scheme(scheme).await;
        app.connect_with_organization_token().await;
        app.open(&format!("/analytics?{RANGE}")).await;
        panel_rows(&app, "usage-per-user").await;
        figure(&app, "Active users").await;
        app.audit_accessibility(&format!("analytics, {scheme}")).await;
        app.browser.screenshot(&format!("analytics-{scheme}")).await;
        if scheme == "dark" {
            let script = format!(
                "localStorage.setItem({}, 'es'); return true",
                serde_json::json!(geai_admin::i18n::LANGUAGE_KEY)
            );
            app.browser.eval(&script).await;
            app.browser.reload().await;
            app.browser.wait_for_text("h1", "Analítica").await;
            app.browser.wait_for_text(".range-shown", "comparado con").await;
            let value: Value = app.browser.eval("return document.querySelector('.figure-value') && document.querySelector('.figure-value').textContent").await;
            assert!(
                value.as_str().is_some_and(|v| !v.contains(',') || v.contains('.')),
                "Spanish number marks: {value}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_custom_range_that_ends_before_it_starts_asks_nothing_and_says_why() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.sandbox.journal().clear();
    app.open("/analytics?range=custom&from=2025-11-30&to=2025-11-01").await;
    app.browser.wait_for_text(".range-shown", "Pick a start day on or before the end day.").await;
    assert!(!app.browser.role_exists("heading", "At a glance").await, "no panel without a valid range");
    assert_eq!(app.requests_to("GET", "/v1/analytics/"), 0, "nothing asked");
    // Mended in the URL, the panels ask and show.
    app.open(&format!("/analytics?{RANGE}")).await;
    figure(&app, "Requests").await;
    assert!(app.requests_to("GET", "/v1/analytics/") > 0);
}
