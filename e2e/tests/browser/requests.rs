//! The request log: filters and pages in the URL, the panel with full texts, downloads that lose no row, and
//! charts whose numbers are the rows' own counts.

use std::collections::BTreeMap;
use std::time::Duration;

use geai_e2e::downloads::{download_dir, downloaded};
use geai_e2e::Dashboard;
use geai_sandbox::config::{Config, Dialect, SeedConfig};
use geai_sandbox::journal::Outcome;
use serde_json::Value;

const PROJECT: &str = "Customer Support";
const EXPORT: &str = "/v1/organization/request/export";

fn exports(app: &Dashboard) -> Vec<String> {
    app.api_requests().into_iter().filter(|r| r.uri.starts_with(EXPORT)).map(|r| r.uri).collect()
}

async fn shown_rows(app: &Dashboard) -> Vec<(String, String)> {
    let rows = app
        .browser
        .eval("return [...document.querySelectorAll('.request-table tbody tr[aria-rowindex]')].map(r => [r.cells[1].innerText, r.cells[3].innerText])")
        .await;
    serde_json::from_value(rows).unwrap_or_default()
}

async fn wait_for_location(app: &Dashboard, expected: &str) {
    app.browser
        .wait_until(&format!("the address {expected}"), || async {
            (app.browser.location().await == expected).then_some(())
        })
        .await;
}

