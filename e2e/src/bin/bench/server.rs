//! The sandbox alone: export pages deep in a large log, and throughput under `wrk`.

use std::time::{Duration, Instant};

use geai_sandbox::config::{Config, SeedConfig};
use serde_json::Value;

use crate::apps::start;
use crate::{max, median, min};

pub async fn export_pages() {
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

pub async fn throughput() {
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
