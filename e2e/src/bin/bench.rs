//! Screen and API timings, printed as numbers (run by `cargo xtask bench`, which builds the dashboard first).
//!
//! 1. Rows on screen: from navigation start of `/projects` to the first project row painted (Chromium's
//!    Element Timing), median of several loads, each in a new browser profile (cold cache) and then reloads
//!    in one browser (warm cache).
//! 2. The request log: a 1,000-row page rendered (navigation to rows painted, and Next to the next 1,000
//!    painted), and a 100,000-row CSV download: its time and the tab's peak memory.
//! 3. Export: one page of 1,000 rows from a project with 1,000,000 logged requests, at several depths.
//! 4. Throughput: `wrk` against GET /projects on loopback.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use geai_admin::api::{AuthScheme, TokenIdentity, TokenScope};
use geai_admin::session::{Connection, Credential, STORAGE_KEY};
use geai_e2e::Browser;
use geai_sandbox::config::{Config, SeedConfig};
use geai_sandbox::{LocalServer, Sandbox};
use serde_json::{json, Value};

const LOADS: usize = 7;

#[tokio::main]
async fn main() {
    let dist = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(geai_e2e::paths::dist);
    rows_on_screen(&dist).await;
    request_log(&dist).await;
    export_pages().await;
    throughput().await;
}

async fn start(config: Config) -> LocalServer {
    LocalServer::start(Sandbox::new(config).expect("sandbox")).await.expect("serving on 127.0.0.1")
}

async fn rows_on_screen(dist: &std::path::Path) {
    let server = start(Config { dist: Some(dist.to_path_buf()), ..Config::default() }).await;
    let (sandbox, url) = (&server.sandbox, &server.url);
    let connection = session(sandbox, url, false);
    let mut cold = Vec::new();
    for _ in 0..LOADS {
        let browser = Browser::start().await;
        cold.push(load_projects(&browser, url, &connection).await);
    }
    let browser = Browser::start().await;
    load_projects(&browser, url, &connection).await;
    let mut warm = Vec::new();
    for _ in 0..LOADS {
        browser.reload().await;
        warm.push(painted_rows_ms(&browser).await);
    }
    println!("rows on screen (navigation start -> first project row painted, headless Chromium, {LOADS} loads)");
    println!("  cold cache: median {:.0} ms   (each: {})", median(&cold), list(&cold));
    println!("  warm cache: median {:.0} ms   (each: {})", median(&warm), list(&warm));
}

/// The session as the connect screen stores it, built from the dashboard's own types: the organization token,
/// and with `with_project` the first project's token too.
fn session(sandbox: &Sandbox, url: &str, with_project: bool) -> String {
    let (organization, projects) = sandbox.tokens();
    let credential = |token: String, scope| Credential {
        token,
        identity: TokenIdentity {
            scope,
            organization_id: None,
            organization_name: Some("Acme Demo Org".into()),
            project_id: None,
            project_name: None,
        },
    };
    let connection = Connection {
        base_url: url.to_string(),
        organization: Some(credential(organization, TokenScope::Organization)),
        project: with_project.then(|| credential(projects[0].1.clone(), TokenScope::Project)),
        auth: AuthScheme::Bearer,
        ..Connection::default()
    };
    serde_json::to_string(&connection).expect("a session")
}

/// Stores the session on the origin without loading the app.
async fn sign_in(browser: &Browser, url: &str, connection: &str) {
    browser.goto(&format!("{url}/__sandbox/faults")).await;
    let script = format!("sessionStorage.setItem({}, {}); return true", json!(STORAGE_KEY), json!(connection));
    browser.eval(&script).await;
}

/// Signs in, then loads `/projects` and times it.
async fn load_projects(browser: &Browser, url: &str, connection: &str) -> f64 {
    sign_in(browser, url, connection).await;
    browser.goto(&format!("{url}/projects")).await;
    painted_rows_ms(browser).await
}

/// Milliseconds from now (a navigation's start, or a click) until the request table has `rows` rows and a frame
/// with them has been painted.
const ROWS_PAINTED: &str = "const [rows, since, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    const started = since === 'navigation' ? 0 : performance.now();
    const check = () => {
      if (document.querySelectorAll('.request-table tbody tr').length === rows
          && document.querySelector('.request-table tbody tr a') && !document.querySelector('.refreshing:not(:empty)')) {
        requestAnimationFrame(() => setTimeout(() => done(performance.now() - started), 0));
      } else { setTimeout(check, 5); }
    };
    check();";

