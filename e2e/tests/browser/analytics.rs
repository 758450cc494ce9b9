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

/// What the export gives for `project`: (requests, failed, cost) in all, and (requests, failed, cost) per day.
async fn from_the_export(
    app: &Dashboard,
    project: &str,
) -> ((usize, usize, f64), BTreeMap<String, (usize, usize, f64)>) {
    let rows = app.export_rows(project, "count=10000").await;
    let mut per_day: BTreeMap<String, (usize, usize, f64)> = BTreeMap::new();
    let (mut failed, mut cost) = (0, 0.0);
    for row in &rows {
        let day = row["timestamp"].as_str().unwrap_or_default().chars().take(10).collect::<String>();
        let is_failed = row["status"] == "failed";
        let row_cost = row["cost"].as_f64().unwrap_or(0.0);
        let entry = per_day.entry(day).or_default();
        entry.0 += 1;
        entry.2 += row_cost;
        if is_failed {
            entry.1 += 1;
            failed += 1;
        }
        cost += row_cost;
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
    let counted: BTreeMap<String, (usize, usize)> = per_day.iter().map(|(day, c)| (day.clone(), (c.0, c.1))).collect();
    assert_eq!(shown, counted, "requests and failures per day");

    // Cost per day, as the export's rows add up; tokens per day, as the headline's totals.
    let costs: BTreeMap<String, String> =
        panel_rows(&app, "cost-per-day").await.into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let expected: BTreeMap<String, String> = per_day.iter().map(|(day, c)| (day.clone(), amount(c.2))).collect();
    assert_eq!(costs, expected, "cost per day");
    let tokens = panel_rows(&app, "tokens-per-day").await;
    let sum = |column: usize| tokens.iter().map(|r| r[column].replace(',', "").parse::<f64>().unwrap()).sum::<f64>();
    assert_eq!(amount(sum(1)), figure(&app, "Tokens in").await);
    assert_eq!(amount(sum(2)), figure(&app, "Tokens out").await);

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

/// Waits until every figure and panel shows the screen's range: none is loading or still showing the last one.
async fn settled(app: &Dashboard) {
    let script = "return document.querySelectorAll('main .loading, main [aria-busy=true]').length === 0";
    app.browser
        .wait_until("every panel settled", || async { (app.browser.eval(script).await == true).then_some(()) })
        .await;
}

/// The custom range's fields marked invalid, each with its message: (from, to).
async fn marked(app: &Dashboard) -> (Option<String>, Option<String>) {
    let script = "return ['from', 'to'].map(f => {
        const input = document.getElementById('analytics-' + f);
        const error = document.getElementById(input.getAttribute('aria-describedby'));
        return input.getAttribute('aria-invalid') === 'true' ? error.textContent : null })";
    let marks: Vec<Option<String>> = serde_json::from_value(app.browser.eval(script).await).unwrap();
    (marks[0].clone(), marks[1].clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_custom_range_that_ends_before_it_starts_asks_nothing_and_says_why() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.sandbox.journal().clear();
    app.open("/analytics?range=custom&from=2025-11-30&to=2025-11-01").await;
    app.browser.wait_for_text(".range-shown", "Pick a start day on or before the end day.").await;
    assert_eq!(marked(&app).await, (None, Some("Pick a start day on or before the end day.".into())), "at the end day");
    assert!(!app.browser.role_exists("heading", "At a glance").await, "no panel without a valid range");
    app.audit_accessibility("analytics with a range that ends before it starts").await;
    // A day that is not one (from an edited link): said at its field.
    app.open("/analytics?range=custom&from=2025-13-01&to=2025-11-30").await;
    app.browser.wait_for_text(".range-shown", "Enter a day as YYYY-MM-DD.").await;
    assert_eq!(marked(&app).await, (Some("Enter a day as YYYY-MM-DD.".into()), None), "at the start day");
    assert_eq!(app.requests_to("GET", "/v1/analytics/"), 0, "nothing asked");
    // Mended in the URL, the panels ask and show.
    app.open(&format!("/analytics?{RANGE}")).await;
    figure(&app, "Requests").await;
    assert!(app.requests_to("GET", "/v1/analytics/") > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_range_seen_before_shows_at_once_and_refresh_asks_again() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open(&format!("/analytics?{RANGE}")).await;
    let requests = figure(&app, "Requests").await;
    let users = panel_rows(&app, "usage-per-user").await;
    // Another range, picked on the screen (the app stays loaded, so does what it has seen).
    app.browser.click("#analytics-range option[value='30d']").await;
    app.browser
        .wait_until("the last 30 days", || async { app.browser.location().await.contains("range=30d").then_some(()) })
        .await;
    settled(&app).await;

    app.sandbox.journal().clear();
    app.browser.back().await;
    app.browser.wait_for_text(".range-shown", "2025-11-01 to 2025-11-30").await;
    assert_eq!(figure(&app, "Requests").await, requests);
    assert_eq!(panel_rows(&app, "usage-per-user").await, users);
    let asked: Vec<String> =
        app.api_requests().into_iter().map(|r| r.uri).filter(|u| u.starts_with("/v1/analytics/")).collect();
    assert!(asked.is_empty(), "shown from memory, nothing asked: {asked:#?}");

    app.browser.click_role("button", "Refresh").await;
    app.browser
        .wait_until("asked again", || async { (app.requests_to("GET", "/v1/analytics/") >= 20).then_some(()) })
        .await;
    assert_eq!(figure(&app, "Requests").await, requests);
}

/// Goes to `path` the way a user would, through the header's link: the app stays loaded, so does its memory.
async fn follow_link(app: &Dashboard, path: &str) {
    app.browser.click(&format!(".app-header a[href='{path}']")).await;
    app.browser.wait_until(path, || async { (app.browser.location().await == path).then_some(()) }).await;
}

/// Signing out forgets the figures this tab has seen: whoever connects next in it (perhaps with another
/// organization's token on the same installation) is shown only what the server gives their own token.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_forgets_the_figures_seen() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    follow_link(&app, "/analytics").await;
    let requests = figure(&app, "Requests").await;
    settled(&app).await;
    // While connected, coming back shows them from memory: nothing is asked.
    follow_link(&app, "/projects").await;
    app.sandbox.journal().clear();
    follow_link(&app, "/analytics").await;
    assert_eq!(figure(&app, "Requests").await, requests);
    settled(&app).await;
    assert_eq!(app.requests_to("GET", "/v1/analytics/"), 0, "shown from memory");

    app.browser.click(".app-header button.sign-out").await;
    app.browser
        .wait_until("the connect screen", || async { (app.browser.location().await == "/connect").then_some(()) })
        .await;
    app.submit_connect_form(&app.organization_token(), "").await;
    app.wait_for_project_rows().await;
    app.sandbox.journal().clear();
    follow_link(&app, "/analytics").await;
    assert_eq!(figure(&app, "Requests").await, requests);
    settled(&app).await;
    assert!(app.requests_to("GET", "/v1/analytics/") > 0, "asked again, with the new connection's token");
}

/// The lab panel: agents, flows and processes created and modified, and projects created, as the API gives them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lab_activity_shows_what_the_api_counts() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open(&format!("/analytics?{RANGE}")).await;
    let rows = panel_rows(&app, "lab-totals").await;
    let dates = "startDate=2025-11-01&endDate=2025-11-30";
    let mut expected = Vec::new();
    for (kind, call, created, modified) in [
        ("Agents", "agents-created-and-modified", "createdAgents", "modifiedAgents"),
        ("Flows", "flows-created-and-modified", "createdFlows", "modifiedFlows"),
        ("Processes", "processes-created-and-modified", "createdProcesses", "modifiedProcesses"),
    ] {
        let answer = app.get_json(&format!("/v1/analytics/lab/{call}?{dates}")).await;
        let count = |key: &str| amount(answer[key].as_f64().expect(key));
        expected.push(vec![kind.to_string(), count(created), count(modified)]);
    }
    let projects = app.get_json(&format!("/v1/analytics/lab/projects-created?{dates}")).await;
    expected.push(vec!["Projects".into(), amount(projects["createdProjects"].as_f64().unwrap()), String::new()]);
    assert_eq!(rows, expected);
    assert!(rows.iter().any(|r| r[1] != "0"), "something was created in the range: {rows:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn printed_it_is_a_report_and_at_360_px_it_reads_top_to_bottom() {
    let app = Dashboard::start().await;
    app.browser.emulate_color_scheme("dark").await;
    app.connect_with_organization_token().await;
    app.open(&format!("/analytics?{RANGE}")).await;
    panel_rows(&app, "requests-per-day").await;
    figure(&app, "Active users").await;

    // Print media: no header or buttons, light, the numbers under each chart; and a PDF can be made of it.
    app.browser.devtools("Emulation.setEmulatedMedia", serde_json::json!({ "media": "print" })).await;
    let printed: Value = app
        .browser
        .eval(
            "const shown = e => e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0;
             const table = document.querySelector('#requests-per-day table');
             return { header: shown(document.querySelector('.app-header')),
                      buttons: [...document.querySelectorAll('main button')].filter(shown).length,
                      table: table.getBoundingClientRect().height,
                      background: getComputedStyle(document.body).backgroundColor }",
        )
        .await;
    assert_eq!(printed["header"], false, "{printed}");
    assert_eq!(printed["buttons"], 0, "{printed}");
    assert!(printed["table"].as_f64().unwrap() > 100.0, "the numbers are printed: {printed}");
    assert_eq!(printed["background"], "rgb(255, 255, 255)", "light on paper: {printed}");
    let pdf = app.browser.devtools("Page.printToPDF", serde_json::json!({})).await;
    assert!(pdf["data"].as_str().is_some_and(|d| d.len() > 10_000), "a PDF of the report");
    app.browser.devtools("Emulation.setEmulatedMedia", serde_json::json!({ "media": "" })).await;

    // A phone: one column, in the order of the page, nothing wider than the screen.
    let metrics = serde_json::json!({ "width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": true });
    app.browser.devtools("Emulation.setDeviceMetricsOverride", metrics).await;
    let layout: Value = app
        .browser
        .eval(
            "const boxes = [...document.querySelectorAll('main h1, main .toolbar, main .card')]
                 .map(e => e.getBoundingClientRect());
             return { wide: document.documentElement.scrollWidth,
                      ordered: boxes.every((b, i) => i === 0 || b.top >= boxes[i - 1].bottom - 1),
                      inside: boxes.every(b => b.left >= 0 && b.right <= 361) }",
        )
        .await;
    assert_eq!(layout["wide"], 360, "nothing wider than the screen: {layout}");
    assert_eq!(layout["ordered"], true, "each part below the one before: {layout}");
    assert_eq!(layout["inside"], true, "{layout}");
    app.audit_accessibility("analytics at 360 px").await;
}
