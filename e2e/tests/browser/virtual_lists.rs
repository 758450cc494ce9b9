//! Big lists stay instant: only the rows near the viewport are in the DOM, yet the table still reads as the
//! whole list (scroll height, `aria-rowcount`, `aria-rowindex`), and search, sort, keyboard and focus work
//! on all of it.

use geai_e2e::Dashboard;
use geai_sandbox::config::{Config, SeedConfig};

const TAB: &str = "\u{e004}";

/// The rows in the DOM: `(aria-rowindex, first cell's text)`.
async fn rendered_rows(app: &Dashboard, table: &str) -> Vec<(u64, String)> {
    let script = format!(
        "return [...document.querySelectorAll('{table} tbody tr[aria-rowindex]')]
             .map(r => [Number(r.getAttribute('aria-rowindex')), r.cells[0].innerText])"
    );
    serde_json::from_value(app.browser.eval(&script).await).unwrap()
}

async fn row_count(app: &Dashboard, table: &str) -> u64 {
    let script = format!("return Number(document.querySelector('{table}').getAttribute('aria-rowcount'))");
    app.browser.eval(&script).await.as_u64().unwrap()
}

/// Scrolls the page to the bottom and waits for the row with `aria-rowindex` `index` to be rendered.
async fn scroll_to_bottom_for(app: &Dashboard, table: &str, index: u64) -> String {
    app.browser.eval("window.scrollTo(0, document.documentElement.scrollHeight); return null").await;
    app.browser
        .wait_until(&format!("row {index} rendered after scrolling to the end"), || async {
            rendered_rows(app, table).await.into_iter().find(|(i, _)| *i == index).map(|(_, text)| text)
        })
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_projects_render_only_what_is_in_view_and_keep_search_sort_keyboard_and_axe() {
    let seed =
        SeedConfig { projects: 10_000, assistants_per_project: 1, requests_per_project: 1, ..SeedConfig::default() };
    let app = Dashboard::start_with(Config { seed, ..Config::default() }).await;
    app.connect_with_organization_token().await;
    let mut active = app.active_project_names();
    active.sort_by_key(|name| name.to_lowercase());
    let table = ".project-table";
    // Thousands grouped, as people read them.
    let count = geai_admin::i18n::count(active.len());
    app.browser.wait_for_text("p.count", &format!("{count} projects")).await;

    // The table says how many rows it has; the DOM holds a screenful and a margin.
    assert_eq!(row_count(&app, table).await, active.len() as u64 + 1);
    let rows = rendered_rows(&app, table).await;
    assert!(rows.len() < 120, "{} rows in the DOM", rows.len());
    assert_eq!(rows[0], (2, active[0].clone()), "the first data row is row 2 (the header is 1)");
    let (height, row) = (
        app.browser.eval("return document.documentElement.scrollHeight").await.as_f64().unwrap(),
        app.browser.eval("return document.querySelector('.project-table tbody tr[aria-rowindex]').offsetHeight").await,
    );
    assert!(height >= active.len() as f64 * row.as_f64().unwrap(), "the page is as tall as the whole list: {height}");
    // Exactly as tall: spacers and rendered rows add up to the measured row height times the rows (within a row).
    let body = app
        .browser
        .wait_until("the body as tall as every row", || async {
            let sizes = app
                .browser
                .eval(
                    "const b = document.querySelector('.project-table tbody');
                 return [b.offsetHeight, b.querySelector('tr[aria-rowindex]').offsetHeight]",
                )
                .await;
            let (body, row) = (sizes[0].as_f64().unwrap(), sizes[1].as_f64().unwrap());
            ((body - active.len() as f64 * row).abs() < row).then_some(body)
        })
        .await;
    assert!(body > 0.0);
    app.audit_accessibility("projects, 10,000").await;

    // The end of the list is there, in order, with its row number.
    let last = scroll_to_bottom_for(&app, table, active.len() as u64 + 1).await;
    assert_eq!(&last, active.last().unwrap());
    assert!(rendered_rows(&app, table).await.len() < 120);

    // Keyboard: from the last rendered row's link, Tab reaches the next row's, which comes into the DOM.
    app.browser.eval("window.scrollTo(0, 0); return null").await;
    app.browser
        .wait_until("the top again", || async {
            rendered_rows(&app, table).await.first().filter(|r| r.0 == 2).map(drop)
        })
        .await;
    let rows = rendered_rows(&app, table).await;
    let (index, name) = rows.last().unwrap().clone();
    app.browser
        .eval(&format!("document.querySelector('{table} tbody tr[aria-rowindex=\"{index}\"] a').focus(); return null"))
        .await;
    for step in 1..=30u64 {
        app.browser.client.active_element().await.unwrap().send_keys(TAB).await.unwrap();
        let focused = app
            .browser
            .eval("const a = document.activeElement; return [Number(a.closest('tr').getAttribute('aria-rowindex')), a.innerText]")
            .await;
        let expected = &active[(index + step - 2) as usize];
        assert_eq!(focused, serde_json::json!([index + step, expected]), "Tab {step} after {name}");
    }

    // Search: one keystroke filters all 10,000, and the row count follows.
    app.browser.eval("window.scrollTo(0, 0); return null").await;
    let needle = active[1234].to_lowercase();
    let matching: Vec<&String> = active.iter().filter(|n| n.to_lowercase().contains(&needle)).collect();
    app.browser.type_into("#project-search", &needle).await;
    app.browser
        .wait_until("the search applied", || async {
            (row_count(&app, table).await == matching.len() as u64 + 1).then_some(())
        })
        .await;
    let shown: Vec<String> = rendered_rows(&app, table).await.into_iter().map(|(_, n)| n).collect();
    assert_eq!(shown, matching.iter().take(shown.len()).map(|n| n.to_string()).collect::<Vec<_>>());

    // Sort: Name descending puts the last name first.
    app.browser.type_into("#project-search", "\u{e00c}").await;
    app.browser
        .wait_until("search cleared", || async {
            (row_count(&app, table).await == active.len() as u64 + 1).then_some(())
        })
        .await;
    app.browser.click(".project-table th button.sort").await;
    app.browser.wait_for_text(".project-table tbody tr[aria-rowindex=\"2\"] th", active.last().unwrap()).await;
    app.audit_accessibility("projects, 10,000, sorted").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_row_request_page_renders_what_is_in_view_and_a_far_row_gets_its_focus_back() {
    let app = Dashboard::start().await;
    app.connect_with_both_tokens("Customer Support").await;
    app.open("/requests?size=1000").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1\u{2013}1,000").await;
    let table = ".request-table";
    assert_eq!(row_count(&app, table).await, 1001);
    assert!(rendered_rows(&app, table).await.len() < 120);

    // The last row of the page: its panel opens with Enter and Escape gives its link the focus back.
    scroll_to_bottom_for(&app, table, 1001).await;
    let link = format!("{table} a[data-row=\"999\"]");
    app.browser.eval(&format!("document.querySelector('{link}').focus(); return null")).await;
    app.browser.client.active_element().await.unwrap().send_keys("\u{e007}").await.unwrap();
    app.browser.element("#request-panel[open]").await;
    app.audit_accessibility("requests, 1,000 rows, panel of the last").await;
    app.browser.client.active_element().await.unwrap().send_keys("\u{e00c}").await.unwrap();
    app.browser
        .wait_until("focus back on row 999", || async {
            let focused = app.browser.eval("return document.activeElement.getAttribute('data-row')").await;
            (focused == "999").then_some(())
        })
        .await;

    // A shared link to that row, opened at the top of the page: closing scrolls to the row and focuses it.
    app.open("/requests?size=1000&row=998").await;
    app.browser.element("#request-panel[open]").await;
    app.browser.client.active_element().await.unwrap().send_keys("\u{e00c}").await.unwrap();
    app.browser
        .wait_until("focus on row 998, scrolled into the DOM", || async {
            let focused = app.browser.eval("return document.activeElement.getAttribute('data-row')").await;
            (focused == "998").then_some(())
        })
        .await;
}
