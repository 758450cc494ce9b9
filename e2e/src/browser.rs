//! A headless Chromium behind its own ChromeDriver, both killed when the `Browser` is dropped.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::paths;

/// How long any wait for the page lasts before the test fails with what it was waiting for.
pub const PATIENCE: Duration = Duration::from_secs(15);

pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: std::path::PathBuf,
}

impl Browser {
    pub async fn start() -> Self {
        let port = free_port();
        let mut command = Command::new(paths::chromedriver());
        command
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // Its own process group, so that Drop kills ChromeDriver and every Chromium process it started.
        command.process_group(0);
        let driver = command.spawn().unwrap_or_else(|e| {
            panic!("cannot start {}: {e} (run `cargo xtask test`, which installs it)", paths::chromedriver().display())
        });
        let profile = std::env::temp_dir().join(format!("geai-e2e-profile-{}-{port}", std::process::id()));
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": paths::chromium(),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-default-apps", "--disable-extensions", "--no-first-run", "--disable-quic",
                    "--window-size=1280,900", format!("--user-data-dir={}", profile.display()),
                ],
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
            match builder.capabilities(capabilities.clone()).connect(&url).await {
                Ok(client) => break client,
                Err(e) if started.elapsed() > PATIENCE => panic!("ChromeDriver did not start a session: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        // Scripts (axe-core above all) get more than WebDriver's default 30 s: on a busy 2-core machine an audit
        // of a long table takes a while, and a slow audit is not a failed one.
        let timeouts = fantoccini::wd::TimeoutConfiguration::new(
            Some(Duration::from_secs(90)),
            Some(Duration::from_secs(60)),
            Some(Duration::ZERO),
        );
        client.update_timeouts(timeouts).await.expect("set the WebDriver timeouts");
        Self { client, driver, profile }
    }

    /// Resident memory of this browser's renderer processes (its tabs), in bytes, read from /proc: what the
    /// system gives the page, WebAssembly memory, JS heap, DOM and Blobs included.
    pub fn renderer_memory(&self) -> u64 {
        let group = self.driver.id();
        let Ok(entries) = std::fs::read_dir("/proc") else { return 0 };
        entries
            .flatten()
            .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
            .filter(|pid| process_group_of(*pid) == Some(group))
            .filter(|pid| {
                std::fs::read(format!("/proc/{pid}/cmdline"))
                    .is_ok_and(|cmd| String::from_utf8_lossy(&cmd).contains("--type=renderer"))
            })
            .filter_map(|pid| {
                let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
                let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
                let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
                Some(kib * 1024)
            })
            .sum()
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|e| panic!("goto {url}: {e}"));
    }

