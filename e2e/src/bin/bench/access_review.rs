//! The access review of an organization of 200 projects: from the review's start (its progress line shown, the
//! project list in hand) to every project's members shown, against the same requests (each project's members)
//! made by a script at the same concurrency as the dashboard's fan-out; and, while the table fills, the longest
//! gap between two animation frames, which is how long the page could not answer a click or a key.
//!
//! The sandbox answers each request after `LATENCY`, as an installation across a network does: on 127.0.0.1 it
//! answers in a fraction of a millisecond, and the comparison would weigh the browser's fixed cost of a fetch
//! against nothing. With the latency, both sides wait for the same network, and the ratio is what the dashboard
//! adds to it: gaps in its concurrency, and the work of showing each project's members.

use std::path::Path;
use std::time::{Duration, Instant};

use geai_e2e::Browser;
use geai_sandbox::config::SeedConfig;
use serde_json::Value;

use crate::apps::{session, sign_in, App};
use crate::summary::{Summary, Target, Unit};
use crate::{list, median};

const PROJECTS: usize = 200;
/// The dashboard's fan-out width (`components/list/fan_out.rs`), which the script uses too.
const CONCURRENCY: usize = 4;
const RUNS: usize = 3;
/// What each answer waits for, both for the dashboard and for the script.
const LATENCY: Duration = Duration::from_millis(20);

/// Records the longest gap between animation frames from now on, and resolves with the time (ms since
/// navigation start) when the progress line says every project is loaded.
const WATCH: &str = r#"
  window.__geaiGap = 0;
  let last = performance.now();
  const frame = now => { window.__geaiGap = Math.max(window.__geaiGap, now - last); last = now; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  window.__geaiDone = new Promise(resolve => {
    let started = null;
    const check = () => {
      const line = document.querySelector('.progress-line [role=status]');
      if (line && started === null) started = performance.now();
      if (line && /Members of (\d+) of \1 projects loaded/.test(line.textContent)) resolve(performance.now() - started);
      else setTimeout(check, 2);
    };
    check();
  });"#;

const AWAIT: &str = "const done = arguments[arguments.length - 1];
  setTimeout(() => done({ error: 'not loaded within 120 s' }), 120000);
  window.__geaiDone.then(ms => done({ ms, gap: window.__geaiGap }));";

pub async fn run(dist: &Path, summary: &mut Summary) {
    let seed =
        SeedConfig { projects: PROJECTS, assistants_per_project: 1, requests_per_project: 20, ..SeedConfig::default() };
    let app = App::dashboard_with(dist, seed, LATENCY).await;
    let url = app.server.url.clone();
    let browser = Browser::start().await;
    let (mut dashboard, mut gaps, mut script) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        sign_in(&browser, &url, &session(&app.server.sandbox, &url, false)).await;
        geai_e2e::cdp::run_before_page_scripts(&browser, WATCH).await;
        browser.goto(&format!("{url}/access")).await;
        let answer: Value = browser.client.execute_async(AWAIT, vec![]).await.expect("the review is timed");
        if let Some(error) = answer["error"].as_str() {
            panic!("access review: {error}");
        }
        dashboard.push(answer["ms"].as_f64().unwrap_or(f64::NAN));
        gaps.push(answer["gap"].as_f64().unwrap_or(f64::NAN));
        script.push(by_script(&url, &app.server.sandbox.tokens().0).await);
    }
    let ratio = median(&dashboard) / median(&script);
    println!("access review: {PROJECTS} projects' members, {CONCURRENCY} at a time ({RUNS} runs)");
    println!(
        "  dashboard, the review's start to all loaded: median {:.0} ms (each: {})",
        median(&dashboard),
        list(&dashboard)
    );
    println!(
        "  script, the same requests back to back:     median {:.0} ms (each: {})",
        median(&script),
        list(&script)
    );
    println!(
        "  ratio {ratio:.2} (target <= 1.5); longest frame gap while filling: median {:.0} ms (each: {})",
        median(&gaps),
        list(&gaps)
    );
    summary.add(
        "access review, 200 projects",
        Unit::Ms,
        median(&dashboard),
        Err(format!("script {:.0} ms", median(&script))),
        Target::None,
    );
    summary.add("access review / same requests by script", Unit::Times, ratio, Err("-".into()), Target::Dashboard(1.5));
    summary.add("access review, longest frame gap", Unit::Ms, median(&gaps), Err("-".into()), Target::None);
}

/// Every project's members, `CONCURRENCY` at a time (the project list fetched first, not timed): milliseconds.
async fn by_script(url: &str, token: &str) -> f64 {
    let client = reqwest::Client::new();
    let list: Value = client
        .get(format!("{url}/v1/organization/projects?detail=full"))
        .bearer_auth(token)
        .send()
        .await
        .expect("projects")
        .json()
        .await
        .expect("JSON");
    let ids: Vec<String> =
        list["projects"].as_array().unwrap().iter().map(|p| p["projectId"].as_str().unwrap().to_string()).collect();
    let started = Instant::now();
    let queue = std::sync::Arc::new(std::sync::Mutex::new(ids));
    let workers = (0..CONCURRENCY).map(|_| {
        let (client, queue, token) = (client.clone(), queue.clone(), token.to_string());
        let url = url.to_string();
        tokio::spawn(async move {
            loop {
                let Some(id) = queue.lock().unwrap().pop() else { return };
                let answer = client
                    .get(format!("{url}/v2/accessControl/projects/members?startPage=1&pageSize=1000&orderKey=name&orderDirection=asc"))
                    .bearer_auth(&token)
                    .header("project-id", id)
                    .send()
                    .await
                    .expect("members");
                let _: Value = answer.json().await.expect("JSON");
            }
        })
    });
    for worker in workers.collect::<Vec<_>>() {
        worker.await.expect("a worker");
    }
    started.elapsed().as_secs_f64() * 1000.0
}
