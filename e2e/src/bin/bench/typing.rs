//! Keystroke to paint in the projects search, with 10,000 projects.
//!
//! Method: a script armed in the page before each key notes the `keydown` event's `timeStamp` (when the
//! browser received the key, on the clock of `performance.now()`), and a MutationObserver checks after every
//! change of the page whether the table reflects the search: data rows left, each containing the typed
//! letter, which some row did not before. The next animation frame is the one that shows them; a task posted
//! from its requestAnimationFrame callback runs once that frame is painted, and `performance.now()` there
//! minus the keydown's `timeStamp` is the figure: input handling, filtering, DOM changes, style, layout and
//! paint.
//! The key is a real one (DevTools `Input.dispatchKeyEvent`: trusted keydown, keypress, input, keyup).
//! Each key is typed into the empty box, then taken back with Backspace (timed too, until the list shows the
//! rows it showed before the search).

use std::path::Path;

use geai_e2e::{cdp, Browser};
use geai_sandbox::config::SeedConfig;
use serde_json::{json, Value};

use crate::apps::App;
use crate::summary::{Summary, Target, Unit};
use crate::{list, median};

const PROJECTS: usize = 10_000;
/// Letters in few project names and descriptions of the seeded organization, and in no generated name, id,
/// status or limit mark: each narrows thousands of rows to a handful. Twice each: eight keystrokes.
const KEYS: [&str; 8] = ["k", "q", "w", "y", "k", "q", "w", "y"];
/// A frame at 60 Hz.
const TARGET_MS: f64 = 16.0;
const ROWS: &str = "table tbody tr";

/// Arms the page for one key: `key` typed into the empty box (narrowing), or with `full` (the list before any
/// search) the Backspace that brings it back; with neither, only reports the rows. Answers the data rows'
/// count and first row's text before the key. Data rows are rows with text: a virtualized body has spacers.
const ARM: &str = r#"const [ROWS, key, full] = arguments;
  const input = document.querySelector('input[type=search]');
  const isData = row => /[\p{L}\p{N}]/u.test(row.textContent);
  const dataRows = function* () { for (const row of document.querySelectorAll(ROWS)) if (isData(row)) yield row; };
  const first = () => { for (const row of dataRows()) return row.textContent; return null; };
  const count = () => { let n = 0; for (const _ of dataRows()) n++; return n; };
  // Narrowing: rows left, each containing the typed text (the box searches name, description and id, which the
  // row shows). Some row did not before the key, or the check would prove nothing. Clearing: the first row
  // and as many rows as before the search. Cheap checks first: they run after every change of the page.
  const reflects = () => {
    if (full) return first() === full.first && count() === full.count;
    let any = false;
    for (const row of dataRows()) {
      if (!row.textContent.toLowerCase().includes(key)) return false;
      any = true;
    }
    return any;
  };
  if (!full && !key) return { first: first(), count: count() };
  if (!full && reflects()) return { error: `every row already contains ${key}` };
  let keydown = null;
  addEventListener('keydown', e => { keydown = e.timeStamp; }, { capture: true, once: true });
  window.__geaiKey = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (keydown === null || !reflects()) return;
      observer.disconnect();
      const shown = count();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ ms: performance.now() - keydown, rows: shown });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  input.focus();
  return { first: first(), count: count() };"#;

const AWAIT: &str = "const done = arguments[arguments.length - 1];
  setTimeout(() => done({ error: 'the table did not reflect the key within 30 s' }), 30000);
  window.__geaiKey.then(done);";

/// Measures the dashboard; react-admin only if it has as many projects (`anchor_projects`, read from its page).
pub async fn run(dist: &Path, anchor_projects: Option<u64>, summary: &mut Summary) {
    let seed =
        SeedConfig { projects: PROJECTS, assistants_per_project: 1, requests_per_project: 20, ..SeedConfig::default() };
    let app = App::dashboard(dist, seed).await;
    let browser = Browser::start().await;
    let load = app.load(&browser, app.projects).await;
    let full = arm(&browser, "", Value::Null).await;
    let (mut typed, mut cleared, mut lines) = (Vec::new(), Vec::new(), Vec::new());
    for key in KEYS {
        let (ms, rows) = timed_key(&browser, key, key, Value::Null).await;
        let (back_ms, all) = timed_key(&browser, "Backspace", "", full.clone()).await;
        typed.push(ms);
        cleared.push(back_ms);
        lines.push(format!("{key:?} -> {rows} rows {ms:.1} ms, Backspace -> {all} rows {back_ms:.0} ms"));
    }
    let shown = full["count"].as_u64().unwrap_or(0);
    println!(
        "keystroke to paint: one key into the projects search, {PROJECTS} projects ({shown} data rows in the DOM)"
    );
    println!("  (first row painted on this screen: {:.0} ms after navigation start)", load.painted);
    for line in lines {
        println!("  {line}");
    }
    println!("  keystroke: median {:.1} ms (each: {}), target {TARGET_MS} ms", median(&typed), list(&typed));
    println!("  Backspace, the unfiltered list back: median {:.0} ms (each: {})", median(&cleared), list(&cleared));
    let anchor = match anchor_projects {
        Some(n) => Err(format!("anchor has {n} projects")),
        None => Err("anchor's project count not found".into()),
    };
    let figure = "keystroke to paint, 10,000 projects";
    summary.add(figure, Unit::Ms, median(&typed), anchor.clone(), Target::Dashboard(TARGET_MS));
    summary.add("Backspace to unfiltered list painted", Unit::Ms, median(&cleared), anchor, Target::None);
}

/// Arms the page for `search` (see `ARM`), presses `key` and waits for the table to reflect it: milliseconds
/// and data rows shown.
async fn timed_key(browser: &Browser, key: &str, search: &str, full: Value) -> (f64, u64) {
    arm(browser, search, full).await;
    cdp::press_key(browser, key).await;
    let answer = browser.client.execute_async(AWAIT, vec![]).await.expect("the key is timed");
    if let Some(error) = answer["error"].as_str() {
        panic!("{error} (key {key:?})");
    }
    (answer["ms"].as_f64().expect("ms"), answer["rows"].as_u64().unwrap_or(0))
}

async fn arm(browser: &Browser, search: &str, full: Value) -> Value {
    let answer = browser.client.execute(ARM, vec![json!(ROWS), json!(search), full]).await.expect("arm the page");
    if let Some(error) = answer["error"].as_str() {
        panic!("{error}");
    }
    answer
}
