//! Screen and API timings, printed as numbers (run by `cargo xtask bench`, which builds the dashboard first).
//!
//! 1. Rows on screen: from navigation start of `/projects` to the first project row painted (Chromium's
//!    Element Timing), median of several loads, each in a new browser profile (cold cache) and then reloads
//!    in one browser (warm cache).
//! 2. Export: one page of 1,000 rows from a project with 1,000,000 logged requests, at several depths.
//! 3. Throughput: `wrk` against GET /projects on loopback.

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
    export_pages().await;
    throughput().await;
}

async fn start(config: Config) -> LocalServer {
    LocalServer::start(Sandbox::new(config).expect("sandbox")).await.expect("serving on 127.0.0.1")
}

async fn rows_on_screen(dist: &std::path::Path) {
    let server = start(Config { dist: Some(dist.to_path_buf()), ..Config::default() }).await;
    let (sandbox, url) = (&server.sandbox, &server.url);
    // The session as the connect screen stores it, built from the dashboard's own types.
    let connection = Connection {
        base_url: url.clone(),
        organization: Some(Credential {
            token: sandbox.tokens().0,
            identity: TokenIdentity {
                scope: TokenScope::Organization,
                organization_id: None,
                organization_name: Some("Acme Demo Org".into()),
                project_id: None,
                project_name: None,
            },
        }),
        project: None,
        auth: AuthScheme::Bearer,
        ..Connection::default()
    };
    let connection = serde_json::to_string(&connection).expect("a session");
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

/// Stores the session on the origin without loading the app, then loads `/projects` and times it.
async fn load_projects(browser: &Browser, url: &str, connection: &str) -> f64 {
    browser.goto(&format!("{url}/__sandbox/faults")).await;
    let script = format!("sessionStorage.setItem({}, {}); return true", json!(STORAGE_KEY), json!(connection));
    browser.eval(&script).await;
    browser.goto(&format!("{url}/projects")).await;
    painted_rows_ms(browser).await
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