    /// Runs a script in the page and returns its value.
    pub async fn eval(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `check` until it gives `Some`, or fails the test naming `what` was awaited.
    pub async fn wait_until<T, F, Fut>(&self, what: &str, mut check: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        let started = Instant::now();
        loop {
            if let Some(value) = check().await {
                return value;
            }
            if started.elapsed() > PATIENCE {
                let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
                let body = self.eval("return document.body ? document.body.innerText : ''").await;
                panic!("timed out waiting for {what}\nat {url}\npage text:\n{}", body.as_str().unwrap_or_default());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn element(&self, css: &str) -> fantoccini::elements::Element {
        self.wait_until(&format!("an element matching `{css}`"), || async {
            self.client.find(Locator::Css(css)).await.ok()
        })
        .await
    }

    /// The visible text of the first element matching `css`, or "" if there is none.
    pub async fn text(&self, css: &str) -> String {
        let script = format!("const e = document.querySelector({}); return e ? e.innerText : ''", json!(css));
        self.eval(&script).await.as_str().unwrap_or_default().to_string()
    }

    /// Waits until the element matching `css` contains `expected`.
    pub async fn wait_for_text(&self, css: &str, expected: &str) -> String {
        self.wait_until(&format!("`{css}` to contain {expected:?}"), || async {
            let text = self.text(css).await;
            text.contains(expected).then_some(text)
        })
        .await
    }

    pub async fn click(&self, css: &str) {
        self.element(css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Replaces the value of an input by typing, as a person would: select all, delete, type. Real keystrokes
    /// fire the `input` events the app listens to (WebDriver's own "clear" may not).
    pub async fn type_into(&self, css: &str, text: &str) {
        const SELECT_ALL_DELETE: &str = "\u{e009}a\u{e009}\u{e017}";
        let input = self.element(css).await;
        input.send_keys(SELECT_ALL_DELETE).await.unwrap_or_else(|e| panic!("clear {css}: {e}"));
        if !text.is_empty() {
            input.send_keys(text).await.unwrap_or_else(|e| panic!("type into {css}: {e}"));
        }
    }

    /// The path and query of the current URL.
    pub async fn location(&self) -> String {
        let url = self.client.current_url().await.expect("current url");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_string(),
        }
    }

    pub async fn back(&self) {
        self.client.back().await.expect("history back");
    }

    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
    }

    /// Makes the page see `prefers-color-scheme: dark` (or `light`), as a system setting would.
    pub async fn emulate_color_scheme(&self, scheme: &str) {
        let params = json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] });
        self.devtools("Emulation.setEmulatedMedia", params).await;
    }

    /// Sends a Chrome DevTools Protocol command and returns its answer.
    pub async fn devtools(&self, method: &'static str, params: Value) -> Value {
        self.try_devtools(method, params.clone()).await.unwrap_or_else(|e| panic!("DevTools {method} {params}: {e}"))
    }

    /// [`Self::devtools`], with a failure given back rather than failing the test: a node can go between two
    /// calls.
    pub async fn try_devtools(&self, method: &str, params: Value) -> Result<Value, fantoccini::error::CmdError> {
        self.client.issue_cmd(DevToolsCommand { method: method.to_string(), params }).await
    }

    /// Lets pages of `origin` read and write the clipboard without asking, as a person who allowed it would.
    pub async fn allow_clipboard(&self, origin: &str) {
        let permissions = json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] });
        self.devtools("Browser.grantPermissions", permissions).await;
    }

    /// What the system clipboard holds now (needs `allow_clipboard`).
    pub async fn clipboard_text(&self) -> String {
        let text = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 navigator.clipboard.readText().then(done, e => done('clipboard error: ' + e));",
                vec![],
            )
            .await
            .expect("read the clipboard");
        text.as_str().unwrap_or_default().to_string()
    }

    /// Saves downloads into `dir` without asking.
    pub async fn allow_downloads(&self, dir: &std::path::Path) {
        let params = json!({ "behavior": "allow", "downloadPath": dir.to_string_lossy() });
        self.devtools("Browser.setDownloadBehavior", params).await;
    }

    /// Waits for the page's `confirm()` or `alert()` and returns its text.
    pub async fn dialog_text(&self) -> String {
        self.wait_until("a browser dialog", || async { self.client.get_alert_text().await.ok() }).await
    }

    /// A PNG of the window, for the README: into `GEAI_SCREENSHOTS` when set, else target/screenshots.
    pub async fn screenshot(&self, name: &str) {
        self.eval("window.scrollTo(0, 0); return true").await;
        let png = self.client.screenshot().await.expect("a screenshot");
        let dir = std::env::var_os("GEAI_SCREENSHOTS")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| paths::workspace_root().join("target/screenshots"));
        std::fs::create_dir_all(&dir).expect("a screenshot folder");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write the screenshot");
    }
}

/// A Chrome DevTools Protocol command, sent through ChromeDriver's `goog/cdp/execute` endpoint: for what
/// WebDriver itself cannot do, such as emulating media features.
#[derive(Debug)]
struct DevToolsCommand {
    method: String,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevToolsCommand {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.method, "params": self.params }).to_string()))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        // Ends ChromeDriver and the Chromium it started; a failure leaves nothing worse than a stray process.
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// The process group of `pid`: field 5 of /proc/PID/stat, after the parenthesised command name.
fn process_group_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?.1.split_whitespace().nth(2)?.parse().ok()
}

pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    listener.local_addr().expect("local address").port()
}
