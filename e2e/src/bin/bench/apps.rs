//! The two apps under measurement, each served by its own geai-sandbox with `--dist` (same server code, same
//! headers, same precompressed brotli/gzip files), and how one load of a screen is timed in both.

use std::path::{Path, PathBuf};

use geai_admin::api::{AuthScheme, TokenIdentity, TokenScope};
use geai_admin::session::{Connection, Credential, STORAGE_KEY};
use geai_e2e::{cdp, Browser};
use geai_sandbox::config::{Config, SeedConfig};
use geai_sandbox::{LocalServer, Sandbox};
use geai_serve::forward::{LocalForwarder, Options, Upstream};
use serde_json::{json, Value};

pub struct App {
    pub name: &'static str,
    /// The built app the sandbox serves.
    pub dist: PathBuf,
    pub server: LocalServer,
    /// Where the browser loads the app from: the sandbox's own address, or the forwarding server's.
    pub url: String,
    /// With `App::forwarded`: geai-serve, serving the app and forwarding the API to `server`.
    forwarder: Option<LocalForwarder>,
    /// The projects screen, from the origin: a path for the dashboard, a hash route for react-admin.
    pub projects: &'static str,
    /// CSS selector of a data row (or of a cell only data rows have); a match counts once it has text, so
    /// that loading placeholders (react-admin's skeleton rows) do not.
    pub row: &'static str,
    /// The dashboard's session, put in sessionStorage before the app loads; react-admin needs none.
    session: Option<String>,
}

impl App {
    pub async fn dashboard(dist: &Path, seed: SeedConfig) -> Self {
        Self::dashboard_with(dist, seed, std::time::Duration::ZERO).await
    }

    /// [`App::dashboard`] with every API answer after `latency`.
    pub async fn dashboard_with(dist: &Path, seed: SeedConfig, latency: std::time::Duration) -> Self {
        let server = start(Config { dist: Some(dist.to_path_buf()), seed, latency, ..Config::default() }).await;
        let session = session(&server.sandbox, &server.url, false);
        Self {
            name: "dashboard",
            dist: dist.to_path_buf(),
            url: server.url.clone(),
            forwarder: None,
            server,
            projects: "/projects",
            row: "table tbody tr [elementtiming=project-row]",
            session: Some(session),
        }
    }

    /// react-admin on its own in-memory data: its sandbox's API is there but never called.
    pub async fn anchor(dist: &Path) -> Self {
        let server = start(Config { dist: Some(dist.to_path_buf()), ..Config::default() }).await;
        Self {
            name: "react-admin",
            dist: dist.to_path_buf(),
            url: server.url.clone(),
            forwarder: None,
            server,
            projects: "/#/projects",
            row: "table tbody tr",
            session: None,
        }
    }

    /// The dashboard as `cargo xtask run --upstream` serves it: geai-serve serving `dist` and forwarding the API
    /// to a sandbox (which serves no app) on another port.
    pub async fn forwarded(dist: &Path, seed: SeedConfig) -> Self {
        let server = start(Config { seed, ..Config::default() }).await;
        let upstream = Upstream::parse("--upstream", &server.url).expect("the sandbox's URL");
        let forwarder =
            LocalForwarder::start(&Options::new(dist.to_path_buf(), upstream)).await.expect("geai-serve starts");
        let url = forwarder.url.clone();
        let session = session(&server.sandbox, &url, false);
        Self {
            name: "dashboard through geai-serve",
            dist: dist.to_path_buf(),
            url,
            forwarder: Some(forwarder),
            server,
            projects: "/projects",
            row: "table tbody tr [elementtiming=project-row]",
            session: Some(session),
        }
    }

    /// Opens `path` in `browser` and times it (see `ROWS_SCRIPT`). The tab first visits the origin (a small
    /// JSON page of the sandbox that fetches nothing), to store the dashboard's session there; both apps do
    /// it, so that both measured navigations find the same warm connection and the same empty cache.
    pub async fn load(&self, browser: &Browser, path: &str) -> Load {
        let first_page = if self.forwarder.is_some() { FORWARDED_BLANK } else { SANDBOX_BLANK };
        sign_in_at(browser, &format!("{}{first_page}", self.url), self.session.as_deref().unwrap_or_default()).await;
        cdp::run_before_page_scripts(browser, &ROWS_SCRIPT.replace("ROW_SELECTOR", &json!(self.row).to_string())).await;
        browser.goto(&format!("{}{path}", self.url)).await;
        first_row_painted(browser).await
    }
}

/// What the page recorded when its first data row was painted.
#[derive(Debug)]
pub struct Load {
    /// Milliseconds from navigation start (the page's time origin).
    pub painted: f64,
    /// The navigation and every resource fetched by then, in the order the browser lists them.
    pub fetched: Vec<Fetched>,
}

/// One entry of the page's Navigation or Resource Timing.
#[derive(Clone, Debug)]
pub struct Fetched {
    pub url: String,
    pub navigation: bool,
    /// Bytes on the wire, headers included (0 when it came from the cache).
    pub transfer: u64,
    /// Body bytes as served, in the served content encoding.
    pub encoded: u64,
    /// When the request started and when its last byte arrived, in milliseconds from navigation start.
    pub start: f64,
    pub end: f64,
}