fn small_log(requests: u64) -> Config {
    Config { seed: SeedConfig { requests_per_project: requests, ..SeedConfig::default() }, ..Config::default() }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_change_the_request_and_the_url_and_back_restores_them() {
    let app = Dashboard::start().await;
    app.connect_with_both_tokens(PROJECT).await;
    app.browser.click("header a[href='/requests']").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1\u{2013}100").await;
    // The table has 100 rows (and a header); those in view are in the DOM (virtual_lists.rs).
    let count = app.browser.eval("return document.querySelector('.request-table').getAttribute('aria-rowcount')").await;
    assert_eq!(count, "101");
    assert!(!shown_rows(&app).await.is_empty());

    app.browser.click("#filter-status option[value=failed]").await;
    wait_for_location(&app, "/requests?status=failed").await;
    app.browser
        .wait_until("only failed rows", || async {
            let rows = shown_rows(&app).await;
            (!rows.is_empty() && rows.iter().all(|(_, status)| status == "failed")).then_some(())
        })
        .await;
    assert!(exports(&app).last().unwrap().contains("status=failed&skip=0&count=100"));

    app.browser.type_into("#filter-assistant", "Helpdesk\u{e007}").await;
    wait_for_location(&app, "/requests?assistant=Helpdesk&status=failed").await;
    app.browser
        .wait_until("Helpdesk's failed rows", || async {
            let rows = shown_rows(&app).await;
            (!rows.is_empty() && rows.iter().all(|row| row == &("Helpdesk".to_string(), "failed".to_string())))
                .then_some(())
        })
        .await;
    assert!(exports(&app).last().unwrap().contains("assistantName=Helpdesk&status=failed"));

    app.browser.back().await;
    wait_for_location(&app, "/requests?status=failed").await;
    app.browser
        .wait_until("the filter box follows Back", || async {
            (app.browser.eval("return document.querySelector('#filter-assistant').value").await == "").then_some(())
        })
        .await;
    app.browser.back().await;
    wait_for_location(&app, "/requests").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1\u{2013}100").await;
    assert_eq!(app.browser.eval("return document.querySelector('#filter-status').value").await, "");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn next_and_previous_page_and_a_short_page_is_the_last() {
    let app = Dashboard::start_with(small_log(130)).await;
    app.connect_with_both_tokens(PROJECT).await;
    app.open("/requests?size=50").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1\u{2013}50").await;
    let previous_disabled = "return document.querySelector('.pager button').getAttribute('aria-disabled')";
    assert_eq!(app.browser.eval(previous_disabled).await, "true");

    app.browser.click(".pager button:last-child").await;
    wait_for_location(&app, "/requests?size=50&page=2").await;
    app.browser.wait_for_text(".pager-summary", "Rows 51\u{2013}100").await;
    assert!(exports(&app).last().unwrap().ends_with("skip=50&count=50"));
    // Keyboard: the focus stays on Next while the page changes.
    app.browser.client.active_element().await.unwrap().send_keys("\u{e007}").await.unwrap();
    app.browser.wait_for_text(".pager-summary", "Rows 101\u{2013}130 (last page)").await;
    assert_eq!(app.browser.eval("return document.activeElement.innerText").await, "Next \u{2192}");
    assert_eq!(
        app.browser
            .eval("return document.querySelector('.pager button:last-child').getAttribute('aria-disabled')")
            .await,
        "true"
    );
    assert_eq!(shown_rows(&app).await.len(), 30);
    // Pressing it again does nothing.
    app.browser.client.active_element().await.unwrap().send_keys("\u{e007}").await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(app.browser.location().await, "/requests?size=50&page=3");

    app.browser.click(".pager button").await;
    app.browser.wait_for_text(".pager-summary", "Rows 51\u{2013}100").await;
    app.browser.reload().await;
    app.browser.wait_for_text(".pager-summary", "Rows 51\u{2013}100").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_panel_shows_every_text_in_full_as_text_and_escape_returns_to_the_row() {
    let app = Dashboard::start().await;
    app.connect_with_both_tokens(PROJECT).await;
    let rows = app.export_rows(PROJECT, "count=200").await;
    let long = rows.iter().position(|r| r["output"].as_str().is_some_and(|o| o.len() > 10_000)).expect("a long output");
    let payload =
        rows.iter().position(|r| r["prompt"].as_str().is_some_and(|p| p.contains("<script>"))).expect("a payload");
    app.open("/requests?size=500").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1").await;

    // Keyboard: focus the row's link and press Enter.
    app.browser.eval(&format!("document.querySelector('a[data-row=\"{long}\"]').focus(); return true")).await;
    app.browser.client.active_element().await.unwrap().send_keys("\u{e007}").await.unwrap();
    wait_for_location(&app, &format!("/requests?size=500&row={long}")).await;
    let output = app.browser.eval("return document.querySelector('#request-output').textContent").await;
    assert_eq!(output.as_str(), rows[long]["output"].as_str(), "the whole text, line breaks included");
    assert_eq!(app.browser.eval("return document.querySelector('#request-panel').open").await, true);
    app.audit_accessibility("request panel").await;

    app.browser.client.active_element().await.unwrap().send_keys("\u{e00c}").await.unwrap();
    wait_for_location(&app, "/requests?size=500").await;
    app.browser
        .wait_until("focus back on the row", || async {
            (app.browser.eval("return document.activeElement.dataset.row || ''").await == long.to_string().as_str())
                .then_some(())
        })
        .await;

    // A shared link opens the same request; a payload stays text.
    app.open(&format!("/requests?size=500&row={payload}")).await;
    let prompt = app.browser.wait_for_text("#request-prompt", "<script>").await;
    assert_eq!(prompt.as_str(), rows[payload]["prompt"].as_str().unwrap());
    assert_eq!(app.browser.eval("return document.querySelectorAll('#request-panel script, #request-panel img, #request-panel b').length").await, 0);
    assert_eq!(app.browser.eval("return window.__owned === undefined").await, true);
    app.browser.click("#request-panel .drawer-header button").await;
    wait_for_location(&app, "/requests?size=500").await;
}

fn csv_rows(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    reader
        .records()
        .map(|record| {
            let record = record.expect("a valid CSV record");
            headers.iter().zip(record.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()
        })
        .collect()
}

/// The CSV's rows equal the sandbox's, in order, field by field (texts with quotes, commas and line breaks).
fn assert_same_rows(csv: &[BTreeMap<String, String>], api: &[Value]) {
    assert_eq!(csv.len(), api.len(), "row count");
    for (i, (row, expected)) in csv.iter().zip(api).enumerate() {
        for field in ["timestamp", "assistant", "status", "prompt", "output", "inputText", "sessionId", "module"] {
            let want = expected[field].as_str().unwrap_or_default();
            assert_eq!(row[field], want, "row {i}, {field}");
        }
        let elapsed = expected["elapsedTimeMs"].as_i64().map(|n| n.to_string()).unwrap_or_default();
        assert_eq!(row["elapsedTimeMs"], elapsed, "row {i}");
        let cost: f64 = row["cost"].parse().unwrap_or(-1.0);
        assert_eq!(cost, expected["cost"].as_f64().unwrap_or(-1.0), "row {i}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_filtered_csv_downloads_every_row_and_parses() {
    let app = Dashboard::start().await;
    let dir = download_dir("csv");
    app.browser.allow_downloads(&dir).await;
    app.connect_with_both_tokens(PROJECT).await;
    app.open("/requests?status=succeeded").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1").await;
    app.sandbox.journal().clear();
    app.browser.click(".download button.primary").await;
    app.browser.wait_for_text(".download-status", "Saved").await;
    let (_, text) = downloaded(&app, &dir, ".csv").await;
    let calls = exports(&app);
    let expected = app.export_rows(PROJECT, "status=succeeded&count=10000").await;
    assert!(expected.len() > 3000, "a few thousand rows: {}", expected.len());
    assert_same_rows(&csv_rows(&text), &expected);
    assert!(text.starts_with("timestamp,startTimestamp,"), "a header row");
    assert!(text.contains("\"\"Quotes\"\", 'apostrophes'"), "quotes doubled inside quoted fields");
    assert_eq!(calls.len(), expected.len() / 1000 + 1, "page after page until a short one: {calls:?}");
    assert!(calls.iter().all(|c| c.contains("status=succeeded")));
    // The charts can switch to the downloaded rows.
    app.browser.wait_for_text(".chart-range", "downloaded").await;
    assert!(app.browser.text(".chart-range").await.contains(&format!("{} rows", thousands(expected.len()))));
    let _ = std::fs::remove_dir_all(&dir);
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_lines_download_one_object_a_line() {
    let app = Dashboard::start_with(small_log(2500)).await;
    let dir = download_dir("jsonl");
    app.browser.allow_downloads(&dir).await;
    app.connect_with_both_tokens(PROJECT).await;
    app.open("/requests").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1").await;
    app.browser.click("#format-jsonl").await;
    app.browser.click(".download button.primary").await;
    app.browser.wait_for_text(".download-status", "Saved 2,500 rows").await;
    let (_, text) = downloaded(&app, &dir, ".jsonl").await;
    let rows: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let expected = app.export_rows(PROJECT, "count=10000").await;
    assert_eq!(rows.len(), expected.len());
    assert_eq!(rows[7]["output"], expected[7]["output"]);
    assert_eq!(rows[2499]["timestamp"], expected[2499]["timestamp"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_stops_the_requests() {
    let app = Dashboard::start().await;
    app.connect_with_both_tokens(PROJECT).await;
    app.open("/requests").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1").await;
    app.inject_fault("GET", EXPORT, "delay=1500", None);
    app.sandbox.journal().clear();
    app.browser.click(".download button.primary").await;
    app.wait_for_request(&format!("{EXPORT}?skip=0&count=1000"), Outcome::Pending).await;
    app.browser.click(".download .toolbar button:not(.primary)").await;
    app.browser.wait_for_text(".download-status", "Cancelled").await;
    app.wait_for_request(&format!("{EXPORT}?skip=0&count=1000"), Outcome::Abandoned).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(exports(&app).len(), 1, "no request after Cancel");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_mid_download_are_retried_then_resumed_with_no_row_lost_or_doubled() {
    let config = Config { latency: Duration::from_millis(150), ..Config::default() };
    let app = Dashboard::start_with(config).await;
    let dir = download_dir("resume");
    app.browser.allow_downloads(&dir).await;
    app.connect_with_both_tokens(PROJECT).await;
    app.open("/requests?status=succeeded").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1").await;
    app.browser.click(".download button.primary").await;
    app.browser.wait_for_text(".download-status", "1,000 rows so far").await;
    // One failure is retried by itself.
    app.inject_fault("GET", EXPORT, "status=503", 1);
    app.browser.wait_for_text(".download-status", "trying again").await;
    app.browser.wait_for_text(".download-status", "2,000 rows so far").await;
    // Four in a row outlast the retries: the download stops and offers Resume.
    app.inject_fault("GET", EXPORT, "status=503", 4);
    app.browser.wait_for_text(".download-status", "Stopped after").await;
    app.browser.click(".download .toolbar button:not(.primary)").await;
    app.browser.wait_for_text(".download-status", "Saved").await;
    let (_, text) = downloaded(&app, &dir, ".csv").await;
    let expected = app.export_rows(PROJECT, "status=succeeded&count=10000").await;
    assert_same_rows(&csv_rows(&text), &expected);
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_charts_numbers_are_the_rows_counts() {
    let app = Dashboard::start().await;
    app.connect_with_both_tokens(PROJECT).await;
    app.open("/requests?size=1000").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1\u{2013}1,000").await;
    let rows = app.export_rows(PROJECT, "count=1000").await;
    let mut per_day: BTreeMap<String, [u64; 3]> = BTreeMap::new();
    let mut per_assistant: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for row in &rows {
        let day = row["timestamp"].as_str().unwrap()[..10].to_string();
        let status = row["status"].as_str().unwrap();
        let slot = ["succeeded", "failed", "pending"].iter().position(|s| *s == status).unwrap();
        per_day.entry(day).or_default()[slot] += 1;
        let entry = per_assistant.entry(row["assistant"].as_str().unwrap().to_string()).or_default();
        entry.0 += 1;
        entry.1 += u64::from(status == "failed");
    }
    let table = |id: &str| {
        format!("return [...document.querySelectorAll('#{id} table tbody tr')].map(r => [...r.cells].map(c => c.innerText))")
    };
    let shown: Vec<Vec<String>> = serde_json::from_value(app.browser.eval(&table("chart-per-day")).await).unwrap();
    let expected: Vec<Vec<String>> = per_day
        .iter()
        .map(|(day, c)| {
            vec![
                day.clone(),
                c[0].to_string(),
                c[1].to_string(),
                c[2].to_string(),
                "0".into(),
                (c[0] + c[1] + c[2]).to_string(),
            ]
        })
        .collect();
    assert_eq!(shown, expected);
    let top: Vec<Vec<String>> = serde_json::from_value(app.browser.eval(&table("chart-top-requests")).await).unwrap();
    let mut by_count: Vec<_> = per_assistant.iter().map(|(n, c)| (n.clone(), c.0)).collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    assert_eq!(top, by_count.iter().map(|(n, c)| vec![n.clone(), c.to_string()]).collect::<Vec<_>>());
    let failures: Vec<Vec<String>> =
        serde_json::from_value(app.browser.eval(&table("chart-top-failures")).await).unwrap();
    let mut by_failures: Vec<_> = per_assistant.iter().map(|(n, c)| (n.clone(), c.1)).filter(|(_, f)| *f > 0).collect();
    by_failures.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    assert_eq!(failures, by_failures.iter().map(|(n, c)| vec![n.clone(), c.to_string()]).collect::<Vec<_>>());
    assert!(app.browser.text(".chart-range").await.contains("1,000 rows on this page"));
    // The audit on a short page: axe's cost grows with the table, and the charts are the same either way.
    app.open("/requests?size=50").await;
    app.browser.wait_for_text(".chart-range", "50 rows on this page").await;
    app.browser.click(".charts button[aria-pressed]").await;
    app.audit_accessibility("requests with charts and their numbers").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saia_beta_server_pages_and_filters_with_its_own_names() {
    let app = Dashboard::start_with(Config { dialect: Dialect::SaiaBeta, ..Config::default() }).await;
    app.connect_with_both_tokens(PROJECT).await;
    app.open("/requests?status=failed").await;
    app.browser
        .wait_until("failed rows", || async {
            let rows = shown_rows(&app).await;
            (!rows.is_empty() && rows.iter().all(|(_, status)| status == "failed")).then_some(())
        })
        .await;
    assert!(exports(&app).last().unwrap().contains("Status=failed&Skip=0&Count=100"));
    app.browser.click(".request-table tbody tr td:nth-child(3)").await;
    app.browser.wait_for_text("#request-panel", "failed").await;
    assert!(app.browser.location().await.contains("row=0"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assistants_fold_their_revisions_and_link_to_their_requests() {
    let app = Dashboard::start().await;
    app.connect_with_both_tokens(PROJECT).await;
    app.browser.click("header a[href='/assistants']").await;
    app.browser.wait_for_text("main", "Helpdesk").await;
    let names =
        app.browser.eval("return [...document.querySelectorAll('article.assistant h2')].map(h => h.innerText)").await;
    assert_eq!(names, serde_json::json!(["Helpdesk", "Summarizer", "Translator", "Classifier"]));
    assert_eq!(
        app.browser.eval("return [...document.querySelectorAll('details')].every(d => !d.open)").await,
        true,
        "folded"
    );
    app.browser.click("article.assistant summary").await;
    let revisions = app.browser.wait_for_text("article.assistant details", "Revision").await;
    assert!(revisions.contains("Default") && revisions.contains("temperature"), "{revisions}");
    app.audit_accessibility("assistants, one unfolded").await;

    app.browser.click("article.assistant a[href^='/requests']").await;
    wait_for_location(&app, "/requests?assistant=Helpdesk").await;
    app.browser
        .wait_until("Helpdesk's rows", || async {
            let rows = shown_rows(&app).await;
            (!rows.is_empty() && rows.iter().all(|(a, _)| a == "Helpdesk")).then_some(())
        })
        .await;
    assert_eq!(app.browser.eval("return document.querySelector('#filter-assistant').value").await, "Helpdesk");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_project_token_both_screens_say_how_to_get_one() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    for screen in ["/assistants", "/requests"] {
        app.open(screen).await;
        app.browser.wait_for_text("main", "needs a project token").await;
        let links = app
            .browser
            .eval("return [...document.querySelectorAll('main .card a')].map(a => a.getAttribute('href'))")
            .await;
        assert_eq!(links, serde_json::json!([format!("/connect?next=%2F{}", &screen[1..]), "/projects"]));
        app.audit_accessibility(&format!("{screen} without a project token")).await;
    }
    assert!(exports(&app).is_empty());
}
