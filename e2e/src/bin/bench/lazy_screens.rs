//! A lazily loaded screen's first visit: from the click on its header link to the first frame after its
//! heading is in the DOM (each screen is visited once, in one tab), on loopback. Twice: clicked as soon as the
//! list shows, its modules not fetched yet; and clicked after a few seconds on the list, when the dashboard has
//! fetched them in the background. The issue's promise: within 100 ms.

use geai_e2e::Browser;
use serde_json::json;

use crate::apps::{session, sign_in, App};
use crate::summary::{Summary, Target, Unit};
use crate::{list, median};

const TARGET_MS: f64 = 100.0;
/// The header links of lazy screens, in the order visited.
const SCREENS: [&str; 5] = ["/tokens", "/organization", "/assistants", "/requests", "/connect"];

const VISIT: &str = r#"const [href, done] = arguments;
  const before = document.querySelector('main h1')?.textContent;
  const start = performance.now();
  const check = () => {
    const heading = document.querySelector('main h1');
    if (heading && heading.textContent !== before) {
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0));
    } else {
      requestAnimationFrame(check);
    }
  };
  document.querySelector(`header a[href="${href}"]`).click();
  check();"#;

/// How long the second pass looks at the projects list before clicking: longer than the dashboard waits
/// before it fetches the other screens' code in the background (`screens::preload_after_start`).
const LOOK_MS: u64 = 3_000;

/// Both passes: modules fetched on the click (the target's measure), then after the background preload.
pub async fn run(app: &App, summary: &mut Summary) {
    visit_all(app, summary, false).await;
    visit_all(app, summary, true).await;
}

async fn visit_all(app: &App, summary: &mut Summary, after_preload: bool) {
    let browser = Browser::start().await;
    let url = &app.server.url;
    sign_in(&browser, url, &session(&app.server.sandbox, url, true)).await;
    browser.goto(&format!("{url}/projects")).await;
    browser.wait_for_text("main h1", "Projects").await;
    browser.element(&format!("main {}", app.row)).await;
    let mut times = Vec::new();
    if after_preload {
        tokio::time::sleep(std::time::Duration::from_millis(LOOK_MS)).await;
        println!("lazy screens, {LOOK_MS} ms after the list showed (the background preload has run):");
    } else {
        println!("lazy screens: click on the header link -> heading painted, first visit, clicked at once");
    }
    for href in SCREENS {
        let ms = browser.client.execute_async(VISIT, vec![json!(href)]).await.expect("the visit script");
        let ms = ms.as_f64().expect("milliseconds");
        println!("  {href:<14} {ms:.0} ms");
        times.push(ms);
    }
    let verdict = if median(&times) <= TARGET_MS { "within" } else { "OVER" };
    println!("  median {:.0} ms (each: {}), {verdict} the {TARGET_MS} ms target", median(&times), list(&times));
    let figure =
        if after_preload { "lazy screen, first visit after preload" } else { "lazy screen, first visit at once" };
    summary.add(
        figure,
        Unit::Ms,
        median(&times),
        Err("one bundle, no lazy screens".into()),
        Target::Dashboard(TARGET_MS),
    );
}