/// Injected by DevTools before any script of the page, the same for both apps: a MutationObserver waits for
/// the first data row with text; the next animation frame is the one that shows it, and a task posted from its
/// requestAnimationFrame callback runs after that frame is painted. `performance.now()` then is the time from
/// navigation start to rows on screen. No row count: a virtualized list has only the rows in view.
///
/// It also keeps the WebAssembly memories the page instantiates (wrapping `WebAssembly.instantiate` and
/// `instantiateStreaming`, which pass results through unchanged), to read their size later: wasm-bindgen's
/// glue holds its memory where no other script can reach it, and finding it on the heap instead
/// (`Runtime.queryObjects`) crashed the tab of the code-split build.
const ROWS_SCRIPT: &str = r#"(() => {
  const ROW = ROW_SELECTOR;
  const memories = new Set();
  const keep = result => {
    const exports = (result.instance || result).exports || {};
    for (const value of Object.values(exports)) if (value instanceof WebAssembly.Memory) memories.add(value);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
  window.__geaiWasmBytes = () => [...memories].reduce((sum, m) => sum + m.buffer.byteLength, 0);
  const hasRow = () => {
    for (const e of document.querySelectorAll(ROW)) if (/[\p{L}\p{N}]/u.test(e.textContent)) return true;
    return false;
  };
  const fetched = () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .map(e => ({ url: e.name, navigation: e.entryType === 'navigation', transfer: e.transferSize, encoded: e.encodedBodySize,
      start: e.startTime, end: e.responseEnd }))
    .concat([...performance.getEntriesByType('mark'), ...performance.getEntriesByType('paint')]
      .map(e => ({ url: `${e.entryType}: ${e.name}`, navigation: false, transfer: 0, encoded: 0, start: e.startTime, end: e.startTime })))
    .sort((a, b) => a.start - b.start);
  window.__geaiBench = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (!hasRow()) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ painted: performance.now(), fetched: fetched() });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
})();"#;

/// The page's memory right after a full garbage collection.
#[derive(Clone, Copy, Debug, Default)]
pub struct Memory {
    /// Live objects in the JavaScript heap.
    pub js_heap: u64,
    /// WebAssembly linear memory (not in the JavaScript heap); 0 without WebAssembly.
    pub wasm: u64,
}

/// Memory of the page `load` opened.
pub async fn memory(browser: &Browser) -> Memory {
    let js_heap = cdp::js_heap_after_gc(browser).await;
    let wasm = browser.eval("return window.__geaiWasmBytes ? window.__geaiWasmBytes() : 0").await;
    Memory { js_heap, wasm: wasm.as_u64().unwrap_or(0) }
}

/// Waits for the injected script's answer on the current document (after `load`, or after a reload).
pub async fn first_row_painted(browser: &Browser) -> Load {
    let answer = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             if (!window.__geaiBench) return done({ error: 'the script injected by DevTools did not run' });
             setTimeout(() => done({ error: 'no data row within 30 s' }), 30000);
             window.__geaiBench.then(done);",
            vec![],
        )
        .await
        .expect("the timing script answers");
    if let Some(error) = answer["error"].as_str() {
        let url = browser.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        panic!("{error} at {url}");
    }
    let number = |v: &Value| v.as_f64().expect("a number");
    let fetched = answer["fetched"].as_array().expect("the fetched files").iter().map(|e| Fetched {
        url: e["url"].as_str().unwrap_or_default().to_string(),
        navigation: e["navigation"].as_bool().unwrap_or(false),
        transfer: number(&e["transfer"]) as u64,
        encoded: number(&e["encoded"]) as u64,
        start: number(&e["start"]),
        end: number(&e["end"]),
    });
    Load { painted: number(&answer["painted"]), fetched: fetched.collect() }
}

pub async fn start(config: Config) -> LocalServer {
    LocalServer::start(Sandbox::new(config).expect("sandbox")).await.expect("serving on 127.0.0.1")
}

/// The session as the connect screen stores it, built from the dashboard's own types: the organization token,
/// and with `with_project` the first project's token too.
pub fn session(sandbox: &Sandbox, url: &str, with_project: bool) -> String {
    let (organization, projects) = sandbox.tokens();
    let organization_id = sandbox.read(|s| s.organization.id.clone());
    let credential = |token: String, scope| Credential {
        token,
        identity: TokenIdentity {
            scope,
            organization_id: Some(organization_id.clone()),
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

/// A small JSON page of the sandbox that fetches nothing: where a tab stores the session before the app loads.
const SANDBOX_BLANK: &str = "/__sandbox/faults";
/// The same through geai-serve, which forwards only the API: the sandbox's JSON answer to a path it does not have.
const FORWARDED_BLANK: &str = "/v2/__bench_blank";

/// Stores `session` (if not empty) on the origin of `url` without loading the app.
pub async fn sign_in(browser: &Browser, url: &str, session: &str) {
    sign_in_at(browser, &format!("{url}{SANDBOX_BLANK}"), session).await;
}

/// Opens `page` (on the app's origin, not the app itself) and stores `session` in its sessionStorage.
async fn sign_in_at(browser: &Browser, page: &str, session: &str) {
    browser.goto(page).await;
    if session.is_empty() {
        return;
    }
    let script = format!("sessionStorage.setItem({}, {}); return true", json!(STORAGE_KEY), json!(session));
    browser.eval(&script).await;
}
