//! The dashboard measured beside react-admin, the anchor app with the same screens (`cargo xtask bench`
//! builds both and runs this), each served by geai-sandbox with `--dist`, in headless Chromium:
//!
//! 1. Projects screen, both apps, loads alternating: first-load bytes (gzip, brotli, as served), navigation
//!    start to the first data row painted (cold and warm cache), memory after a garbage collection.
//! 2. The access review of 200 projects against the same requests made by a script; the analytics screen over 30
//!    days (first visit and a change of range: first panel, every panel, last answer).
//! 3. Keystroke to paint in the projects search with 10,000 projects.
//! 4. The request log: a 1,000-row page rendered, and a 100,000-row CSV download (time, the tab's peak memory).
//! 5. The projects screen through `cargo xtask run --upstream`'s forwarding server against the sandbox serving it.
//! 6. The sandbox alone: export pages at several depths of a 1,000,000-row log, and `wrk` throughput.
//!
//! Then a summary: each figure for both apps, the ratio dashboard / react-admin, and the target.
//!
//! usage: bench [DASHBOARD_DIST [ANCHOR_DIST]] (defaults: dist/ and target/anchor/react-admin/dist/)

mod access_review;
mod analytics;
mod apps;
mod forwarded;
mod lazy_screens;
mod request_log;
mod server;
mod side_by_side;
mod summary;
mod typing;

use std::path::PathBuf;
use std::time::Instant;

use geai_e2e::paths;
use geai_sandbox::config::SeedConfig;

use apps::App;
use summary::Summary;

/// Loads per app and cache state: the median of 7 is steady enough to compare, and keeps the run short.
pub const LOADS: usize = 7;

#[tokio::main]
async fn main() {
    let started = Instant::now();
    let mut args = std::env::args().skip(1).map(PathBuf::from);
    let dist = args.next().unwrap_or_else(paths::dist);
    let anchor_dist = args.next().unwrap_or_else(|| paths::workspace_root().join("target/anchor/react-admin/dist"));
    assert!(
        anchor_dist.join("index.html").is_file(),
        "no react-admin build at {}: `cargo xtask bench` builds it",
        anchor_dist.display()
    );
    // For work on one part: its figures alone, in a fraction of the time.
    let only = |variable: &str| std::env::var_os(variable).is_some();
    if ["ACCESS_REVIEW", "FORWARDED", "REQUEST_LOG", "ANALYTICS"]
        .iter()
        .any(|part| only(&format!("GEAI_BENCH_{part}_ONLY")))
    {
        let mut summary = Summary::default();
        if only("GEAI_BENCH_ACCESS_REVIEW_ONLY") {
            access_review::run(&dist, &mut summary).await;
        }
        if only("GEAI_BENCH_FORWARDED_ONLY") {
            forwarded::run(&dist, &mut summary).await;
        }
        if only("GEAI_BENCH_REQUEST_LOG_ONLY") {
            request_log::run(&dist, &App::anchor(&anchor_dist).await, &mut summary).await;
        }
        if only("GEAI_BENCH_ANALYTICS_ONLY") {
            analytics::run(&dist, &mut summary).await;
        }
        summary.print();
        return;
    }
    let apps = [App::dashboard(&dist, SeedConfig::default()).await, App::anchor(&anchor_dist).await];
    let mut summary = Summary::default();
    let anchor_projects = side_by_side::run(&apps, &mut summary).await;
    // For work on the first load: the side-by-side figures alone, in a quarter of the time.
    if std::env::var_os("GEAI_BENCH_FIRST_LOAD_ONLY").is_some() {
        summary.print();
        return;
    }
    lazy_screens::run(&apps[0], &mut summary).await;
    access_review::run(&dist, &mut summary).await;
    analytics::run(&dist, &mut summary).await;
    typing::run(&dist, anchor_projects, &mut summary).await;
    request_log::run(&dist, &apps[1], &mut summary).await;
    forwarded::run(&dist, &mut summary).await;
    server::export_pages().await;
    server::throughput().await;
    summary.print();
    println!("\nbench: {:.0} s", started.elapsed().as_secs_f64());
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
    let one = |v: &f64| if *v < 100.0 { format!("{v:.1}") } else { format!("{v:.0}") };
    values.iter().map(one).collect::<Vec<_>>().join(", ")
}
