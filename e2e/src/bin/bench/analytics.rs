//! The analytics screen over 30 days of the default sandbox (the binary's: logs that end now, 250,000 requests a
//! project): on a first visit (navigation start) and on a change of range (the range picked on the screen), the
//! time to the first panel painted, to every panel painted, and when the last analytics answer arrived. Targets
//! (issue 21): the first panel paints before the last answer arrives, and every panel within 50 ms of it.

use std::path::Path;

use geai_e2e::{cdp, Browser};
use geai_sandbox::config::SeedConfig;
use serde_json::Value;

use crate::apps::{session, sign_in, App};
use crate::summary::{Summary, Target, Unit};
use crate::{list, median, LOADS};

/// Injected before the page's scripts. Each animation frame counts the screen's parts (each panel and each
/// headline figure) that show an answer for the current range: neither loading nor busy with the last one. The
/// frame that first shows one, and the one that shows them all, are the paints timed; the answers' arrival is
/// read from Resource Timing. `__geaiMark()` starts a new timing from now (a change of range).
const WATCH: &str = r#"(() => {
  performance.setResourceTimingBufferSize(2000);
  const timing = window.__geaiAnalytics = { start: 0, busySeen: true, first: null, all: null };
  const ready = e => !e.querySelector('.loading') && e.getAttribute('aria-busy') !== 'true';
  const frame = () => {
    const parts = [...document.querySelectorAll('main .analytics-panel, main .figure dd')];
    const done = parts.filter(ready).length;
    if (done < parts.length) timing.busySeen = true;
    const now = performance.now();
    if (parts.length && timing.busySeen) {
      if (done > 0 && timing.first === null && done < parts.length) timing.first = now;
      if (done === parts.length) { if (timing.first === null) timing.first = now; timing.all = now; }
    }
    if (timing.all === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__geaiMark = () => {
    Object.assign(timing, { start: performance.now(), busySeen: false, first: null, all: null });
    requestAnimationFrame(frame);
  };
})();"#;

/// Resolves once every part is painted, with the times from the timing's start.
const AWAIT: &str = r#"const done = arguments[arguments.length - 1];
  setTimeout(() => done({ error: 'not painted within 60 s' }), 60000);
  const timing = window.__geaiAnalytics;
  const check = () => {
    if (timing.all === null) return setTimeout(check, 5);
    const answers = performance.getEntriesByType('resource')
      .filter(e => e.name.includes('/v1/analytics/') && e.startTime >= timing.start);
    done({ first: timing.first - timing.start, all: timing.all - timing.start, answers: answers.length,
           last: Math.max(...answers.map(e => e.responseEnd)) - timing.start });
  };
  check();"#;

/// One timing: (first panel painted, every panel painted, last answer arrived), ms from its start.
async fn timed(browser: &Browser) -> (f64, f64, f64) {
    let answer: Value = browser.client.execute_async(AWAIT, vec![]).await.expect("the analytics are timed");
    if let Some(error) = answer["error"].as_str() {
        panic!("analytics: {error}");
    }
    assert!(answer["answers"].as_u64().unwrap_or(0) > 20, "the screen's calls were timed: {answer}");
    let ms = |key: &str| answer[key].as_f64().unwrap_or(f64::NAN);
    (ms("first"), ms("all"), ms("last"))
}

pub async fn run(dist: &Path, summary: &mut Summary) {
    let app = App::dashboard(dist, SeedConfig::demo()).await;
    let url = app.server.url.clone();
    let browser = Browser::start().await;
    cdp::run_before_page_scripts(&browser, WATCH).await;
    let (mut visits, mut changes) = (Vec::new(), Vec::new());
    for _ in 0..LOADS {
        sign_in(&browser, &url, &session(&app.server.sandbox, &url, false)).await;
        browser.goto(&format!("{url}/analytics?range=30d")).await;
        visits.push(timed(&browser).await);
        // Last month: another 30 days, not seen in this tab yet.
        let change = "window.__geaiMark(); const s = document.getElementById('analytics-range');
            s.value = 'last-month'; s.dispatchEvent(new Event('change')); return true";
        browser.eval(change).await;
        changes.push(timed(&browser).await);
    }
    report("first visit", &visits, summary);
    report("range change", &changes, summary);
}

fn report(what: &str, timings: &[(f64, f64, f64)], summary: &mut Summary) {
    let column = |pick: fn(&(f64, f64, f64)) -> f64| timings.iter().map(pick).collect::<Vec<f64>>();
    let (first, all, last) = (column(|t| t.0), column(|t| t.1), column(|t| t.2));
    let lead = column(|t| t.2 - t.0);
    let after = column(|t| t.1 - t.2);
    println!("analytics, 30 days of the default sandbox, {what} ({} runs):", timings.len());
    println!("  first panel painted:  median {:.0} ms (each: {})", median(&first), list(&first));
    println!("  every panel painted:  median {:.0} ms (each: {})", median(&all), list(&all));
    println!("  last answer arrived:  median {:.0} ms (each: {})", median(&last), list(&last));
    println!(
        "  first panel before the last answer by median {:.0} ms (target > 0); every panel {:.1} ms after it (target <= 50)",
        median(&lead),
        median(&after)
    );
    let none = || Err("-".to_string());
    summary.add(&format!("analytics {what}, first panel painted"), Unit::Ms, median(&first), none(), Target::None);
    summary.add(&format!("analytics {what}, every panel painted"), Unit::Ms, median(&all), none(), Target::None);
    summary.add(&format!("analytics {what}, last answer"), Unit::Ms, median(&last), none(), Target::None);
    // Negative when the first panel came before the last answer: the target is "at most 0".
    summary.add(
        &format!("analytics {what}, first panel - last answer"),
        Unit::Ms,
        -median(&lead),
        none(),
        Target::Dashboard(0.0),
    );
    summary.add(
        &format!("analytics {what}, every panel - last answer"),
        Unit::Ms,
        median(&after),
        none(),
        Target::Dashboard(50.0),
    );
}