async fn request_log(dist: &std::path::Path) {
    let seed = SeedConfig { projects: 1, requests_per_project: 100_000, ..SeedConfig::default() };
    let server = start(Config { dist: Some(dist.to_path_buf()), seed, ..Config::default() }).await;
    let connection = session(&server.sandbox, &server.url, true);
    let (mut first, mut next) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let browser = Browser::start().await;
        sign_in(&browser, &server.url, &connection).await;
        browser.goto(&format!("{}/requests?size=1000", server.url)).await;
        first.push(rows_painted(&browser, "navigation").await);
        let clicked = browser
            .client
            .execute_async(
                &format!("document.querySelector('.pager button:last-child').click(); {ROWS_PAINTED}"),
                vec![json!(1000), json!("click")],
            )
            .await
            .expect("next page");
        next.push(clicked.as_f64().expect("painted"));
    }
    println!("request log: a page of 1,000 rows (headless Chromium, 5 runs, each in a new profile)");
    println!("  navigation -> 1,000 rows painted: median {:.0} ms   (each: {})", median(&first), list(&first));
    println!("  Next       -> 1,000 rows painted: median {:.0} ms   (each: {})", median(&next), list(&next));

    let dir = std::env::temp_dir().join(format!("geai-bench-download-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a download folder");
    let browser = Browser::start().await;
    browser.allow_downloads(&dir).await;
    sign_in(&browser, &server.url, &connection).await;
    browser.goto(&format!("{}/requests", server.url)).await;
    browser.element(".request-table tbody tr").await;
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
    println!("download: every row as CSV, 100,000 rows in pages of 1,000 (loopback)");
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
}

async fn rows_painted(browser: &Browser, since: &str) -> f64 {
    let value = browser.client.execute_async(ROWS_PAINTED, vec![json!(1000), json!(since)]).await.expect("rows");
    value.as_f64().expect("painted")
}

async fn painted_rows_ms(browser: &Browser) -> f64 {
    let value = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             setTimeout(() => done(null), 15000);
             new PerformanceObserver((list, observer) => {
               const row = list.getEntries().find(e => e.identifier === 'project-row');
               if (row) { observer.disconnect(); done(row.renderTime || row.loadTime); }
             }).observe({ type: 'element', buffered: true });",
            vec![],
        )
        .await
        .expect("element timing");
    value.as_f64().expect("the rows were painted within 15 s")
}

async fn export_pages() {
    let seed = SeedConfig { projects: 1, requests_per_project: 1_000_000, ..SeedConfig::default() };
    let server = start(Config { seed, ..Config::default() }).await;
    let (sandbox, url) = (&server.sandbox, &server.url);
    let token = sandbox.tokens().1[0].1.clone();
    let client = reqwest::Client::new();
    println!("export: GET /request/export?count=1000 from a project with 1,000,000 requests (loopback, 9 calls each; time to the whole body)");
    for (label, query) in [
        ("first page", "skip=0&count=1000".to_string()),
        ("middle page", "skip=500000&count=1000".to_string()),
        ("last full page", "skip=999000&count=1000".to_string()),
        ("filtered, deep", "status=failed&assistantName=Summarizer&skip=20000&count=1000".to_string()),
    ] {
        // Timed: the request and the whole body received. Not timed: parsing it here to count the rows.
        let mut times = Vec::new();
        let mut body = Vec::new();
        for _ in 0..9 {
            let started = Instant::now();
            let response = client
                .get(format!("{url}/v1/organization/request/export?{query}"))
                .bearer_auth(&token)
                .send()
                .await
                .expect("export");
            body = response.bytes().await.expect("body").to_vec();
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        let page: Value = serde_json::from_slice(&body).expect("json");
        let rows = page["items"].as_array().map_or(0, Vec::len);
        let kib = body.len() as f64 / 1024.0;
        println!(
            "  {label:<16} {rows:>5} rows {kib:>5.0} KiB   median {:.1} ms   (min {:.1}, max {:.1})",
            median(&times),
            min(&times),
            max(&times)
        );
    }
}

async fn throughput() {
    let server = start(Config::default()).await;
    let (sandbox, url) = (&server.sandbox, &server.url);
    let header = format!("Authorization: Bearer {}", sandbox.tokens().0);
    let target = format!("{url}/v1/organization/projects");
    let output = tokio::process::Command::new("wrk")
        .args(["-t2", "-c32", "-d5s", "--latency", "-H", &header, &target])
        .output()
        .await;
    println!("throughput: wrk -t2 -c32 -d5s GET /v1/organization/projects (client and server share 2 cores)");
    match output {
        Ok(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout);
            for line in text.lines().filter(|l| {
                ["Requests/sec", "requests in", "Non-2xx", "Socket errors", "50%", "99%"].iter().any(|k| l.contains(k))
            }) {
                println!("  {}", line.trim());
            }
            if !text.contains("Non-2xx") && !text.contains("Socket errors") {
                println!("  errors: 0 (no non-2xx responses, no socket errors)");
            }
        }
        Ok(out) => println!("  wrk failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(e) => println!("  wrk is not installed ({e}); `cargo xtask bench` installs it"),
    }
    tokio::time::sleep(Duration::from_millis(10)).await;
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[sorted.len() / 2]
}

fn min(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(0.0, f64::max)
}

fn list(values: &[f64]) -> String {
    values.iter().map(|v| format!("{v:.0}")).collect::<Vec<_>>().join(", ")
}
