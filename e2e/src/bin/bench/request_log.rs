//! The request log: a 1,000-row page rendered (navigation to rows painted, and Next to the next 1,000 painted),
//! and a 100,000-row CSV download: its time and the tab's peak memory. For react-admin, whether its requests
//! list can show 1,000 rows through its URL (`?perPage=1000`) is checked on its page.

use std::path::Path;
use std::time::{Duration, Instant};

use geai_e2e::Browser;
use geai_sandbox::config::SeedConfig;
use serde_json::json;

use crate::apps::{session, sign_in, App};
use crate::side_by_side::pagination_total;
use crate::summary::{Summary, Target, Unit};
use crate::{list, median};

/// Milliseconds from navigation start (no `click`), or from clicking `click`, until the request table holds a
/// page of `rows` rows, its first row is a new one, and a frame with it has been painted; and how many rows are
/// in the DOM then. The page's size is the table's `aria-rowcount` when it has one (a virtualized table has only
/// the rows near the viewport in the DOM), else its rows; a row's `data-row` is its index in the whole log.
const ROWS_PAINTED: &str = "const [rows, click, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    const firstRow = () => { const a = document.querySelector('.request-table tbody tr a[data-row]'); return a ? a.dataset.row : null; };
    const pageRows = () => {
      const table = document.querySelector('.request-table');
      const declared = table && table.getAttribute('aria-rowcount');
      return declared ? Number(declared) - 1 : document.querySelectorAll('.request-table tbody tr').length;
    };
    const [started, before] = click ? [performance.now(), firstRow()] : [0, null];
    if (click) document.querySelector(click).click();
    const check = () => {
      const first = firstRow();
      if (pageRows() === rows && first !== null && first !== before && !document.querySelector('.refreshing:not(:empty)')) {
        const inDom = document.querySelectorAll('.request-table tbody tr a[data-row]').length;
        requestAnimationFrame(() => setTimeout(() => done({ ms: performance.now() - started, inDom }), 0));
      } else { setTimeout(check, 5); }
    };
    check();";

pub async fn run(dist: &Path, anchor: &App, summary: &mut Summary) {
    let seed = SeedConfig { projects: 1, requests_per_project: 100_000, ..SeedConfig::default() };
    let app = App::dashboard(dist, seed).await;
    let url = &app.server.url;
    let connection = session(&app.server.sandbox, url, true);
    let (mut first, mut next, mut in_dom) = (Vec::new(), Vec::new(), 0);
    for _ in 0..5 {
        let browser = Browser::start().await;
        sign_in(&browser, url, &connection).await;
        browser.goto(&format!("{url}/requests?size=1000")).await;
        first.push(rows_painted(&browser, None).await.0);
        let (ms, rows) = rows_painted(&browser, Some(".pager button:last-child")).await;
        next.push(ms);
        in_dom = rows;
    }
    println!("request log: a page of 1,000 rows (dashboard; 5 runs, each in a new profile; {in_dom} rows in the DOM)");
    println!("  navigation -> 1,000 rows painted: median {:.0} ms   (each: {})", median(&first), list(&first));
    println!("  Next       -> 1,000 rows painted: median {:.0} ms   (each: {})", median(&next), list(&next));
    let (shown, total) = anchor_requests(anchor).await;
    let total = total.map_or("?".to_string(), |n| n.to_string());
    let page_why = if shown >= 1000 {
        "it shows 1,000 rows, but this bench does not time them yet".to_string()
    } else {
        format!("shows {shown} rows at perPage=1000: it has {total} requests")
    };
    println!("  react-admin at /#/requests?perPage=1000: {page_why}");
    summary.add("1,000-row request page, navigation", Unit::Ms, median(&first), Err(page_why.clone()), Target::None);
    summary.add("1,000-row request page, Next", Unit::Ms, median(&next), Err(page_why), Target::None);

    let (seconds, peak) = download(url, &connection).await;
    // react-admin's ExportButton writes the rows its data provider holds in the tab (at most 1,000): no
    // network, no pages, so no figure of the same kind.
    let why = format!("its export writes its {total} in-memory rows, no 100,000 to fetch");
    summary.add("100,000-row CSV download, time", Unit::Seconds, seconds, Err(why.clone()), Target::None);
    summary.add("100,000-row CSV download, tab peak", Unit::MiB, peak, Err(why), Target::None);
}

/// What react-admin's requests list shows at `?perPage=1000`: rows in its table, and its "of N".
async fn anchor_requests(anchor: &App) -> (u64, Option<u64>) {
    let browser = Browser::start().await;
    anchor.load(&browser, "/#/requests?perPage=1000").await;
    let shown = browser.eval("return document.querySelectorAll('table tbody tr').length").await;
    (shown.as_u64().unwrap_or(0), pagination_total(&browser).await)
}

/// Downloads every row as CSV; returns seconds and the tab's peak memory in MiB, and prints them.
async fn download(url: &str, connection: &str) -> (f64, f64) {
    let dir = std::env::temp_dir().join(format!("geai-bench-download-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a download folder");
    let browser = Browser::start().await;
    browser.allow_downloads(&dir).await;
    sign_in(&browser, url, connection).await;
    browser.goto(&format!("{url}/requests")).await;
    browser.element(".request-table tbody tr a[data-row]").await;
    let before = browser.renderer_memory();
    let started = Instant::now();
    browser.click(".download button.primary").await;
    let mut peak = before;
    let file = loop {
        peak = peak.max(browser.renderer_memory());
        let saved = std::fs::read_dir(&dir)
            .ok()
            .and_then(|entries| entries.flatten().find(|e| e.file_name().to_string_lossy().ends_with(".csv")));
        if let Some(file) = saved {
            break file.path();
        }
        assert!(started.elapsed() < Duration::from_secs(300), "the download did not finish in 5 minutes");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let seconds = started.elapsed().as_secs_f64();
    let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    let lines = std::fs::read_to_string(&file).map(|t| t.matches("\r\n").count()).unwrap_or(0);
    let mib = |b: u64| b as f64 / 1024.0 / 1024.0;
    println!("download: every row as CSV, 100,000 rows in pages of 1,000 (dashboard, loopback)");
    println!(
        "  {:.1} s, {:.0} rows/s, {:.1} MiB file ({} records), tab memory {:.0} MiB before, peak {:.0} MiB",
        seconds,
        100_000.0 / seconds,
        mib(bytes),
        lines.saturating_sub(1),
        mib(before),
        mib(peak)
    );
    let _ = std::fs::remove_dir_all(&dir);
    (seconds, mib(peak))
}

/// See `ROWS_PAINTED`: milliseconds, and rows in the DOM.
async fn rows_painted(browser: &Browser, click: Option<&str>) -> (f64, u64) {
    let value = browser.client.execute_async(ROWS_PAINTED, vec![json!(1000), json!(click)]).await.expect("rows");
    (value["ms"].as_f64().expect("painted"), value["inDom"].as_u64().unwrap_or(0))
}
